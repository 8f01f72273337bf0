package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The GitHub Action's lint step, run as the runner would run it (bash,
// inputs in the environment) with this build as whichflow: the exit code
// it reports follows lint's, paths with spaces survive, and SARIF is
// written when asked.
func TestActionLintStep(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	raw, err := os.ReadFile("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Inputs map[string]struct {
			Default string `yaml:"default"`
		} `yaml:"inputs"`
		Runs struct {
			Using string `yaml:"using"`
			Steps []struct {
				ID  string            `yaml:"id"`
				Run string            `yaml:"run"`
				Env map[string]string `yaml:"env"`
			} `yaml:"steps"`
		} `yaml:"runs"`
	}
	if err := yaml.Unmarshal(raw, &action); err != nil {
		t.Fatal(err)
	}
	if action.Runs.Using != "composite" {
		t.Fatalf("runs.using = %q", action.Runs.Using)
	}
	script := ""
	for _, s := range action.Runs.Steps {
		if s.ID == "lint" {
			script = s.Run
		}
	}
	if script == "" {
		t.Fatal("no lint step")
	}

	dir := t.TempDir()
	bin := filepath.Join(dir, "bin")
	os.Mkdir(bin, 0o755)
	self, _ := os.Executable()
	if err := os.Symlink(self, filepath.Join(bin, "whichflow")); err != nil {
		t.Fatal(err)
	}
	work := filepath.Join(dir, "repo")
	os.MkdirAll(filepath.Join(work, "keycloak clients"), 0o755)
	os.WriteFile(filepath.Join(work, "keycloak clients", "spa.json"), []byte(`{"clientId": "x", "publicClient": true, "implicitFlowEnabled": true}`), 0o644)
	os.WriteFile(filepath.Join(work, "clean.json"), []byte(`{"client_id": "b", "grant_types": ["client_credentials"], "token_endpoint_auth_method": "private_key_jwt", "jwks_uri": "https://b.example.com/jwks"}`), 0o644)

	run := func(env map[string]string) (outputs map[string]string, log string) {
		out := filepath.Join(dir, "github_output")
		os.Remove(out)
		cmd := exec.Command(bash, "-c", script)
		cmd.Dir = work
		cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "GITHUB_OUTPUT="+out)
		for k, def := range map[string]string{"WHICHFLOW_PATHS": "paths", "WHICHFLOW_FAIL_ON": "fail-on", "WHICHFLOW_PROFILE": "profile", "WHICHFLOW_FORMAT": "format", "WHICHFLOW_UPLOAD": "upload-sarif", "WHICHFLOW_SARIF": "sarif-file"} {
			v, ok := env[k]
			if !ok {
				v = action.Inputs[def].Default
			}
			cmd.Env = append(cmd.Env, k+"="+v)
		}
		b, _ := cmd.CombinedOutput()
		data, _ := os.ReadFile(out)
		outputs = map[string]string{}
		for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			if k, v, ok := strings.Cut(l, "="); ok {
				outputs[k] = v
			}
		}
		return outputs, string(b)
	}

	o, log := run(map[string]string{"WHICHFLOW_PATHS": "clean.json\nkeycloak clients/spa.json\n"})
	if o["exit-code"] != "1" || !strings.Contains(log, "::error file=keycloak clients/spa.json") {
		t.Errorf("findings: outputs %v, log:\n%s", o, log)
	}
	o, log = run(map[string]string{"WHICHFLOW_PATHS": "clean.json", "WHICHFLOW_UPLOAD": "true"})
	if o["exit-code"] != "0" || o["sarif-file"] != "whichflow.sarif" {
		t.Errorf("clean: outputs %v, log:\n%s", o, log)
	}
	if b, err := os.ReadFile(filepath.Join(work, "whichflow.sarif")); err != nil || !strings.Contains(string(b), `"version": "2.1.0"`) {
		t.Errorf("SARIF not written: %v", err)
	}
	o, _ = run(map[string]string{"WHICHFLOW_FAIL_ON": "sometimes"})
	if o["exit-code"] != "2" {
		t.Errorf("bad input: outputs %v", o)
	}
}
