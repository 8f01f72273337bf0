package snippet

import (
	"bytes"
	"errors"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/golden"
)

// keycloak is a fixed request for golden files: Keycloak's templates.
func keycloak(flow flows.FlowID, lang string, high bool) Request {
	p, _ := flows.ProviderByID(flows.ProviderKeycloak)
	e, _ := p.Expand(map[string]string{flows.ParamBaseURL: "https://id.example.com", flows.ParamRealm: "demo"})
	return Request{Flow: flow, Lang: lang, High: high, ClientID: "demo-client", Scope: "openid profile",
		Audience: "https://api.example.com", Endpoints: e, Source: "Keycloak endpoint templates"}
}

// all lists every renderable (flow, lang, high) combination.
func all() []Request {
	var out []Request
	for _, f := range flows.Flows() {
		for _, l := range Langs(f.ID) {
			for _, high := range []bool{false, true} {
				if high && f.ID == flows.Password {
					continue
				}
				out = append(out, keycloak(f.ID, l, high))
				// With a resource indicator (RFC 8707): every flow at
				// standard security, and the agent's shape below.
				if !high && f.ID != flows.Password {
					r := keycloak(f.ID, l, high)
					r.Resource = testResource
					out = append(out, r)
					// private_key_jwt at standard security (a hosted agent).
					if f.ID != flows.CIBA {
						r := keycloak(f.ID, l, high)
						r.KeyAuth = true
						out = append(out, r)
					}
				}
				if f.ID == flows.AuthorizationCode {
					// A loopback redirect without a port: go, js and python
					// listen on a free port (RFC 8252 §7.3); sh still pastes.
					r := keycloak(f.ID, l, high)
					r.RedirectURI = loopbackRedirect
					out = append(out, r)
					r.Resource = testResource
					out = append(out, r)
				}
			}
		}
	}
	return out
}

const (
	loopbackRedirect = "http://127.0.0.1/callback"
	testResource     = "https://mcp.example.com/mcp"
)

func name(r Request) string {
	n := string(r.Flow) + "." + r.Lang
	if r.RedirectURI == loopbackRedirect {
		n += ".loopback"
	}
	if r.Resource != "" {
		n += ".resource"
	}
	if r.KeyAuth {
		n += ".keyauth"
	}
	if r.High {
		n += ".high"
	}
	return n
}

// goldenResource limits the resource variants pinned as golden files to the
// agent's flows (every variant is syntax-checked, built and lexed).
var goldenResource = []flows.FlowID{flows.AuthorizationCode, flows.ClientCredentials, flows.RefreshToken}

func TestGolden(t *testing.T) {
	for _, r := range all() {
		if (r.Resource != "" || r.KeyAuth) && !slices.Contains(goldenResource, r.Flow) {
			continue
		}
		t.Run(name(r), func(t *testing.T) {
			got, err := Render(r)
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", "golden", name(r)+".txt"), []byte(got))
		})
	}
}

func TestEveryFlowHasEveryLanguage(t *testing.T) {
	for _, f := range flows.Flows() {
		switch f.ID {
		case flows.Implicit:
			if len(Langs(f.ID)) != 0 {
				t.Errorf("implicit must have no snippet")
			}
		case flows.Password:
			if !Available(f.ID, flows.LangCurl) {
				t.Errorf("password needs a curl snippet for migration testing")
			}
		default:
			if got := Langs(f.ID); len(got) != len(flows.SnippetLangs()) {
				t.Errorf("%s has snippets in %v, want all of %v", f.ID, got, flows.SnippetLangs())
			}
		}
	}
}

func TestMarkdownFencesTheSameCode(t *testing.T) {
	r := keycloak(flows.ClientCredentials, flows.LangPython, false)
	text, _ := Render(r)
	r.Markdown = true
	md, err := Render(r)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(md, "### Client credentials — python") || !strings.Contains(md, "```python\n"+text+"```\n") {
		t.Errorf("markdown does not fence the text snippet:\n%s", md)
	}
}

