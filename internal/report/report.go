// Package report prints lint results: one file per output format, each a
// small printer behind one interface, golden-tested from one fixture.
package report

import (
	"fmt"
	"io"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/lint"
)

// Formats are the values of `lint --format`.
var Formats = []string{"text", "json", "sarif", "github", "junit"}

// Options tune printers.
type Options struct {
	// Color enables ANSI colour in the text format; the caller decides (TTY,
	// NO_COLOR).
	Color bool
	// Version is whichflow's version, for SARIF's tool.driver.
	Version string
	// WorkDir is the directory relative paths are relative to (the working
	// directory), for SARIF's originalUriBaseIds; "" leaves it out.
	WorkDir string
}

// Printer writes one report.
type Printer interface {
	Print(res *lint.Result) error
}

// New returns the printer for format, writing to w.
func New(format string, w io.Writer, o Options) (Printer, error) {
	switch format {
	case "text", "":
		return &textPrinter{w: w, color: o.Color}, nil
	case "json":
		return &jsonPrinter{w: w}, nil
	case "sarif":
		return &sarifPrinter{w: w, version: o.Version, workDir: o.WorkDir}, nil
	case "github":
		return &githubPrinter{w: w}, nil
	case "junit":
		return &junitPrinter{w: w}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want text, json, sarif, github or junit)", format)
}

// visible are the findings that count: the unsuppressed ones.
func visible(fs []lint.Finding) []lint.Finding {
	out := make([]lint.Finding, 0, len(fs))
	for _, f := range fs {
		if f.Suppressed == nil {
			out = append(out, f)
		}
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// subject names what a finding is about, as reports show it: the client
// ID, or "realm NAME" for a realm-scope finding.
func subject(f lint.Finding) string {
	if f.Scope == flows.ScopeRealm {
		if f.Client == "" {
			return "realm"
		}
		return "realm " + f.Client
	}
	return f.Client
}

// runRules are the rules of res's run, in catalog order: what lint ran
// (lint.Result.Rules), or the catalog's rules of its profile for a result
// built by hand.
func runRules(res *lint.Result) []flows.Rule {
	if res.Rules != nil {
		return res.Rules
	}
	return flows.RulesFor(flows.Target{Profile: flows.Profile(res.Profile)})
}
