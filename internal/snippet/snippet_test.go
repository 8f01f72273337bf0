package snippet

import (
	"bytes"
	"errors"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
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
			}
		}
	}
	return out
}

func name(r Request) string {
	n := string(r.Flow) + "." + r.Lang
	if r.High {
		n += ".high"
	}
	return n
}

func TestGolden(t *testing.T) {
	for _, r := range all() {
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
	if !strings.Contains(curl, "--data-urlencode \"$1=$2\"") || !strings.Contains(curl, "-H @-") {
		t.Errorf("curl must send form-encoded bodies and read the Basic header from stdin")
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
