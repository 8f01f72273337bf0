// Package discovery reads an authorization server's metadata (RFC 8414 and
// OpenID Connect Discovery). It is the only code in whichflow that touches
// the network, and only when the user passes --issuer.
package discovery

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// Metadata is the part of a server's metadata whichflow uses.
type Metadata struct {
	Issuer                             string   `json:"issuer"`
	AuthorizationEndpoint              string   `json:"authorization_endpoint"`
	TokenEndpoint                      string   `json:"token_endpoint"`
	DeviceAuthorizationEndpoint        string   `json:"device_authorization_endpoint"`
	PushedAuthorizationRequestEndpoint string   `json:"pushed_authorization_request_endpoint"`
	BackchannelAuthenticationEndpoint  string   `json:"backchannel_authentication_endpoint"`
	RegistrationEndpoint               string   `json:"registration_endpoint"`
	JWKSURI                            string   `json:"jwks_uri"`
	GrantTypesSupported                []string `json:"grant_types_supported"`
	CodeChallengeMethodsSupported      []string `json:"code_challenge_methods_supported"`
	DPoPSigningAlgValuesSupported      []string `json:"dpop_signing_alg_values_supported"`
	TokenEndpointAuthMethodsSupported  []string `json:"token_endpoint_auth_methods_supported"`

	// URL is where the document was found.
	URL string `json:"-"`
}

// Locations returns the metadata URLs to try for an issuer, in order:
// RFC 8414 §3 inserts the well-known segment before the issuer's path,
// OpenID Connect Discovery §4 appends it.
func Locations(issuer string) ([]string, error) {
	u, err := url.Parse(issuer)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return nil, fmt.Errorf("--issuer %q is not an http(s) URL", issuer)
	}
	path := strings.TrimSuffix(u.Path, "/")
	base := u.Scheme + "://" + u.Host
	return []string{
		base + "/.well-known/oauth-authorization-server" + path,
		base + path + "/.well-known/openid-configuration",
	}, nil
}

// maxDocument bounds what is read from a metadata endpoint.
const maxDocument = 1 << 20

// Fetch tries each location and returns the first valid document. The
// client's timeout bounds each request.
func Fetch(ctx context.Context, client *http.Client, issuer string) (Metadata, error) {
	locs, err := Locations(issuer)
	if err != nil {
		return Metadata{}, err
	}
	var errs []string
	for _, loc := range locs {
		m, err := fetchOne(ctx, client, loc)
		if err == nil {
			return m, nil
		}
		errs = append(errs, fmt.Sprintf("%s: %v", loc, err))
	}
	return Metadata{}, fmt.Errorf("no discovery document for issuer %s:\n  %s\ncheck the issuer URL (it must match the server's \"issuer\" exactly)", issuer, strings.Join(errs, "\n  "))
}

func fetchOne(ctx context.Context, client *http.Client, loc string) (Metadata, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, loc, nil)
	if err != nil {
		return Metadata{}, err
	}
	req.Header.Set("Accept", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return Metadata{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Metadata{}, fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	var m Metadata
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxDocument)).Decode(&m); err != nil {
		return Metadata{}, fmt.Errorf("not a JSON metadata document: %v", err)
	}
	if m.TokenEndpoint == "" {
		return Metadata{}, fmt.Errorf("document has no token_endpoint")
	}
	m.URL = loc
	return m, nil
}
