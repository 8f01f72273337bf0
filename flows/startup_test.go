package flows_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
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

// TestRulesDoNotParseExamples keeps the rule examples (rules/*.txtar) out
// of the commands that do not print them: parsing them was ~15% of the
// start-up of `whichflow lint` on an empty directory. Each case runs in a
// fresh process (this test binary again), since any other test of the
// package may have parsed them already; the last case shows the check can
// fail.
func TestRulesDoNotParseExamples(t *testing.T) {
	if cmd := os.Getenv(startupChild); cmd != "" {
		startupChildMain(cmd)
		os.Exit(0)
	}
	cases := map[string]bool{"lint": false, "flows": false, "version": false, "rules": false, "rules-examples": true}
	for name, want := range cases {
		t.Run(name, func(t *testing.T) {
			c := exec.Command(os.Args[0], "-test.run=^TestRulesDoNotParseExamples$")
			c.Env = append(os.Environ(), startupChild+"="+name)
			out, err := c.CombinedOutput()
			if err != nil {
				t.Fatalf("child: %v\n%s", err, out)
			}
			if got := string(out[:len(fmt.Sprint(want))]); got != fmt.Sprint(want) {
				t.Errorf("%s parsed the rule examples: %s, want %v", name, out, want)
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
	case "rules-examples":
		run("rules", "implicit-grant")
	}
	fmt.Print(flows.ParsedRuleExamples())
}
