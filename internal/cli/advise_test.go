package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whichflow/whichflow/advisor"
	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/iostreams"
)

func testFactory() (*Factory, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	io, in, out, errOut := iostreams.Test()
	return &Factory{IOStreams: io, Version: "test"}, in, out, errOut
}

// TestNewCmdAdvise checks flag parsing into AdviseOptions (gh's
// TestNewCmdX): no work runs.
func TestNewCmdAdvise(t *testing.T) {
	tests := []struct {
		args    []string
		answers advisor.Answers
		format  string
		wantErr string
	}{
		{[]string{"--client", "spa"}, advisor.Answers{"client": "spa"}, "text", ""},
		{[]string{"--client", "spa", "--backend"}, advisor.Answers{"client": "spa", "backend": "true"}, "text", ""},
		{[]string{"--client=cli", "--browser=false", "--format", "json"}, advisor.Answers{"client": "cli", "browser": "false"}, "json", ""},
		{[]string{"--client", "third-party", "--assertion", "token", "--security", "high", "--provider", "okta"},
			advisor.Answers{"client": "third-party", "assertion": "token", "security": "high", "provider": "okta"}, "text", ""},
		{[]string{"--client", "mainframe"}, nil, "", "valid values are machine, web, spa"},
		{[]string{"--format", "yaml"}, nil, "", "valid values are text, json, markdown"},
		{[]string{"--backend=perhaps"}, nil, "", "expected true or false"},
		{[]string{"extra"}, nil, "", "unknown command"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			f, _, _, _ := testFactory()
			var got *AdviseOptions
			cmd := NewCmdAdvise(f, func(o *AdviseOptions) error { got = o; return nil })
			cmd.SetArgs(tt.args)
			cmd.SetOut(&bytes.Buffer{})
			cmd.SetErr(&bytes.Buffer{})
			cmd.SetFlagErrorFunc(flagErrorFunc)
			err := cmd.Execute()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Answers) != len(tt.answers) {
				t.Errorf("answers = %v, want %v", got.Answers, tt.answers)
			}
			for k, v := range tt.answers {
				if got.Answers[k] != v {
					t.Errorf("answers[%s] = %q, want %q", k, got.Answers[k], v)
				}
			}
			if got.Format != tt.format {
				t.Errorf("format = %q, want %q", got.Format, tt.format)
			}
		})
	}
}

// fakeAsker answers questions from a script and records what was asked.
type fakeAsker struct {
	answers map[string]string
	asked   []string
	err     error
}

func (a *fakeAsker) Ask(f flows.Facet) (string, error) {
	a.asked = append(a.asked, f.ID)
	if a.err != nil {
		return "", a.err
	}
	if v, ok := a.answers[f.ID]; ok {
		return v, nil
	}
	return f.Default, nil
}

