package flows

import (
	"embed"
	"io/fs"
)

// Snippet templates live in snippets/<flow>/<lang>.tmpl, with helpers shared
// by every flow of a language in snippets/lib/<lang>.tmpl. curl and httpie
// are both POSIX sh scripts: they share snippets/<flow>/sh.tmpl and
// snippets/lib/sh.tmpl and differ only in lib/<lang>.tmpl (how a form is
// POSTed). They are parsed only when a snippet is rendered.
//
//go:embed snippets
var snippetFS embed.FS

// SnippetFS returns the snippet templates.
func SnippetFS() fs.FS { return snippetFS }

// Snippet languages (values of `snippet --lang`).
const (
	LangCurl   = "curl"
	LangHTTPie = "httpie"
	LangGo     = "go"
	LangJS     = "js"
	LangPython = "python"
)

// SnippetLangs lists the snippet languages, default first.
func SnippetLangs() []string { return []string{LangCurl, LangHTTPie, LangGo, LangJS, LangPython} }

// Identifiers the snippets send besides grant types.
const (
	// ClientAssertionTypeJWTBearer is client_assertion_type for
	// private_key_jwt (RFC 7523 §2.2).
	ClientAssertionTypeJWTBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
	// Token type identifiers (RFC 8693 §3).
	TokenTypeAccessToken  = "urn:ietf:params:oauth:token-type:access_token"
	TokenTypeRefreshToken = "urn:ietf:params:oauth:token-type:refresh_token"
	TokenTypeIDToken      = "urn:ietf:params:oauth:token-type:id_token"
	TokenTypeJWT          = "urn:ietf:params:oauth:token-type:jwt"
	// ClientAssertionAlg is the JWS algorithm of private_key_jwt client
	// assertions: the one scaffolds register
	// (token_endpoint_auth_signing_alg) and snippets sign with. ES256 fits
	// the EC P-256 keys the snippets make and read; FAPI 2.0 §5.4.1 allows
	// PS256, ES256 and EdDSA.
	ClientAssertionAlg = "ES256"
	// PKCEMethodS256 is the only code_challenge_method snippets send
	// (RFC 7636 §4.2, RFC 9700 §2.1.1).
	PKCEMethodS256 = "S256"
)
