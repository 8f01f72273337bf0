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
