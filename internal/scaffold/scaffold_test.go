package scaffold

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"go.yaml.in/yaml/v3"

	"github.com/whichflow/whichflow/advisor"
	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/clientconfig"
	"github.com/whichflow/whichflow/internal/golden"
	"github.com/whichflow/whichflow/internal/lint"
)

// answerSets are every client situation × --security, with each follow-up
// answer that changes the recommendation.
func answerSets(t *testing.T) []advisor.Answers {
	t.Helper()
	client, _ := flows.FacetByID(flows.FacetClient)
	var out []advisor.Answers
	for _, c := range client.Values() {
		var variants []advisor.Answers
		switch c {
		case flows.ClientSPA:
			variants = []advisor.Answers{{flows.FacetBackend: "false"}, {flows.FacetBackend: "true"}}
		case flows.ClientCLI:
			variants = []advisor.Answers{{flows.FacetBrowser: "true"}, {flows.FacetBrowser: "false"}}
		case flows.ClientTrusted:
			variants = []advisor.Answers{{flows.FacetRedirects: "true"}, {flows.FacetRedirects: "false"}}
		case flows.ClientThirdParty:
			variants = []advisor.Answers{{flows.FacetAssertion: flows.AssertionJWT}, {flows.FacetAssertion: flows.AssertionToken}}
		case flows.ClientAgent:
			variants = []advisor.Answers{{flows.FacetBackend: "false"}, {flows.FacetBackend: "true"}}
		default:
			variants = []advisor.Answers{{}}
		}
		for _, sec := range []string{flows.SecurityStandard, flows.SecurityHigh} {
			for _, v := range variants {
				a := advisor.Answers{flows.FacetClient: c, flows.FacetSecurity: sec}
				for k, x := range v {
					a[k] = x
				}
				out = append(out, a)
			}
		}
	}
	return out
}

func caseName(a advisor.Answers) string {
	keys := make([]string, 0, len(a))
	for k := range a {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, k+"="+a[k])
	}
	return strings.Join(parts, ",")
}

// metadataURL is the --client-id of client ID metadata documents in tests.
const metadataURL = "https://agent.example.com/oauth/client-metadata.json"

// paramsFor gives a format what it requires: the URL a client ID metadata
// document is served at.
func paramsFor(sf flows.ScaffoldFormat, p Params) Params {
	if sf.MetadataDocument && p.ClientID == "" {
		p.ClientID = metadataURL
	}
	return p
}

func fileName(sf flows.ScaffoldFormat) string {
	switch sf.Format {
	case flows.FormatAuth0:
		return "tenant.yaml"
	case flows.FormatSpring:
		return "application.yml"
	}
	return "client" + sf.Info().Ext
}

// TestRoundTrip renders every answer set in every format and reads the
// output back with the lint reader: the grants and client type the advisor
// recommended come back, and none of the properties the lint rules check
// is violated.
func TestRoundTrip(t *testing.T) {
	rendered, refused := 0, 0
	for _, a := range answerSets(t) {
		d, err := advisor.Decide(a)
		if err != nil {
			t.Fatalf("%s: %v", caseName(a), err)
		}
		for _, sf := range flows.ScaffoldFormats() {
			t.Run(caseName(a)+"/"+string(sf.Format), func(t *testing.T) {
				out, err := Render(d, sf.Format, paramsFor(sf, Params{}))
				if err != nil {
					var u *UnsupportedError
					if !errors.As(err, &u) {
						t.Fatalf("unexpected error: %v", err)
					}
					_, gap := sf.FlowGap(d.Recommendation.Flow)
					if d.PerInstance() && !sf.PerInstance {
						gap = true // one static client cannot be every installation
					}
					if _, ext := sf.ExtensionGap(d.Recommendation.Extensions); ext {
						gap = true // the configuration API cannot set it (Gravitee AM and PAR)
					}
					if sf.MetadataDocument && flows.AuthMethod(d.Recommendation.ClientAuthentication).SecretBased() {
						gap = true // a metadata document holds no shared secret (CIMD §4.1)
					}
					if !gap && d.Recommendation.Flow != flows.Password {
						t.Fatalf("refused without a catalog gap: %v", err)
					}
					if u.Instead == "" {
						t.Fatalf("refusal says nothing about what to do instead: %v", err)
					}
					refused++
					return
				}
				rendered++
				checkSyntax(t, sf, out)
				checkReadBack(t, d, sf, out)
				checkLint(t, d, sf, out)
			})
		}
	}
	t.Logf("round trip: %d rendered and read back, %d refused with a reason", rendered, refused)
	if rendered < 100 {
		t.Errorf("only %d scaffolds rendered", rendered)
	}
}

