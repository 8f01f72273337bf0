// Package clientconfig reads OAuth client configurations in the formats
// teams keep in Git into one model in RFC 7591 vocabulary. Every value keeps
// the file position it came from so findings can point at it.
package clientconfig

import "github.com/whichflow/whichflow/flows"

// Pos is a position in a file; Line and Col are 1-based, 0 when unknown.
type Pos struct {
	Line int
	Col  int
}

// String is a scalar read from a configuration.
type String struct {
	Value string
	Pos   Pos
	// Set is true when the file states the value; false when it is a
	// format default (Value then holds the default).
	Set bool
	// Unresolved is true for values that are only known at deploy time:
	// var.x, ${ENV}, @@KEY@@, ##KEY##, templates. Rules that need the value
	// must not fire on them.
	Unresolved bool
	// Default names the documented provider default that supplied Value
	// when the file does not state it (Set false), e.g. "Auth0's default
	// for app_type spa"; empty when the file states the value or the
	// format has no documented default. See Origin.
	Default string
}

// Origin is where a value came from: the three states a check tells apart
// ("the file says" / "the provider assumes" / unknown).
type Origin uint8

const (
	// Absent: the file does not state the value and no documented default
	// applies.
	Absent Origin = iota
	// Declared: the file states the value.
	Declared
	// Defaulted: the provider supplies the value by a documented default
	// (the value's Default field says which).
	Defaulted
	// Unknown: the value is only known at deploy time (var.x, ${ENV},
	// templates); rules that need it do not fire.
	Unknown
)

func origin(set, unresolved bool, def string) Origin {
	switch {
	case unresolved:
		return Unknown
	case set:
		return Declared
	case def != "":
		return Defaulted
	}
	return Absent
}

// Origin says whether the file states s, a provider default supplies it, or
// it is unknown.
func (s String) Origin() Origin { return origin(s.Set, s.Unresolved, s.Default) }

// Bool is a boolean read from a configuration (Keycloak's "true" strings
// included).
type Bool struct {
	Value      bool
	Pos        Pos
	Set        bool
	Unresolved bool
	// Default: as String.Default.
	Default string
}

// Origin: as String.Origin.
func (b Bool) Origin() Origin { return origin(b.Set, b.Unresolved, b.Default) }

// List is a list of strings; Pos is where the list (or its key) starts.
type List struct {
	Items      []String
	Pos        Pos
	Set        bool
	Unresolved bool // the whole list is an unresolved expression
	// Default: as String.Default.
	Default string
}

// Origin: as String.Origin.
func (l List) Origin() Origin { return origin(l.Set, l.Unresolved, l.Default) }

// Int is a whole number read from a configuration (lifetimes in seconds,
// reuse counts); strings holding digits included.
type Int struct {
	Value      int64
	Pos        Pos
	Set        bool
	Unresolved bool
	// Default: as String.Default.
	Default string
}

// Origin: as String.Origin.
func (n Int) Origin() Origin { return origin(n.Set, n.Unresolved, n.Default) }

// AlgUse is what a declared signing algorithm signs.
type AlgUse string

// Uses of signing algorithms (RFC 7591 / OIDC Registration metadata and
// their provider equivalents).
const (
	AlgIDToken         AlgUse = "id_token"         // id_token_signed_response_alg
	AlgUserinfo        AlgUse = "userinfo"         // userinfo_signed_response_alg
	AlgRequestObject   AlgUse = "request_object"   // request_object_signing_alg
	AlgClientAssertion AlgUse = "client_assertion" // token_endpoint_auth_signing_alg
	AlgAccessToken     AlgUse = "access_token"     // access tokens (Auth0 jwt_configuration.alg, Keycloak access.token.signed.response.alg)
	AlgOther           AlgUse = "other"            // introspection, authorization response (JARM) ...
)

// Alg is one declared signing algorithm: Field is the key it is under.
type Alg struct {
	Use   AlgUse
	Field string
	Value String
}

// Has reports whether the list holds v (resolved items only).
func (l List) Has(v string) bool {
	for _, it := range l.Items {
		if !it.Unresolved && it.Value == v {
			return true
		}
	}
	return false
}

// Find returns the first item equal to v.
func (l List) Find(v string) (String, bool) {
	for _, it := range l.Items {
		if !it.Unresolved && it.Value == v {
			return it, true
		}
	}
	return String{}, false
}

// addSwitch adds grant when the on/off switch b is on, positioned at the
// switch (Keycloak's and Terraform's flow booleans), and reports whether
// it was added. A stated switch makes the list stated, on or off.
func (l *List) addSwitch(b Bool, grant string) bool {
	if b.Set {
		l.Set = true
	}
	if !b.Value || b.Unresolved {
		return false
	}
	l.Items = append(l.Items, String{Value: grant, Pos: b.Pos, Set: b.Set})
	return true
}

// Declarable says whether a format can express a setting at all: PKCE
// enforcement is server policy in RFC 7591, for example.
type Declarable struct {
	Declarable bool
	// Value is the declared setting when Declarable.
	Value String
}

// Secret is literal credential material found in the file. Value is kept
// only so printers can show a redacted form; it is never printed in full.
type Secret struct {
	Field string // the key it was found under, e.g. "client_secret"
	Value string
	Pos   Pos
}

