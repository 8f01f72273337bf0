package cli

import (
	"context"
	"errors"
	"fmt"
	"time"

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
// terminal, bounded by --timeout.
func (f *Factory) fetchDiscovery(ctx context.Context, issuer string) (discovery.Metadata, error) {
	return fetchWithin(ctx, f, "reading the discovery document of "+redact.URL(issuer),
		func(ctx context.Context) (discovery.Metadata, error) {
			return discovery.Fetch(ctx, f.HTTPClient(), issuer)
		},
		func(timeout time.Duration) string {
			return fmt.Sprintf("no discovery document from %s within %s: the server did not answer in time", redact.URL(issuer), timeout)
		})
}

// fetchWithin runs fetch with a spinner labelled progress on a terminal,
// bounded by --timeout. An interrupt (Ctrl-C) is a cancellation (exit 130),
// not a bad server; running out of time is late's message plus how to
// wait longer (exit 2).
func fetchWithin[T any](ctx context.Context, f *Factory, progress string, fetch func(context.Context) (T, error), late func(time.Duration) string) (T, error) {
	timeout := f.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	fctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	stop := f.IOStreams.StartProgress(progress)
	v, err := fetch(fctx)
	stop()
	switch {
	case err == nil:
		return v, nil
	case ctx.Err() != nil:
		return v, ctx.Err()
	case errors.Is(fctx.Err(), context.DeadlineExceeded):
		return v, &FlagError{Err: fmt.Errorf("%s (wait longer with --timeout, e.g. --timeout %s)", late(timeout), 3*timeout)}
	}
	return v, err
}