func checkSyntax(t *testing.T, sf flows.ScaffoldFormat, out []byte) {
	t.Helper()
	switch string(sf.Info().Syntax().Syntax) {
	case "json":
		var v any
		if err := json.Unmarshal(out, &v); err != nil {
			t.Fatalf("invalid JSON: %v\n%s", err, out)
		}
	case "yaml":
		var v any
		if err := yaml.Unmarshal(out, &v); err != nil {
			t.Fatalf("invalid YAML: %v\n%s", err, out)
		}
	case "hcl":
		if got := hclwrite.Format(out); string(got) != string(out) {
			t.Fatalf("not terraform-fmt clean:\n--- got\n%s\n--- formatted\n%s", out, got)
		}
	}
}

func checkReadBack(t *testing.T, d advisor.Decision, sf flows.ScaffoldFormat, out []byte) {
	t.Helper()
	f, err := clientconfig.Read(fileName(sf), out)
	if err != nil {
		t.Fatalf("reader: %v\n%s", err, out)
	}
	if f.Format != sf.Format {
		t.Errorf("read back as format %q, want %q", f.Format, sf.Format)
	}
	if len(f.Clients) != 1 {
		t.Fatalf("read back %d clients, want 1\n%s", len(f.Clients), out)
	}
	c := f.Clients[0]
	rec := d.Recommendation

	var grants []string
	for _, g := range c.GrantTypes.Items {
		if g.Unresolved {
			t.Errorf("grant %q unresolved", g.Value)
		}
		grants = append(grants, g.Value)
	}
	want := slices.Clone(d.Registration.GrantTypes)
	if sf.Provider == flows.ProviderGravitee && d.Recommendation.Flow == flows.CIBA {
		// AM refuses refresh_token without authorization_code, password or
		// jwt-bearer (GrantTypeUtils.validateGrantTypes, 4.12.4).
		want = slices.DeleteFunc(want, func(g string) bool { return g == flows.GrantRefreshToken })
	}
	slices.Sort(grants)
	slices.Sort(want)
	if !slices.Equal(grants, want) {
		t.Errorf("grants read back %v, want %v\n%s", grants, want, out)
	}
	if slices.Contains(grants, flows.GrantImplicit) || slices.Contains(grants, flows.GrantPassword) {
		t.Errorf("implicit or password grant scaffolded")
	}
	for _, rt := range c.ResponseTypes.Items {
		if slices.Contains(strings.Fields(rt.Value), "token") {
			t.Errorf("token response type %q", rt.Value)
		}
	}
	wantPublic := rec.ClientType == flows.Public
	if c.Public.Unresolved || c.Public.Value != wantPublic {
		t.Errorf("client type read back public=%v (unresolved %v), want %v", c.Public.Value, c.Public.Unresolved, wantPublic)
	}
	if c.AuthMethod.Value != rec.ClientAuthentication {
		t.Errorf("auth method read back %q, want %q", c.AuthMethod.Value, rec.ClientAuthentication)
	}
	code := slices.Contains(grants, flows.GrantAuthorizationCode)
	if code && c.PKCE.Declarable && (c.PKCE.Value.Unresolved || c.PKCE.Value.Value != "S256") {
		t.Errorf("PKCE declarable but not S256: %+v", c.PKCE.Value)
	}
	for _, u := range c.RedirectURIs.Items {
		if strings.Contains(u.Value, "*") {
			t.Errorf("wildcard redirect %q", u.Value)
		}
		if strings.HasPrefix(u.Value, "http://") && !strings.HasPrefix(u.Value, "http://127.0.0.1") {
			t.Errorf("http redirect off loopback %q", u.Value)
		}
	}
	if code && len(c.RedirectURIs.Items) == 0 {
		t.Errorf("code flow without redirect URIs")
	}
	if len(c.Secrets) > 0 {
		t.Errorf("literal secrets in the output: %v", c.Secrets)
	}
	if wantPublic && slices.Contains(grants, flows.GrantRefreshToken) && c.RefreshRotation.Declarable &&
		c.RefreshRotation.Value.Value != "true" && !c.DPoPBound.Value && !c.MTLSBound.Value {
		t.Errorf("public client with refresh tokens, rotation declarable but off")
	}
	if d.Registration.RequirePAR && formatDeclares(sf.Format, "par") && !c.PARRequired.Value {
		t.Errorf("PAR recommended and declarable but not required")
	}
	if d.Registration.DPoPBoundAccessTokens && formatDeclares(sf.Format, "sender") && !c.DPoPBound.Value && !c.MTLSBound.Value {
		t.Errorf("sender-constrained tokens recommended and declarable but not declared")
	}
}

