// Package prompt asks the questionnaire's questions: one single-field huh
// form per question on a terminal, and plain numbered prompts in accessible
// mode. Everything goes to stderr; stdout is kept for the product.
package prompt

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/huh"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/iostreams"
)

// ErrAborted is returned when the user presses Esc or Ctrl-C, or standard
// input ends before an answer.
var ErrAborted = errors.New("aborted")

// Prompter asks questions on the given streams.
type Prompter struct {
	in         *lineReader
	out        io.Writer
	accessible bool
	rawIn      io.Reader
}

// New returns a Prompter for io; accessible selects plain prompts.
func New(s *iostreams.IOStreams, accessible bool) *Prompter {
	return &Prompter{in: &lineReader{r: bufio.NewReader(s.In)}, rawIn: s.In, out: s.ErrOut, accessible: accessible}
}

// Ask asks one facet and returns the chosen value.
func (p *Prompter) Ask(f flows.Facet) (string, error) {
	if p.accessible {
		return p.askAccessible(f)
	}
	value := f.Default
	if value == "" && len(f.Options) > 0 {
		value = f.Options[0].Value
	}
	opts := make([]huh.Option[string], len(f.Options))
	for i, o := range f.Options {
		label := o.Label
		if o.Description != "" {
			label += " — " + o.Description
		}
		opts[i] = huh.NewOption(label, o.Value)
	}
	sel := huh.NewSelect[string]().Title(f.Question).Description(questionHelp(f)).Options(opts...).Value(&value)
	form := huh.NewForm(huh.NewGroup(sel)).
		WithInput(p.rawIn).
		WithOutput(p.out).
		WithShowHelp(true).
		WithTheme(huh.ThemeBase16())
	if err := form.Run(); err != nil {
		if errors.Is(err, huh.ErrUserAborted) {
			return "", ErrAborted
		}
		return "", err
	}
	// The form clears itself; leave a record of the answer on stderr.
	fmt.Fprintf(p.out, "✓ %s %s\n", f.Question, optionLabel(f, value))
	return value, nil
}

// questionHelp drops the "spa only:" scope prefix of a flag's help: the
// questionnaire only asks what applies.
func questionHelp(f flows.Facet) string {
	if len(f.AskWhenClient) > 0 {
		if _, after, ok := strings.Cut(f.Help, ": "); ok {
			return after
		}
	}
	return f.Help
}

func optionLabel(f flows.Facet, v string) string {
	for _, o := range f.Options {
		if o.Value == v {
			return o.Label
		}
	}
	return v
}

// askAccessible is whichflow's own plain prompt: huh v1.0.0's accessible
// mode buffers stdin per field (losing piped answers after the first) and
// cannot report end of input, so questions are read line by line here.
func (p *Prompter) askAccessible(f flows.Facet) (string, error) {
	def := 0
	fmt.Fprintf(p.out, "%s\n", f.Question)
	if h := questionHelp(f); h != "" {
		fmt.Fprintf(p.out, "(%s)\n", h)
	}
	for i, o := range f.Options {
		line := fmt.Sprintf("%d. %s", i+1, o.Label)
		if o.Description != "" {
			line += ": " + o.Description
		}
		fmt.Fprintln(p.out, line)
		if o.Value == f.Default {
			def = i + 1
		}
	}
	for tries := 0; tries < 5; tries++ {
		if def > 0 {
			fmt.Fprintf(p.out, "Enter a number between 1 and %d (default %d): ", len(f.Options), def)
		} else {
			fmt.Fprintf(p.out, "Enter a number between 1 and %d: ", len(f.Options))
		}
		line, err := p.in.ReadLine()
		if err != nil {
			fmt.Fprintln(p.out)
			return "", ErrAborted
		}
		line = strings.TrimSpace(line)
		if line == "" && def > 0 {
			return f.Options[def-1].Value, nil
		}
		if n, err := strconv.Atoi(line); err == nil && n >= 1 && n <= len(f.Options) {
			return f.Options[n-1].Value, nil
		}
		// Accept the value itself too ("spa"), handy in scripts.
		for _, o := range f.Options {
			if strings.EqualFold(line, o.Value) {
				return o.Value, nil
			}
		}
		fmt.Fprintf(p.out, "%q is not one of the choices.\n", line)
	}
	return "", ErrAborted
}

// lineReader reads one line at a time from a shared buffer, so successive
// questions see successive lines of piped input.
type lineReader struct{ r *bufio.Reader }

func (l *lineReader) ReadLine() (string, error) {
	s, err := l.r.ReadString('\n')
	if err != nil && (s == "" || !errors.Is(err, io.EOF)) {
		return "", err
	}
	return strings.TrimRight(s, "\r\n"), nil
}
