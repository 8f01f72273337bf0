package cli

import (
	"context"

	"github.com/whichflow/whichflow/advisor"
	"github.com/whichflow/whichflow/internal/discovery"
)

// discover reads the issuer's metadata for advise's server checks.
func discover(ctx context.Context, f *Factory, issuer string) (advisor.Discovery, error) {
	m, err := discovery.Fetch(ctx, f.HTTPClient(), issuer)
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

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