// checkLint runs the lint engine over the output, with the profile that
// matches --security: nothing at warning or above.
func checkLint(t *testing.T, d advisor.Decision, sf flows.ScaffoldFormat, out []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), fileName(sf))
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	profile := lint.ProfileStandard
	if d.Resolved()[flows.FacetSecurity] == flows.SecurityHigh {
		profile = lint.ProfileHigh
	}
	res, err := lint.Run(context.Background(), lint.Options{Paths: []string{path}, Profile: profile})
	if err != nil {
		t.Fatal(err)
	}
	if res.Files != 1 || res.Clients != 1 {
		t.Errorf("lint read %d files, %d clients; want 1, 1 (skipped: %v)", res.Files, res.Clients, res.Skipped)
	}
	for _, f := range res.Findings {
		if f.Severity.Rank() >= flows.SeverityWarning.Rank() {
			t.Errorf("lint --profile %s: %s %s: %s\n%s", profile, f.Severity, f.Rule, f.Message, out)
		}
	}
}

// formatDeclares says which high-security switches a format's reader can
// see; the others are server policy (see the notes).
func formatDeclares(f flows.Format, what string) bool {
	switch what {
	case "par":
		return f != flows.FormatTerraformOkta && f != flows.FormatSpring
	case "sender":
		return f != flows.FormatTerraformOkta && f != flows.FormatSpring
	}
	return false
}

// TestRefusals: every refusal names the provider or the reason and what to
// do instead; a trusted app without redirects scaffolds the device grant,
// never the password grant.
func TestRefusals(t *testing.T) {
	d, err := advisor.Decide(advisor.Answers{flows.FacetClient: flows.ClientTrusted, flows.FacetRedirects: "false"})
	if err != nil {
		t.Fatal(err)
	}
	out, err := Render(d, flows.FormatRFC7591, Params{})
	if err != nil || !strings.Contains(string(out), flows.GrantDeviceCode) || strings.Contains(string(out), `"password"`) {
		t.Errorf("trusted --redirects=false: want the device grant, got %v\n%s", err, out)
	}
	// One static client cannot be every installation of a native app at
	// high security: the refusal points at the per-installation metadata.
	d, _ = advisor.Decide(advisor.Answers{flows.FacetClient: flows.ClientNative, flows.FacetSecurity: flows.SecurityHigh})
	for _, sf := range flows.ScaffoldFormats() {
		out, err := Render(d, sf.Format, Params{})
		if sf.PerInstance {
			if err != nil || !strings.Contains(string(out), `"jwks"`) || strings.Contains(string(out), "jwks_uri") {
				t.Errorf("%s: per-installation metadata: %v\n%s", sf.Format, err, out)
			}
			continue
		}
		var u *UnsupportedError
		if !errors.As(err, &u) || !strings.Contains(err.Error(), "whichflow scaffold --as rfc7591 --client native --security high") {
			t.Errorf("%s: native --security high not refused with the rfc7591 command: %v", sf.Format, err)
		}
	}
	d, _ = advisor.Decide(advisor.Answers{flows.FacetClient: flows.ClientDevice})
	_, err = Render(d, flows.FormatGravitee, Params{})
	if err == nil || !strings.Contains(err.Error(), "no device authorization grant") {
		t.Errorf("gravitee device: %v", err)
	}
	// --provider applies its gaps to any format (DCR at Gravitee AM).
	d, _ = advisor.Decide(advisor.Answers{flows.FacetClient: flows.ClientDevice, flows.FacetProvider: flows.ProviderGravitee})
	_, err = Render(d, flows.FormatRFC7591, Params{})
	if err == nil || !strings.Contains(err.Error(), "Gravitee AM does not support") {
		t.Errorf("rfc7591 for gravitee, device: %v", err)
	}
}

