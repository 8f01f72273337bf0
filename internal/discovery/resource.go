package discovery

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/whichflow/whichflow/internal/redact"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// ResourceMetadata is the part of a protected resource's metadata (RFC 9728
// §2) whichflow uses.
type ResourceMetadata struct {
	Resource             string   `json:"resource"`
	AuthorizationServers []string `json:"authorization_servers"`
	ScopesSupported      []string `json:"scopes_supported"`

	// URL is where the document was found.
	URL string `json:"-"`
	// ChallengeScope is the scope of the resource's 401 challenge, which an
	// MCP client requests first (MCP authorization 2025-11-25 §6).
	ChallengeScope string `json:"-"`
}

// Found is what discovery from a resource found: the resource's metadata
// and the metadata of the authorization server it names.
type Found struct {
	Resource ResourceMetadata
	Server   Metadata
	// Warnings are allowed but worth saying (plain http off loopback, a
	// query in the resource, a choice between servers); say them on stderr.
	Warnings []string
}

// Scope is what an MCP client requests when the user names no scope: the
// 401 challenge's scope, else every scope the resource supports (MCP
// authorization 2025-11-25 §6).
func (f Found) Scope() string {
	if f.Resource.ChallengeScope != "" {
		return f.Resource.ChallengeScope
	}
	return strings.Join(f.Resource.ScopesSupported, " ")
}

// ResourceMismatchError is protected resource metadata that names another
// resource than the one asked for (RFC 9728 §3.3): its data is not used, or
// an attacker could impersonate the resource (§7.3).
type ResourceMismatchError struct {
	Asked, Got, URL string
}

func (e *ResourceMismatchError) Error() string {
	return fmt.Sprintf("the protected resource metadata at %s names resource %s, not %s: refused (RFC 9728 §3.3); if that is the resource you mean, pass --resource %s",
		quote(e.URL), quote(e.Got), quote(e.Asked), quote(e.Got))
}

// CheckResource refuses a --resource that is not a resource indicator: an
// absolute http(s) URI with a host and without a fragment (RFC 8707 §2), or
// one that carries credentials. A query is allowed but discouraged: the
// warning says so.
func CheckResource(resource string) (warning string, err error) {
	u, perr := url.Parse(resource)
	if perr != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") || u.Opaque != "" {
		return "", fmt.Errorf("--resource %s is not an absolute http(s) URL (RFC 8707 §2)", quote(redact.URL(resource)))
	}
	if u.User != nil {
		return "", fmt.Errorf("--resource %s: a resource indicator carries no user information; pass the resource's URL without credentials", quote(redact.URL(resource)))
	}
	if u.Fragment != "" || strings.Contains(resource, "#") {
		return "", fmt.Errorf("--resource %s: a resource indicator must not have a fragment (RFC 8707 §2)", quote(redact.URL(resource)))
	}
	if u.RawQuery != "" || u.ForceQuery {
		return fmt.Sprintf("--resource %s has a query: RFC 8707 §2 says a resource indicator SHOULD NOT", quote(redact.URL(resource))), nil
	}
	return "", nil
}

// ResourceLocations returns where a resource's metadata is looked for when
// its 401 names none: the well-known segment inserted before the resource's
// path and query (RFC 9728 §3.1), then at the root (MCP authorization
// 2025-11-25 §4.2).
func ResourceLocations(resource string) ([]string, error) {
	if _, err := CheckResource(resource); err != nil {
		return nil, err
	}
	u, _ := url.Parse(resource)
	rest := strings.TrimSuffix(u.EscapedPath(), "/")
	if u.RawQuery != "" {
		rest += "?" + u.RawQuery
	}
	base := u.Scheme + "://" + u.Host + "/.well-known/oauth-protected-resource"
	if rest == "" {
		return []string{base}, nil
	}
	return []string{base + rest, base}, nil
}

// FetchResource finds a resource's authorization server as an MCP client
// does: it calls the resource without a token and reads resource_metadata
// from the 401 WWW-Authenticate header (RFC 9728 §5.1), else tries the
// well-known locations; it uses the metadata only if its resource is the one
// asked for (§3.3), then reads the first listed authorization server's
// metadata with Fetch's checks. Every URL from the network is checked
// before it is fetched: http(s) with a host, no user information, no
// downgrade to plain http off loopback under an https resource, and no
// redirect to another origin.
func FetchResource(ctx context.Context, client *http.Client, resource string) (Found, error) {
	var found Found
	warning, err := CheckResource(resource)
	if err != nil {
		return found, err
	}
	if warning != "" {
		found.Warnings = append(found.Warnings, warning)
	}
	if u, _ := url.Parse(resource); u.Scheme == "http" && !loopback(u.Hostname()) {
		found.Warnings = append(found.Warnings, fmt.Sprintf("resource %s is plain http off loopback: its tokens can be read on the way (RFC 9728 §7.1 requires TLS)", quote(resource)))
	}
	client = sameOrigin(client)

	var locs []string
	challengeURL, scope, err := probe(ctx, client, resource)
	if err != nil && ctx.Err() != nil {
		return found, fmt.Errorf("calling the resource %s: %w", quote(resource), ctx.Err())
	}
	if challengeURL != "" {
		if err := checkNetworkURL("the 401's resource_metadata", challengeURL, resource); err != nil {
			return found, err
		}
		locs = []string{challengeURL}
	} else {
		locs, _ = ResourceLocations(resource)
	}
	var errs []string
	var mismatch *ResourceMismatchError
	for _, loc := range locs {
		rm, err := fetchResourceMetadata(ctx, client, loc)
		if err == nil && rm.Resource != resource {
			err = &ResourceMismatchError{Asked: resource, Got: rm.Resource, URL: loc}
		}
		if err == nil {
			rm.ChallengeScope = scope
			found.Resource = rm
			break
		}
		if ctx.Err() != nil {
			return found, fmt.Errorf("reading the protected resource metadata of %s: %w", quote(resource), ctx.Err())
		}
		if e := (*ResourceMismatchError)(nil); errors.As(err, &e) && mismatch == nil {
			mismatch = e
		}
		errs = append(errs, fmt.Sprintf("%s: %s", loc, scrub(err, loc)))
	}
	if found.Resource.URL == "" {
		if mismatch != nil {
			return found, mismatch
		}
		return found, fmt.Errorf("no protected resource metadata for %s:\n  %s\nthe resource must name its authorization server (RFC 9728; MCP authorization 2025-11-25 §4.1), or pass --issuer", quote(resource), strings.Join(errs, "\n  "))
	}
	servers := found.Resource.AuthorizationServers
	for _, as := range servers {
		if err := checkNetworkURL("authorization_servers entry", as, resource); err != nil {
			return found, err
		}
	}
	if len(servers) > 1 {
		found.Warnings = append(found.Warnings, fmt.Sprintf("the resource names %d authorization servers; using the first, %s (pass --issuer to choose another)", len(servers), quote(servers[0])))
	}
	m, err := Fetch(ctx, client, servers[0])
	if err != nil {
		return found, fmt.Errorf("the authorization server %s named by the resource's metadata: %w", quote(servers[0]), err)
	}
	found.Server = m
	return found, nil
}