// SecretField is the client secret field a file declares, whatever its
// value. Literal values are also in Client.Secrets; unresolved ones and
// placeholders are only here, so committed-secret (which reads Secrets)
// never sees them.
type SecretField struct {
	// Field is the key, e.g. "client_secret"; "" when none is declared.
	Field string
	Pos   Pos
	// Unresolved is true when the value is not credential material: a
	// deploy-time substitution (${X}, var.x, ##KEY##, @@KEY@@) or a
	// placeholder ("<client-secret>", "changeme").
	Unresolved bool
}

// Declared reports whether the file declares a client secret field.
func (s SecretField) Declared() bool { return s.Field != "" }

// Client is one client registration, normalised.
type Client struct {
	Format flows.Format
	// ID is what a user would search for: client_id / clientId / Spring
	// registration id, else the name (Auth0, k8s metadata.name), Terraform
	// TYPE.LABEL, OpenAPI security scheme name; the file's base name
	// without extension when the document names the client nowhere (a
	// Gravitee AM settings body).
	ID string
	// Pos is where the client's definition starts; End is its last line
	// (0 when unknown). Inline suppressions between them apply to it.
	Pos Pos
	End int

	Name string
	// Kind is whichflow.yaml's `kind:` (a --client value); empty elsewhere.
	Kind String
	// ApplicationType is a platform hint (RFC 7591 application_type, Auth0
	// app_type, Okta type, Gravitee type), lower-cased.
	ApplicationType String

	// Public is the client type: true for public (token_endpoint_auth_method
	// none, Keycloak publicClient, Auth0 spa/native ...).
	Public Bool
	// AuthMethod in RFC 7591 terms (none, client_secret_basic,
	// client_secret_post, client_secret_jwt, private_key_jwt, tls_client_auth,
	// self_signed_tls_client_auth). Unset when the format has no such field
	// and it cannot be derived.
	AuthMethod String
	// AuthMethods is every declared method (Spring lists several).
	AuthMethods List

	// GrantTypes holds RFC grant identifiers (flows.Grant*), mapped from the
	// format's own switches; each item's Pos points at the switch.
	GrantTypes    List
	ResponseTypes List
	RedirectURIs  List

	// PKCE: Value.Value is "S256", "plain" or "" (not enforced).
	PKCE Declarable
	// RefreshRotation: Value is "true" when refresh tokens rotate.
	RefreshRotation Declarable
	// SenderConstrained: DPoP- or mTLS-bound tokens declared.
	DPoPBound Bool
	MTLSBound Bool
	// PARRequired: require_pushed_authorization_requests.
	PARRequired Bool

	// WebOrigins are the CORS origins the client's browser code may call
	// from (Keycloak webOrigins, where "+" means the redirect URIs'
	// origins; Auth0 web_origins / allowed_origins).
	WebOrigins List
	// PostLogoutRedirectURIs (OIDC RP-Initiated Logout; Keycloak attribute
	// post.logout.redirect.uris, Auth0 allowed_logout_urls, Okta
	// post_logout_redirect_uris).
	PostLogoutRedirectURIs List
	// Algs are the signing algorithms the client declares, one per use.
	Algs []Alg
	// Token lifetimes in seconds, where the format declares them per client.
	AccessTokenLifetime Int
	CodeLifetime        Int
	IDTokenLifetime     Int
	// FullScopeAllowed: Keycloak fullScopeAllowed (default true).
	FullScopeAllowed Bool
	// ExcludeIssuer: Keycloak exclude.issuer.from.auth.response, which turns
	// off the RFC 9207 iss response parameter.
	ExcludeIssuer Bool
	// CrossOriginAuth: Auth0 cross_origin_authentication / cross_origin_auth.
	CrossOriginAuth Bool
	// RefreshLeeway is how long a used refresh token stays valid after
	// rotation, in seconds (Auth0 refresh_token.leeway).
	RefreshLeeway Int
	// RefreshNonExpiring: refresh tokens without an absolute lifetime
	// (Auth0 expiration_type non-expiring, infinite_token_lifetime).
	RefreshNonExpiring Bool
	// Protocol is the client's protocol where the format has several
	// (Keycloak "openid-connect" or "saml"); "" means OAuth/OIDC.
	Protocol string

	Secrets []Secret
	// SecretDeclared is the client secret field (client_secret, Keycloak
	// secret, Spring client-secret ...) when the file has one with a value,
	// resolved or not (a public client that declares one is ambiguous).
	// Keycloak's export mask "**********" is not a declaration: Keycloak
	// writes it for any stored secret and ignores it on public clients.
	SecretDeclared SecretField

	// BearerOnly clients (Keycloak) start no flows.
	BearerOnly bool
	// Builtin marks a provider's own clients (Keycloak account, admin-cli...).
	Builtin bool
	// GrantsOnly marks clients for which only grant rules apply (OpenAPI
	// security schemes describe flows, not registrations).
	GrantsOnly bool

	// TypeHint is a client type the file states but the server never acts
	// on ("public" or "confidential"): Gravitee AM stores clientType and
	// decides at its token endpoint by tokenEndpointAuthMethod alone.
	// ambiguous-client-type reports a hint that contradicts the method.
	TypeHint String
}

// Directive is a `whichflow:ignore` comment found in the file.
type Directive struct {
	Pos  Pos
	Text string // the comment text after "whichflow:ignore"
}

// File is the result of reading one configuration file.
type File struct {
	Path       string
	Format     flows.Format
	Clients    []Client
	Directives []Directive

	// Realms are the realms or tenants the file configures (realm-scope
	// rules run on them).
	Realms []Realm
}