func TestRedirectURIs(t *testing.T) {
	spa, _ := advisor.Decide(advisor.Answers{flows.FacetClient: flows.ClientSPA})
	native, _ := advisor.Decide(advisor.Answers{flows.FacetClient: flows.ClientNative})
	machine, _ := advisor.Decide(advisor.Answers{flows.FacetClient: flows.ClientMachine})
	for _, tc := range []struct {
		d    advisor.Decision
		uri  string
		fail string
	}{
		{spa, "https://app.example.org/cb", ""},
		{spa, "https://*.example.org/cb", "wildcard"},
		{spa, "http://app.example.org/cb", "loopback"},
		{spa, "http://127.0.0.1:8080/cb", ""},
		{spa, "https://app.example.org/cb#x", "fragment"},
		{spa, "com.example.app:/cb", "native apps"},
		{native, "com.example.app:/cb", ""},
		{spa, "/callback", "absolute"},
		{machine, "https://app.example.org/cb", "no redirect"},
	} {
		out, err := Render(tc.d, flows.FormatRFC7591, Params{RedirectURIs: []string{tc.uri}})
		switch {
		case tc.fail == "" && err != nil:
			t.Errorf("%s: %v", tc.uri, err)
		case tc.fail == "" && !strings.Contains(string(out), tc.uri):
			t.Errorf("%s: not in output", tc.uri)
		case tc.fail != "" && (err == nil || !strings.Contains(err.Error(), tc.fail)):
			t.Errorf("%s: want error with %q, got %v", tc.uri, tc.fail, err)
		}
	}
	if _, err := Render(spa, flows.FormatRFC7591, Params{ClientID: "bad id"}); err == nil {
		t.Errorf("client id with a space accepted")
	}
}

// TestGolden pins the output of representative cases per format. Refresh
// with WHICHFLOW_UPDATE=1 go test ./internal/scaffold/.
func TestGolden(t *testing.T) {
	cases := []struct {
		name string
		a    advisor.Answers
		p    Params
	}{
		{"spa", advisor.Answers{flows.FacetClient: flows.ClientSPA}, Params{}},
		{"machine", advisor.Answers{flows.FacetClient: flows.ClientMachine}, Params{ClientID: "billing-batch", Name: "Billing batch"}},
		{"web-high", advisor.Answers{flows.FacetClient: flows.ClientWeb, flows.FacetSecurity: flows.SecurityHigh},
			Params{ClientID: "bank-portal", RedirectURIs: []string{"https://portal.example.com/login/callback"}}},
		{"cli", advisor.Answers{flows.FacetClient: flows.ClientCLI}, Params{}},
		{"native-high", advisor.Answers{flows.FacetClient: flows.ClientNative, flows.FacetSecurity: flows.SecurityHigh}, Params{}},
		{"trusted-no-redirects", advisor.Answers{flows.FacetClient: flows.ClientTrusted, flows.FacetRedirects: "false"}, Params{}},
		{"agent", advisor.Answers{flows.FacetClient: flows.ClientAgent}, Params{Name: "Example Agent"}},
		{"agent-hosted", advisor.Answers{flows.FacetClient: flows.ClientAgent, flows.FacetBackend: "true"},
			Params{Name: "Example Agent", JWKSURI: "https://agent.example.com/oauth/jwks.json", RedirectURIs: []string{"https://agent.example.com/callback"}}},
	}
	for _, tc := range cases {
		d, err := advisor.Decide(tc.a)
		if err != nil {
			t.Fatal(err)
		}
		for _, sf := range flows.ScaffoldFormats() {
			name := fmt.Sprintf("%s.%s.golden", tc.name, sf.Format)
			t.Run(name, func(t *testing.T) {
				out, err := Render(d, sf.Format, paramsFor(sf, tc.p))
				if err != nil {
					out = []byte("error: " + err.Error() + "\n")
				}
				golden.Check(t, filepath.Join("testdata", "golden", name), out)
			})
		}
	}
}

