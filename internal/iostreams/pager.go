package iostreams

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"

	"golang.org/x/term"
)

// defaultPager is gh's and git's: quit at once when the text fits (-F), keep
// colours (-R), leave the text on the screen (-X).
const defaultPager = "less -FRX"

// pagerFromEnv chooses the pager as gh does: $WHICHFLOW_PAGER, then $PAGER,
// then less. A variable set to "" or "cat" turns paging off.
func pagerFromEnv() string {
	for _, k := range []string{"WHICHFLOW_PAGER", "PAGER"} {
		if v, ok := os.LookupEnv(k); ok {
			return v
		}
	}
	return defaultPager
}

// SetPager sets the pager command ("" turns paging off, e.g. --no-pager).
func (s *IOStreams) SetPager(cmd string) { s.pager = cmd }

// Pager returns the pager command, "" when paging is off.
func (s *IOStreams) Pager() string {
	if p := strings.TrimSpace(s.pager); p != "cat" {
		return p
	}
	return ""
}

// TerminalHeight is stdout's height in rows, 0 when unknown.
func (s *IOStreams) TerminalHeight() int {
	if s.termHeight != nil {
		return s.termHeight()
	}
	return 0
}

// TerminalWidth is stdout's width in columns, or def when stdout is not a
// terminal of known width.
func (s *IOStreams) TerminalWidth(def int) int {
	if s.termWidth != nil {
		if w := s.termWidth(); w > 0 {
			return w
		}
	}
	return def
}

// SetTerminalHeight overrides the terminal height (tests).
func (s *IOStreams) SetTerminalHeight(rows int) { s.termHeight = func() int { return rows } }

func fileSize(f *os.File) (width, height func() int) {
	size := func() (int, int) {
		w, h, err := term.GetSize(int(f.Fd()))
		if err != nil {
			return 0, 0
		}
		return w, h
	}
	return func() int { w, _ := size(); return w }, func() int { _, h := size(); return h }
}

// WritePaged writes the product to Out, through the pager when a person
// would otherwise watch it scroll away: stdout is a terminal whose height
// is known and data is taller than it. Piped output is never paged. A pager
// that cannot be started is skipped: the text is written directly.
func (s *IOStreams) WritePaged(data []byte) error {
	pager := s.Pager()
	rows := s.TerminalHeight()
	if pager == "" || !s.stdoutTTY || rows <= 0 || bytes.Count(data, []byte("\n")) < rows {
		_, err := s.Out.Write(data)
		return err
	}
	if _, err := exec.LookPath(strings.Fields(pager)[0]); err != nil {
		_, err := s.Out.Write(data)
		return err
	}
	cmd := exec.Command("/bin/sh", "-c", pager)
	cmd.Stdin = bytes.NewReader(data)
	cmd.Stdout = s.Out
	cmd.Stderr = s.ErrOut
	cmd.Env = os.Environ()
	// As git and gh do: less and lv keep colours and quit on a short text.
	if _, ok := os.LookupEnv("LESS"); !ok {
		cmd.Env = append(cmd.Env, "LESS=FRX")
	}
	if _, ok := os.LookupEnv("LV"); !ok {
		cmd.Env = append(cmd.Env, "LV=-c")
	}
	err := cmd.Run()
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		// The reader quit the pager (q, Ctrl-C): not whichflow's failure.
		return nil
	}
	return err
}
