package benchcorpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// The per-format corpora of `make bench`: many small files of one format,
// each shaped like the real files in testdata/corpus (a few clients, the
// settings the adapters read, unrelated keys around them), one in a few
// with something to report, so every run also writes findings.

// writeMany writes n files under dir, 500 to a subdirectory, named
// name(i), with contents body(i).
func writeMany(dir string, n int, name func(int) string, body func(int) []byte) error {
	for i := 0; i < n; i++ {
		sub := filepath.Join(dir, fmt.Sprintf("team-%03d", i/500))
		if i%500 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return err
			}
		}
		if err := os.WriteFile(filepath.Join(sub, name(i)), body(i), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// WriteKeycloakRealms writes n Keycloak realm exports of six clients each
// (about 8 KB: clients, roles, a few users).
func WriteKeycloakRealms(dir string, n int) error {
	return writeMany(dir, n, func(i int) string { return fmt.Sprintf("realm-%05d.json", i) }, keycloakRealm)
}

func keycloakRealm(i int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "{\n  \"realm\": \"realm-%d\",\n  \"enabled\": true,\n  \"sslRequired\": \"external\",\n  \"accessTokenLifespan\": 300,\n", i)
	b.WriteString("  \"roles\": {\"realm\": [{\"name\": \"offline_access\", \"composite\": false}, {\"name\": \"uma_authorization\", \"composite\": false}]},\n")
	b.WriteString("  \"clients\": [\n")
	for c := 0; c < 6; c++ {
		public := c%2 == 0
		implicit := (i+c)%7 == 3
		direct := (i+c)%11 == 5
		redirect := fmt.Sprintf("https://app-%d-%d.example.com/callback", i, c)
		if (i+c)%9 == 4 {
			redirect = fmt.Sprintf("https://*.app-%d.example.com/*", i)
		}
		sep := ","
		if c == 5 {
			sep = ""
		}
		fmt.Fprintf(&b, `    {
      "clientId": "app-%d-%d",
      "name": "App %d %d",
      "enabled": true,
      "publicClient": %t,
      "clientAuthenticatorType": "client-secret",
      "standardFlowEnabled": true,
      "implicitFlowEnabled": %t,
      "directAccessGrantsEnabled": %t,
      "serviceAccountsEnabled": false,
      "rootUrl": "https://app-%d-%d.example.com",
      "redirectUris": [%q, "/silent-renew"],
      "webOrigins": ["+"],
      "protocol": "openid-connect",
      "attributes": {"pkce.code.challenge.method": "S256", "post.logout.redirect.uris": "+", "backchannel.logout.session.required": "true"},
      "protocolMappers": [{"name": "audience", "protocol": "openid-connect", "protocolMapper": "oidc-audience-mapper", "config": {"included.client.audience": "api", "access.token.claim": "true"}}],
      "defaultClientScopes": ["web-origins", "profile", "roles", "email"],
      "optionalClientScopes": ["address", "phone", "offline_access"]
    }%s
`, i, c, i, c, public, implicit, direct, i, c, redirect, sep)
	}
	b.WriteString("  ],\n  \"users\": [\n")
	for u := 0; u < 4; u++ {
		sep := ","
		if u == 3 {
			sep = ""
		}
		fmt.Fprintf(&b, "    {\"username\": \"user%d-%d\", \"enabled\": true, \"email\": \"user%d-%d@example.com\", \"realmRoles\": [\"offline_access\"]}%s\n", i, u, i, u, sep)
	}
	b.WriteString("  ]\n}\n")
	return []byte(b.String())
}

// WriteAuth0Tenants writes n Auth0 Deploy CLI tenant.yaml files of five
// clients each, with the tenant settings, rules and pages around them.
func WriteAuth0Tenants(dir string, n int) error {
	return writeMany(dir, n, func(i int) string { return fmt.Sprintf("tenant-%05d.yaml", i) }, auth0Tenant)
}