// A client ID metadata document is served at its client_id (CIMD §3) and
// holds no shared secret (§4.1): --client-id is required and checked, a
// secret-based recommendation is refused with what to do instead.
func TestClientMetadataDocument(t *testing.T) {
	agent, _ := advisor.Decide(advisor.Answers{flows.FacetClient: flows.ClientAgent})
	for _, tc := range []struct{ id, fail string }{
		{"", "needs --client-id"},
		{"my-agent", "https URL"},
		{"http://agent.example.com/c.json", "https URL"},
		{"https://agent.example.com", "no path"},
		{"https://agent.example.com/c.json?v=2", "a query"},
		{"https://u:pw@agent.example.com/c.json", "user name or password"},
		{"https://agent.example.com/a/../c.json", `".."`},
		{metadataURL, ""},
	} {
		out, err := Render(agent, flows.FormatClientMetadata, Params{ClientID: tc.id})
		switch {
		case tc.fail == "" && err != nil:
			t.Errorf("%q: %v", tc.id, err)
		case tc.fail == "" && !strings.Contains(string(out), `"client_id": "`+metadataURL+`"`):
			t.Errorf("%q: client_id not the URL:\n%s", tc.id, out)
		case tc.fail != "" && (err == nil || !strings.Contains(err.Error(), tc.fail) || !IsUnsupported(err)):
			t.Errorf("%q: want a usage error with %q, got %v", tc.id, tc.fail, err)
		}
	}
	machine, _ := advisor.Decide(advisor.Answers{flows.FacetClient: flows.ClientMachine})
	_, err := Render(machine, flows.FormatClientMetadata, Params{ClientID: metadataURL})
	var u *UnsupportedError
	if !errors.As(err, &u) || !strings.Contains(err.Error(), "shared secret") || !strings.Contains(u.Instead, "--security high") {
		t.Errorf("machine client (client_secret_basic): %v", err)
	}
	high, _ := advisor.Decide(advisor.Answers{flows.FacetClient: flows.ClientMachine, flows.FacetSecurity: flows.SecurityHigh})
	out, err := Render(high, flows.FormatClientMetadata, Params{ClientID: metadataURL, JWKSURI: "https://agent.example.com/jwks.json"})
	if err != nil || !strings.Contains(string(out), `"jwks_uri": "https://agent.example.com/jwks.json"`) || strings.Contains(string(out), "secret") {
		t.Errorf("machine --security high: %v\n%s", err, out)
	}
	for _, bad := range []string{"http://agent.example.com/jwks.json", "https://u:p@agent.example.com/jwks.json", "jwks.json"} {
		if _, err := Render(high, flows.FormatClientMetadata, Params{ClientID: metadataURL, JWKSURI: bad}); err == nil {
			t.Errorf("--jwks-uri %q accepted", bad)
		}
	}
	if _, err := Render(agent, flows.FormatClientMetadata, Params{ClientID: metadataURL, JWKSURI: "https://agent.example.com/jwks.json"}); err == nil {
		t.Error("--jwks-uri accepted for a public client")
	}
	notes := strings.Join(Notes(agent, flows.FormatClientMetadata, Params{ClientID: metadataURL}), "\n")
	if !strings.Contains(notes, "Serve this document at "+metadataURL) {
		t.Errorf("notes %q", notes)
	}
}
