package clientconfig

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	goldenfile "github.com/whichflow/whichflow/internal/golden"

	"github.com/whichflow/whichflow/flows"
)

func readCase(t *testing.T, name string) *File {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "cases", name))
	if err != nil {
		t.Fatal(err)
	}
	f, err := Read(name, data)
	if err != nil {
		t.Fatalf("Read(%s): %v", name, err)
	}
	return f
}

func client(t *testing.T, f *File, id string) Client {
	t.Helper()
	for _, c := range f.Clients {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("no client %q in %s", id, f.Path)
	return Client{}
}

// TestCases golden-tests the small edge-case fixtures in testdata/cases.
func TestCases(t *testing.T) {
	ents, err := os.ReadDir(filepath.Join("testdata", "cases"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		t.Run(e.Name(), func(t *testing.T) {
			f := readCase(t, e.Name())
			goldenfile.Check(t, filepath.Join("testdata", "golden", "cases", e.Name()+".golden"), marshalGolden(goldenOf(f)))
		})
	}
}

func eqPos(t *testing.T, what string, got Pos, line, col int) {
	t.Helper()
	if got.Line != line || got.Col != col {
		t.Errorf("%s at %d:%d, want %d:%d", what, got.Line, got.Col, line, col)
	}
}

func TestKeycloakSemantics(t *testing.T) {
	f := readCase(t, "keycloak-client.json")
	if f.Format != flows.FormatKeycloak {
		t.Fatalf("format %s", f.Format)
	}
	c := client(t, f, "my-spa")
	if len(c.Secrets) != 0 {
		t.Errorf("export mask reported as secret: %+v", c.Secrets)
	}
	if !c.Public.Value || c.AuthMethod.Value != flows.AuthNone {
		t.Errorf("public client read as %+v / %+v", c.Public, c.AuthMethod)
	}
	if got := c.RedirectURIs.Items[0].Value; got != "https://app.example.com/callback/*" {
		t.Errorf("relative redirect resolved to %q", got)
	}
	eqPos(t, "resolved redirect", c.RedirectURIs.Items[0].Pos, 4, 20)
	if len(c.RedirectURIs.Items) != 2 {
		t.Errorf("empty redirect entry kept: %+v", c.RedirectURIs.Items)
	}
	if !c.GrantTypes.Has(flows.GrantAuthorizationCode) || c.GrantTypes.Items[0].Set {
		t.Errorf("standardFlowEnabled default: %+v", c.GrantTypes)
	}
	if !c.GrantTypes.Has(flows.GrantDeviceCode) || c.GrantTypes.Has(flows.GrantRefreshToken) {
		t.Errorf("device on, refresh off expected: %+v", c.GrantTypes)
	}
	dev, _ := c.GrantTypes.Find(flows.GrantDeviceCode)
	eqPos(t, "device switch", dev.Pos, 9, 5)
	if !c.PKCE.Declarable || c.PKCE.Value.Value != "plain" {
		t.Errorf("pkce %+v", c.PKCE)
	}
	if c.RefreshRotation.Declarable {
		t.Errorf("rotation is realm-level; single client cannot declare it")
	}
	if !c.DPoPBound.Value {
		t.Errorf("dpop attribute not read")
	}

	r := readCase(t, "keycloak-realm.json")
	if len(r.Clients) != 4 {
		t.Fatalf("want 3 OIDC clients and the SAML one, got %d", len(r.Clients))
	}
	if saml := client(t, r, "saml-app"); saml.Protocol != "saml" || !saml.Flowless() || len(saml.GrantTypes.Items) != 0 {
		t.Errorf("SAML client: protocol %q, flowless %v, grants %v; want saml, flowless, none", saml.Protocol, saml.Flowless(), saml.GrantTypes.Items)
	}
	api := client(t, r, "api")
	if !api.BearerOnly || len(api.GrantTypes.Items) != 0 || len(api.Secrets) != 1 {
		t.Errorf("bearer-only: %+v", api)
	}
	cli := client(t, r, "admin-cli")
	if !cli.Builtin || !cli.GrantTypes.Has(flows.GrantPassword) || cli.GrantTypes.Has(flows.GrantAuthorizationCode) {
		t.Errorf("admin-cli: %+v", cli.GrantTypes)
	}
	if v := cli.RefreshRotation.Value; !cli.RefreshRotation.Declarable || v.Value != "true" || !v.Set {
		t.Errorf("realm revokeRefreshToken: %+v", cli.RefreshRotation)
	}
	svc := client(t, r, "svc")
	if svc.AuthMethod.Value != flows.AuthPrivateKeyJWT || !svc.GrantTypes.Has(flows.GrantRefreshToken) || !svc.MTLSBound.Value {
		t.Errorf("svc: %+v %+v %+v", svc.AuthMethod, svc.GrantTypes, svc.MTLSBound)
	}
}

func TestAuth0Semantics(t *testing.T) {
	f := readCase(t, "auth0-tenant.yaml")
	m := client(t, f, "Mobile")
	if !m.Public.Value || m.AuthMethod.Set || m.AuthMethod.Value != flows.AuthNone || m.AuthMethod.Default != "Auth0's default for app_type native" {
		t.Errorf("native app: public %+v auth %+v", m.Public, m.AuthMethod)
	}
	if !m.RedirectURIs.Unresolved {
		t.Errorf("@@KEY@@ callbacks must be unresolved: %+v", m.RedirectURIs)
	}
	if len(m.Secrets) != 0 {
		t.Errorf("##KEY## secret reported: %+v", m.Secrets)
	}
	if m.PKCE.Declarable {
		t.Errorf("Auth0 cannot declare PKCE")
	}
	if m.RefreshRotation.Value.Value != "true" {
		t.Errorf("rotation: %+v", m.RefreshRotation)
	}
	if !m.GrantTypes.Has(flows.GrantPassword) {
		t.Errorf("password-realm must map to password: %+v", m.GrantTypes)
	}
	b := client(t, f, "Backend")
	if b.AuthMethod.Value != flows.AuthPrivateKeyJWT || len(b.Secrets) != 1 || b.Secrets[0].Value != "literal-backend-secret" {
		t.Errorf("backend: %+v %+v", b.AuthMethod, b.Secrets)
	}
	eqPos(t, "secret", b.Secrets[0].Pos, 14, 20)
	if !b.RedirectURIs.Items[1].Unresolved || b.RedirectURIs.Items[0].Unresolved {
		t.Errorf("##DOMAIN## callback: %+v", b.RedirectURIs.Items)
	}
	if len(f.Directives) != 1 || f.Directives[0].Pos.Line != 18 || !strings.HasPrefix(f.Directives[0].Text, "committed-secret") {
		t.Errorf("directives: %+v", f.Directives)
	}
	if d := f.Directives[0].Pos.Line; d < b.Pos.Line || d > b.End {
		// A trailing comment indented inside the item belongs to it.
		t.Errorf("directive line %d outside Backend %d-%d", d, b.Pos.Line, b.End)
	}
}

func TestTerraformSemantics(t *testing.T) {
	f := readCase(t, "terraform.tf")
	if f.Format != flows.FormatTerraformKeycloak {
		t.Errorf("file format %s", f.Format)
	}
	w := client(t, f, "keycloak_openid_client.web")
	eqPos(t, "resource", w.Pos, 5, 1)
	if w.End != 19 {
		t.Errorf("End %d", w.End)
	}
	if imp := w.GrantTypes; imp.Has(flows.GrantImplicit) {
		t.Errorf("var.legacy must not enable implicit")
	}
	r := w.RedirectURIs.Items
	// local.cb is declared in the same file: resolved (DESIGN §4);
	// var.host has no default: unresolved.
	if len(r) != 4 || r[0].Value != "https://web.example.com/cb" || r[1].Value != "https://app.example.com/cb" || r[1].Unresolved || !r[2].Unresolved || r[3].Unresolved {
		t.Errorf("redirects %+v", r)
	}
	eqPos(t, "http redirect", r[3].Pos, 12, 70)
	if len(w.Secrets) != 0 {
		t.Errorf("var secret reported")
	}
	if !w.PARRequired.Value || w.PKCE.Value.Value != "S256" {
		t.Errorf("extra_config: par %+v pkce %+v", w.PARRequired, w.PKCE)
	}
	svc := client(t, f, "okta_app_oauth.svc")
	if !svc.GrantTypes.Has(flows.GrantClientCredentials) || svc.GrantTypes.Set || len(svc.Secrets) != 1 || svc.PKCE.Value.Value != "" {
		t.Errorf("okta service: %+v %+v %+v", svc.GrantTypes, svc.Secrets, svc.PKCE)
	}
	n := client(t, f, "okta_app_oauth.native")
	if !n.Public.Value || n.PKCE.Value.Value != "S256" || n.PKCE.Value.Set || n.RefreshRotation.Value.Value != "true" {
		t.Errorf("okta native: %+v %+v %+v", n.Public, n.PKCE, n.RefreshRotation)
	}
	spa := client(t, f, "auth0_client.spa")
	if spa.Format != flows.FormatTerraformAuth0 || spa.AuthMethod.Value != flows.AuthNone || !spa.Public.Value {
		t.Errorf("auth0 spa with credentials resource: %+v", spa.AuthMethod)
	}
	m2m := client(t, f, "auth0_client.m2m")
	if len(m2m.Secrets) != 1 || m2m.AuthMethod.Value != flows.AuthClientSecretPost || !m2m.AuthMethod.Set {
		t.Errorf("auth0 m2m: %+v %+v", m2m.Secrets, m2m.AuthMethod)
	}
	if len(f.Directives) != 1 || f.Directives[0].Pos.Line != 18 {
		t.Errorf("directives %+v", f.Directives)
	}
}

func TestSpringSemantics(t *testing.T) {
	f := readCase(t, "application.properties")
	w := client(t, f, "web-client")
	if w.RefreshRotation.Value.Value != "true" || len(w.RedirectURIs.Items) != 2 || len(w.GrantTypes.Items) != 2 {
		t.Errorf("properties: %+v %+v %+v", w.RefreshRotation, w.RedirectURIs, w.GrantTypes)
	}
	if len(w.Secrets) != 1 || w.Secrets[0].Value != "{noop}s3cret" {
		t.Errorf("secret %+v", w.Secrets)
	}
	eqPos(t, "secret", w.Secrets[0].Pos, 3, 82)
	gh := client(t, f, "github")
	if len(gh.Secrets) != 0 {
		t.Errorf("${} secret reported")
	}

	p := readCase(t, "spring-profiles.yml")
	spa := client(t, p, "spa")
	if !spa.Public.Value || spa.PKCE.Value.Value != "S256" {
		t.Errorf("SAS none => S256: %+v %+v", spa.Public, spa.PKCE)
	}
	// none beside a secret method: the secret path is confidential and
	// not PKCE-bound (SAS requires PKCE of none-authenticated requests only).
	mixed, err := Read("application.yml", []byte(`spring:
  security:
    oauth2:
      authorizationserver:
        client:
          mixed:
            registration:
              client-id: mixed
              client-authentication-methods: [client_secret_basic, none]
              authorization-grant-types: [authorization_code]
              redirect-uris: [https://app.example.com/cb]
`))
	if err != nil {
		t.Fatal(err)
	}
	if m := client(t, mixed, "mixed"); m.Public.Value || m.PKCE.Value.Value != "" {
		t.Errorf("basic + none: want confidential without PKCE, got %+v %+v", m.Public, m.PKCE)
	}
	app := client(t, p, "app")
	if len(app.RedirectURIs.Items) != 1 || !app.RedirectURIs.Items[0].Unresolved {
		t.Errorf("{baseUrl} template must be unresolved: %+v", app.RedirectURIs)
	}
	if len(app.Secrets) != 1 || app.Secrets[0].Value != "dev-secret" {
		t.Errorf("secret in any profile counts: %+v", app.Secrets)
	}
}

func TestOtherSemantics(t *testing.T) {
	g := readCase(t, "gravitee-app.json")
	c := client(t, g, "my-app")
	// forceS256CodeChallengeMethod is not in the file: AM's BROWSER
	// template turned it on when it created the application; the
	// Management API does not accept requireParRequest.
	if !c.GrantTypes.Has(flows.GrantJWTBearer) || c.PKCE.Value.Value != "S256" || c.RefreshRotation.Value.Value != "false" || !c.Public.Value || c.PARRequired.Value {
		t.Errorf("gravitee: %+v %+v %+v %+v", c.GrantTypes, c.PKCE, c.RefreshRotation, c.PARRequired)
	}
	w := readCase(t, "whichflow.yaml")
	if w.Format != flows.FormatWhichflow || len(w.Clients) != 2 || w.Clients[0].Kind.Value != "cli" || len(w.Directives) != 1 {
		t.Errorf("whichflow: %+v", w)
	}
	if b := client(t, w, "backend"); b.GrantTypes.Set || !b.GrantTypes.Has(flows.GrantAuthorizationCode) {
		t.Errorf("RFC 7591 default grant: %+v", b.GrantTypes)
	}
	r := readCase(t, "rfc-array.json")
	a := client(t, r, "a")
	imp, _ := a.GrantTypes.Find(flows.GrantImplicit)
	eqPos(t, "implicit", imp.Pos, 2, 60)
	if len(a.Secrets) != 2 {
		t.Errorf("secret + private JWK: %+v", a.Secrets)
	}
	b := client(t, r, "b")
	if len(b.Secrets) != 0 || b.AuthMethod.Value != flows.AuthPrivateKeyJWT || !b.PARRequired.Value || b.PKCE.Declarable {
		t.Errorf("b: %+v", b)
	}
	h := readCase(t, "hydra-clients.yaml")
	spa := client(t, h, "spa")
	if !spa.Public.Value || len(spa.Secrets) != 1 || spa.Secrets[0].Value != "plain-text-secret" {
		t.Errorf("hydra: %+v %+v", spa.Public, spa.Secrets)
	}
	o := readCase(t, "swagger2.json")
	if len(o.Clients) != 2 || !o.Clients[0].GrantsOnly || !o.Clients[0].GrantTypes.Has(flows.GrantPassword) {
		t.Errorf("swagger2: %+v", o.Clients)
	}
}

// TestBadInput: never a panic, a typed error, and fast.
func TestBadInput(t *testing.T) {
	deep := func(open, close string, n int) []byte {
		return []byte(strings.Repeat(open, n) + strings.Repeat(close, n))
	}
	bomb := "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	prev := "a"
	for _, l := range "bcdefghi" {
		bomb += string(l) + ": &" + string(l) + " [" + strings.Repeat("*"+prev+",", 8) + "*" + prev + "]\n"
		prev = string(l)
	}
	bomb += "clients:\n  - clientId: x\n    redirectUris: *i\n"
	cases := []struct {
		name, path string
		data       []byte
	}{
		{"truncated json", "c.json", []byte(`{"client_id": "a", "redirect_uris": ["https://x`)},
		{"truncated json unrecognised", "c.json", []byte(`{"name": "pkg", "version": `)},
		{"truncated yaml", "c.yaml", []byte("clients:\n  - clientId: a\n    redirectUris: [\"x\"\n")},
		{"truncated hcl", "c.tf", []byte("resource \"keycloak_openid_client\" \"x\" {\n  client_id = \"a\"\n")},
		{"alias bomb", "c.yaml", []byte(bomb)},
		{"binary", "c.json", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3}},
		{"deep json", "c.json", deep("[", "]", 200000)},
		{"deep json objects", "c.json", []byte(strings.Repeat(`{"redirect_uris":`, 200000) + "1" + strings.Repeat("}", 200000))},
		{"deep yaml flow", "c.yaml", deep("[", "]", 200000)},
		{"deep yaml block", "c.yaml", []byte(strings.Repeat("- ", 200000) + "x\n")},
		{"deep yaml map", "c.yaml", []byte(strings.Repeat("{a: ", 200000) + "1" + strings.Repeat("}", 200000))},
		{"deep hcl", "c.tf", []byte("resource \"keycloak_openid_client\" \"x\" {\n  a = " + string(deep("[", "]", 200000)) + "\n}\n")},
		{"non-utf8", "c.json", []byte("{\"client_id\": \"\xff\xfe\", \"redirect_uris\": []}")},
		{"non-utf8 unrecognised", "c.txt", []byte("hello \xff world")},
		{"empty", "c.json", nil},
		{"random yaml", "c.yaml", []byte("foo: bar\nlist: [1, 2]\n")},
		{"package.json", "package.json", []byte(`{"name": "x", "version": "1.0.0", "dependencies": {}}`)},
		{"yaml tab error", "c.yml", []byte("clients:\n\t- clientId: a\n")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			f, err := Read(tc.path, tc.data)
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
			var pe *ParseError
			switch {
			case errors.Is(err, ErrUnrecognised):
			case errors.As(err, &pe):
				if pe.Path != tc.path || pe.Msg == "" {
					t.Errorf("ParseError without path/message: %+v", pe)
				}
				t.Logf("%v", pe)
			case err == nil && tc.name == "alias bomb":
				if len(f.Clients) != 1 {
					t.Errorf("alias bomb: %d clients", len(f.Clients))
				}
			default:
				t.Errorf("got (%v, %v), want ParseError or ErrUnrecognised", f, err)
			}
		})
	}
}

func TestParseErrorPositions(t *testing.T) {
	_, err := Read("c.json", []byte("{\n  \"client_id\": \"a\",\n  \"grant_types\": [\"implicit\" \"x\"]\n}"))
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("got %v", err)
	}
	eqPos(t, "json error", pe.Pos, 3, 30)
	_, err = Read("c.yaml", []byte("clients:\n  - clientId: a\n    redirectUris: [\"x\"\n"))
	if !errors.As(err, &pe) || pe.Pos.Line == 0 {
		t.Fatalf("yaml error without line: %v", err)
	}
	_, err = Read("c.tf", []byte("resource \"okta_app_oauth\" \"x\" {\n  type = \n}\n"))
	if !errors.As(err, &pe) || pe.Pos.Line != 2 {
		t.Fatalf("hcl error: %v", err)
	}
}
