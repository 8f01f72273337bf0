// Package prompt asks the questionnaire's questions: one single-field huh
// form per question on a terminal, and plain numbered prompts in accessible
// mode. Everything goes to stderr; stdout is kept for the product.
package prompt

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"golang.org/x/term"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/iostreams"
)

// ErrAborted is returned when the user presses Esc or Ctrl-C.
var ErrAborted = errors.New("aborted")

// NoAnswerError says a question got no usable answer: standard input ended
// (piped answers ran out) or every try was invalid.
type NoAnswerError struct {
	Facet  flows.Facet
	Reason string
}

func (e *NoAnswerError) Error() string {
	return fmt.Sprintf("no answer for %q (%s)", e.Facet.Question, e.Reason)
}

// maxTries bounds the invalid answers to one accessible question.
const maxTries = 5

// Prompter asks questions on the given streams. Close it after the last
// question: it restores the terminal and stops reading standard input.
type Prompter struct {
	ctx        context.Context
	streams    *iostreams.IOStreams
	out        io.Writer
	accessible bool
	// echo repeats answers read from a pipe, so the transcript on stderr
	// reads as a dialogue.
	echo bool

	in       *input
	rawState *term.State
	rawFd    int
	theme    *huh.Theme
}

// New returns a Prompter for s; accessible selects plain prompts. ctx ends
// a question early (an interrupt), as an abort.
func New(ctx context.Context, s *iostreams.IOStreams, accessible bool) *Prompter {
	return &Prompter{ctx: ctx, streams: s, out: s.ErrOut, accessible: accessible, echo: accessible && !s.IsStdinTTY()}
}

// Close restores the terminal and stops reading standard input.
func (p *Prompter) Close() error {
	if p.in != nil {
		p.in.close()
	}
	if p.rawState != nil {
		err := term.Restore(p.rawFd, p.rawState)
		p.rawState = nil
		return err
	}
	return nil
}

func (p *Prompter) input() *input {
	if p.in == nil {
		p.in = newInput(p.streams.In)
	}
	return p.in
}

// Ask asks one facet and returns the chosen value.
func (p *Prompter) Ask(f flows.Facet) (string, error) {
	if err := p.ctx.Err(); err != nil {
		return "", ErrAborted
	}
	if p.accessible {
		return p.askAccessible(f)
	}
	return p.askForm(f)
}

// keyMap is huh's with Esc as well as Ctrl-C to quit (exit 130).
func keyMap() *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	km.Quit = key.NewBinding(key.WithKeys("ctrl+c", "esc"), key.WithHelp("esc", "quit"))
	return km
}

// formModel runs a huh form and releases its reader the moment the form
// ends, so that keys typed after the answer go to the next question.
type formModel struct {
	form *huh.Form
	r    *formReader
}

func (m formModel) Init() tea.Cmd { return m.form.Init() }

func (m formModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	fm, cmd := m.form.Update(msg)
	m.form = fm.(*huh.Form)
	if m.form.State != huh.StateNormal {
		m.r.finish()
	}
	return m, cmd
}

func (m formModel) View() string { return m.form.View() }

func (p *Prompter) askForm(f flows.Facet) (string, error) {
	if err := p.enterRawMode(); err != nil {
		return "", err
	}
	value := f.Default
	if value == "" && len(f.Options) > 0 {
		value = f.Options[0].Value
	}
	// Options are labels alone, one line each: a description wrapped at 80
	// columns read as further options. The highlighted option's
	// description is shown under the question instead.
	opts := make([]huh.Option[string], len(f.Options))
	descriptions := map[string]string{}
	for i, o := range f.Options {
		opts[i] = huh.NewOption(o.Label, o.Value)
		descriptions[o.Value] = o.Description
	}
	describe := func() string {
		if d := descriptions[value]; d != "" {
			return f.Hint + "\n→ " + d
		}
		return f.Hint
	}
	sel := huh.NewSelect[string]().Title(f.Question).DescriptionFunc(describe, &value).Options(opts...).Value(&value)
	form := huh.NewForm(huh.NewGroup(sel)).
		WithShowHelp(true).
		WithKeyMap(keyMap()).
		WithTheme(p.formTheme())
	form.SubmitCmd = tea.Quit
	form.CancelCmd = tea.Interrupt

	r := p.input().forForm()
	defer r.finish()
	final, err := tea.NewProgram(formModel{form: form, r: r},
		tea.WithInput(r), tea.WithOutput(p.out), tea.WithContext(p.ctx)).Run()
	r.finish()
	if m, ok := final.(formModel); ok && m.form.State == huh.StateAborted {
		return "", ErrAborted
	}
	if errors.Is(err, tea.ErrInterrupted) || errors.Is(err, tea.ErrProgramKilled) || p.ctx.Err() != nil {
		return "", ErrAborted
	}
	if err != nil {
		return "", fmt.Errorf("asking %q: %w", f.Question, err)
	}
	// The form clears itself; leave a record of the answer on stderr. The
	// terminal is raw between questions: end lines with \r\n.
	fmt.Fprintf(p.out, "%s %s\r\n", p.mark("✓"), f.Question+" "+f.OptionLabel(value))
	return value, nil
}

