package cli

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// discoveryServer answers every path with a metadata document naming
// issuer (the server's base URL followed by issuer when it starts with "/"
// or is empty); docs counts the documents served.
func discoveryServer(t *testing.T, issuer string, docs *atomic.Int32) *httptest.Server {
	t.Helper()
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if docs != nil {
			docs.Add(1)
		}
		iss := issuer
		if iss == "" || strings.HasPrefix(iss, "/") {
			iss = srv.URL + iss
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"issuer":` + jsonQuote(iss) + `,"token_endpoint":"` + srv.URL + `/token","authorization_endpoint":"` + srv.URL + `/auth",` +
			`"grant_types_supported":["client_credentials"],"code_challenge_methods_supported":["S256"]}`))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func jsonQuote(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteString(`\` + string(r))
		default:
			b.WriteRune(r)
		}
	}
	return `"` + b.String() + `"`
}

func runCmd(t *testing.T, f *Factory, args ...string) error {
	t.Helper()
	root := NewCmdRoot(f)
	root.SetArgs(args)
	root.SetOut(&bytes.Buffer{})
	root.SetErr(&bytes.Buffer{})
	return root.Execute()
}

func httpFactory(srv *httptest.Server) (*Factory, *bytes.Buffer, *bytes.Buffer) {
	f, _, out, errOut := testFactory()
	f.HTTPClient = srv.Client
	return f, out, errOut
}

// A discovery document that names another issuer is refused with exit 2,
// saying which issuer came back, and no snippet is printed.
func TestSnippetRefusesAnotherIssuer(t *testing.T) {
	srv := discoveryServer(t, "https://evil.example", nil)
	f, out, _ := httpFactory(srv)
	err := runCmd(t, f, "snippet", "--flow", "client-credentials", "--issuer", srv.URL)
	var fe *FlagError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), `names issuer "https://evil.example"`) {
		t.Fatalf("err = %v, want a usage error naming the returned issuer", err)
	}
	if out.Len() != 0 {
		t.Errorf("a snippet was printed for a mismatched issuer:\n%s", out)
	}
}

// Credentials in --issuer never reach an error message.
func TestSnippetIssuerCredentialsNotEchoed(t *testing.T) {
	srv := discoveryServer(t, "/", nil)
	f, _, errOut := httpFactory(srv)
	issuer := strings.Replace(srv.URL, "://", "://alice:s3cr3t@", 1)
	err := runCmd(t, f, "snippet", "--flow", "client-credentials", "--issuer", issuer)
	if err == nil || strings.Contains(err.Error(), "s3cr3t") || strings.Contains(errOut.String(), "s3cr3t") {
		t.Errorf("err = %v, stderr %q: want a refusal without the credential", err, errOut)
	}
}

// advise reads the discovery document once for its checks and its snippet.
func TestAdviseFetchesDiscoveryOnce(t *testing.T) {
	var docs atomic.Int32
	srv := discoveryServer(t, "", &docs)
	f, out, _ := httpFactory(srv)
	if err := runCmd(t, f, "advise", "--client", "machine", "--issuer", srv.URL); err != nil {
		t.Fatal(err)
	}
	if n := docs.Load(); n != 1 {
		t.Errorf("%d discovery documents read, want 1", n)
	}
	if !strings.Contains(out.String(), "TOKEN_ENDPOINT='"+srv.URL+"/token'") {
		t.Errorf("the snippet does not use the discovered endpoint:\n%s", out)
	}
}

// Issue 9 item 4: an issuer URL whose path breaks out of a docstring or a
// comment once URL-decoded. The snippet must run nothing of it: each
// program is run without its secret, so it stops before any network
// access, and the canary must not appear.
func TestHostileIssuerRunsNothing(t *testing.T) {
	for _, tc := range []struct {
		lang, path string
		run        []string
	}{
		{"python", "/x%22%22%22+str(__import__(%22os%22).system(%22touch%20CANARY%22))+%22%22%22", []string{"python3"}},
		{"curl", "/x%0Atouch%20CANARY%0A", []string{"sh"}},
		{"httpie", "/x%0Atouch%20CANARY%20%23", []string{"sh"}},
		{"js", "/x%E2%80%A8process.getBuiltinModule(%22fs%22).writeFileSync(%22CANARY%22,%22%22)//", []string{"node"}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			if _, err := exec.LookPath(tc.run[0]); err != nil {
				t.Skipf("%s not installed", tc.run[0])
			}
			srv := discoveryServer(t, tc.path, nil)
			issuer := srv.URL + tc.path
			f, out, _ := httpFactory(srv)
			if err := runCmd(t, f, "snippet", "--flow", "client-credentials", "--lang", tc.lang, "--issuer", issuer); err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			file := filepath.Join(dir, "snippet")
			if tc.lang == "js" {
				file += ".mjs"
			}
			os.WriteFile(file, out.Bytes(), 0o644)
			cmd := exec.Command(tc.run[0], file)
			cmd.Dir = dir
			cmd.Env = []string{"PATH=" + os.Getenv("PATH")}
			res, err := cmd.CombinedOutput()
			if _, serr := os.Stat(filepath.Join(dir, "CANARY")); serr == nil {
				t.Fatalf("the %s snippet ran code from the issuer URL:\n%s", tc.lang, out)
			}
			if err == nil || !strings.Contains(string(res), "CLIENT_SECRET") {
				t.Errorf("the %s snippet should stop asking for CLIENT_SECRET, got %v:\n%s", tc.lang, err, res)
			}
			if !strings.Contains(out.String(), tc.path) {
				t.Errorf("the issuer is not in the %s snippet as data:\n%s", tc.lang, out)
			}
		})
	}
}

// advise --client cli: the registration, the next command and the printed
// starter say the same thing (issue 11): the starter is exactly what the
// next command prints, with the registered loopback redirect, and in go, js
// and python it listens on that loopback address instead of a fixed port.
func TestAdviseStarterMatchesNextAndRegistration(t *testing.T) {
	for _, lang := range []string{"curl", "python", "js", "go"} {
		f, _, out, _ := testFactory()
		if err := runCmd(t, f, "advise", "--client", "cli", "--lang", lang); err != nil {
			t.Fatal(err)
		}
		advice := out.String()
		next := ""
		for _, l := range strings.Split(advice, "\n") {
			if s, ok := strings.CutPrefix(strings.TrimSpace(l), "$ whichflow snippet "); ok {
				next = s
				break
			}
		}
		if !strings.Contains(next, "--lang "+lang) || !strings.Contains(next, "--redirect-uri http://127.0.0.1/callback") {
			t.Fatalf("%s: next command %q does not carry the language and the registered redirect", lang, next)
		}
		if !strings.Contains(advice, "redirect_uris:                           http://127.0.0.1/callback") {
			t.Fatalf("%s: registration changed:\n%s", lang, advice)
		}
		f2, _, snip, _ := testFactory()
		if err := runCmd(t, f2, append([]string{"snippet"}, strings.Fields(next)...)...); err != nil {
			t.Fatal(err)
		}
		_, starter, ok := strings.Cut(advice, "Starter request ("+lang+"; the same as: whichflow snippet "+next+")\n\n")
		if !ok || starter != snip.String() {
			t.Errorf("%s: the printed starter is not what %q prints", lang, next)
		}
		if strings.Contains(starter, "8400") {
			t.Errorf("%s: the starter uses a fixed port the registration does not have", lang)
		}
		if lang != "curl" && !strings.Contains(starter, "OPEN_BROWSER") {
			t.Errorf("%s: the starter does not listen on the loopback redirect", lang)
		}
	}
}
