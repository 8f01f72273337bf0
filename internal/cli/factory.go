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
	// Build is what `version` and `--version` print; zero means Version alone.
	Build BuildInfo
	// HTTPClient is only called by commands given --issuer: no other network.
	// Its requests are bounded by Timeout through their context.
	HTTPClient func() *http.Client
	// Timeout bounds a discovery fetch (--timeout).
	Timeout time.Duration
}

// DefaultTimeout bounds a discovery fetch unless --timeout says otherwise.
const DefaultTimeout = 10 * time.Second

// NewFactory wires the real dependencies.
func NewFactory(b BuildInfo) *Factory {
	return &Factory{
		IOStreams:  iostreams.System(),
		Version:    b.Version,
		Build:      b,
		HTTPClient: func() *http.Client { return &http.Client{} },
	}
}

func (f *Factory) versionLine() string {
	if f.Build.Version == "" {
		return "whichflow " + f.Version
	}
	return f.Build.String()
}
