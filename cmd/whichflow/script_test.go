package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/whichflow/whichflow/internal/cli"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"whichflow": func() { os.Exit(cli.Main()) },
	})
}

// TestScript runs the end-to-end scripts in testdata/script. Refresh their
// expected output with WHICHFLOW_UPDATE=1.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "../../testdata/script",
		UpdateScripts: os.Getenv("WHICHFLOW_UPDATE") != "",
		Setup: func(env *testscript.Env) error {
			// A clean environment: no colour overrides, no accessible mode.
			env.Setenv("NO_COLOR", "")
			env.Setenv("ACCESSIBLE", "")
			return nil
		},
	})
}