// maxProbeBody bounds what is read of the resource's answer to an
// unauthenticated call (it is discarded).
const maxProbeBody = 64 << 10

// probe calls the resource without a token and returns the resource_metadata
// and scope of its 401 challenge, if it sent one.
func probe(ctx context.Context, client *http.Client, resource string) (metadataURL, scope string, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, resource, nil)
	if err != nil {
		return "", "", err
	}
	req.Header.Set("Accept", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return "", "", err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxProbeBody))
	if resp.StatusCode != http.StatusUnauthorized {
		return "", "", nil
	}
	challenges := resp.Header.Values("WWW-Authenticate")
	return ChallengeParam(challenges, "resource_metadata"), ChallengeParam(challenges, "scope"), nil
}

func fetchResourceMetadata(ctx context.Context, client *http.Client, loc string) (ResourceMetadata, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, loc, nil)
	if err != nil {
		return ResourceMetadata{}, err
	}
	req.Header.Set("Accept", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return ResourceMetadata{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return ResourceMetadata{}, fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	var rm ResourceMetadata
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxDocument)).Decode(&rm); err != nil {
		return ResourceMetadata{}, fmt.Errorf("not a JSON metadata document: %v", err)
	}
	if rm.Resource == "" {
		return ResourceMetadata{}, errors.New("document has no resource")
	}
	if len(rm.AuthorizationServers) == 0 {
		return ResourceMetadata{}, errors.New("document names no authorization_servers (MCP authorization 2025-11-25 §4.1 requires one)")
	}
	rm.URL = loc
	return rm, nil
}

// checkNetworkURL refuses a URL a resource handed out that whichflow must
// not follow: anything but http(s) with a host, user information, a
// fragment, or plain http off loopback when the resource uses https.
func checkNetworkURL(what, raw, resource string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") || u.User != nil || u.Fragment != "" || strings.Contains(raw, "#") {
		return fmt.Errorf("refused: %s %s is not an http(s) URL with a host and no user information or fragment", what, quote(redact.URL(raw)))
	}
	if u.Scheme == "http" && !loopback(u.Hostname()) && strings.HasPrefix(resource, "https://") {
		return fmt.Errorf("refused: %s %s is plain http under an https resource (RFC 9728 §7.1: TLS)", what, quote(raw))
	}
	return nil
}

// ChallengeParam returns the value of the auth-param name in any of the
// WWW-Authenticate challenges (RFC 9110 §11.6.1: token or quoted-string
// values, names compared without case), or "" when none has it.
func ChallengeParam(headers []string, name string) string {
	for _, h := range headers {
		for i := 0; i < len(h); {
			j := i
			for j < len(h) && isTokenChar(h[j]) {
				j++
			}
			if j == i {
				i++ // a separator, a space, a comma
				continue
			}
			k := skipSpaces(h, j)
			if k >= len(h) || h[k] != '=' {
				i = j // a scheme or a token68
				continue
			}
			v, next := paramValue(h, skipSpaces(h, k+1))
			if strings.EqualFold(h[i:j], name) {
				return v
			}
			i = next
		}
	}
	return ""
}

// paramValue reads a quoted-string (with \-escapes) or a bare value at i.
func paramValue(h string, i int) (string, int) {
	if i < len(h) && h[i] == '"' {
		var b strings.Builder
		for i++; i < len(h); i++ {
			switch c := h[i]; c {
			case '\\':
				if i+1 < len(h) {
					i++
					b.WriteByte(h[i])
				}
			case '"':
				return b.String(), i + 1
			default:
				b.WriteByte(c)
			}
		}
		return b.String(), i
	}
	// A bare value is a token; servers that leave a URL unquoted are read
	// up to the next separator all the same.
	j := i
	for j < len(h) && h[j] != ',' && h[j] != ' ' && h[j] != '\t' {
		j++
	}
	return h[i:j], j
}

func skipSpaces(h string, i int) int {
	for i < len(h) && (h[i] == ' ' || h[i] == '\t') {
		i++
	}
	return i
}

// isTokenChar is RFC 9110 §5.6.2 tchar.
func isTokenChar(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}
