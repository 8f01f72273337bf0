// Package benchcorpus writes the synthetic configurations lint is
// benchmarked on: many small RFC 7591 client files, and one large Keycloak
// realm export.
package benchcorpus

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
)

// WriteRFC7591 writes n one-client RFC 7591 JSON files under dir, spread
// over subdirectories of 500; one in five has something to report.
func WriteRFC7591(dir string, n int) error {
	for i := 0; i < n; i++ {
		sub := filepath.Join(dir, fmt.Sprintf("team-%03d", i/500))
		if i%500 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return err
			}
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("client-%05d.json", i)), rfc7591Client(i), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func rfc7591Client(i int) []byte {
	grants, auth, redirect := `["authorization_code", "refresh_token"]`, "none", "http://127.0.0.1/callback"
	switch i % 5 {
	case 1:
		grants = `["implicit"]`
		redirect = "https://app-" + fmt.Sprint(i) + ".example.com/*"
	case 2:
		grants, auth, redirect = `["client_credentials"]`, "private_key_jwt", ""
	}
	redirects := `[]`
	if redirect != "" {
		redirects = `["` + redirect + `"]`
	}
	return fmt.Appendf(nil, `{
  "client_id": "client-%05d",
  "client_name": "Client %d",
  "application_type": "native",
  "token_endpoint_auth_method": %q,
  "grant_types": %s,
  "response_types": ["code"],
  "redirect_uris": %s,
  "scope": "openid profile email offline_access",
  "contacts": ["team-%d@example.com"],
  "logo_uri": "https://static.example.com/logos/%d.png",
  "dpop_bound_access_tokens": true
}
`, i, i, auth, grants, redirects, i/500, i)
}

// WriteRealm writes a Keycloak realm export of about size bytes: a few
// hundred clients and as many users as it takes to reach the size.
func WriteRealm(path string, size int64) error { return WriteRealmClients(path, size, 400) }

// WriteRealmClients is WriteRealm with the given number of clients (the
// users fill what is left of size).
func WriteRealmClients(path string, size int64, clients int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	var n int64
	write := func(format string, args ...any) {
		k, _ := fmt.Fprintf(w, format, args...)
		n += int64(k)
	}
	write("{\n  \"realm\": \"bench\",\n  \"enabled\": true,\n  \"clients\": [\n")
	for i := 0; i < clients; i++ {
		sep := ","
		if i == clients-1 {
			sep = ""
		}
		public := i%2 == 0
		write(`    {
      "clientId": "app-%04d",
      "name": "App %d",
      "enabled": true,
      "publicClient": %t,
      "standardFlowEnabled": true,
      "implicitFlowEnabled": %t,
      "directAccessGrantsEnabled": false,
      "serviceAccountsEnabled": false,
      "secret": "**********",
      "rootUrl": "https://app-%04d.example.com",
      "redirectUris": ["https://app-%04d.example.com/callback", "/silent-renew"],
      "webOrigins": ["+"],
      "attributes": {"pkce.code.challenge.method": "S256", "post.logout.redirect.uris": "+"},
      "protocolMappers": [{"name": "audience", "protocol": "openid-connect", "protocolMapper": "oidc-audience-mapper", "config": {"included.client.audience": "api", "access.token.claim": "true"}}]
    }%s
`, i, i, public, i%10 == 3, i, i, sep)
	}
	write("  ],\n  \"users\": [\n")
	for i := 0; ; i++ {
		last := n > size-600
		sep := ","
		if last {
			sep = ""
		}
		write(`    {"username": "user%07d", "enabled": true, "email": "user%07d@example.com", "firstName": "User", "lastName": "Number %d", "attributes": {"department": ["engineering"], "locale": ["en"]}, "realmRoles": ["default-roles-bench", "offline_access"], "groups": ["/staff"]}%s
`, i, i, i, sep)
		if last {
			break
		}
	}
	write("  ]\n}\n")
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// WriteRealmFindings writes a Keycloak realm export of the given number of
// clients, each with several findings (implicit and password grants,
// wildcard redirects and web origins, full scope, a public client without
// PKCE): a file whose report is many times its size, for the memory a
// file's findings take (DESIGN §6: whatever its content).
func WriteRealmFindings(path string, clients int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintf(w, "{\n  \"realm\": \"dense\",\n  \"enabled\": true,\n  \"clients\": [\n")
	for i := 0; i < clients; i++ {
		sep := ","
		if i == clients-1 {
			sep = ""
		}
		fmt.Fprintf(w, `    {
      "clientId": "app-%05d",
      "enabled": true,
      "publicClient": %t,
      "standardFlowEnabled": true,
      "implicitFlowEnabled": %t,
      "directAccessGrantsEnabled": %t,
      "fullScopeAllowed": true,
      "rootUrl": "https://app-%05d.example.com",
      "redirectUris": ["https://app-%05d.example.com/*", "/silent-renew"],
      "webOrigins": ["*"],
      "attributes": {"post.logout.redirect.uris": "+"}
    }%s
`, i, i%3 != 0, i%2 == 0, i%4 != 1, i, i, sep)
	}
	fmt.Fprintf(w, "  ]\n}\n")
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
