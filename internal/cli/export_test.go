package cli

import "github.com/whichflow/whichflow/internal/prompt"

var errAbortedForTest = prompt.ErrAborted
