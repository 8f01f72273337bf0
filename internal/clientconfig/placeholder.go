package clientconfig

import (
	"bytes"
	"regexp"
	"strings"
	"sync"
)

// Placeholders: values only known at deploy time, decided here and nowhere
// else. Readers call auth0ValueTokenLen to accept Auth0 Deploy CLI @@KEY@@
// value tokens where a value starts (JSON) or to make them YAML without
// moving anything (YAML); adapters ask unresolvedText and placeholderSecret.

// auth0ValueTokenLen is the length of the @@KEY@@ token (KEY in
// [A-Za-z0-9_.-]+) that b starts with, 0 if none.
func auth0ValueTokenLen(b []byte) int {
	if len(b) < 5 || b[0] != '@' || b[1] != '@' {
		return 0
	}
	i := 2
	for i < len(b) && isKeywordByte(b[i]) {
		i++
	}
	if i == 2 || i+1 >= len(b) || b[i] != '@' || b[i+1] != '@' {
		return 0
	}
	return i + 2
}

func isKeywordByte(b byte) bool {
	return b == '_' || b == '-' || b == '.' || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
}

// containsAuth0Token reports whether s holds a @@KEY@@ token anywhere.
func containsAuth0Token(s []byte) bool {
	for {
		i := bytes.Index(s, []byte("@@"))
		if i < 0 {
			return false
		}
		if auth0ValueTokenLen(s[i:]) > 0 {
			return true
		}
		s = s[i+1:]
	}
}

var (
	reEnvRef   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\$\{[^}]*\}`) })
	reAuth0Str = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`##[A-Za-z0-9_.-]+##`) })
)

// unresolvedText reports whether s contains a deploy-time substitution:
// ${VAR} (Spring, Terraform templates, shell/envsubst, Keycloak ${authBaseUrl}),
// Auth0 Deploy CLI @@KEY@@ and ##KEY##, or Helm/Go templates {{ }}.
func unresolvedText(s string) bool {
	if !strings.ContainsAny(s, "${#@") {
		return false
	}
	return reEnvRef().MatchString(s) || strings.Contains(s, "{{") ||
		containsAuth0Token([]byte(s)) || reAuth0Str().MatchString(s)
}

// onlyPlaceholder reports whether s, trimmed, is one placeholder and
// nothing else (so it stands for a whole list, not one item).
func onlyPlaceholder(s string) bool {
	t := strings.TrimSpace(s)
	if containsAuth0Token([]byte(t)) {
		return auth0ValueTokenLen([]byte(t)) == len(t)
	}
	for _, re := range []*regexp.Regexp{reEnvRef(), reAuth0Str()} {
		if m := re.FindString(t); m != "" {
			return m == t
		}
	}
	return true
}

// placeholderSecret reports whether a secret-looking value is a placeholder
// rather than credential material. Judgement calls (documented in the
// package doc): empty, unresolved substitutions, <…>, masks of *, and values
// that start with your-/your_/replace-/change-me and friends.
func placeholderSecret(s string) bool {
	t := strings.TrimSpace(s)
	if t == "" || unresolvedText(t) {
		return true
	}
	if strings.HasPrefix(t, "<") && strings.HasSuffix(t, ">") {
		return true
	}
	if strings.Trim(t, "*") == "" || strings.Trim(t, "xX") == "" || strings.Trim(t, ".") == "" {
		return true
	}
	l := strings.ToLower(t)
	for _, p := range []string{"your-", "your_", "yourclient", "your-app", "replace-", "replace_", "replaceme", "replace-me",
		"change-me", "changeme", "change_me", "changethis", "todo", "tbd", "fixme", "placeholder", "<", "$(", "%(", "{{"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}
