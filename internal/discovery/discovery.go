// Package discovery reads an authorization server's metadata (RFC 8414 and
// OpenID Connect Discovery). It is the only code in whichflow that touches
// the network, and only when the user passes --issuer.
//
// What comes back is checked before anything uses it (RFC 8414 §3.3): the
// document's issuer must be the one asked for, a redirect may not leave the
// issuer's origin, and every endpoint must be an http(s) URL, https unless
// it is on loopback or the issuer itself is plain http. Errors never echo
// credentials given inside the --issuer URL.
package discovery

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/whichflow/whichflow/advisor"
	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/redact"
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
	UserinfoEndpoint                   string   `json:"userinfo_endpoint"`
	JWKSURI                            string   `json:"jwks_uri"`
	GrantTypesSupported                []string `json:"grant_types_supported"`
	CodeChallengeMethodsSupported      []string `json:"code_challenge_methods_supported"`
	DPoPSigningAlgValuesSupported      []string `json:"dpop_signing_alg_values_supported"`
	TokenEndpointAuthMethodsSupported  []string `json:"token_endpoint_auth_methods_supported"`
	// RFC 9207 §3: the server sends iss in every authorization response.
	AuthorizationResponseIssParameterSupported bool `json:"authorization_response_iss_parameter_supported"`
	// CIMD §5: the server fetches client ID metadata documents.
	ClientIDMetadataDocumentSupported bool `json:"client_id_metadata_document_supported"`

	// URL is where the document was found.
	URL string `json:"-"`
	// Warnings are what the document does that is allowed but unsafe
	// (plain-http endpoints of a plain-http issuer); say them on stderr.
	Warnings []string `json:"-"`
}

// Endpoints are the metadata's URLs in the catalog's terms.
func (m Metadata) Endpoints() flows.Endpoints {
	return flows.Endpoints{
		Issuer: m.Issuer, Authorization: m.AuthorizationEndpoint, Token: m.TokenEndpoint,
		Device: m.DeviceAuthorizationEndpoint, PAR: m.PushedAuthorizationRequestEndpoint,
		CIBA: m.BackchannelAuthenticationEndpoint, Userinfo: m.UserinfoEndpoint,
	}
}

// Discovery is what advise records and checks of the metadata.
func (m Metadata) Discovery() advisor.Discovery {
	return advisor.Discovery{
		Issuer:                        m.Issuer,
		URL:                           m.URL,
		GrantTypesSupported:           nonNil(m.GrantTypesSupported),
		CodeChallengeMethodsSupported: nonNil(m.CodeChallengeMethodsSupported),

		ClientIDMetadataDocumentSupported: m.ClientIDMetadataDocumentSupported,
		RegistrationEndpoint:              m.RegistrationEndpoint,
	}
}

// Discovery is what advise records of a server found from a resource: the
// server's metadata and where the resource named it.
func (f Found) Discovery() advisor.Discovery {
	d := f.Server.Discovery()
	d.Resource = f.Resource.Resource
	d.ResourceMetadataURL = f.Resource.URL
	d.AuthorizationServers = f.Resource.AuthorizationServers
	return d
}

// LacksGrant reports whether the server lists its grant types without grant
// (advisor.Discovery.LacksGrant owns the rule).
func (m Metadata) LacksGrant(grant string) bool { return m.Discovery().LacksGrant(grant) }

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Locations returns the metadata URLs to try for an issuer, in order:
// RFC 8414 §3 inserts the well-known segment before the issuer's path,
// then, for an issuer with a path, OpenID Connect discovery with the
// segment inserted too (RFC 8414 §5, as MCP clients must try, MCP
// authorization 2025-11-25 §4.3), and OpenID Connect Discovery §4 appends
// it. An issuer is an http(s) URL without user information, query or
// fragment (RFC 8414 §2).
func Locations(issuer string) ([]string, error) {
	u, err := url.Parse(issuer)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return nil, fmt.Errorf("--issuer %s is not an http(s) URL", quote(redact.URL(issuer)))
	}
	if u.User != nil || u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.Contains(issuer, "#") {
		return nil, fmt.Errorf("--issuer %s: an issuer identifier has no user information, query or fragment (RFC 8414 §2); pass the server's issuer exactly", quote(redact.URL(issuer)))
	}
	path := strings.TrimSuffix(u.EscapedPath(), "/")
	base := u.Scheme + "://" + u.Host
	locs := []string{base + "/.well-known/oauth-authorization-server" + path}
	if path != "" {
		locs = append(locs, base+"/.well-known/openid-configuration"+path)
	}
	return append(locs, base+path+"/.well-known/openid-configuration"), nil
}

// maxDocument bounds what is read from a metadata endpoint.
const maxDocument = 1 << 20

// IssuerMismatchError is a document that names another issuer than the one
// asked for (RFC 8414 §3.3, OpenID Connect Discovery §4.3): its metadata is
// not used, or a server could send the client's credentials elsewhere.
type IssuerMismatchError struct {
	Asked, Got, URL string
}

