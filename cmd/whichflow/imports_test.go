package main

import (
	"bufio"
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/whichflow/whichflow"

// deps lists the packages pkg depends on, itself included (go list -deps).
func deps(t *testing.T, pkg string) []string {
	t.Helper()
	out, err := exec.Command("go", "list", "-deps", pkg).Output()
	if err != nil {
		t.Fatalf("go list -deps %s: %v", pkg, err)
	}
	var list []string
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		list = append(list, sc.Text())
	}
	return list
}

// The layering of DESIGN §5, checked on what the compiler links rather than
// on what a reviewer remembers (issue 15 §6).
func TestImportRules(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: go list")
	}
	// The terminal and command-line stack stays at the top: only the cli,
	// the huh adapter (prompt) and the command-tree docs (docgen, cobra)
	// may reach it.
	ui := map[string][]string{
		"github.com/spf13/cobra":            {"internal/cli", "internal/docgen"},
		"github.com/charmbracelet/huh":      {"internal/cli", "internal/prompt"},
		"github.com/charmbracelet/lipgloss": {"internal/cli", "internal/prompt"},
	}
	for _, p := range deps(t, "./...") {
		rel, ours := strings.CutPrefix(p, module+"/")
		if !ours || strings.HasPrefix(rel, "cmd/") || strings.HasPrefix(rel, "bench/") {
			continue
		}
		for _, d := range deps(t, p) {
			if allowed, ok := ui[d]; ok && !contains(allowed, rel) {
				t.Errorf("%s depends on %s; only %v may", rel, d, allowed)
			}
		}
	}

	// flows is the catalog: it imports nothing of ours. advisor imports
	// flows only.
	for pkg, allowed := range map[string][]string{"flows": {"flows"}, "advisor": {"advisor", "flows"}} {
		for _, d := range deps(t, module+"/"+pkg) {
			if rel, ours := strings.CutPrefix(d, module+"/"); ours && !contains(allowed, rel) {
				t.Errorf("%s imports %s", pkg, rel)
			}
		}
	}

	// Kept out of the binary for start-up and size (DESIGN §6): test
	// oracles and the man page renderer's dependencies.
	for _, d := range deps(t, module+"/cmd/whichflow") {
		for _, banned := range []string{"github.com/google/go-cmp", "github.com/russross/blackfriday", "github.com/cpuguy83/go-md2man", "github.com/hashicorp/hcl/v2/hclwrite"} {
			if d == banned || strings.HasPrefix(d, banned+"/") {
				t.Errorf("the whichflow binary links %s", d)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
