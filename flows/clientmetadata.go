package flows

import (
	"fmt"
	"net/url"
	"strings"
)

// CheckClientIDURL says why raw cannot be the client_id of a client ID
// metadata document, or returns nil when it can: an https URL with a host
// and a path (the document's), without single- or double-dot path
// segments, a fragment, or a user name or password (CIMD §3). A query,
// which CIMD §3 discourages, is refused too: the document is one plain URL.
// The one owner of the rule: lint uses it to tell such a document from
// other RFC 7591 metadata, scaffold to check --client-id.
func CheckClientIDURL(raw string) error {
	if strings.ContainsFunc(raw, func(r rune) bool { return r <= ' ' || r == 0x7f || r == '\\' }) {
		return fmt.Errorf("a space, control character or backslash")
	}
	u, err := url.Parse(raw)
	switch {
	case err != nil || !strings.HasPrefix(raw, "https://") || u.Host == "":
		return fmt.Errorf("not an https URL with a host")
	case u.User != nil:
		return fmt.Errorf("a user name or password in the URL")
	case u.Fragment != "" || strings.Contains(raw, "#"):
		return fmt.Errorf("a fragment")
	case u.RawQuery != "" || u.ForceQuery:
		return fmt.Errorf("a query")
	case u.Path == "" || u.Path == "/":
		return fmt.Errorf("no path naming the document (https://host/client-metadata.json)")
	}
	for _, seg := range strings.Split(u.EscapedPath(), "/") {
		if s := strings.ReplaceAll(strings.ToLower(seg), "%2e", "."); s == "." || s == ".." {
			return fmt.Errorf("a %q path segment", s)
		}
	}
	return nil
}

// IsClientIDURL reports whether a client_id is the URL of a client ID
// metadata document (CheckClientIDURL accepts it). Most client_ids are
// not https URLs: they are told without parsing (and without an error).
func IsClientIDURL(raw string) bool {
	return strings.HasPrefix(raw, "https://") && CheckClientIDURL(raw) == nil
}
