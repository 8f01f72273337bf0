package cli

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// pathFlags name files; their values are passed to the file system as they
// are (a file name need not be UTF-8).
var pathFlags = map[string]bool{"answers": true, "write": true, "output": true, "out": true, "config": true, "baseline": true, "write-baseline": true}

// hostFlags are endpoint template values used as a host name (Auth0's and
// Okta's --domain, Entra's --tenant) or a path segment: never anything that
// changes the URL's structure.
var hostFlags = map[string]bool{"domain": true, "tenant": true}

// validateFlags is the one check of text values given as flags, run before
// every command: what reaches a snippet, a scaffolded file or a report must
// be valid UTF-8 without control characters (a newline in a name is an
// injection, U+0080 makes YAML that no parser accepts), and URLs must be
// absolute.
func validateFlags(cmd *cobra.Command) error {
	var err error
	cmd.Flags().Visit(func(fl *pflag.Flag) {
		if err != nil || pathFlags[fl.Name] {
			return
		}
		var values []string
		switch v := fl.Value.(type) {
		case pflag.SliceValue:
			values = v.GetSlice()
		default:
			values = []string{fl.Value.String()}
		}
		for _, v := range values {
			if err = checkText(fl.Name, v); err != nil {
				return
			}
			if err = checkValue(fl.Name, v); err != nil {
				return
			}
		}
	})
	return err
}

// checkText refuses invalid UTF-8, control characters (C0, DEL and C1),
// line and paragraph separators and bidirectional overrides.
func checkText(name, v string) error {
	if !utf8.ValidString(v) {
		return FlagErrorf("--%s is not valid UTF-8", name)
	}
	for _, r := range v {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || isBidiControl(r) {
			return FlagErrorf("--%s contains a control character (%U): give the value without it", name, r)
		}
	}
	return nil
}

func isBidiControl(r rune) bool {
	return (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069') || r == '\u200e' || r == '\u200f' || r == '\u061c'
}

// checkValue checks what a flag's value must look like.
func checkValue(name, v string) error {
	switch {
	case name == "base-url":
		u, err := url.Parse(v)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return FlagErrorf("--base-url %q is not an absolute http(s) URL: give the scheme and host, e.g. --base-url https://%s", v, strings.TrimPrefix(strings.TrimPrefix(v, "//"), "/"))
		}
		if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
			return FlagErrorf("--base-url %q: give the server's URL without credentials, query or fragment", u.Redacted())
		}
	case hostFlags[name]:
		if v == "" || strings.ContainsAny(v, "/?#@%\\ \t") {
			return FlagErrorf("--%s %q is not a host name or identifier: it may not contain / ? # @ %% \\ or spaces", name, v)
		}
	}
	return nil
}
