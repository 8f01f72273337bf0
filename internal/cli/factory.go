package cli

import (
	"net/http"
	"time"

	"github.com/whichflow/whichflow/internal/iostreams"
)

// Factory carries the dependencies commands share, built lazily so that
// start-up does no work a command does not need.
type Factory struct {
	IOStreams *iostreams.IOStreams
	Version   string
	// HTTPClient is only called by commands given --issuer: no other network.
	HTTPClient func() *http.Client
}

// NewFactory wires the real dependencies.
func NewFactory(version string) *Factory {
	return &Factory{
		IOStreams:  iostreams.System(),
		Version:    version,
		HTTPClient: func() *http.Client { return &http.Client{Timeout: 5 * time.Second} },
	}
}
