package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/whichflow/whichflow/internal/benchcorpus"
)

// agreementCases are RFC 7591 files on the edges of the rules' semantics:
// defaults, placeholders, unresolved values, URI hosts, file shapes.
var agreementCases = map[string]string{
	"defaults.json":            `{"redirect_uris": ["https://a.example.com/cb"]}`,
	"implicit-grant.json":      `{"grant_types": ["implicit"], "redirect_uris": ["https://a.example.com/cb"]}`,
	"implicit-string.json":     `{"grant_types": "implicit", "token_endpoint_auth_method": "none"}`,
	"implicit-response.json":   `{"response_types": ["code id_token  token"], "token_endpoint_auth_method": "none"}`,
	"implicit-both.json":       `{"grant_types": ["implicit", "authorization_code"], "response_types": ["code token", "token"]}`,
	"token-substring.json":     `{"response_types": ["code tokens", "id_token"]}`,
	"ropc.json":                `{"grant_types": ["password", "http://auth0.com/oauth/grant-type/password-realm"]}`,
	"ropc-realm.json":          `{"grant_types": ["http://auth0.com/oauth/grant-type/password-realm"]}`,
	"wildcard.json":            `{"redirect_uris": ["https://*.example.com/cb", "https://b.example.com/*"]}`,
	"wildcard-no-flow.json":    `{"grant_types": ["client_credentials"], "response_types": [], "redirect_uris": ["https://*.example.com/cb", "http://example.com/"]}`,
	"wildcard-default-rt.json": `{"grant_types": ["client_credentials"], "redirect_uris": ["https://*.example.com/cb"]}`,
	"http-loopback.json": `{"redirect_uris": ["http://localhost:8080/cb", "http://127.0.0.1/", "http://[::1]:3000/x",
		"http://user@localhost/", "http://localhost./cb", " HTTP://LOCALHOST/cb", "https://example.com/"]}`,
	"http-remote.json":          `{"redirect_uris": ["http://example.com/", "HTTP://Example.COM./x", "http://localhost@evil.example/", "http://[2001:db8::1]/"]}`,
	"http-wildcard.json":        `{"redirect_uris": ["http://*.example.com:*/cb?x=1"]}`,
	"http-unresolved.json":      `{"redirect_uris": ["http://${HOST}/cb", "${REDIRECT}"]}`,
	"cc-public.json":            `{"grant_types": ["client_credentials"], "token_endpoint_auth_method": "none"}`,
	"cc-confidential.json":      `{"grant_types": ["client_credentials"], "token_endpoint_auth_method": "private_key_jwt"}`,
	"cc-unresolved.json":        `{"grant_types": ["client_credentials"], "token_endpoint_auth_method": "${METHOD}"}`,
	"secret.json":               `{"grant_types": ["authorization_code"], "client_secret": "s3cr3t-value-123"}`,
	"secret-number.json":        `{"grant_types": ["authorization_code"], "client_secret": 12345678}`,
	"secret-env.json":           `{"grant_types": ["authorization_code"], "client_secret": "${CLIENT_SECRET}"}`,
	"secret-angle.json":         `{"grant_types": ["authorization_code"], "client_secret": "<client secret>"}`,
	"secret-changeme.json":      `{"grant_types": ["authorization_code"], "client_secret": "ChangeMe123"}`,
	"secret-mask.json":          `{"grant_types": ["authorization_code"], "client_secret": "********"}`,
	"secret-shell.json":         `{"grant_types": ["authorization_code"], "client_secret": "$CLIENT_SECRET"}`,
	"secret-tfvar.json":         `{"grant_types": ["authorization_code"], "client_secret": "var.client_secret"}`,
	"secret-xs.json":            `{"grant_types": ["authorization_code"], "client_secret": "xxxxXXXX"}`,
	"secret-empty.json":         `{"grant_types": ["authorization_code"], "client_secret": "  "}`,
	"public-secret.json":        `{"token_endpoint_auth_method": "none", "client_secret": "s3cr3t-value-123"}`,
	"public-declared.json":      `{"token_endpoint_auth_method": "none", "client_secret": "${CLIENT_SECRET}"}`,
	"public-jwks.json":          `{"token_endpoint_auth_method": "none", "jwks": {"keys": [{"kty": "EC", "d": "abcdefgh123"}]}}`,
	"jwks-second-member.json":   `{"jwks": {"keys": [{"kty": "RSA", "d": "${D}", "p": "literal-prime-p"}, {"kty": "RSA", "n": "public"}]}}`,
	"unresolved-grants.json":    `{"grant_types": "${GRANTS}", "response_types": ["${RT}"], "redirect_uris": ["https://*.example.com"]}`,
	"hydra-array.json":          `[{"client_id": "a", "grant_types": ["implicit"]}, {"client_id": "b", "grant_types": ["password"], "token_endpoint_auth_method": "none"}, {"not": "a client"}]`,
	"clients-object.json":       `{"clients": [{"client_id": "a", "redirect_uris": ["http://app.example.com/cb"]}, {"client_id": "b", "grant_types": ["client_credentials"], "token_endpoint_auth_method": "none"}]}`,
	"null-members.json":         `{"grant_types": null, "token_endpoint_auth_method": "none", "client_secret": null, "redirect_uris": ["http://app.example.com/"]}`,
	"public-secret-object.json": `{"token_endpoint_auth_method": "none", "client_secret": {"valueFrom": "env"}}`,
	"not-a-client.json":         `{"name": "package", "grant": "implicit", "client_secret": "s3cr3t-value-123"}`,
	// Second-round rules and placeholder styles (rulesg).
	"hybrid.json":           `{"grant_types": ["authorization_code", "implicit"], "response_types": ["code id_token"], "token_endpoint_auth_method": "private_key_jwt"}`,
	"id-token-only.json":    `{"grant_types": ["implicit"], "response_types": ["id_token"], "token_endpoint_auth_method": "none"}`,
	"implicit-code-rt.json": `{"grant_types": ["implicit"], "response_types": ["code"]}`,
	"redirect-kinds.json": `{"redirect_uris": ["https://a.example.com/cb#x", "javascript:alert(1)", "http://localhost:8080/cb", "myapp://cb",
		"com.example.app:/cb", "localhost:3000/cb", "https://##HOST##/cb", "https://#{Host}#/cb", "http://localhost:${PORT}/cb"]}`,
	"placeholder-wildcards.json": `{"redirect_uris": ["${ROOT}/*", "?ROOTURL?/*", "__ROOT__/*", "<root>/*", "$ROOT/x", "{{ .root }}/*"]}`,
	"placeholder-secrets.json":   `{"grant_types": ["authorization_code"], "client_secret": "?UUID?"}`,
	"placeholder-secrets2.json":  `{"grant_types": ["authorization_code"], "client_secret": "#{ClientSecret}#"}`,
	"placeholder-secrets3.json":  `{"grant_types": ["authorization_code"], "client_secret": "__CLIENT_SECRET__"}`,
	"mixed-roles.json":           `{"grant_types": ["client_credentials", "authorization_code"], "token_endpoint_auth_method": "private_key_jwt"}`,
	"weak-algs.json":             `{"grant_types": ["authorization_code"], "id_token_signed_response_alg": "HS256", "token_endpoint_auth_signing_alg": "none"}`,
	"weak-assertion.json":        `{"token_endpoint_auth_method": "private_key_jwt", "token_endpoint_auth_signing_alg": "HS512"}`,
	"secret-jwt.json":            `{"token_endpoint_auth_method": "client_secret_jwt", "userinfo_signed_response_alg": "RS256"}`,
	"logout.json":                `{"grant_types": ["authorization_code"], "post_logout_redirect_uris": ["https://a.example.com/*", "http://a.example.com/bye", "http://127.0.0.1/bye"]}`,
	"logout-ok.json":             `{"grant_types": ["authorization_code"], "post_logout_redirect_uris": ["https://a.example.com/bye", "${LOGOUT}"]}`,
}

