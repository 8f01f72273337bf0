package cli

import (
	"errors"
	"fmt"
)

// Exit codes (DESIGN §2), owned by Main.
const (
	ExitOK        = 0
	ExitFindings  = 1
	ExitUsage     = 2
	ExitCancelled = 130
)

// FlagError is a usage or input error: exit 2, and the message says what to
// do instead. Usage marks errors in the command line itself, which get a
// pointer to --help.
type FlagError struct {
	Err   error
	Usage bool
}

func (e *FlagError) Error() string { return e.Err.Error() }
func (e *FlagError) Unwrap() error { return e.Err }

// FlagErrorf builds a FlagError.
func FlagErrorf(format string, args ...any) error {
	return &FlagError{Err: fmt.Errorf(format, args...)}
}

// ErrCancel is returned when the user aborts a prompt (Esc, Ctrl-C).
var ErrCancel = errors.New("cancelled")

// ExitError ends the command with a code and no further message; commands
// use it for "findings at or above --fail-on" (exit 1).
type ExitError struct{ Code int }

func (e *ExitError) Error() string { return fmt.Sprintf("exit status %d", e.Code) }