func auth0Tenant(i int) []byte {
	var b strings.Builder
	b.WriteString("rules: []\nrulesConfigs: []\nhooks: []\npages:\n  - name: login\n    enabled: false\n    html: ./pages/login.html\n")
	b.WriteString("resourceServers:\n  - name: API\n    identifier: https://api.example.com\n    allow_offline_access: true\n    signing_alg: RS256\n")
	b.WriteString("clients:\n")
	kinds := []struct{ app, grants string }{
		{"spa", "[authorization_code, refresh_token]"},
		{"regular_web", "[authorization_code, refresh_token, client_credentials]"},
		{"non_interactive", "[client_credentials]"},
		{"native", "[authorization_code, refresh_token]"},
		{"spa", "[authorization_code, implicit]"},
	}
	for c, k := range kinds {
		grants := k.grants
		if (i+c)%13 == 6 {
			grants = "[password, authorization_code]"
		}
		fmt.Fprintf(&b, `  - name: App %d-%d
    app_type: %s
    callbacks:
      - https://app-%d-%d.example.com/callback
      - http://localhost:3000/callback
    allowed_logout_urls:
      - https://app-%d-%d.example.com/
    cross_origin_auth: false
    custom_login_page_on: true
    grant_types: %s
    is_first_party: true
    jwt_configuration:
      alg: RS256
      lifetime_in_seconds: 36000
      secret_encoded: false
    oidc_conformant: true
    refresh_token:
      rotation_type: rotating
      expiration_type: expiring
    sso_disabled: false
    token_endpoint_auth_method: %s
`, i, c, k.app, i, c, i, c, grants, map[bool]string{true: "none", false: "client_secret_post"}[k.app == "spa" || k.app == "native"])
	}
	fmt.Fprintf(&b, "tenant:\n  friendly_name: Tenant %d\n  flags:\n    enable_client_connections: false\n  session_lifetime: 168\n", i)
	return []byte(b.String())
}

// WriteTerraform writes n .tf files of three OAuth clients each (Keycloak,
// Okta, Auth0 providers) with the realm and mappers around them.
func WriteTerraform(dir string, n int) error {
	return writeMany(dir, n, func(i int) string { return fmt.Sprintf("clients-%05d.tf", i) }, terraformFile)
}

func terraformFile(i int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "resource \"keycloak_realm\" \"r%d\" {\n  realm   = \"realm-%d\"\n  enabled = true\n}\n\n", i, i)
	b.WriteString(terraformKeycloakClient(i, 0))
	grants := `["authorization_code"]`
	if i%7 == 2 {
		grants = `["implicit", "authorization_code"]`
	}
	fmt.Fprintf(&b, `resource "okta_app_oauth" "spa_%d" {
  label                      = "SPA %d"
  type                       = "browser"
  grant_types                = %s
  redirect_uris              = ["https://spa-%d.example.com/callback"]
  post_logout_redirect_uris  = ["https://spa-%d.example.com/"]
  token_endpoint_auth_method = "none"
  response_types             = ["code"]
  pkce_required              = true
}

resource "auth0_client" "web_%d" {
  name            = "Web %d"
  app_type        = "regular_web"
  callbacks       = ["https://web-%d.example.com/callback"]
  grant_types     = ["authorization_code", "refresh_token"]
  oidc_conformant = true

  jwt_configuration {
    alg = "RS256"
  }
}
`, i, i, grants, i, i, i, i, i)
	return []byte(b.String())
}

func terraformKeycloakClient(i, k int) string {
	redirect := fmt.Sprintf("https://app-%d-%d.example.com/callback", i, k)
	if (i+k)%9 == 4 {
		redirect = "*"
	}
	return fmt.Sprintf(`resource "keycloak_openid_client" "client_%d_%d" {
  realm_id                     = keycloak_realm.r%d.id
  client_id                    = "app-%d-%d"
  name                         = "App %d %d"
  enabled                      = true
  access_type                  = "%s"
  standard_flow_enabled        = true
  implicit_flow_enabled        = %t
  direct_access_grants_enabled = false
  valid_redirect_uris          = [%q]
  web_origins                  = ["+"]
  pkce_code_challenge_method   = "S256"
}

`, i, k, i, i, k, i, k, map[bool]string{true: "PUBLIC", false: "CONFIDENTIAL"}[k%2 == 0], (i+k)%10 == 3, redirect)
}

