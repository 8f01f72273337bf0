package snippet

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/whichflow/whichflow/flows"
)

// parseShellWord reads one sh word made of single-quoted strings and \'
// (what ShellQuote writes); ok is false if anything else follows.
func parseShellWord(s string) (word string, ok bool) {
	var b strings.Builder
	for len(s) > 0 {
		switch {
		case s[0] == '\'':
			end := strings.IndexByte(s[1:], '\'')
			if end < 0 {
				return "", false
			}
			b.WriteString(s[1 : 1+end])
			s = s[2+end:]
		case strings.HasPrefix(s, `\'`):
			b.WriteByte('\'')
			s = s[2:]
		default:
			return "", false
		}
	}
	return b.String(), true
}

// FuzzShellQuote proves no client ID, redirect URI or scope breaks out of
// its quotes in a curl snippet: the assignment line parses back to the
// value, and sh itself reads the value back unchanged.
func FuzzShellQuote(f *testing.F) {
	for _, s := range []string{"my-client", "it's", `'; rm -rf / #`, "$(id)", "`id`", `\'`, "a b\tc", "''", "é ☃ 𝄞", `"$HOME"`, "http://127.0.0.1:8400/cb?x='y'&z=$a"} {
		f.Add(s)
	}
	sh, shErr := exec.LookPath("sh")
	f.Fuzz(func(t *testing.T, v string) {
		for _, field := range []string{"CLIENT_ID", "REDIRECT_URI", "SCOPE"} {
			r := keycloak(flows.AuthorizationCode, flows.LangCurl, false)
			switch field {
			case "CLIENT_ID":
				r.ClientID = v
			case "REDIRECT_URI":
				r.RedirectURI = v
			case "SCOPE":
				r.Scope = v
			}
			out, err := Render(r)
			if err != nil {
				if isError(err) || v == "" {
					return // rejected input (control characters, invalid UTF-8)
				}
				t.Fatal(err)
			}
			if v == "" && field != "SCOPE" {
				continue // defaulted
			}
			var line string
			for _, l := range strings.Split(out, "\n") {
				if strings.HasPrefix(l, field+"=") {
					line = l
					break
				}
			}
			got, ok := parseShellWord(strings.TrimPrefix(line, field+"="))
			if !ok || got != v {
				t.Fatalf("%s=%q rendered as %q", field, v, line)
			}
			if shErr == nil {
				res, err := exec.Command(sh, "-c", line+"\nprintf %s \"$"+field+"\"").Output()
				if err != nil || string(res) != v {
					t.Fatalf("sh reads %s=%q back as %q (%v)", field, v, res, err)
				}
			}
		}
	})
}

func TestShellQuote(t *testing.T) {
	if got := ShellQuote(`it's`); got != `'it'\''s'` {
		t.Errorf("ShellQuote = %s", got)
	}
}
