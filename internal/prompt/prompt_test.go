package prompt

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/iostreams"
)

func facet(id string) flows.Facet {
	f, ok := flows.FacetByID(id)
	if !ok {
		panic(id)
	}
	return f
}

// Successive questions read successive lines of piped input: the bug in
// huh v1.0.0's accessible mode this package works around. Piped answers
// are echoed, so the transcript reads as a dialogue.
func TestAccessiblePipedAnswers(t *testing.T) {
	s, in, out, errOut := iostreams.Test()
	in.WriteString("5\n2\n\nhigh\n")
	p := New(context.Background(), s, true)
	defer p.Close()
	var got []string
	for _, id := range []string{"client", "browser", "security", "security"} {
		v, err := p.Ask(facet(id))
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		got = append(got, v)
	}
	if want := "cli,false,standard,high"; strings.Join(got, ",") != want {
		t.Errorf("answers %v, want %s", got, want)
	}
	if out.Len() != 0 {
		t.Errorf("prompts written to stdout: %q", out)
	}
	for _, want := range []string{"What kind of client is it?", "5. Command-line tool: a CLI", fmt.Sprintf("Enter a number between 1 and %d: 5\n", len(facet("client").Options)),
		"Enter a number between 1 and 2 (default 1): 2\n", "(default 1): \n", ": high\n", "(" + facet("browser").Hint + ")"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
}

func TestAccessibleRetriesAndEOF(t *testing.T) {
	s, in, _, errOut := iostreams.Test()
	in.WriteString("42\nnope\n3\n")
	p := New(context.Background(), s, true)
	defer p.Close()
	v, err := p.Ask(facet("client"))
	if err != nil || v != "spa" {
		t.Fatalf("got %q, %v", v, err)
	}
	if !strings.Contains(errOut.String(), `"42" is not one of the choices`) {
		t.Errorf("no retry message: %s", errOut)
	}
	// End of input before an answer names the question, never a silent
	// default and not an interrupt.
	_, err = p.Ask(facet("client"))
	var noAnswer *NoAnswerError
	if !errors.As(err, &noAnswer) || noAnswer.Facet.ID != "client" || !strings.Contains(err.Error(), `no answer for "What kind of client is it?" (standard input ended)`) {
		t.Errorf("EOF: err = %v, want a NoAnswerError for client", err)
	}
}

func TestAccessibleGivesUpAfterFiveBadAnswers(t *testing.T) {
	s, in, _, _ := iostreams.Test()
	in.WriteString(strings.Repeat("x\n", 6))
	var noAnswer *NoAnswerError
	if _, err := New(context.Background(), s, true).Ask(facet("client")); !errors.As(err, &noAnswer) {
		t.Errorf("err = %v, want a NoAnswerError", err)
	}
}

// An interrupt ends a question that waits for a line: the read of a
// terminal in accessible mode never sees Ctrl-C, the context does.
func TestAccessibleInterrupt(t *testing.T) {
	s, _, _, _ := iostreams.Test()
	pr, pw := io.Pipe()
	defer pw.Close()
	s.In = pr
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	p := New(ctx, s, true)
	defer p.Close()
	done := make(chan error, 1)
	go func() { _, err := p.Ask(facet("client")); done <- err }()
	select {
	case err := <-done:
		if !errors.Is(err, ErrAborted) {
			t.Errorf("err = %v, want ErrAborted", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the question ignored the interrupt")
	}
}

// A form's reader stops after an Enter and leaves the rest for the next
// question: "\r" for one form, "j\r" for the next, even when they arrive
// in one read.
func TestFormReaderKeepsTypedAheadKeys(t *testing.T) {
	in := newInput(bytes.NewReader([]byte("\rj\rx")))
	defer in.close()
	first := in.forForm()
	buf := make([]byte, 64)
	n, err := first.Read(buf)
	if err != nil || string(buf[:n]) != "\r" {
		t.Fatalf("first form read %q, %v", buf[:n], err)
	}
	// The form ends while its read loop asks for more.
	go func() { time.Sleep(20 * time.Millisecond); first.finish() }()
	if n, err := first.Read(buf); n != 0 || err != io.EOF {
		t.Fatalf("finished form read %q, %v; want EOF and nothing taken", buf[:n], err)
	}
	second := in.forForm()
	n, err = second.Read(buf)
	if err != nil || string(buf[:n]) != "j\r" {
		t.Fatalf("second form read %q, %v; want the keys typed ahead", buf[:n], err)
	}
	second.finish()
	third := in.forForm()
	n, _ = third.Read(buf)
	if string(buf[:n]) != "x" {
		t.Fatalf("third form read %q", buf[:n])
	}
}

// The prompts' colour follows stderr, where they are, not stdout: with
// stdout redirected (whichflow > advice.md) they stay coloured.
func TestFormColourFollowsStderr(t *testing.T) {
	for _, tt := range []struct {
		colorErr, want bool
	}{{true, true}, {false, false}} {
		s, _, _, _ := iostreams.Test()
		s.SetColorEnabled(false) // stdout redirected
		s.SetColorEnabledErr(tt.colorErr)
		p := New(context.Background(), s, false)
		got := p.formTheme().Focused.Title.Render("What kind of client is it?")
		if strings.Contains(got, "\x1b[") != tt.want {
			t.Errorf("stderr colour %v: title rendered %q", tt.colorErr, got)
		}
	}
}

func TestKeyMapQuitsOnEscAndCtrlC(t *testing.T) {
	km := keyMap()
	for _, k := range []tea.KeyMsg{{Type: tea.KeyEsc}, {Type: tea.KeyCtrlC}} {
		if !key.Matches(k, km.Quit) {
			t.Errorf("%s does not quit", k)
		}
	}
}