// WriteTerraformResources writes one .tf file with n keycloak_openid_client
// resources (and their realm).
func WriteTerraformResources(path string, n int) error {
	var b strings.Builder
	b.WriteString("resource \"keycloak_realm\" \"r0\" {\n  realm   = \"big\"\n  enabled = true\n}\n\n")
	for k := 0; k < n; k++ {
		b.WriteString(terraformKeycloakClient(0, k))
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// WriteSpring writes n Spring Boot application.yml files: server, logging
// and datasource settings around three client registrations.
func WriteSpring(dir string, n int) error {
	return writeMany(dir, n, func(i int) string { return fmt.Sprintf("application-%05d.yml", i) }, springFile)
}

func springFile(i int) []byte {
	grant := "authorization_code"
	if i%7 == 3 {
		grant = "password"
	}
	return fmt.Appendf(nil, `server:
  port: 8080
logging:
  level:
    root: INFO
    org.springframework.security: INFO
management:
  endpoints:
    web:
      exposure:
        include: health,info
spring:
  application:
    name: service-%d
  datasource:
    url: jdbc:postgresql://db:5432/app
    username: app
  jpa:
    open-in-view: false
  security:
    oauth2:
      client:
        registration:
          login-client:
            provider: keycloak
            client-id: login-%d
            client-secret: ${LOGIN_SECRET}
            authorization-grant-type: %s
            redirect-uri: "{baseUrl}/login/oauth2/code/{registrationId}"
            scope: openid,profile
          api-client:
            provider: keycloak
            client-id: api-%d
            client-secret: ${API_SECRET}
            authorization-grant-type: client_credentials
            scope: api.read
          github:
            client-id: gh-%d
            client-secret: ${GH_SECRET}
        provider:
          keycloak:
            issuer-uri: https://sso.example.com/realms/r%d
`, i, i, grant, i, i, i)
}

// WriteOpenAPI writes n OpenAPI 3 YAML documents: a few paths and schemas
// and OAuth 2.0 security schemes (one in five offers the implicit or the
// password flow).
func WriteOpenAPI(dir string, n int) error {
	return writeMany(dir, n, func(i int) string { return fmt.Sprintf("openapi-%05d.yaml", i) }, openAPIFile)
}

func openAPIFile(i int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "openapi: 3.0.3\ninfo:\n  title: Service %d\n  version: 1.0.%d\nservers:\n  - url: https://api-%d.example.com/v1\npaths:\n", i, i, i)
	for p := 0; p < 4; p++ {
		fmt.Fprintf(&b, `  /items%d/{id}:
    get:
      operationId: getItem%d
      summary: Get item %d
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
      security:
        - oauth: [items.read]
      responses:
        "200":
          description: The item
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Item"
        "404":
          description: Not found
`, p, p, p)
	}
	b.WriteString(`components:
  schemas:
    Item:
      type: object
      required: [id, name]
      properties:
        id:
          type: string
        name:
          type: string
        tags:
          type: array
          items:
            type: string
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        authorizationCode:
          authorizationUrl: https://sso.example.com/authorize
          tokenUrl: https://sso.example.com/token
          scopes:
            items.read: Read items
        clientCredentials:
          tokenUrl: https://sso.example.com/token
          scopes:
            items.read: Read items
`)
	switch i % 5 {
	case 1:
		b.WriteString("        implicit:\n          authorizationUrl: https://sso.example.com/authorize\n          scopes:\n            items.read: Read items\n")
	case 3:
		b.WriteString("    legacy:\n      type: oauth2\n      flows:\n        password:\n          tokenUrl: https://sso.example.com/token\n          scopes: {}\n")
	}
	b.WriteString("    apiKey:\n      type: apiKey\n      in: header\n      name: X-API-Key\n")
	return []byte(b.String())
}
