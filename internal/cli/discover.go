package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/whichflow/whichflow/internal/discovery"
	"github.com/whichflow/whichflow/internal/redact"
	"github.com/whichflow/whichflow/internal/snippet"
)

// fetchMetadata reads the issuer's discovery document (both locations) and
// says on stderr what it found allowed but unsafe. Each command calls it
// once and passes the result on (advise: to its checks and its snippet).
// An issuer that names another issuer, a redirect to another origin or an
// endpoint that is not http(s) is an error: exit 2.
func fetchMetadata(ctx context.Context, f *Factory, issuer string) (discovery.Metadata, error) {
	m, err := f.fetchDiscovery(ctx, issuer)
	if err != nil {
		return m, err
	}
	for _, w := range m.Warnings {
		fmt.Fprintf(f.IOStreams.ErrOut, "warning: %s\n", w)
	}
	return m, nil
}

// fetchResource finds the authorization server of a --resource given
// without --issuer, as an MCP client does (RFC 9728: the 401's
// resource_metadata, else the well-known locations), with the same checks
// as --issuer plus the resource's own (RFC 9728 §3.3); what is allowed but
// unsafe goes to stderr. An error is exit 2.
func fetchResource(ctx context.Context, f *Factory, resource string) (discovery.Found, error) {
	found, err := fetchWithin(ctx, f, "finding the authorization server of "+redact.URL(resource),
		func(ctx context.Context) (discovery.Found, error) {
			return discovery.FetchResource(ctx, f.HTTPClient(), resource)
		},
		func(timeout time.Duration) string {
			return fmt.Sprintf("the resource %s and its authorization server did not answer within %s", redact.URL(resource), timeout)
		})
	if err != nil {
		return found, err
	}
	for _, w := range append(found.Warnings, found.Server.Warnings...) {
		fmt.Fprintf(f.IOStreams.ErrOut, "warning: %s\n", w)
	}
	return found, nil
}

// discoverServer fills in what the server said: with --issuer its
// metadata, else with --resource what the resource's metadata led to;
// nothing (and no network) without either. Errors are exit 2 (130 when
// interrupted).
func discoverServer(ctx context.Context, in *snippet.Input, issuer string,
	metadata func(context.Context, string) (discovery.Metadata, error),
	findServer func(context.Context, string) (discovery.Found, error)) error {
	switch {
	case issuer != "":
		m, err := metadata(ctx, issuer)
		if err != nil {
			return discoveryError(err)
		}
		in.Metadata = &m
	case in.Resource != "":
		if _, err := discovery.CheckResource(in.Resource); err != nil {
			return &FlagError{Err: err}
		}
		found, err := findServer(ctx, in.Resource)
		if err != nil {
			return discoveryError(err)
		}
		in.Found = &found
	}
	return nil
}
