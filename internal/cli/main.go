// Package cli holds whichflow's cobra commands: one file per command, each an
// Options struct plus NewCmdX(f, runF) in the GitHub CLI style.
package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// version is set at link time (-ldflags "-X ...cli.version=v1.2.3"); module
// builds fall back to the build info.
var version = ""

// Version returns whichflow's version.
func Version() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// Main runs whichflow with os.Args and returns the process exit code.
func Main() int {
	f := NewFactory(Version())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return Run(ctx, f, os.Args[1:])
}

// Run executes the command tree with args and maps errors to exit codes.
func Run(ctx context.Context, f *Factory, args []string) int {
	root := newRoot(f, commandNamed(args))
	root.SetArgs(args)
	root.SetIn(f.IOStreams.In)
	root.SetOut(f.IOStreams.Out)
	root.SetErr(f.IOStreams.ErrOut)
	_, err := root.ExecuteContextC(ctx)
	return exitCode(f, err)
}

func exitCode(f *Factory, err error) int {
	if err == nil {
		return ExitOK
	}
	var exitErr *ExitError
	if errors.As(err, &exitErr) {
		return exitErr.Code
	}
	if errors.Is(err, ErrCancel) || errors.Is(err, context.Canceled) {
		return ExitCancelled
	}
	fmt.Fprintf(f.IOStreams.ErrOut, "whichflow: %s\n", err)
	var flagErr *FlagError
	isFlagErr := errors.As(err, &flagErr)
	if isFlagErr || isCobraUsageError(err) {
		if (!isFlagErr || flagErr.Usage) && !strings.Contains(err.Error(), "--help") {
			fmt.Fprintln(f.IOStreams.ErrOut, "Run 'whichflow --help' or 'whichflow COMMAND --help' for usage.")
		}
		return ExitUsage
	}
	return ExitFindings
}

// isCobraUsageError recognises cobra's and pflag's own argument errors,
// which are plain errors.
func isCobraUsageError(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown flag", "unknown shorthand flag", "unknown command", "flag needs an argument", "invalid argument", "accepts ", "requires at least", "requires at most", "bad flag syntax", "if any flags in the group"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

// flagErrorFunc turns cobra's flag parsing errors into FlagErrors.
func flagErrorFunc(_ *cobra.Command, err error) error { return &FlagError{Err: err, Usage: true} }
