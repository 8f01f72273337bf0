package lint

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/whichflow/whichflow/internal/clientconfig"
)

// Redact shows the first two characters of a secret and its length, never
// the secret.
func Redact(s string) string {
	n := utf8.RuneCountInString(s)
	if n <= 4 {
		return fmt.Sprintf("… (%d chars)", n)
	}
	r := []rune(s)
	return fmt.Sprintf("%s… (%d chars)", string(r[:2]), n)
}

// credentialURLRe finds credentials inside URLs: the userinfo of any
// scheme://user:pass@host, and the values of query or fragment parameters
// that carry secrets or tokens.
var credentialURLRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)([a-z][a-z0-9+.-]*://)([^/?#@\s"']+)@` +
		`|([?&#;](?:client_secret|client_assertion|access_token|refresh_token|id_token|token|password|passwd|pwd|secret|api_?key|apikey|key|code|code_verifier|assertion|sig|signature)=)([^&#\s"']+)`)
})

// RedactCredentials redacts credentials inside URLs in s, as secrets are
// redacted (Redact): "https://user:pass@host/*" becomes
// "https://us… (9 chars)@host/*" and "?client_secret=abc123" becomes
// "?client_secret=… (6 chars)". Every finding's message and client pass
// through it (newFinding), so no format prints them.
func RedactCredentials(s string) string {
	if !strings.Contains(s, "@") && !strings.Contains(s, "=") {
		return s
	}
	re := credentialURLRe()
	return re.ReplaceAllStringFunc(s, func(m string) string {
		sub := re.FindStringSubmatch(m)
		if sub[1] != "" {
			return sub[1] + Redact(sub[2]) + "@"
		}
		if clientconfig.IsPlaceholder(sub[4]) {
			return m
		}
		return sub[3] + Redact(sub[4])
	})
}
