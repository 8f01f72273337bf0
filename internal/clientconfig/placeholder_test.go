package clientconfig

import "testing"

// TestPlaceholderStyles: every template style of DESIGN §4 is a deploy-time
// value (never a committed secret), alone or inside a URL, and what is
// around it stays literal.
func TestPlaceholderStyles(t *testing.T) {
	for _, c := range []struct{ in, literal string }{
		{"${CLIENT_SECRET}", "\x00"},
		{"${KEYCLOAK_CLIENT_REDIRECT_URL}/*", "\x00/*"},
		{"$CLIENT_SECRET", "\x00"},
		{"$ROOT_URL/*", "\x00/*"},
		{"$(client.secret)", "\x00"},
		{"{{ .Values.secret }}", "\x00"},
		{"{{place_terraform_client_secret_here}}", "\x00"},
		{"https://{{ host }}/cb", "https://\x00/cb"},
		{"@@CLIENT_SECRET@@", "\x00"},
		{"##CLIENT_SECRET##", "\x00"},
		{"https://##DOMAIN##/*", "https://\x00/*"},
		{"#{ClientSecret}#", "\x00"},
		{"#{Octopus.Secret}", "\x00"},
		{"?UUID?", "\x00"},
		{"?ROOTURL?/*", "\x00/*"},
		{"__CLIENT_SECRET__", "\x00"},
		{"https://__HOST__/callback", "https://\x00/callback"},
		{"<client-secret>", "\x00"},
		{"<UPDATE_ME>", "\x00"},
		{"<your client secret>", "\x00"},
	} {
		if !unresolvedText(c.in) {
			t.Errorf("%q is not read as a placeholder", c.in)
		}
		if !IsPlaceholder(c.in) {
			t.Errorf("IsPlaceholder(%q) = false", c.in)
		}
		if got := (String{Value: c.in, Unresolved: true}).Literal(); got != c.literal {
			t.Errorf("Literal(%q) = %q, want %q", c.in, got, c.literal)
		}
	}
	for _, s := range []string{
		"authorization_code", "client_secret_basic", "https://app.example.com/callback?x=1",
		"https://proj.firebaseapp.com/__/auth/handler", "https://a.example.com/#/cb", "s3cR37p4ssVV0rD1234",
		"$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy", "{noop}secret", "a<3b>c", "x$Ab", "?", "<>",
		"https://example.com/cb?state", "50%off$", "__", "____", "##", "@@", "#{",
	} {
		if unresolvedText(s) {
			t.Errorf("%q is read as a placeholder", s)
		}
		if got := (String{Value: s}).Literal(); got != s {
			t.Errorf("Literal(%q) = %q", s, got)
		}
	}
	for _, s := range []string{"secret", "{noop}secret", "s3cR37p4ssVV0rD1234", "$2a$10$N9qo8uLOickgx2ZMRZoMye"} {
		if IsPlaceholder(s) {
			t.Errorf("%q is a literal secret", s)
		}
	}
	for _, s := range []string{"**********", "your-app-client-secret", "replace-me", "changeme", "xxxxxxxx", "var.client_secret"} {
		if !IsPlaceholder(s) {
			t.Errorf("%q is a placeholder", s)
		}
	}
	if !onlyPlaceholder(" ${A} ") || onlyPlaceholder("${A}/x") || onlyPlaceholder("${A}${B}") || !onlyPlaceholder("@@LIST@@") {
		t.Error("onlyPlaceholder")
	}
}

// TestTerraformTemplateLiteral: a Terraform template that needs plan-time
// values keeps its literal parts (a wildcard after ${var.root} is still one);
// a bare reference has none.
func TestTerraformTemplateLiteral(t *testing.T) {
	src := `resource "okta_app_oauth" "a" {
  label         = "a"
  type          = "web"
  redirect_uris = ["${var.root}/*", "https://${var.host}/cb", var.x, "${var.y}"]
}
`
	f, err := Read("main.tf", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range f.Clients[0].RedirectURIs.Items {
		if !it.Unresolved {
			t.Errorf("%q read as resolved", it.Value)
		}
		got = append(got, it.Literal())
	}
	want := []string{"\x00/*", "https://\x00/cb", "", "\x00"}
	if len(got) != len(want) {
		t.Fatalf("literals %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("literal %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestSpringDuration(t *testing.T) {
	for in, want := range map[string]int64{"5m": 300, "1h": 3600, "PT1H": 3600, "pt10m": 600, "P1DT2H": 93600, "3600000": 3600,
		"500ms": 0, "2d": 172800, "PT0.5S": 0, "90s": 90, "PT1H30M": 5400} {
		got, ok := parseSpringDuration(in)
		if !ok || got != want {
			t.Errorf("parseSpringDuration(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "abc", "5x", "P", "PT", "P1H", "${TTL}", "1 h"} {
		if _, ok := parseSpringDuration(in); ok {
			t.Errorf("parseSpringDuration(%q) accepted", in)
		}
	}
}

// TestSpringHashedSecret: an authorization server keeps a {bcrypt} hash, not
// the secret; {noop} is the secret itself.
func TestSpringHashedSecret(t *testing.T) {
	src := `spring:
  security:
    oauth2:
      authorizationserver:
        client:
          a:
            registration:
              client-id: a
              client-secret: "{bcrypt}$2a$10$mGIpefrh5y787X3VBdWUv.FJu5Qmx7.JWCWEw/QuYB1HbZRakNMdK"
              authorization-grant-types: [client_credentials]
          b:
            registration:
              client-id: b
              client-secret: "{noop}s3cr3t-value"
              authorization-grant-types: [client_credentials]
`
	f, err := Read("application.yml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	a, b := f.Clients[0], f.Clients[1]
	if len(a.Secrets) != 0 || !a.SecretDeclared.Declared() {
		t.Errorf("{bcrypt}: secrets %+v declared %+v; want none committed, one declared", a.Secrets, a.SecretDeclared)
	}
	if len(b.Secrets) != 1 {
		t.Errorf("{noop}: secrets %+v, want the literal", b.Secrets)
	}
}

// TestRFCAlgKeys: the camelCase spellings of the algorithm members are
// rfcKey's.
func TestRFCAlgKeys(t *testing.T) {
	for _, a := range rfcAlgs {
		if rfcKey(a.field, true) != a.camel {
			t.Errorf("%s: camel %q, rfcKey says %q", a.field, a.camel, rfcKey(a.field, true))
		}
	}
	if len(rfcMembers) > maxFields || len(rfcCamelMembers()) != len(rfcMembers) {
		t.Errorf("rfcMembers: %d and %d names; findFields finds at most %d", len(rfcMembers), len(rfcCamelMembers()), maxFields)
	}
	for _, names := range [][]string{rfcMembers, rfcCamelMembers()} {
		seen := map[string]bool{}
		for i, n := range names {
			if n == "" || seen[n] {
				t.Errorf("rfcMembers[%d] = %q: empty or twice (findFields takes distinct keys)", i, n)
			}
			seen[n] = true
		}
	}
}
