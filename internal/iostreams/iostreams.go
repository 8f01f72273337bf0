// Package iostreams is the one place whichflow touches the process's
// standard streams: In, Out (the product), ErrOut (everything else), and
// what each of them is connected to.
package iostreams

import (
	"bytes"
	"io"
	"os"
	"strings"

	"golang.org/x/term"
)

// IOStreams carries the streams and their terminal state (gh style).
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stdinTTY, stdoutTTY, stderrTTY bool
	colorOut, colorErr             bool
	neverPrompt                    bool
	accessible                     bool
	pager                          string
	termWidth, termHeight          func() int
}

// System returns the process's streams. Terminal probing is a few cheap
// ioctls; nothing here touches the network or the terminal's state.
func System() *IOStreams {
	s := &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr}
	s.stdinTTY = isTerminal(os.Stdin)
	s.stdoutTTY = isTerminal(os.Stdout)
	s.stderrTTY = isTerminal(os.Stderr)
	if v := os.Getenv("WHICHFLOW_FORCE_TTY"); truthy(v) {
		s.stdinTTY, s.stdoutTTY, s.stderrTTY = true, true, true
	}
	s.colorOut = colorAllowed(s.stdoutTTY)
	s.colorErr = colorAllowed(s.stderrTTY)
	s.accessible = truthy(os.Getenv("ACCESSIBLE"))
	s.pager = pagerFromEnv()
	s.termWidth, s.termHeight = fileSize(os.Stdout)
	return s
}

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

func truthy(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "0", "false", "no", "off":
		return false
	}
	return true
}

// colorAllowed honours NO_COLOR (no-color.org), CLICOLOR=0 and
// CLICOLOR_FORCE.
func colorAllowed(tty bool) bool {
	if os.Getenv("NO_COLOR") != "" { // no-color.org: present and not empty
		return false
	}
	if truthy(os.Getenv("CLICOLOR_FORCE")) {
		return true
	}
	if v := os.Getenv("CLICOLOR"); v != "" && !truthy(v) {
		return false
	}
	return tty && os.Getenv("TERM") != "dumb"
}

// Test returns streams backed by buffers, none of them a terminal.
func Test() (s *IOStreams, in *bytes.Buffer, out *bytes.Buffer, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut}, in, out, errOut
}

// IsStdinTTY reports whether standard input is a terminal.
func (s *IOStreams) IsStdinTTY() bool { return s.stdinTTY }

// IsStdoutTTY reports whether standard output is a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.stdoutTTY }

// IsStderrTTY reports whether standard error is a terminal.
func (s *IOStreams) IsStderrTTY() bool { return s.stderrTTY }

// SetStdinTTY overrides terminal detection (tests).
func (s *IOStreams) SetStdinTTY(v bool) { s.stdinTTY = v }

// SetStdoutTTY overrides terminal detection (tests).
func (s *IOStreams) SetStdoutTTY(v bool) { s.stdoutTTY = v }

// SetStderrTTY overrides terminal detection (tests).
func (s *IOStreams) SetStderrTTY(v bool) { s.stderrTTY = v }

// ColorEnabled reports whether stdout may carry ANSI styling.
func (s *IOStreams) ColorEnabled() bool { return s.colorOut }

// SetColorEnabled overrides colour detection for stdout (tests).
func (s *IOStreams) SetColorEnabled(v bool) { s.colorOut = v }

// ColorEnabledErr reports whether stderr may carry ANSI styling.
func (s *IOStreams) ColorEnabledErr() bool { return s.colorErr }

// SetColorEnabledErr overrides colour detection for stderr (tests).
func (s *IOStreams) SetColorEnabledErr(v bool) { s.colorErr = v }

// SetNeverPrompt forbids prompting (e.g. --no-prompt).
func (s *IOStreams) SetNeverPrompt(v bool) { s.neverPrompt = v }

// CanPrompt is true when a human can answer: stdin and stderr are
// terminals (stdout may be redirected: `whichflow > advice.md` still asks),
// or accessible mode reads answers line by line from stdin.
func (s *IOStreams) CanPrompt() bool {
	if s.neverPrompt {
		return false
	}
	return (s.stdinTTY && s.stderrTTY) || s.accessible
}

// Accessible reports whether prompts use accessible (screen reader) mode.
func (s *IOStreams) Accessible() bool { return s.accessible }

// SetAccessible turns accessible mode on.
func (s *IOStreams) SetAccessible(v bool) { s.accessible = v }
