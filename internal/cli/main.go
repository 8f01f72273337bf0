// Package cli holds whichflow's cobra commands: one file per command, each an
// Options struct plus NewCmdX(f, runF) in the GitHub CLI style.
package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"

	"github.com/spf13/cobra"
)

// Main runs whichflow with os.Args and returns the process exit code.
func Main() int {
	f := NewFactory(ReadBuildInfo())
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

// exitCode maps an error to DESIGN §2's exit codes by its type alone:
// ExitError carries its code (1 is reserved for findings), a cancellation
// is 130, and every other error is 2; a FlagError marked Usage also points
// to --help.
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
	if errors.As(err, &flagErr) && flagErr.Usage {
		fmt.Fprintln(f.IOStreams.ErrOut, "Run 'whichflow --help' or 'whichflow COMMAND --help' for usage.")
	}
	return ExitUsage
}

// flagErrorFunc turns cobra's flag parsing errors into FlagErrors.
func flagErrorFunc(_ *cobra.Command, err error) error { return &FlagError{Err: err, Usage: true} }
