package flows_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/cli"
	"github.com/whichflow/whichflow/internal/corpus"
	"github.com/whichflow/whichflow/internal/iostreams"
	"github.com/whichflow/whichflow/internal/report"
)

// startupChild names the commands a child process runs before it says
// whether they parsed the rule examples.
const startupChild = "WHICHFLOW_STARTUP_CHILD"

// TestStartupBuildsOnlyWhatItUses keeps the rule examples (rules/*.txtar),
// the rule catalog (loadRules) and the decision table out of the commands
// that do not use them: parsing the examples was ~15% of the start-up of
// `whichflow lint` on an empty directory; the decision table was built at
// package init for every command. Each
// case runs in a fresh process (this test binary again), since any other
// test of the package may have built them already; rules-examples shows
// the check can fail.
func TestStartupBuildsOnlyWhatItUses(t *testing.T) {
	if cmd := os.Getenv(startupChild); cmd != "" {
		startupChildMain(cmd)
		os.Exit(0)
	}
	// examples parsed, catalog built, decision table built
	cases := map[string]string{
		"lint":           "false true false",
		"flows":          "false false false",
		"version":        "false false false",
		"advise":         "false false true",
		"rules":          "false true false",
		"rules-examples": "true true false",
	}
	for name, want := range cases {
		t.Run(name, func(t *testing.T) {
			c := exec.Command(os.Args[0], "-test.run=^TestStartupBuildsOnlyWhatItUses$")
			c.Env = append(os.Environ(), startupChild+"="+name)
			out, err := c.CombinedOutput()
			if err != nil {
				t.Fatalf("child: %v\n%s", err, out)
			}
			if got, _, _ := strings.Cut(string(out), "\n"); got != want {
				t.Errorf("%s: examples parsed, catalog built, decision table built = %s, want %s\n%s", name, got, want, out)
			}
		})
	}
}

func startupChildMain(name string) {
	run := func(args ...string) {
		ios, _, _, errOut := iostreams.Test()
		f := &cli.Factory{IOStreams: ios, Version: "0.0.0-test"}
		if code := cli.Run(context.Background(), f, args); code > cli.ExitFindings {
			fmt.Printf("exit %d: %v: %s\n", code, args, errOut)
			os.Exit(1)
		}
	}
	switch name {
	case "lint":
		dir := corpus.Dir(&testing.T{})
		for _, format := range report.Formats {
			run("lint", "--config", os.DevNull, "--format", format, dir)
		}
		run("lint", "--config", os.DevNull, "-v", "--output", os.DevNull, dir)
		empty, err := os.MkdirTemp("", "whichflow-startup-")
		if err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		defer os.Remove(empty)
		run("lint", empty)
	case "flows":
		run("flows")
		run("flows", "--format", "json")
	case "version":
		run("--version")
		run("version")
	case "rules":
		run("rules")
		run("rules", "--format", "json")
	case "advise":
		run("advise", "--client", "spa", "--format", "json")
		run("--version", "--client", "spa")
	case "rules-examples":
		run("rules", "implicit-grant")
	}
	fmt.Println(flows.ParsedRuleExamples(), flows.BuiltRuleCatalog(), flows.BuiltDecisionTable())
}