// enterRawMode puts the terminal in raw mode for the whole questionnaire,
// not only while a form runs: keys typed between two questions then stay
// keys (Enter stays \r, nothing is echoed) for the next one.
func (p *Prompter) enterRawMode() error {
	if p.rawState != nil {
		return nil
	}
	file, ok := p.streams.In.(*os.File)
	if !ok || !term.IsTerminal(int(file.Fd())) {
		return nil
	}
	st, err := term.MakeRaw(int(file.Fd()))
	if err != nil {
		return fmt.Errorf("cannot read keys from the terminal: %w", err)
	}
	p.rawState, p.rawFd = st, int(file.Fd())
	return nil
}

// formTheme builds the form's styles on a renderer of stderr, where the
// prompts are: their colour follows stderr, not a redirected stdout. The
// background is not queried (the reply would race with typed keys).
func (p *Prompter) formTheme() *huh.Theme {
	if p.theme != nil {
		return p.theme
	}
	r := lipgloss.NewRenderer(p.out)
	if p.streams.ColorEnabledErr() {
		r.SetColorProfile(termenv.ANSI)
	} else {
		r.SetColorProfile(termenv.Ascii)
	}
	r.SetHasDarkBackground(!lightBackground())
	lipgloss.SetDefaultRenderer(r)
	p.theme = huh.ThemeBase16()
	return p.theme
}

// lightBackground reads COLORFGBG ("15;0" is light on dark), set by many
// terminals; without it, dark is assumed.
func lightBackground() bool {
	v := os.Getenv("COLORFGBG")
	i := strings.LastIndexByte(v, ';')
	if i < 0 {
		return false
	}
	bg, err := strconv.Atoi(v[i+1:])
	return err == nil && (bg == 7 || bg >= 9)
}

func (p *Prompter) mark(s string) string {
	if !p.streams.ColorEnabledErr() {
		return s
	}
	return "\x1b[32m" + s + "\x1b[0m"
}

// askAccessible is whichflow's own plain prompt: huh v1.0.0's accessible
// mode buffers stdin per field (losing piped answers after the first) and
// cannot report end of input, so questions are read line by line here.
func (p *Prompter) askAccessible(f flows.Facet) (string, error) {
	def := 0
	fmt.Fprintf(p.out, "%s\n", f.Question)
	if f.Hint != "" {
		fmt.Fprintf(p.out, "(%s)\n", f.Hint)
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
	for tries := 0; tries < maxTries; tries++ {
		if def > 0 {
			fmt.Fprintf(p.out, "Enter a number between 1 and %d (default %d): ", len(f.Options), def)
		} else {
			fmt.Fprintf(p.out, "Enter a number between 1 and %d: ", len(f.Options))
		}
		line, err := p.input().readLine(p.ctx.Done())
		if errors.Is(err, errDone) {
			fmt.Fprintln(p.out)
			return "", ErrAborted
		}
		if err != nil {
			fmt.Fprintln(p.out)
			reason := "standard input ended"
			if !errors.Is(err, io.EOF) {
				reason = "cannot read standard input: " + err.Error()
			}
			return "", &NoAnswerError{Facet: f, Reason: reason}
		}
		if p.echo {
			fmt.Fprintln(p.out, line)
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
	return "", &NoAnswerError{Facet: f, Reason: fmt.Sprintf("%d answers that are not among the choices", maxTries)}
}
