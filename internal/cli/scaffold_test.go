package cli

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/whichflow/whichflow/advisor"
	"github.com/whichflow/whichflow/internal/iostreams"
)

func TestNewCmdScaffoldFlags(t *testing.T) {
	io, _, _, _ := iostreams.Test()
	f := &Factory{IOStreams: io}
	var got *ScaffoldOptions
	cmd := NewCmdScaffold(f, func(o *ScaffoldOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"--as", "terraform-okta", "--client", "spa", "--backend", "--redirect-uri", "https://a.example/cb",
		"--redirect-uri", "https://b.example/cb", "--client-id", "shop", "--name", "Shop", "--write", "x.tf", "--force"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Format != "terraform-okta" || got.ClientID != "shop" || got.Name != "Shop" || got.Write != "x.tf" || !got.Force {
		t.Errorf("options: %+v", got)
	}
	if !slices.Equal(got.RedirectURIs, []string{"https://a.example/cb", "https://b.example/cb"}) {
		t.Errorf("redirect URIs: %v", got.RedirectURIs)
	}
	if got.Answers["client"] != "spa" || got.Answers["backend"] != "true" {
		t.Errorf("answers: %v", got.Answers)
	}
}

func TestScaffoldRunWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "client.json")
	run := func(force bool) (string, error) {
		io, _, out, errOut := iostreams.Test()
		f := &Factory{IOStreams: io}
		cmd := NewCmdScaffold(f, nil)
		cmd.SilenceUsage = true
		args := []string{"--as", "rfc7591", "--client", "machine", "--write", path}
		if force {
			args = append(args, "--force")
		}
		cmd.SetArgs(args)
		cmd.SetOut(out)
		cmd.SetErr(errOut)
		err := cmd.Execute()
		if out.Len() > 0 {
			t.Errorf("stdout not empty with --write: %q", out)
		}
		return errOut.String(), err
	}
	if stderr, err := run(false); err != nil || !strings.Contains(stderr, "✓ wrote "+path) {
		t.Fatalf("first write: %v %q", err, stderr)
	}
	if err := os.WriteFile(path, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := run(false); err == nil || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("overwrite without --force: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "keep" {
		t.Fatalf("file changed without --force")
	}
	if _, err := run(true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); !strings.Contains(string(b), `"client_credentials"`) {
		t.Fatalf("not overwritten with --force: %s", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
}

// On a terminal scaffold asks advise's questions, only those that matter.
func TestScaffoldRunInteractive(t *testing.T) {
	io, _, out, _ := iostreams.Test()
	io.SetStdinTTY(true)
	io.SetStderrTTY(true)
	ask := &fakeAsker{answers: map[string]string{"client": "spa", "backend": "true"}}
	opts := &ScaffoldOptions{AnswerOptions: AnswerOptions{IO: io, Answers: advisor.Answers{}, Prompt: func(context.Context) asker { return ask }}, Format: "keycloak"}
	if err := scaffoldRun(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(ask.asked, ","), "client,backend,security,servers,login,provider"; got != want {
		t.Errorf("asked %s, want %s", got, want)
	}
	if !strings.Contains(out.String(), `"publicClient": false`) {
		t.Errorf("spa with a backend should be a confidential BFF client:\n%s", out)
	}
}

func TestScaffoldRunCancelled(t *testing.T) {
	io, _, out, _ := iostreams.Test()
	io.SetStdinTTY(true)
	io.SetStderrTTY(true)
	ask := &fakeAsker{err: errAbortedForTest}
	opts := &ScaffoldOptions{AnswerOptions: AnswerOptions{IO: io, Answers: advisor.Answers{}, Prompt: func(context.Context) asker { return ask }}, Format: "rfc7591"}
	if err := scaffoldRun(context.Background(), opts); !errors.Is(err, ErrCancel) || out.Len() != 0 {
		t.Fatalf("err = %v, stdout %q", err, out)
	}
}
