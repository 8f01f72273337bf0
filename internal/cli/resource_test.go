package cli

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// mcpServer is an MCP server and its authorization server on one test
// server: /mcp answers 401 with resource_metadata, /prm is its metadata
// (naming resource, which defaults to the URL of /mcp), /as the server.
func mcpServer(t *testing.T, resource string, cimd bool) (*httptest.Server, map[string]int) {
	t.Helper()
	var mu sync.Mutex
	hits := map[string]int{}
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		base := srv.URL
		switch r.URL.Path {
		case "/mcp":
			w.Header().Set("WWW-Authenticate", `Bearer resource_metadata="`+base+`/prm", scope="tools"`)
			w.WriteHeader(http.StatusUnauthorized)
		case "/prm":
			res := resource
			if res == "" {
				res = base + "/mcp"
			}
			w.Write([]byte(`{"resource":` + jsonQuote(res) + `,"authorization_servers":["` + base + `/as"]}`))
		case "/.well-known/oauth-authorization-server/as":
			extra := ""
			if cimd {
				extra = `,"client_id_metadata_document_supported":true`
			}
			w.Write([]byte(`{"issuer":"` + base + `/as","authorization_endpoint":"` + base + `/as/auth","token_endpoint":"` + base + `/as/token",` +
				`"registration_endpoint":"` + base + `/as/reg","code_challenge_methods_supported":["S256"],"grant_types_supported":["authorization_code","refresh_token"]` + extra + `}`))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, hits
}

// advise --resource finds the server as an MCP client does, reports what
// it offers a new client, and hands the resource (not the issuer) on.
func TestAdviseResourceDiscovery(t *testing.T) {
	srv, hits := mcpServer(t, "", false)
	f, out, _ := httpFactory(srv)
	if err := runCmd(t, f, "advise", "--client", "agent", "--resource", srv.URL+"/mcp", "--format", "json"); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Discovery map[string]any `json:"discovery"`
		Caveats   []struct{ ID string }
		Next      []string
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	d := got.Discovery
	if d["resource"] != srv.URL+"/mcp" || d["resource_metadata_url"] != srv.URL+"/prm" || d["issuer"] != srv.URL+"/as" ||
		d["client_id_metadata_document_supported"] != false || d["registration_endpoint"] != srv.URL+"/as/reg" {
		t.Errorf("discovery = %v", d)
	}
	var lacks bool
	for _, c := range got.Caveats {
		lacks = lacks || c.ID == "server-lacks-client-id-metadata-document"
	}
	if !lacks {
		t.Errorf("caveats %v: a server without client ID metadata documents is said", got.Caveats)
	}
	if !strings.Contains(got.Next[0], "--resource "+srv.URL+"/mcp") || strings.Contains(got.Next[0], "--issuer") {
		t.Errorf("next snippet %q", got.Next[0])
	}
	for _, p := range []string{"/mcp", "/prm", "/.well-known/oauth-authorization-server/as"} {
		if hits[p] != 1 {
			t.Errorf("%s fetched %d times, want once: %v", p, hits[p], hits)
		}
	}
}

func TestAdviseResourceText(t *testing.T) {
	srv, _ := mcpServer(t, "", true)
	f, out, _ := httpFactory(srv)
	if err := runCmd(t, f, "advise", "--client", "agent", "--resource", srv.URL+"/mcp"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Resource: " + srv.URL + "/mcp", "client_id_metadata_document_supported: true",
		"a new client registers: client-id-metadata-document", "RESOURCE='" + srv.URL + "/mcp'", "SCOPE='tools'"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("advise text lacks %q", want)
		}
	}
}

func TestSnippetResource(t *testing.T) {
	srv, _ := mcpServer(t, "", true)
	f, out, _ := httpFactory(srv)
	if err := runCmd(t, f, "snippet", "--flow", "authorization-code", "--lang", "python", "--resource", srv.URL+"/mcp"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`RESOURCE = "` + srv.URL + `/mcp"`, `TOKEN_ENDPOINT = "` + srv.URL + `/as/token"`, `SCOPE = "tools"`, `"resource": RESOURCE`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("snippet lacks %q", want)
		}
	}
}

// RFC 9728 §3.3: metadata for another resource is refused, exit 2, and no
// snippet is printed; credentials in --resource are refused unechoed.
func TestResourceRefusals(t *testing.T) {
	srv, hits := mcpServer(t, "https://victim.example/mcp", true)
	f, out, _ := httpFactory(srv)
	err := runCmd(t, f, "snippet", "--flow", "authorization-code", "--resource", srv.URL+"/mcp")
	var fe *FlagError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "RFC 9728 §3.3") || out.Len() != 0 {
		t.Errorf("err = %v, output %q", err, out)
	}
	if hits["/.well-known/oauth-authorization-server/as"] != 0 {
		t.Error("the server named by refused metadata was contacted")
	}
	withCreds := strings.Replace(srv.URL, "://", "://alice:s3cr3t@", 1) + "/mcp"
	err = runCmd(t, f, "advise", "--client", "agent", "--resource", withCreds)
	if !errors.As(err, &fe) || strings.Contains(err.Error(), "s3cr3t") {
		t.Errorf("err = %v: want a usage error without the credential", err)
	}
}