func TestAdviseRunInteractive(t *testing.T) {
	f, _, out, _ := testFactory()
	f.IOStreams.SetStdinTTY(true)
	f.IOStreams.SetStderrTTY(true)
	ask := &fakeAsker{answers: map[string]string{"client": "cli", "browser": "false"}}
	opts := &AdviseOptions{AnswerOptions: AnswerOptions{IO: f.IOStreams, Answers: advisor.Answers{}, Prompt: func(context.Context) asker { return ask }}, Format: "json"}
	if err := adviseRun(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(ask.asked, ","), "client,browser,security,provider"; got != want {
		t.Errorf("asked %s, want %s", got, want)
	}
	var d advisor.Decision
	if err := json.Unmarshal(out.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	if d.Recommendation.Flow != flows.DeviceCode || len(d.Assumed) != 0 {
		t.Errorf("got %s, assumed %v", d.Recommendation.Flow, d.Assumed)
	}
}

func TestAdviseRunCancelled(t *testing.T) {
	f, _, out, _ := testFactory()
	f.IOStreams.SetStdinTTY(true)
	f.IOStreams.SetStderrTTY(true)
	ask := &fakeAsker{err: errAbortedForTest}
	opts := &AdviseOptions{AnswerOptions: AnswerOptions{IO: f.IOStreams, Answers: advisor.Answers{}, Prompt: func(context.Context) asker { return ask }}, Format: "text"}
	err := adviseRun(context.Background(), opts)
	if !errors.Is(err, ErrCancel) {
		t.Fatalf("err = %v, want ErrCancel", err)
	}
	if exitCode(f, err) != ExitCancelled || out.Len() != 0 {
		t.Errorf("exit %d, stdout %q", exitCode(f, err), out.String())
	}
}

func TestAdviseRunNotATerminal(t *testing.T) {
	f, _, out, errOut := testFactory()
	code := Run(context.Background(), f, []string{"advise"})
	if code != ExitUsage || out.Len() != 0 {
		t.Fatalf("exit %d, stdout %q", code, out.String())
	}
	for _, want := range []string{"--client", "machine, web, spa, native, cli, device, decoupled, trusted, third-party, service", "--answers"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("stderr %q lacks %q", errOut.String(), want)
		}
	}
}

func TestAnswersFile(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, content string
		wantCode      int
		wantOut       string
		wantErr       string
	}{
		{"ok.yaml", "client: spa\nbackend: true\n", 0, `"bff"`, ""},
		{"ok.json", `{"client": "machine", "security": "high"}`, 0, `"private_key_jwt"`, ""},
		{"unknown-key.yaml", "client: spa\ncolour: blue\n", 2, "", "unknown-key.yaml:2:1: unknown key \"colour\": allowed keys are client, backend"},
		{"bad-value.yaml", "client: spa\nbackend: maybe\n", 2, "", "bad-value.yaml:2:10: invalid value \"maybe\" for backend: allowed values are true, false"},
		{"bad-client.json", "{\n  \"client\": \"mainframe\"\n}", 2, "", "bad-client.json:2:13: invalid value \"mainframe\" for client"},
		{"list.yaml", "- client\n", 2, "", "list.yaml:1: expected a mapping"},
		{"broken.yaml", "client: [spa\n", 2, "", "not valid YAML or JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			if err := os.WriteFile(path, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			f, _, out, errOut := testFactory()
			code := Run(context.Background(), f, []string{"advise", "--answers", path, "--format", "json"})
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d; stderr %s", code, tt.wantCode, errOut)
			}
			if !strings.Contains(out.String(), tt.wantOut) {
				t.Errorf("stdout lacks %q:\n%s", tt.wantOut, out)
			}
			if !strings.Contains(errOut.String(), tt.wantErr) {
				t.Errorf("stderr %q lacks %q", errOut, tt.wantErr)
			}
		})
	}
	// Flags win over the file.
	path := filepath.Join(dir, "ok.yaml")
	f, _, out, _ := testFactory()
	if code := Run(context.Background(), f, []string{"advise", "--answers", path, "--backend=false", "--format", "json"}); code != 0 {
		t.Fatal(code)
	}
	if strings.Contains(out.String(), `"bff"`) && strings.Contains(out.String(), `"extensions": [\n      "bff"`) {
		t.Error("flag --backend=false did not override the file")
	}
	var d advisor.Decision
	_ = json.Unmarshal(out.Bytes(), &d)
	if d.Recommendation.ClientType != flows.Public {
		t.Errorf("client type %s, want public after --backend=false", d.Recommendation.ClientType)
	}
}

// The fast path that builds only the named command behaves like the full
// tree: same output, same errors.
func TestRunBuildsOnlyTheNamedCommand(t *testing.T) {
	root := newRoot(&Factory{IOStreams: func() *iostreams.IOStreams { s, _, _, _ := iostreams.Test(); return s }()}, "flows")
	if n := len(root.Commands()); n != 1 || root.Commands()[0].Name() != "flows" {
		t.Fatalf("fast path built %d commands", n)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{nil, "advise"}, // the root runs advise
		{[]string{"--client", "spa"}, "advise"},
		{[]string{"lnt"}, "advise"}, // suggestions come from the command table
		{[]string{"--help"}, ""},
		{[]string{"--client", "spa", "-h"}, ""},
		{[]string{"help", "lint"}, ""},
		{[]string{"completion", "bash"}, ""},
		{[]string{"__complete", "li"}, ""},
		{[]string{"lint", "x"}, "lint"},
		{[]string{"docs"}, ""},
		{[]string{"--version"}, versionOnly},
		{[]string{"-v"}, versionOnly},
		{[]string{"--version", "--client", "spa"}, "advise"}, // advise's flags are parsed
	} {
		if got := commandNamed(tt.args); got != tt.want {
			t.Errorf("commandNamed(%q) = %q, want %q", tt.args, got, tt.want)
		}
	}
	if root := newRoot(&Factory{IOStreams: func() *iostreams.IOStreams { s, _, _, _ := iostreams.Test(); return s }()}, versionOnly); len(root.Commands()) != 0 {
		t.Errorf("--version alone built %d commands, want none", len(root.Commands()))
	}
	for _, args := range [][]string{{"--version"}, {"-v"}, {"--version", "--client", "spa"}, {"version"}} {
		ios, _, out, errOut := iostreams.Test()
		if code := Run(context.Background(), &Factory{IOStreams: ios, Version: "1.2.3"}, args); code != 0 || errOut.Len() != 0 {
			t.Errorf("%q: exit %d, stderr %q", args, code, errOut)
		}
		if want := "whichflow 1.2.3"; !strings.HasPrefix(out.String(), want) || strings.Count(out.String(), "\n") != 1 {
			t.Errorf("%q printed %q, want one line starting %q", args, out, want)
		}
	}
	full := NewCmdRoot(&Factory{IOStreams: func() *iostreams.IOStreams { s, _, _, _ := iostreams.Test(); return s }()})
	if len(full.Commands()) != len(commands)+1 { // and cobra's completion
		t.Errorf("full tree has %d commands, want %d", len(full.Commands()), len(commands)+1)
	}
}
