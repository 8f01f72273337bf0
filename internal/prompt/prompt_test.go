package prompt

import (
	"errors"
	"strings"
	"testing"

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
// huh v1.0.0's accessible mode this package works around.
func TestAccessiblePipedAnswers(t *testing.T) {
	s, in, out, errOut := iostreams.Test()
	in.WriteString("5\n2\n\nhigh\n")
	p := New(s, true)
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
	for _, want := range []string{"What kind of client is it?", "5. Command-line tool: a CLI", "Enter a number between 1 and 2 (default 1)"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
}

func TestAccessibleRetriesAndEOF(t *testing.T) {
	s, in, _, errOut := iostreams.Test()
	in.WriteString("42\nnope\n3\n")
	p := New(s, true)
	v, err := p.Ask(facet("client"))
	if err != nil || v != "spa" {
		t.Fatalf("got %q, %v", v, err)
	}
	if !strings.Contains(errOut.String(), `"42" is not one of the choices`) {
		t.Errorf("no retry message: %s", errOut)
	}
	// End of input before an answer is an abort, never a silent default.
	if _, err := p.Ask(facet("client")); !errors.Is(err, ErrAborted) {
		t.Errorf("EOF: err = %v, want ErrAborted", err)
	}
}

func TestAccessibleGivesUpAfterFiveBadAnswers(t *testing.T) {
	s, in, _, _ := iostreams.Test()
	in.WriteString(strings.Repeat("x\n", 6))
	if _, err := New(s, true).Ask(facet("client")); !errors.Is(err, ErrAborted) {
		t.Errorf("err = %v, want ErrAborted", err)
	}
}
