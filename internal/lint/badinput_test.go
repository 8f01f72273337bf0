package lint

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whichflow/whichflow/internal/clientconfig"
	"github.com/whichflow/whichflow/internal/redact"
)

// TestBadInput lints a directory full of things that are not client
// configurations, or broken ones: nothing panics, unrecognised files are
// skipped, recognised broken ones are invalid-config, and the one real
// client is still linted.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 2000; i++ {
		write(fmt.Sprintf("charts/app-%04d/values.yaml", i), fmt.Appendf(nil, "replicaCount: %d\nimage:\n  repository: nginx\n  tag: \"1.%d\"\n", i%3, i))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20; i++ {
		b := make([]byte, 4096)
		for j := range b {
			b[j] = byte(rng.UintN(256))
		}
		write(fmt.Sprintf("bin/blob-%02d.json", i), b)
	}
	write("big/realm.json", append([]byte(`{"realm":"big","clients":[`), bytes.Repeat([]byte(" "), 64<<10)...))
	write("broken/realm.json", []byte("{\n  \"realm\": \"shop\",\n  \"clients\": [\n    {\"clientId\": \"x\", \"publicClient\": true,\n"))
	write("bomb.yaml", []byte(`a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
clients: *g
`))
	write("deep.json", []byte(strings.Repeat(`{"clients":[`, 50000)))
	write("latin1.yaml", []byte("client_id: caf\xe9\ngrant_types: [implicit]\n"))
	write("empty.json", nil)
	write(".git/config.json", []byte(`{"client_id": "hidden", "grant_types": ["implicit"]}`))
	write("vendor/x/client.json", []byte(`{"client_id": "hidden", "grant_types": ["implicit"]}`))
	write("real/client.json", []byte(`{"client_id": "legacy", "grant_types": ["implicit"], "redirect_uris": ["https://a.example.com/cb"]}`))

	res, err := Run(context.Background(), Options{Paths: []string{dir}, MaxFileSize: 32 << 10, Config: os.DevNull, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	var implicit, tooBig, broken bool
	for _, f := range res.Findings {
		switch {
		case f.Rule == "implicit-grant" && f.Client == "legacy":
			implicit = true
		case f.Client == "hidden":
			t.Errorf("linted a file under .git or vendor: %+v", f)
		case f.Rule == "invalid-config" && strings.HasSuffix(f.File, "big/realm.json"):
			tooBig = strings.Contains(f.Message, "cap")
		case f.Rule == "invalid-config" && strings.HasSuffix(f.File, "broken/realm.json"):
			broken = f.Line > 0
		}
	}
	if !implicit {
		t.Error("the real client was not linted")
	}
	if !tooBig {
		t.Error("the file over the cap was not reported as invalid-config naming the cap")
	}
	if !broken {
		t.Error("the truncated realm export was not reported as invalid-config")
	}
	if len(res.Skipped) < 2000 {
		t.Errorf("%d files skipped, want the 2000 unrelated YAML files and the binaries among them", len(res.Skipped))
	}
}

// FuzzLintBytes feeds arbitrary bytes through the reader and every rule.
func FuzzLintBytes(f *testing.F) {
	f.Add("client.json", []byte(`{"client_id":"a","grant_types":["implicit","password"],"redirect_uris":["http://x/*"]}`))
	f.Add("realm.json", []byte(`{"realm":"r","clients":[{"clientId":"c","publicClient":true,"serviceAccountsEnabled":true}]}`))
	f.Add("main.tf", []byte("# whichflow:ignore ropc reason=\"x\" expires=2020-01-01\nresource \"keycloak_openid_client\" \"a\" {\n  client_id = \"a\"\n  direct_access_grants_enabled = true\n}\n"))
	f.Add("whichflow.yaml", []byte("kind: spa\nclient_id: s\ngrant_types: [implicit, client_credentials]\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		name = filepath.Base(name)
		if name == "." || name == "/" || name == "" {
			name = "x.json"
		}
		opts := &Options{Profile: ProfileHigh, IncludeBuiltin: true, Now: testNow}
		lintBytes(name, name, data, opts, &config{}, nil)
	})
}

func TestDirectiveParsing(t *testing.T) {
	for _, tc := range []struct {
		text, rules, reason, expires string
	}{
		{`redirect-wildcard reason="preview envs" expires=2027-03-01`, "redirect-wildcard", "preview envs", "2027-03-01"},
		{`ropc,implicit-grant reason="a \"quoted\" reason"`, "implicit-grant,ropc", `a "quoted" reason`, ""},
		{`ropc`, "ropc", "", ""},
		{`ropc reason=legacy`, "ropc", "legacy", ""},
	} {
		d := parseDirective(directiveOf(tc.text))
		if got := strings.Join(sortedKeys(d.rules), ","); got != tc.rules || d.reason != tc.reason || d.expires != tc.expires {
			t.Errorf("%s: rules %q reason %q expires %q", tc.text, got, d.reason, d.expires)
		}
	}
}

func TestHelpers(t *testing.T) {
	for in, want := range map[string]string{
		"http://localhost:*/*": "localhost", "http://[::1]:8080/cb": "::1", "HTTP://Example.COM/x": "example.com",
		"http://user@127.0.0.1/cb": "127.0.0.1",
	} {
		if scheme, got, ok := uriHost(in); !ok || got != want || scheme != "http" {
			t.Errorf("uriHost(%q) = %q, %q, %v", in, scheme, got, ok)
		}
	}
	if insecureHTTP("https://example.com") || insecureHTTP("http://127.0.0.1:8080/cb") || !insecureHTTP("http://example.com:8080/cb") {
		t.Error("insecureHTTP")
	}
	for _, p := range []string{"${CLIENT_SECRET}", "<UPDATE_ME>", "@@SECRET@@", "##SECRET##", "**********", "your-app-client-secret", "replace-me"} {
		if !clientconfig.IsPlaceholder(p) {
			t.Errorf("%q is a placeholder", p)
		}
	}
	for _, s := range []string{"secret", "{noop}secret", "s3cR37p4ssVV0rD1234"} {
		if clientconfig.IsPlaceholder(s) {
			t.Errorf("%q is a literal secret", s)
		}
	}
	if got := redact.Secret("Xq7Lz3Vb9Nc2Mk5Rt8Wp1Ys4Ud6Ef0Gh"); got != "Xq… (32 chars)" || strings.Contains(got, "Lz3") {
		t.Errorf("Redact = %q", got)
	}
	g, err := compileGlob("keycloak/**/*.json", true)
	if err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{"keycloak/realm.json": true, "./corpus/keycloak/a/b/realm.json": true, "terraform/main.tf": false} {
		if g.match(p) != want {
			t.Errorf("glob match %q = %v", p, !want)
		}
	}
	a := Finding{Rule: "ropc", File: "a.json", Client: "c", Message: "m", Line: 3}
	b := a
	b.Line = 30
	if Fingerprint(a) != Fingerprint(b) {
		t.Error("fingerprint depends on the line")
	}
}

func directiveOf(text string) clientconfig.Directive { return clientconfig.Directive{Text: text} }
