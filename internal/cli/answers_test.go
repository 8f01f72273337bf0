package cli

import (
	"io"
	"strings"
	"testing"
)

// endless is standard input that never ends (yes | whichflow, /dev/zero).
type endless struct{ read int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	e.read += int64(len(p))
	return len(p), nil
}

// --answers - stops reading at the cap: memory stays bounded whatever
// standard input holds.
func TestAnswersFromStdinAreCapped(t *testing.T) {
	in := &endless{}
	_, _, err := readAnswersFile(answersStdin, in)
	if err == nil || !strings.Contains(err.Error(), "larger than 1 MiB") {
		t.Fatalf("err = %v", err)
	}
	if in.read > 2*maxAnswersSize {
		t.Errorf("read %d bytes for a %d-byte cap", in.read, maxAnswersSize)
	}
}

func TestAnswersFromStdin(t *testing.T) {
	a, servers, err := readAnswersFile(answersStdin, io.MultiReader(strings.NewReader("client: cli\nbrowser: false\nissuer: https://id.example.com\nresource: https://mcp.example.com/mcp\n")))
	if err != nil {
		t.Fatal(err)
	}
	if a["client"] != "cli" || a["browser"] != "false" || servers.Issuer != "https://id.example.com" || servers.Resource != "https://mcp.example.com/mcp" {
		t.Errorf("answers %v, servers %+v", a, servers)
	}
}
