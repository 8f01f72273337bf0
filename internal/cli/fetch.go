package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/whichflow/whichflow/internal/discovery"
	"github.com/whichflow/whichflow/internal/redact"
)

// addTimeoutFlag registers --timeout, the bound on network waits, on a
// command that can fetch (--issuer).
func addTimeoutFlag(cmd *cobra.Command, f *Factory) {
	f.Timeout = DefaultTimeout
	cmd.Flags().DurationVar(&f.Timeout, "timeout", DefaultTimeout, "give up waiting for the server after this `DURATION` (with --issuer)")
}

// fetchDiscovery reads an issuer's discovery document with a spinner on a
// terminal, bounded by --timeout. An interrupt (Ctrl-C) is a cancellation
// (exit 130), not a bad issuer; running out of time says so.
func (f *Factory) fetchDiscovery(ctx context.Context, issuer string) (discovery.Metadata, error) {
	timeout := f.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	fctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	stop := f.IOStreams.StartProgress("reading the discovery document of " + redact.URL(issuer))
	m, err := discovery.Fetch(fctx, f.HTTPClient(), issuer)
	stop()
	switch {
	case err == nil:
		return m, nil
	case ctx.Err() != nil:
		return m, ctx.Err()
	case errors.Is(fctx.Err(), context.DeadlineExceeded):
		return m, &FlagError{Err: fmt.Errorf("no discovery document from %s within %s: the server did not answer in time (wait longer with --timeout, e.g. --timeout %s)", redact.URL(issuer), timeout, 3*timeout)}
	}
	return m, err
}
