package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/whichflow/whichflow/internal/lint"
)

// The conftest comparison (DESIGN §6): the rules whichflow applies to RFC
// 7591 JSON, written in Rego under conftest/policy, run by conftest over the
// same files. conftest is an external tool (`go install
// github.com/open-policy-agent/conftest@latest`), never a module dependency.

// defaultPolicyDir is bench/conftest/policy next to this source file, so
// `go run ./bench` finds it from any working directory of the checkout.
func defaultPolicyDir() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return filepath.Join("bench", "conftest", "policy")
	}
	return filepath.Join(filepath.Dir(file), "conftest", "policy")
}

// findConftest returns the conftest binary: flagPath if set, else conftest
// on PATH, else conftest in GOBIN / GOPATH/bin (where go install puts it).
func findConftest(flagPath string) (string, error) {
	if flagPath != "" {
		return exec.LookPath(flagPath)
	}
	if p, err := exec.LookPath("conftest"); err == nil {
		return p, nil
	}
	for _, dir := range goBinDirs() {
		p := filepath.Join(dir, "conftest")
		if st, err := os.Stat(p); err == nil && !st.IsDir() && st.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	return "", errors.New("conftest not found on PATH, in GOBIN or in GOPATH/bin")
}

func goBinDirs() []string {
	var dirs []string
	if d := os.Getenv("GOBIN"); d != "" {
		dirs = append(dirs, d)
	}
	gopath := os.Getenv("GOPATH")
	if gopath == "" {
		if home, err := os.UserHomeDir(); err == nil {
			gopath = filepath.Join(home, "go")
		}
	}
	for _, d := range filepath.SplitList(gopath) {
		dirs = append(dirs, filepath.Join(d, "bin"))
	}
	return dirs
}

// conftestVersion is what `conftest --version` says, with the module
// version from the build info when conftest was built by go install (which
// reports "dev").
func conftestVersion(bin string) string {
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		return "unknown version"
	}
	v := strings.Join(strings.Fields(string(out)), " ")
	if info, err := exec.Command("go", "version", "-m", bin).Output(); err == nil {
		for _, line := range strings.Split(string(info), "\n") {
			if f := strings.Fields(line); len(f) >= 3 && f[0] == "mod" && f[1] == "github.com/open-policy-agent/conftest" {
				v = strings.Replace(v, "Conftest: dev", "Conftest: "+f[2], 1)
			}
		}
	}
	return v
}

// ruleKey is one rule firing in one file (counted per client).
type ruleKey struct{ file, rule string }

func (k ruleKey) String() string { return k.file + ": " + k.rule }

func normPath(p string) string { return filepath.ToSlash(filepath.Clean(p)) }

// conftestResult is one entry of `conftest test -o json`.
type conftestResult struct {
	Filename string `json:"filename"`
	Failures []struct {
		Msg string `json:"msg"`
	} `json:"failures"`
}

// runConftest runs `conftest test --policy policy --no-color -o json paths...`
// and counts its failures per file and rule (each deny message starts with
// the whichflow rule ID and a colon).
func runConftest(bin, policy string, paths []string) (map[ruleKey]int, int, error) {
	argv := conftestArgs(bin, policy, paths)
	cmd := exec.Command(argv[0], argv[1:]...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) {
		// Exit status 1 means policy failures, which the corpus has.
		return nil, 0, fmt.Errorf("conftest: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	var results []conftestResult
	if err := json.Unmarshal(stdout.Bytes(), &results); err != nil {
		return nil, 0, fmt.Errorf("conftest output: %v (stderr: %s)", err, strings.TrimSpace(stderr.String()))
	}
	counts := map[ruleKey]int{}
	total := 0
	for _, r := range results {
		for _, f := range r.Failures {
			rule, _, ok := strings.Cut(f.Msg, ":")
			if !ok {
				return nil, 0, fmt.Errorf("conftest: %s: deny message without a rule ID: %q", r.Filename, f.Msg)
			}
			counts[ruleKey{normPath(r.Filename), rule}]++
			total++
		}
	}
	return counts, total, nil
}

// conftestArgs is the conftest command line over paths.
func conftestArgs(bin, policy string, paths []string) []string {
	return append([]string{bin, "test", "--policy", policy, "--no-color", "-o", "json"}, paths...)
}

// lintCounts lints paths and counts findings per file and rule.
func lintCounts(paths []string) (map[ruleKey]int, error) {
	res, err := lint.Run(context.Background(), lint.Options{Paths: paths, Config: os.DevNull})
	if err != nil {
		return nil, err
	}
	counts := map[ruleKey]int{}
	for _, f := range res.Findings {
		if f.Suppressed == nil {
			counts[ruleKey{normPath(f.File), f.Rule}]++
		}
	}
	return counts, nil
}

// diffCounts describes where whichflow and conftest disagree, sorted.
func diffCounts(whichflow, conftest map[ruleKey]int) []string {
	var out []string
	for k, n := range whichflow {
		if m := conftest[k]; m != n {
			out = append(out, fmt.Sprintf("%s: whichflow %d, conftest %d", k, n, m))
		}
	}
	for k, m := range conftest {
		if _, ok := whichflow[k]; !ok {
			out = append(out, fmt.Sprintf("%s: whichflow 0, conftest %d", k, m))
		}
	}
	sort.Strings(out)
	return out
}

// ruleTotals sums counts per rule, for a one-line summary.
func ruleTotals(counts map[ruleKey]int) string {
	per := map[string]int{}
	for k, n := range counts {
		per[k.rule] += n
	}
	rules := make([]string, 0, len(per))
	for r := range per {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	parts := make([]string, len(rules))
	for i, r := range rules {
		parts[i] = fmt.Sprintf("%s %d", r, per[r])
	}
	return strings.Join(parts, ", ")
}
