package lint

import "strings"

// URI helpers for the redirect, origin and endpoint rules. They read the
// literal text of a value (clientconfig.String.Literal): a placeholder is
// one NUL byte, so what is around it stays readable and what it stands for
// is never guessed.

// uriScheme is the lower-case scheme of lit (RFC 3986 §3.1), ok false when
// lit has none or a placeholder stands where it would be. "localhost:3000"
// is a host and port, not a scheme.
func uriScheme(lit string) (string, bool) {
	lit = strings.TrimSpace(lit)
	i := strings.IndexByte(lit, ':')
	if i <= 0 {
		return "", false
	}
	for j := 0; j < i; j++ {
		c := lit[j]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case j > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return "", false
		}
	}
	if rest := lit[i+1:]; rest != "" && rest[0] >= '0' && rest[0] <= '9' && !strings.Contains(lit[:i], ".") {
		return "", false
	}
	return strings.ToLower(lit[:i]), true
}

// uriHost is the lower-case host of an http or https URI's literal text,
// ok false for other schemes or when a placeholder is part of the host.
// Wildcards in the port or path (which net/url rejects) are tolerated.
func uriHost(lit string) (scheme, host string, ok bool) {
	scheme, ok = uriScheme(lit)
	if !ok || (scheme != "http" && scheme != "https") {
		return "", "", false
	}
	rest := strings.TrimSpace(lit)[len(scheme)+1:]
	if !strings.HasPrefix(rest, "//") {
		return "", "", false
	}
	rest = rest[2:]
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.LastIndexByte(rest, '@'); i >= 0 {
		rest = rest[i+1:]
	}
	if strings.HasPrefix(rest, "[") {
		if i := strings.IndexByte(rest, ']'); i >= 0 {
			rest = rest[1:i]
		}
	} else if i := strings.IndexByte(rest, ':'); i >= 0 {
		rest = rest[:i]
	}
	if rest == "" || strings.IndexByte(rest, 0) >= 0 {
		return "", "", false
	}
	return scheme, strings.ToLower(strings.TrimSuffix(rest, ".")), true
}

// insecureHTTP reports a plain-http URI whose host is not loopback.
func insecureHTTP(lit string) bool {
	scheme, host, ok := uriHost(lit)
	return ok && scheme == "http" && !isLoopback(host)
}

// dangerousSchemes run code or read local files in the browser instead of
// delivering the response to a client.
var dangerousSchemes = []string{"javascript", "data", "vbscript", "file"}

// assignedSchemes are schemes a browser or platform assigns to an app (not
// private-use schemes the app picks), and URNs.
var assignedSchemes = []string{"http", "https", "urn", "chrome-extension", "moz-extension", "ms-browser-extension", "safari-web-extension"}
