package cli

import (
	"context"
	"fmt"

	"github.com/whichflow/whichflow/internal/discovery"
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
