package clientconfig

import (
	"bytes"
	"strings"
)

// Placeholders: values only known at deploy time, decided here and nowhere
// else (lint asks IsPlaceholder). Readers call auth0ValueTokenLen to accept
// Auth0 Deploy CLI @@KEY@@ value tokens where a value starts (JSON) or to
// make them YAML without moving anything (YAML); adapters ask
// unresolvedText, onlyPlaceholder and placeholderSecret; checks ask
// String.Literal for what is literal around a placeholder (`${ROOT}/*` is
// still a wildcard).
//
// The template styles (DESIGN §4), each found by placeholderLen:
//
//	${X}        Spring, Terraform templates, shell/envsubst, Keycloak ${authBaseUrl}
//	$X  $(X)    shell / envsubst (upper-case names), Azure Pipelines, make
//	{{ x }}     Helm, Go templates, Jinja, Mustache
//	@@X@@ ##X## Auth0 Deploy CLI keyword replacement (JSON value, string)
//	#{X}# #{X}  Azure DevOps Replace Tokens, Octopus Deploy
//	?X?         realm templates filled by sed (?UUID?, ?ROOTURL?)
//	__X__       Replace Tokens' other default, Docker entrypoint scripts
//	<x>         documentation placeholders (<client-secret>, <UPDATE_ME>)

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
	return b == '_' || b == '-' || b == '.' || isAlnum(b)
}

func isAlnum(b byte) bool {
	return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
}

func isUpperName(b byte) bool { return b == '_' || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') }

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

// placeholderStarts are the bytes a placeholder can start with.
const placeholderStarts = "$@#{?_<"

// delimited is the length of open KEY close at the start of s, KEY being at
// least one byte accepted by ok; 0 if s does not start so.
func delimited(s, open, close string, ok func(byte) bool) int {
	if !strings.HasPrefix(s, open) {
		return 0
	}
	i := len(open)
	for i < len(s) && ok(s[i]) && !strings.HasPrefix(s[i:], close) {
		i++
	}
	if i == len(open) || !strings.HasPrefix(s[i:], close) {
		return 0
	}
	return i + len(close)
}

// placeholderLen is the length of the placeholder s[i:] starts with, 0 if
// none. s[:i] is what precedes it (a `$X` needs a boundary before it).
func placeholderLen(s string, i int) int {
	r := s[i:]
	switch r[0] {
	case '$':
		if n := delimited(r, "${", "}", func(b byte) bool { return b != '\n' }); n > 0 {
			return n
		}
		if n := delimited(r, "$(", ")", func(b byte) bool { return isKeywordByte(b) && b != '-' }); n > 0 {
			return n
		}
		// $NAME: upper-case, at least two bytes, on word boundaries (a
		// bcrypt hash "$2a$10$N9qo8..." is no variable).
		if i > 0 && isAlnum(s[i-1]) || len(r) < 3 || r[1] < 'A' || r[1] > 'Z' {
			return 0
		}
		n := 1
		for n < len(r) && isUpperName(r[n]) {
			n++
		}
		if n < 3 || (n < len(r) && (isAlnum(r[n]) || r[n] == '_')) {
			return 0
		}
		return n
	case '@':
		return auth0ValueTokenLen([]byte(r))
	case '#':
		if n := delimited(r, "##", "##", isKeywordByte); n > 0 {
			return n
		}
		if n := delimited(r, "#{", "}", func(b byte) bool { return b != '\n' && b != '{' }); n > 0 {
			if n < len(r) && r[n] == '#' {
				n++
			}
			return n
		}
	case '{':
		if !strings.HasPrefix(r, "{{") {
			return 0
		}
		if j := strings.Index(r[2:], "}}"); j >= 0 {
			return j + 4
		}
		return len(r) // an unclosed template: the rest is not literal
	case '?':
		if len(r) > 2 && (r[1] >= 'A' && r[1] <= 'Z' || r[1] >= 'a' && r[1] <= 'z') {
			return delimited(r, "?", "?", func(b byte) bool { return b == '_' || isAlnum(b) })
		}
	case '_':
		if len(r) > 4 && r[1] == '_' && isAlnum(r[2]) {
			return delimited(r, "__", "__", func(b byte) bool { return isKeywordByte(b) })
		}
	case '<':
		// A name, not any text between angle brackets: a generated
		// secret may hold < and >.
		if len(r) > 2 && (r[1] >= 'A' && r[1] <= 'Z' || r[1] >= 'a' && r[1] <= 'z') {
			return delimited(r, "<", ">", func(b byte) bool { return isKeywordByte(b) || b == ' ' || b == ':' || b == '/' })
		}
	}
	return 0
}

// eachPlaceholder calls f with the start and end of every placeholder in s,
// left to right, until f returns false.
func eachPlaceholder(s string, f func(start, end int) bool) {
	for i := 0; i < len(s); {
		j := strings.IndexAny(s[i:], placeholderStarts)
		if j < 0 {
			return
		}
		i += j
		if n := placeholderLen(s, i); n > 0 {
			if !f(i, i+n) {
				return
			}
			i += n
			continue
		}
		i++
	}
}

// unresolvedText reports whether s contains a deploy-time substitution in
// any of the styles above.
func unresolvedText(s string) bool {
	if !strings.ContainsAny(s, placeholderStarts) {
		return false
	}
	found := false
	eachPlaceholder(s, func(int, int) bool {
		found = true
		return false
	})
	return found
}

// onlyPlaceholder reports whether s, trimmed, is one placeholder and
// nothing else (so it stands for a whole list, not one item). A value that
// is unresolved for another reason (a whole-value tag) counts as one.
func onlyPlaceholder(s string) bool {
	t := strings.TrimSpace(s)
	n, whole := 0, false
	eachPlaceholder(t, func(start, end int) bool {
		n++
		whole = start == 0 && end == len(t)
		return n < 2
	})
	return n == 0 || (n == 1 && whole)
}

// literalText is s with every placeholder replaced by one NUL byte: what a
// check may still read of a value known only in part.
func literalText(s string) string {
	if !strings.ContainsAny(s, placeholderStarts) {
		return s
	}
	var b strings.Builder
	last := 0
	eachPlaceholder(s, func(start, end int) bool {
		b.WriteString(s[last:start])
		b.WriteByte(0)
		last = end
		return true
	})
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// Literal is what the file states literally of s: its value when resolved;
// when it is known only at deploy time, its text with every placeholder
// replaced by one NUL byte ("${ROOT}/*" is "\x00/*": still a wildcard), and
// "" when nothing of it is literal (var.x).
func (s String) Literal() string {
	if !s.Unresolved {
		return s.Value
	}
	return literalText(s.Value)
}

// IsPlaceholder reports whether a secret-looking value is a placeholder
// rather than credential material: empty, any template style above, <…>,
// masks of * (Keycloak's export mask), x or dots, and values that start
// with your-/your_/replace-/change-me and friends.
func IsPlaceholder(s string) bool { return placeholderSecret(s) }

func placeholderSecret(s string) bool {
	t := strings.TrimSpace(s)
	if t == "" || unresolvedText(t) {
		return true
	}
	if strings.Trim(t, "*") == "" || strings.Trim(t, "xX") == "" || strings.Trim(t, ".") == "" {
		return true
	}
	l := strings.ToLower(t)
	for _, p := range []string{"your-", "your_", "yourclient", "your-app", "replace-", "replace_", "replaceme", "replace-me",
		"change-me", "changeme", "change_me", "changethis", "todo", "tbd", "fixme", "placeholder", "<", "$(", "%(", "{{", "var."} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}