// TestConftestAgrees checks that the Rego policies under conftest/policy
// report what whichflow lint reports, per file and rule, on edge cases and
// on a sample of the benchmark corpus. It needs conftest (a benchmark aid,
// not a build dependency) and is skipped without it.
func TestConftestAgrees(t *testing.T) {
	bin, err := findConftest(os.Getenv("WHICHFLOW_CONFTEST"))
	if err != nil {
		t.Skipf("conftest comparison not run: %v; install it with `go install github.com/open-policy-agent/conftest@latest` or set WHICHFLOW_CONFTEST", err)
	}
	dir := t.TempDir()
	cases := filepath.Join(dir, "cases")
	if err := os.Mkdir(cases, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, body := range agreementCases {
		if err := os.WriteFile(filepath.Join(cases, name), []byte(body+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	corpus := filepath.Join(dir, "corpus")
	if err := benchcorpus.WriteRFC7591(corpus, 25); err != nil {
		t.Fatal(err)
	}
	for _, root := range []string{cases, corpus} {
		want, err := lintCounts([]string{root})
		if err != nil {
			t.Fatal(err)
		}
		got, _, err := runConftest(bin, defaultPolicyDir(), []string{root})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range diffCounts(want, got) {
			t.Errorf("%s", d)
		}
		if len(want) == 0 {
			t.Errorf("%s: whichflow reports nothing; the comparison is vacuous", root)
		}
		t.Logf("%s: %s", filepath.Base(root), ruleTotals(want))
	}
}