// TestShapes checks the requests of grants the e2e server cannot perform.
func TestShapes(t *testing.T) {
	for _, tc := range []struct {
		flow flows.FlowID
		want []string
	}{
		{flows.Password, []string{"grant_type " + flows.GrantPassword, "username \"$USERNAME\"", "password \"$PASSWORD\"", "MUST NOT be used (RFC 9700 §2.4)"}},
		{flows.JWTBearer, []string{"grant_type " + flows.GrantJWTBearer, "assertion \"$ASSERTION\"", `\"iss\":`, `\"sub\":`, `\"aud\":$(json_str "$ISSUER")`, `\"exp\":$((NOW + 300))`, `\"jti\":`, "openssl dgst -sha256 -sign"}},
		{flows.TokenExchange, []string{"grant_type " + flows.GrantTokenExchange, "subject_token \"$SUBJECT_TOKEN\"", "subject_token_type \"$SUBJECT_TOKEN_TYPE\"", "requested_token_type " + flows.TokenTypeAccessToken, "audience \"$AUDIENCE\"", "${SUBJECT_TOKEN_TYPE:-" + flows.TokenTypeAccessToken + "}"}},
	} {
		for _, lang := range []string{flows.LangCurl, flows.LangHTTPie} {
			got, err := Render(keycloak(tc.flow, lang, false))
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("%s/%s lacks %q", tc.flow, lang, w)
				}
			}
			if strings.Contains(got, "$TOKEN_ENDPOINT?") || strings.Contains(got, "CLIENT_SECRET=") {
				t.Errorf("%s/%s puts parameters in the query or a secret in the script", tc.flow, lang)
			}
		}
	}
	curl, _ := Render(keycloak(flows.ClientCredentials, flows.LangCurl, false))
	if !strings.Contains(curl, "--data-binary @-") || !strings.Contains(curl, `-H @"$TMP_DIR/headers"`) || strings.Contains(curl, "--data-urlencode") {
		t.Errorf("curl must read the form body from stdin and the Basic header from a file")
	}
}

func TestErrors(t *testing.T) {
	r := keycloak(flows.Implicit, flows.LangCurl, false)
	if _, err := Render(r); !isError(err) || !strings.Contains(err.Error(), "authorization-code") {
		t.Errorf("implicit: %v", err)
	}
	r = keycloak(flows.Password, flows.LangGo, false)
	if _, err := Render(r); !isError(err) || !strings.Contains(err.Error(), "available: curl") {
		t.Errorf("password/go: %v", err)
	}
	r = keycloak(flows.DeviceCode, flows.LangCurl, false)
	r.Endpoints.Device = ""
	if _, err := Render(r); !isError(err) || !strings.Contains(err.Error(), "--issuer") {
		t.Errorf("no device endpoint: %v", err)
	}
	r = keycloak(flows.ClientCredentials, flows.LangCurl, false)
	r.RedirectURI = "http://x/\ncurl evil"
	if _, err := Render(r); !isError(err) {
		t.Errorf("control character accepted: %v", err)
	}
}

func isError(err error) bool {
	var e *Error
	return errors.As(err, &e)
}

// TestSyntax checks every snippet parses in its language: sh -n, gofmt,
// python3 -m py_compile, node --check (when the tools exist).
func TestSyntax(t *testing.T) {
	dir := t.TempDir()
	for _, r := range all() {
		got, err := Render(r)
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, name(r))
		switch r.Lang {
		case flows.LangGo:
			src, err := format.Source([]byte(got))
			if err != nil {
				t.Errorf("%s: %v", name(r), err)
			} else if !bytes.Equal(src, []byte(got)) {
				t.Errorf("%s is not gofmt-clean", name(r))
			}
			continue
		case flows.LangCurl, flows.LangHTTPie:
			file += ".sh"
		case flows.LangJS:
			file += ".mjs"
		case flows.LangPython:
			file += ".py"
		}
		os.WriteFile(file, []byte(got), 0o644)
		var cmd []string
		switch r.Lang {
		case flows.LangCurl, flows.LangHTTPie:
			cmd = []string{"sh", "-n", file}
		case flows.LangJS:
			cmd = []string{"node", "--check", file}
		case flows.LangPython:
			cmd = []string{"python3", "-c", "import ast,sys; ast.parse(open(sys.argv[1]).read())", file}
		}
		if _, err := exec.LookPath(cmd[0]); err != nil {
			t.Logf("%s not found: %s not checked", cmd[0], name(r))
			continue
		}
		if out, err := exec.Command(cmd[0], cmd[1:]...).CombinedOutput(); err != nil {
			t.Errorf("%s: %v\n%s", name(r), err, out)
		}
	}
}

// TestGoSnippetsBuild renders every Go snippet into a module that requires
// golang.org/x/oauth2 (testdata/gomod, not a dependency of whichflow) and
// builds it.
func TestGoSnippetsBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds with the module proxy/cache")
	}
	dir := t.TempDir()
	for _, f := range []string{"go.mod", "go.sum"} {
		b, err := os.ReadFile(filepath.Join("testdata", "gomod", f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, f), b, 0o644)
	}
	n := 0
	for _, r := range all() {
		if r.Lang != flows.LangGo {
			continue
		}
		got, _ := Render(r)
		sub := filepath.Join(dir, "cmd", strings.ReplaceAll(name(r), ".", "-"))
		os.MkdirAll(sub, 0o755)
		os.WriteFile(filepath.Join(sub, "main.go"), []byte(got), 0o644)
		n++
	}
	cmd := exec.Command("go", "build", "-o", os.DevNull, "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build of %d Go snippets: %v\n%s", n, err, out)
	}
}