func (e *IssuerMismatchError) Error() string {
	return fmt.Sprintf("the discovery document at %s names issuer %s, not %s: refused (RFC 8414 §3.3); if that is the server you mean, pass --issuer %s",
		quote(e.URL), quote(e.Got), quote(e.Asked), quote(e.Got))
}

// Fetch tries each location and returns the first valid document. The
// client's timeout bounds each request; ctx cancels them (the error then
// wraps ctx.Err(), for the caller's exit 130).
func Fetch(ctx context.Context, client *http.Client, issuer string) (Metadata, error) {
	locs, err := Locations(issuer)
	if err != nil {
		return Metadata{}, err
	}
	client = sameOrigin(client)
	var errs []string
	var mismatch *IssuerMismatchError
	for _, loc := range locs {
		m, err := fetchOne(ctx, client, loc)
		if err == nil {
			if m.Issuer != issuer {
				err = &IssuerMismatchError{Asked: issuer, Got: m.Issuer, URL: loc}
			} else {
				err = m.check()
			}
		}
		if err == nil {
			return m, nil
		}
		if ctx.Err() != nil {
			return Metadata{}, fmt.Errorf("reading the discovery document of %s: %w", quote(issuer), ctx.Err())
		}
		if e := (*IssuerMismatchError)(nil); errors.As(err, &e) && mismatch == nil {
			mismatch = e
		}
		errs = append(errs, fmt.Sprintf("%s: %s", loc, scrub(err, loc)))
	}
	if mismatch != nil {
		return Metadata{}, mismatch
	}
	return Metadata{}, fmt.Errorf("no discovery document for issuer %s:\n  %s\ncheck the issuer URL (it must match the server's \"issuer\" exactly)", quote(issuer), strings.Join(errs, "\n  "))
}

// sameOrigin returns a copy of client that refuses a redirect to another
// origin: the issuer's own server answers for it, or nobody does.
func sameOrigin(client *http.Client) *http.Client {
	c := *client
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		first := via[0].URL
		if req.URL.Scheme != first.Scheme || req.URL.Host != first.Host {
			return fmt.Errorf("refused a redirect to another origin (%s://%s): the issuer's metadata must come from the issuer", req.URL.Scheme, req.URL.Host)
		}
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		return nil
	}
	return &c
}

// scrub is err's text without the request URL Go's client puts in front
// (the caller already names the location).
func scrub(err error, loc string) string {
	var uerr *url.Error
	if errors.As(err, &uerr) {
		return uerr.Err.Error()
	}
	return strings.ReplaceAll(err.Error(), loc, "")
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

// check refuses endpoints a client must not be sent to: anything but an
// http(s) URL with a host (javascript:, file:, data: ...), and plain http
// off loopback when the issuer uses https (a downgrade). Plain http off
// loopback under a plain-http issuer is what the user asked for: a warning.
func (m *Metadata) check() error {
	issuerHTTPS := strings.HasPrefix(m.Issuer, "https://")
	for _, e := range []struct{ name, v string }{
		{"authorization_endpoint", m.AuthorizationEndpoint},
		{"token_endpoint", m.TokenEndpoint},
		{"device_authorization_endpoint", m.DeviceAuthorizationEndpoint},
		{"pushed_authorization_request_endpoint", m.PushedAuthorizationRequestEndpoint},
		{"backchannel_authentication_endpoint", m.BackchannelAuthenticationEndpoint},
		{"registration_endpoint", m.RegistrationEndpoint},
		{"userinfo_endpoint", m.UserinfoEndpoint},
		{"jwks_uri", m.JWKSURI},
	} {
		if e.v == "" {
			continue
		}
		u, err := url.Parse(e.v)
		if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") || u.User != nil || u.Fragment != "" {
			return fmt.Errorf("refused: %s %s is not an http(s) URL with a host and no user information or fragment", e.name, quote(redact.URL(e.v)))
		}
		if u.Scheme == "http" && !loopback(u.Hostname()) {
			if issuerHTTPS {
				return fmt.Errorf("refused: %s %s is plain http under an https issuer (RFC 8414 §2, RFC 6749 §3.1: TLS)", e.name, quote(e.v))
			}
			m.Warnings = append(m.Warnings, fmt.Sprintf("%s %s is plain http: tokens and secrets sent there can be read on the way (RFC 6749 §3.1 requires TLS)", e.name, quote(e.v)))
		}
	}
	if !issuerHTTPS {
		if u, err := url.Parse(m.Issuer); err == nil && !loopback(u.Hostname()) {
			m.Warnings = append(m.Warnings, fmt.Sprintf("issuer %s is plain http off loopback (RFC 8414 §2 requires https)", quote(m.Issuer)))
		}
	}
	return nil
}

func loopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// quote is a value from the command line or the network as a Go-quoted
// string: control characters and quotes cannot forge a message.
func quote(s string) string { return fmt.Sprintf("%q", s) }
