package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// The Spectral comparison: bench/spectral/ruleset.yaml states the rules
// whichflow applies to OpenAPI security schemes; Spectral is an external
// tool pinned by bench/spectral/package-lock.json (`npm ci --prefix
// bench/spectral`), never a dependency of the module.

// findSpectral returns the spectral binary: flagPath if set, else the one
// installed from the lockfile, else spectral on PATH.
func findSpectral(flagPath string) (string, error) {
	if flagPath != "" {
		return exec.LookPath(flagPath)
	}
	local := filepath.Join(benchDir(), "spectral", "node_modules", ".bin", "spectral")
	if _, err := os.Stat(local); err == nil {
		return local, nil
	}
	if p, err := exec.LookPath("spectral"); err == nil {
		return p, nil
	}
	return "", errors.New("spectral not found in bench/spectral/node_modules or on PATH")
}

// spectralArgs is the Spectral command line over corpus, its report
// written to out (node loses the end of a large report written to a pipe
// when Spectral exits).
func spectralArgs(bin, corpus, out string) []string {
	return []string{bin, "lint", "--quiet", "-f", "json", "-o", out, "-r", filepath.Join(benchDir(), "spectral", "ruleset.yaml"),
		filepath.Join(corpus, "**", "*.yaml")}
}

// runSpectral counts Spectral's results per file and rule (the rule name
// up to its first "." is the whichflow rule ID).
func runSpectral(bin, corpus, out string) (map[ruleKey]int, error) {
	argv := spectralArgs(bin, corpus, out)
	cmd := exec.Command(argv[0], argv[1:]...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) {
		return nil, fmt.Errorf("spectral: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	var results []struct {
		Code   string `json:"code"`
		Source string `json:"source"`
	}
	data, err := os.ReadFile(out)
	if err != nil {
		return nil, fmt.Errorf("spectral output: %v (stderr: %s)", err, strings.TrimSpace(stderr.String()))
	}
	if err := json.Unmarshal(data, &results); err != nil {
		return nil, fmt.Errorf("spectral output: %v (stderr: %s)", err, strings.TrimSpace(stderr.String()))
	}
	counts := map[ruleKey]int{}
	for _, r := range results {
		rule, _, _ := strings.Cut(r.Code, ".")
		counts[ruleKey{relTo(corpus, r.Source), rule}]++
	}
	return counts, nil
}

func spectralVersion(bin string) string {
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		return "unknown version"
	}
	return "Spectral " + strings.TrimSpace(string(out))
}

func (b *bench) compareSpectral(corpus string) error {
	bin, err := findSpectral(b.spectral)
	if err != nil {
		if b.spectral != "" {
			return err
		}
		fmt.Printf("\nSpectral comparison skipped: %v; install it with `npm ci --prefix bench/spectral` or pass -spectral PATH\n", err)
		return nil
	}
	out := filepath.Join(b.dir, "spectral.json")
	return b.compareWith("Spectral", spectralVersion(bin), corpus, spectralArgs(bin, corpus, out), func() (map[ruleKey]int, error) {
		return runSpectral(bin, corpus, out)
	})
}