// TestLoopbackListener: a loopback redirect URI without a port makes the
// go, js and python snippets listen on a free port (RFC 8252 §7.3); with a
// port, another host or localhost they read the pasted URL, and sh always
// does.
func TestLoopbackListener(t *testing.T) {
	listens := map[string][2]string{ // lang: listener marker, paste marker
		flows.LangGo:     {"net.Listen(\"tcp\", net.JoinHostPort(listenHost, \"0\"))", "bufio.NewReader(os.Stdin)"},
		flows.LangJS:     {"listen(0, LISTEN_HOST", "createInterface({ input: process.stdin"},
		flows.LangPython: {"RedirectServer((LISTEN_HOST, 0)", "sys.stdin.readline()"},
	}
	for _, tc := range []struct {
		uri, host string
		listen    bool
	}{
		{"http://127.0.0.1/callback", "127.0.0.1", true},
		{"http://[::1]/callback", "::1", true},
		{"http://127.0.0.1", "127.0.0.1", true},
		{"http://127.0.0.1:8400/callback", "", false},
		{"http://[::1]:8400/callback", "", false},
		{"http://localhost/callback", "", false}, // RFC 8252 §8.3: not localhost
		{"https://127.0.0.1/callback", "", false},
		{"https://app.example.com/callback", "", false},
		{"com.example.app:/callback", "", false},
	} {
		for _, high := range []bool{false, true} {
			for lang, m := range listens {
				r := keycloak(flows.AuthorizationCode, lang, high)
				r.RedirectURI = tc.uri
				got, err := Render(r)
				if err != nil {
					t.Fatal(err)
				}
				if tc.listen {
					if !strings.Contains(got, m[0]) || strings.Contains(got, m[1]) || !strings.Contains(got, "OPEN_BROWSER") {
						t.Errorf("%s %s high=%v: want the loopback listener, not stdin", lang, tc.uri, high)
					}
					if !strings.Contains(got, "5*time.Minute") && !strings.Contains(got, "5 * 60") {
						t.Errorf("%s %s: the wait is not bounded", lang, tc.uri)
					}
					if !strings.Contains(got, `"`+tc.host+`"`) {
						t.Errorf("%s %s: does not bind %s", lang, tc.uri, tc.host)
					}
				} else if strings.Contains(got, m[0]) || !strings.Contains(got, m[1]) {
					t.Errorf("%s %s high=%v: want the paste path, not a listener", lang, tc.uri, high)
				}
			}
			for _, lang := range []string{flows.LangCurl, flows.LangHTTPie} {
				r := keycloak(flows.AuthorizationCode, lang, high)
				r.RedirectURI = tc.uri
				got, err := Render(r)
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(got, "IFS= read -r REDIRECTED") || !strings.Contains(got, "no\n# portable way to listen") {
					t.Errorf("%s %s: sh must paste and say why", lang, tc.uri)
				}
			}
		}
	}
	// Other flows ignore the redirect URI.
	r := keycloak(flows.DeviceCode, flows.LangPython, false)
	r.RedirectURI = loopbackRedirect
	if got, _ := Render(r); strings.Contains(got, "OPEN_BROWSER") {
		t.Errorf("device-code must not get a loopback listener")
	}
}

func TestLoopbackListenerSplit(t *testing.T) {
	for uri, want := range map[string]Listener{
		"http://127.0.0.1/callback": {Host: "127.0.0.1", Origin: "http://127.0.0.1", Rest: "/callback", Path: "/callback"},
		"http://[::1]/cb?x=1":       {Host: "::1", Origin: "http://[::1]", Rest: "/cb?x=1", Path: "/cb"},
		"http://127.0.0.1":          {Host: "127.0.0.1", Origin: "http://127.0.0.1", Rest: "", Path: "/"},
		"HTTP://127.0.0.1/A":        {Host: "127.0.0.1", Origin: "HTTP://127.0.0.1", Rest: "/A", Path: "/A"},
	} {
		got, ok := loopbackListener(uri)
		if !ok || got != want {
			t.Errorf("loopbackListener(%q) = %+v, %v; want %+v", uri, got, ok, want)
		}
	}
	for _, uri := range []string{"http://127.0.0.1:/cb", "http://u@127.0.0.1/cb", "http://127.0.0.1/cb#f", "http://127.0.0.2/cb", "http://[::1]:0/cb"} {
		if got, ok := loopbackListener(uri); ok {
			t.Errorf("loopbackListener(%q) = %+v, want no listener", uri, got)
		}
	}
}
