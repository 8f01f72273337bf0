package cli

import (
	"context"
	"sync"

	"github.com/whichflow/whichflow/advisor"
	"github.com/whichflow/whichflow/internal/discovery"
)

// discover reads the issuer's metadata for advise's server checks.
func discover(ctx context.Context, f *Factory, issuer string) (advisor.Discovery, error) {
	m, err := fetchMetadata(ctx, f, issuer)
	if err != nil {
		return advisor.Discovery{}, err
	}
	return advisor.Discovery{
		Issuer:                        m.Issuer,
		URL:                           m.URL,
		GrantTypesSupported:           nonNil(m.GrantTypesSupported),
		CodeChallengeMethodsSupported: nonNil(m.CodeChallengeMethodsSupported),
	}, nil
}

// metadataCache keeps one discovery result per factory and issuer, so that
// advise's checks and its snippet share one fetch.
var metadataCache sync.Map // key: metadataKey

type metadataKey struct {
	f      *Factory
	issuer string
}

type metadataResult struct {
	m   discovery.Metadata
	err error
}

// fetchMetadata reads the issuer's discovery document (both locations).
func fetchMetadata(ctx context.Context, f *Factory, issuer string) (discovery.Metadata, error) {
	k := metadataKey{f, issuer}
	if r, ok := metadataCache.Load(k); ok {
		return r.(metadataResult).m, r.(metadataResult).err
	}
	m, err := f.fetchDiscovery(ctx, issuer)
	metadataCache.Store(k, metadataResult{m, err})
	return m, err
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
