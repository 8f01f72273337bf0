package clientconfig

import (
	"slices"
	"strings"
	"testing"

	"github.com/whichflow/whichflow/flows"
)

// amWant is what AM stores and enforces for one document, as
// gravitee-access-management 4.12.4 computes it (the sources are cited in
// gravitee.go); "?" in grants, rts, auth or pkce means unknown (Unresolved).
type amWant struct {
	grants, rts []string
	auth        string
	public      bool
	pkce        string
	// defaulted are grants and response types AM adds (not in the file).
	defaulted []string
	hint      string
}

func amValues(l List) []string {
	if l.Unresolved {
		return []string{"?"}
	}
	var out []string
	for _, it := range l.Items {
		out = append(out, it.Value)
	}
	slices.Sort(out)
	return out
}

func TestGraviteeTemplates(t *testing.T) {
	code4 := []string{"code", "code id_token", "code id_token token", "code token"}
	cases := []struct {
		name, body string
		want       amWant
	}{
		// The example: AM's WEB template keeps the 4 code response
		// types creation stored (application-type-management.jest.spec.ts
		// l.200-216 asserts exactly this).
		{"desired WEB, grants only", `{"type":"WEB","settings":{"oauth":{"grantTypes":["authorization_code"]}}}`,
			amWant{grants: []string{"authorization_code"}, rts: code4, auth: "client_secret_basic", pkce: "",
				defaulted: code4}},
		{"desired WEB, explicit code survives", `{"type":"WEB","settings":{"oauth":{"grantTypes":["authorization_code"],"responseTypes":["code"]}}}`,
			amWant{grants: []string{"authorization_code"}, rts: []string{"code"}, auth: "client_secret_basic", pkce: ""}},
		{"desired WEB, empty grants", `{"type":"WEB","settings":{"oauth":{"grantTypes":[],"responseTypes":["code"]}}}`,
			amWant{grants: []string{"authorization_code", "password"}, rts: code4, auth: "client_secret_basic",
				defaulted: append([]string{"authorization_code", "password"}, code4...)}},
		{"desired WEB, implicit strips code types", `{"type":"WEB","settings":{"oauth":{"grantTypes":["implicit"],"responseTypes":["token","code token"]}}}`,
			amWant{grants: []string{"implicit"}, rts: []string{"token"}, auth: "client_secret_basic"}},
		{"desired WEB, token without implicit is dropped", `{"type":"WEB","settings":{"oauth":{"grantTypes":["authorization_code"],"responseTypes":["code","token"]}}}`,
			amWant{grants: []string{"authorization_code"}, rts: []string{"code"}, auth: "client_secret_basic"}},
		// clientType is never read: the WEB app authenticates.
		{"desired WEB, clientType public", `{"type":"WEB","settings":{"oauth":{"clientType":"public","grantTypes":["authorization_code"],"responseTypes":["code"]}}}`,
			amWant{grants: []string{"authorization_code"}, rts: []string{"code"}, auth: "client_secret_basic", hint: "public"}},
		{"desired BROWSER", `{"type":"BROWSER","settings":{"oauth":{"grantTypes":["authorization_code"],"responseTypes":["code"]}}}`,
			amWant{grants: []string{"authorization_code"}, rts: []string{"code"}, auth: "none", public: true, pkce: "S256"}},
		{"desired BROWSER, PKCE off", `{"type":"BROWSER","settings":{"oauth":{"grantTypes":["authorization_code"],"responseTypes":["code"],"forcePKCE":false}}}`,
			amWant{grants: []string{"authorization_code"}, rts: []string{"code"}, auth: "none", public: true, pkce: ""}},
		{"desired SERVICE, code without response type goes", `{"type":"SERVICE","settings":{"oauth":{"grantTypes":["authorization_code","client_credentials"]}}}`,
			amWant{grants: []string{"client_credentials"}, auth: "client_secret_basic"}},
		{"desired SERVICE, code alone", `{"type":"SERVICE","settings":{"oauth":{"grantTypes":["authorization_code"]}}}`,
			amWant{grants: []string{"authorization_code"}, rts: []string{"code"}, auth: "client_secret_basic",
				defaulted: []string{"authorization_code", "code"}}},
		{"desired RESOURCE_SERVER adds client_credentials", `{"type":"RESOURCE_SERVER","settings":{"oauth":{"grantTypes":["password"]}}}`,
			amWant{grants: []string{"client_credentials", "password"}, auth: "client_secret_basic", defaulted: []string{"client_credentials"}}},
		{"desired, method null is lenient", `{"type":"WEB","settings":{"oauth":{"grantTypes":["authorization_code"],"responseTypes":["code"],"tokenEndpointAuthMethod":null}}}`,
			amWant{grants: []string{"authorization_code"}, rts: []string{"code"}, auth: "client_secret_basic"}},
		// Create bodies: the template's defaults, in full.
		{"create WEB", `{"name":"a","type":"WEB","redirectUris":["https://a.example/cb"]}`,
			amWant{grants: []string{"authorization_code", "password"}, rts: code4, auth: "client_secret_basic",
				defaulted: append([]string{"authorization_code", "password"}, code4...)}},
		{"create NATIVE with clientId", `{"name":"m","type":"NATIVE","clientId":"m","clientSecret":"s3cr3t-value","redirectUris":["com.example.app:/cb"]}`,
			amWant{grants: []string{"authorization_code"}, rts: code4, auth: "none", public: true, pkce: "S256",
				defaulted: append([]string{"authorization_code"}, code4...)}},
		{"create SERVICE", `{"name":"s","type":"SERVICE"}`,
			amWant{grants: []string{"client_credentials"}, auth: "client_secret_basic", defaulted: []string{"client_credentials"}}},
		{"create AGENT USER_EMBEDDED", `{"name":"g","type":"AGENT","kind":"USER_EMBEDDED"}`,
			amWant{grants: []string{"authorization_code"}, rts: []string{"code"}, auth: "none", public: true, pkce: "S256",
				defaulted: []string{"authorization_code", "code"}}},
		// Patch bodies: the type is not in the body.
		{"patch grants only", `{"settings":{"oauth":{"grantTypes":["authorization_code"]}}}`,
			amWant{grants: []string{"authorization_code"}, rts: code4, auth: "?", pkce: "?", defaulted: code4}},
		{"patch method only", `{"settings":{"oauth":{"tokenEndpointAuthMethod":"none"}}}`,
			amWant{grants: []string{"?"}, rts: []string{"?"}, auth: "none", public: true, pkce: "?"}},
		{"patch, code types bring the grant", `{"settings":{"oauth":{"grantTypes":["password"],"responseTypes":["code"]}}}`,
			amWant{grants: []string{"authorization_code", "password"}, rts: []string{"code"}, auth: "?", pkce: "?",
				defaulted: []string{"authorization_code"}}},
		// Stored documents: absent is null.
		{"stored, no method", `{"id":"1","domain":"d","type":"WEB","settings":{"oauth":{"clientId":"c","grantTypes":["authorization_code"],"responseTypes":["code"]}}}`,
			amWant{grants: []string{"authorization_code"}, rts: []string{"code"}, auth: "client_secret_basic", pkce: ""}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Read("app.json", []byte(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			if f.Format != flows.FormatGravitee || len(f.Clients) != 1 {
				t.Fatalf("read as %s with %d clients", f.Format, len(f.Clients))
			}
			c := f.Clients[0]
			w := tc.want
			if got := amValues(c.GrantTypes); !slices.Equal(got, w.grants) {
				t.Errorf("grants %v, want %v", got, w.grants)
			}
			if got := amValues(c.ResponseTypes); !slices.Equal(got, w.rts) {
				t.Errorf("response types %v, want %v", got, w.rts)
			}
			auth := c.AuthMethod.Value
			if c.AuthMethod.Unresolved {
				auth = "?"
			}
			if auth != w.auth {
				t.Errorf("auth %q, want %q", auth, w.auth)
			}
			if w.auth != "?" && (c.Public.Unresolved || c.Public.Value != w.public) {
				t.Errorf("public %+v, want %v", c.Public, w.public)
			}
			pk := c.PKCE.Value.Value
			if c.PKCE.Value.Unresolved {
				pk = "?"
			}
			if pk != w.pkce {
				t.Errorf("pkce %q, want %q", pk, w.pkce)
			}
			var defaulted []string
			for _, l := range []List{c.GrantTypes, c.ResponseTypes} {
				for _, it := range l.Items {
					if !it.Set {
						if it.Default == "" {
							t.Errorf("%q is not in the file but names no default", it.Value)
						}
						defaulted = append(defaulted, it.Value)
					}
				}
			}
			slices.Sort(defaulted)
			want := slices.Clone(w.defaulted)
			slices.Sort(want)
			if !slices.Equal(defaulted, want) {
				t.Errorf("defaulted %v, want %v", defaulted, want)
			}
			if c.TypeHint.Value != w.hint {
				t.Errorf("type hint %q, want %q", c.TypeHint.Value, w.hint)
			}
		})
	}
}

// TestGraviteeMessages: what AM supplies says so, naming the template.
func TestGraviteeDefaultsNamed(t *testing.T) {
	f, err := Read("app.json", []byte(`{"name":"a","type":"WEB"}`))
	if err != nil {
		t.Fatal(err)
	}
	c := f.Clients[0]
	pw, ok := c.GrantTypes.Find(flows.GrantPassword)
	if !ok || pw.Origin() != Defaulted || !strings.HasPrefix(pw.Default, "AM's WEB template adds") {
		t.Errorf("password grant %+v", pw)
	}
	if c.AuthMethod.Origin() != Defaulted || !strings.Contains(c.AuthMethod.Default, "created the application") {
		t.Errorf("auth method %+v", c.AuthMethod)
	}
	// The create body's secret is a literal secret (it was read as a
	// Keycloak client, and missed, before).
	f, err = Read("app.json", []byte(`{"name":"m","type":"WEB","clientId":"m","clientSecret":"Xq7Lz3Vb9Nc2Mk5Rt8Wp","redirectUris":["https://m.example/cb"]}`))
	if err != nil {
		t.Fatal(err)
	}
	if c := f.Clients[0]; f.Format != flows.FormatGravitee || c.ID != "m" || len(c.Secrets) != 1 || c.Secrets[0].Field != "clientSecret" {
		t.Errorf("create body read as %s: %+v", f.Format, c.Secrets)
	}
}

// TestGraviteeDomain: a domain's OIDC settings are a realm; strict redirect
// matching is off by default in a stored domain, unknown in a patch that
// does not name it, and forced by the FAPI profile.
func TestGraviteeDomain(t *testing.T) {
	cases := []struct {
		body          string
		value, origin string
	}{
		{`{"oidc":{"redirectUriStrictMatching":false}}`, "false", "declared"},
		{`{"oidc":{"redirectUriStrictMatching":true}}`, "true", "declared"},
		{`{"oidc":{"clientRegistrationSettings":{"allowWildCardRedirectUri":true}}}`, "false", "unknown"},
		{`{"id":"d1","name":"shop","oidc":{"clientRegistrationSettings":{}}}`, "false", "defaulted"},
		{`{"oidc":{"redirectUriStrictMatching":false,"securityProfileSettings":{"enablePlainFapi":true}}}`, "true", "declared"},
	}
	origins := map[Origin]string{Declared: "declared", Defaulted: "defaulted", Unknown: "unknown", Absent: "absent"}
	for _, tc := range cases {
		f, err := Read("domain.json", []byte(tc.body))
		if err != nil {
			t.Fatalf("%s: %v", tc.body, err)
		}
		if f.Format != flows.FormatGravitee || len(f.Realms) != 1 || len(f.Clients) != 0 {
			t.Fatalf("%s: read as %s, %d realms, %d clients", tc.body, f.Format, len(f.Realms), len(f.Clients))
		}
		s := f.Realms[0].RedirectStrictMatching
		if boolString(s.Value) != tc.value || origins[s.Origin()] != tc.origin {
			t.Errorf("%s: strict matching %+v, want %s (%s)", tc.body, s, tc.value, tc.origin)
		}
	}
}

// TestGraviteeTerraformDomain: a graviteeam_domain is a realm; its
// settings_json oidc object is the domain's OIDC settings (an object
// literal, a JSON string, or unknown), and without it the created domain
// keeps AM's default.
func TestGraviteeTerraformDomain(t *testing.T) {
	cases := []struct {
		settings      string
		value, origin string
	}{
		{``, "false", "defaulted"},
		{`settings_json = jsonencode({ oidc = { redirectUriStrictMatching = false } })`, "false", "declared"},
		{`settings_json = jsonencode({ oidc = { redirectUriStrictMatching = true } })`, "true", "declared"},
		{`settings_json = "{\"oidc\":{\"redirectUriStrictMatching\":true}}"`, "true", "declared"},
		{`settings_json = jsonencode({ oidc = { securityProfileSettings = { enableFapiBrazil = true } } })`, "true", "declared"},
		{`settings_json = var.domain_settings`, "false", "unknown"},
		{`settings_json = jsonencode({ oidc = var.oidc })`, "false", "unknown"},
		{`settings_json = jsonencode({ tags = ["iam"] })`, "false", "defaulted"},
	}
	origins := map[Origin]string{Declared: "declared", Defaulted: "defaulted", Unknown: "unknown", Absent: "absent"}
	for _, tc := range cases {
		body := "resource \"graviteeam_domain\" \"shop\" {\n  name = \"shop\"\n  " + tc.settings + "\n}\n"
		f, err := Read("domain.tf", []byte(body))
		if err != nil {
			t.Fatalf("%s: %v", tc.settings, err)
		}
		if f.Format != flows.FormatTerraformGravitee || len(f.Realms) != 1 || f.Realms[0].Name != "graviteeam_domain.shop" {
			t.Fatalf("%s: read as %s, realms %+v", tc.settings, f.Format, f.Realms)
		}
		s := f.Realms[0].RedirectStrictMatching
		if boolString(s.Value) != tc.value || origins[s.Origin()] != tc.origin {
			t.Errorf("%s: strict matching %+v, want %s (%s)", tc.settings, s, tc.value, tc.origin)
		}
	}
}

// TestGraviteeTerraform: graviteeam_application is AM's desired state
// (create from type, then the settings); settings_json is read when it is
// a literal, and the typed oauth_settings keys win over it.
func TestGraviteeTerraform(t *testing.T) {
	code4 := []string{"code", "code id_token", "code id_token token", "code token"}
	res := func(body string) string {
		return "resource \"graviteeam_application\" \"app\" {\n  domain_id = var.domain\n  name = \"app\"\n" + body + "\n}\n"
	}
	cases := []struct {
		name, body string
		want       amWant
	}{
		{"WEB, no settings", res(`type = "WEB"`),
			amWant{grants: []string{"authorization_code", "password"}, rts: code4, auth: "client_secret_basic",
				defaulted: append([]string{"authorization_code", "password"}, code4...)}},
		{"typed grants only", res("type = \"WEB\"\n oauth_settings {\n grant_types = [\"authorization_code\"]\n }"),
			amWant{grants: []string{"authorization_code"}, rts: code4, auth: "client_secret_basic", defaulted: code4}},
		{"jsonencode settings", res("type = \"WEB\"\n oauth_settings {\n grant_types = [\"authorization_code\"]\n response_types = [\"code\"]\n }\n settings_json = jsonencode({ oauth = { forcePKCE = true, \"forceS256CodeChallengeMethod\" = true, tokenEndpointAuthMethod = \"none\", grantTypes = [\"password\"] } })"),
			amWant{grants: []string{"authorization_code"}, rts: []string{"code"}, auth: "none", public: true, pkce: "S256"}},
		{"JSON string settings", res("type = \"BROWSER\"\n settings_json = \"{\\\"oauth\\\":{\\\"grantTypes\\\":[\\\"authorization_code\\\"],\\\"responseTypes\\\":[\\\"code\\\"],\\\"forcePKCE\\\":false}}\""),
			amWant{grants: []string{"authorization_code"}, rts: []string{"code"}, auth: "none", public: true, pkce: ""}},
		{"unresolved settings", res("type = \"WEB\"\n oauth_settings {\n grant_types = [\"authorization_code\"]\n response_types = [\"code\"]\n }\n settings_json = var.settings"),
			amWant{grants: []string{"authorization_code"}, rts: []string{"code"}, auth: "?", pkce: "?"}},
		{"unresolved type", res("type = var.type\n oauth_settings {\n redirect_uris = [\"https://a.example/cb\"]\n }"),
			amWant{grants: []string{"?"}, rts: []string{"?"}, auth: "?", pkce: "?"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Read("main.tf", []byte(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			if f.Format != flows.FormatTerraformGravitee || len(f.Clients) != 1 || f.Clients[0].ID != "graviteeam_application.app" {
				t.Fatalf("read as %s: %+v", f.Format, f.Clients)
			}
			c := f.Clients[0]
			w := tc.want
			if got := amValues(c.GrantTypes); !slices.Equal(got, w.grants) {
				t.Errorf("grants %v, want %v", got, w.grants)
			}
			if got := amValues(c.ResponseTypes); !slices.Equal(got, w.rts) {
				t.Errorf("response types %v, want %v", got, w.rts)
			}
			auth := c.AuthMethod.Value
			if c.AuthMethod.Unresolved {
				auth = "?"
			}
			if auth != w.auth || (w.auth != "?" && c.Public.Value != w.public) {
				t.Errorf("auth %q public %v, want %q %v", auth, c.Public.Value, w.auth, w.public)
			}
			pk := c.PKCE.Value.Value
			if c.PKCE.Value.Unresolved {
				pk = "?"
			}
			if pk != w.pkce {
				t.Errorf("pkce %q, want %q", pk, w.pkce)
			}
			var defaulted []string
			for _, it := range append(slices.Clone(c.GrantTypes.Items), c.ResponseTypes.Items...) {
				if !it.Set {
					defaulted = append(defaulted, it.Value)
				}
			}
			slices.Sort(defaulted)
			want := slices.Clone(w.defaulted)
			slices.Sort(want)
			if !slices.Equal(defaulted, want) {
				t.Errorf("defaulted %v, want %v", defaulted, want)
			}
		})
	}
}

// TestGraviteeOpenRegistration: AM registers clients without an initial
// access token only when both switches are on; either off, or absent (AM's
// default false), is closed; a placeholder is unknown.
func TestGraviteeOpenRegistration(t *testing.T) {
	for body, want := range map[string]string{
		`{"dynamicClientRegistrationEnabled":true,"openDynamicClientRegistrationEnabled":true}`:     "open",
		`{"dynamicClientRegistrationEnabled":true,"openDynamicClientRegistrationEnabled":false}`:    "closed",
		`{"dynamicClientRegistrationEnabled":true}`:                                                 "closed",
		`{"openDynamicClientRegistrationEnabled":true}`:                                             "closed",
		`{"dynamicClientRegistrationEnabled":false,"openDynamicClientRegistrationEnabled":true}`:    "closed",
		`{"dynamicClientRegistrationEnabled":"${DCR}","openDynamicClientRegistrationEnabled":true}`: "unknown",
	} {
		f, err := Read("domain.json", []byte(`{"oidc":{"clientRegistrationSettings":`+body+`}}`))
		if err != nil || len(f.Realms) != 1 {
			t.Fatalf("%s: %v", body, err)
		}
		d := f.Realms[0].DynamicRegistration
		got := "closed"
		switch {
		case d.Unresolved:
			got = "unknown"
		case d.Value:
			got = "open"
		}
		if got != want {
			t.Errorf("%s: %s (%+v), want %s", body, got, d, want)
		}
	}
}
