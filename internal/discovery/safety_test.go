package discovery

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// server serves one metadata document at both locations; doc gets the
// server's base URL.
func server(t *testing.T, doc func(base string) string) *httptest.Server {
	t.Helper()
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(doc(srv.URL)))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// RFC 8414 §3.3: a document that names another issuer is not used, and
// the error says which issuer came back.
func TestFetchRefusesAnotherIssuer(t *testing.T) {
	srv := server(t, func(base string) string {
		return `{"issuer":"https://evil.example","token_endpoint":"https://evil.example/token"}`
	})
	_, err := Fetch(context.Background(), srv.Client(), srv.URL)
	var mm *IssuerMismatchError
	if !errors.As(err, &mm) {
		t.Fatalf("err = %v, want an IssuerMismatchError", err)
	}
	for _, want := range []string{`names issuer "https://evil.example"`, `not "` + srv.URL + `"`, "RFC 8414 §3.3"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	// Identical means identical: a trailing slash is another issuer.
	srv = server(t, func(base string) string { return `{"issuer":"` + base + `/","token_endpoint":"` + base + `/token"}` })
	if _, err := Fetch(context.Background(), srv.Client(), srv.URL); !errors.As(err, &mm) {
		t.Errorf("issuer with a trailing slash accepted for one without: %v", err)
	}
	if _, err := Fetch(context.Background(), srv.Client(), srv.URL+"/"); err != nil {
		t.Errorf("the exact issuer is refused: %v", err)
	}
}

// A redirect to another origin during discovery is refused; one on the
// issuer's own origin is followed.
func TestFetchRefusesCrossOriginRedirects(t *testing.T) {
	other := server(t, func(base string) string {
		return `{"issuer":"` + base + `","token_endpoint":"` + base + `/token"}`
	})
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/same":
			w.Write([]byte(`{"issuer":"` + srv.URL + `/a","token_endpoint":"` + srv.URL + `/token"}`))
		case "/a/.well-known/openid-configuration", "/.well-known/oauth-authorization-server/a":
			http.Redirect(w, r, "/same", http.StatusFound)
		default:
			http.Redirect(w, r, other.URL+r.URL.Path, http.StatusFound)
		}
	}))
	defer srv.Close()
	_, err := Fetch(context.Background(), srv.Client(), srv.URL+"/b")
	if err == nil || !strings.Contains(err.Error(), "refused a redirect to another origin") {
		t.Fatalf("err = %v, want the cross-origin redirect refused", err)
	}
	if strings.Contains(err.Error(), other.URL+"/token") {
		t.Errorf("the other origin's document was read: %v", err)
	}
	if _, err := Fetch(context.Background(), srv.Client(), srv.URL+"/a"); err != nil {
		t.Errorf("a same-origin redirect is refused: %v", err)
	}
}

// Endpoints a client must not be sent to are refused; plain http off
// loopback is refused under an https issuer and warned about under an
// http one.
func TestCheckEndpoints(t *testing.T) {
	for _, tc := range []struct {
		issuer, endpoint string
		refused, warned  bool
	}{
		{"https://as.example", "https://as.example/token", false, false},
		{"https://as.example", "javascript:alert(1)", true, false},
		{"https://as.example", "JavaScript://as.example/%0aalert(1)", true, false},
		{"https://as.example", "file:///etc/passwd", true, false},
		{"https://as.example", "data:text/html,x", true, false},
		{"https://as.example", "https://user:pw@as.example/token", true, false},
		{"https://as.example", "https://as.example/token#frag", true, false},
		{"https://as.example", "http://as.example/token", true, false},
		{"https://as.example", "http://127.0.0.1:8080/token", false, false},
		{"https://as.example", "http://[::1]/token", false, false},
		{"http://as.example", "http://as.example/token", false, true},
		{"http://127.0.0.1:9", "http://127.0.0.1:9/token", false, false},
	} {
		m := Metadata{Issuer: tc.issuer, TokenEndpoint: "https://as.example/t", UserinfoEndpoint: tc.endpoint}
		err := m.check()
		if (err != nil) != tc.refused {
			t.Errorf("%s under %s: err = %v, want refused=%v", tc.endpoint, tc.issuer, err, tc.refused)
		}
		if err != nil && strings.Contains(err.Error(), "pw@") {
			t.Errorf("error echoes credentials: %v", err)
		}
		if got := len(m.Warnings) > 0; got != tc.warned && err == nil {
			t.Errorf("%s under %s: warnings %q, want warned=%v", tc.endpoint, tc.issuer, m.Warnings, tc.warned)
		}
	}
}

// Credentials in --issuer are never echoed: not in the refusal, not in a
// network error.
func TestIssuerCredentialsRedacted(t *testing.T) {
	for _, issuer := range []string{
		"https://alice:s3cr3t@as.example/realms/x",
		"https://s3cr3t@as.example",
		"https://as.example/?client_secret=s3cr3t",
		"https://as.example/#s3cr3t",
		"http://alice:s3cr3t@[::1/x", // unparseable
		"ftp://alice:s3cr3t@as.example",
	} {
		_, err := Fetch(context.Background(), http.DefaultClient, issuer)
		if err == nil {
			t.Fatalf("%s accepted", issuer)
		}
		if strings.Contains(err.Error(), "s3cr3t") {
			t.Errorf("error echoes the credential: %v", err)
		}
	}
}

// An interrupted fetch wraps context.Canceled, so the CLI can exit 130.
func TestFetchCancelled(t *testing.T) {
	block := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-block }))
	defer srv.Close()
	defer close(block)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	_, err := Fetch(ctx, srv.Client(), srv.URL)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want it to wrap context.Canceled", err)
	}
}

// The locations keep the issuer's percent-encoding: a decoded %0A or %22
// is never part of a URL whichflow prints.
func TestLocationsKeepEscapes(t *testing.T) {
	got, err := Locations("https://as.example/x%0Aecho%22")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range got {
		if strings.ContainsAny(l, "\n\"") || !strings.Contains(l, "%0Aecho%22") {
			t.Errorf("location %q decodes the issuer's path", l)
		}
	}
}
