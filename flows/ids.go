// Package flows is whichflow's catalog: the OAuth 2.0 / OpenID Connect flows,
// the questions that choose between them, the decision table, caveats, lint
// rules, provider profiles and the references behind each. Every other
// package derives its view from this one; it imports nothing of ours.
package flows

// FlowID is a flow's stable catalog identifier (kebab-case), used on the
// command line (`snippet --flow`) and in JSON output.
type FlowID string

// The catalog's flows.
const (
	AuthorizationCode FlowID = "authorization-code"
	ClientCredentials FlowID = "client-credentials"
	DeviceCode        FlowID = "device-code"
	CIBA              FlowID = "ciba"
	JWTBearer         FlowID = "jwt-bearer"
	TokenExchange     FlowID = "token-exchange"
	RefreshToken      FlowID = "refresh-token"
	Implicit          FlowID = "implicit"
	Password          FlowID = "password"
)

// Grant type identifiers as registered by the RFCs (RFC 6749 §4, RFC 8628
// §3.4, RFC 7523 §2.1, RFC 8693 §2.1, OpenID CIBA Core §10.1).
const (
	GrantAuthorizationCode = "authorization_code"
	GrantClientCredentials = "client_credentials"
	GrantRefreshToken      = "refresh_token"
	GrantImplicit          = "implicit"
	GrantPassword          = "password"
	GrantDeviceCode        = "urn:ietf:params:oauth:grant-type:device_code"
	GrantJWTBearer         = "urn:ietf:params:oauth:grant-type:jwt-bearer"
	GrantTokenExchange     = "urn:ietf:params:oauth:grant-type:token-exchange"
	GrantCIBA              = "urn:openid:params:grant-type:ciba"
)

// GrantAuth0PasswordRealm is Auth0's password grant with a realm (a
// connection to authenticate against): the password grant under an Auth0
// identifier (Auth0 docs, Application Grant Types).
const GrantAuth0PasswordRealm = "http://auth0.com/oauth/grant-type/password-realm"

// Client types (RFC 6749 §2.1).
const (
	Public       = "public"
	Confidential = "confidential"
)

// Token endpoint authentication methods (RFC 7591 §2, RFC 8705 §2).
const (
	AuthNone              = "none"
	AuthClientSecretBasic = "client_secret_basic"
	AuthClientSecretPost  = "client_secret_post"
	AuthClientSecretJWT   = "client_secret_jwt"
	AuthPrivateKeyJWT     = "private_key_jwt"
	AuthTLSClient         = "tls_client_auth"
	AuthSelfSignedTLS     = "self_signed_tls_client_auth"
)

// Extension identifiers used in a recommendation's `extensions`.
const (
	ExtPAR           = "par"
	ExtDPoP          = "dpop"
	ExtMTLS          = "mtls"
	ExtPrivateKeyJWT = "private_key_jwt"
	ExtBFF           = "bff"
	ExtLoopback      = "loopback"
	ExtJAR           = "jar"
	// ExtResourceIndicators: resource (RFC 8707) on the authorization and
	// token requests, so each token is for one resource.
	ExtResourceIndicators = "resource-indicators"
	// ExtClientIDMetadataDocument: the client_id is the https URL of a
	// client ID metadata document the client publishes.
	ExtClientIDMetadataDocument = "client-id-metadata-document"
)

// Format is a client-configuration format: what `lint` reads and what
// `scaffold --as` writes.
type Format string

// The formats whichflow reads (lint) and, where noted in Formats(), writes
// (scaffold).
const (
	FormatRFC7591           Format = "rfc7591"
	FormatKeycloak          Format = "keycloak"
	FormatTerraformKeycloak Format = "terraform-keycloak"
	FormatTerraformOkta     Format = "terraform-okta"
	FormatTerraformAuth0    Format = "terraform-auth0"
	FormatAuth0             Format = "auth0"
	FormatSpring            Format = "spring"
	FormatGravitee          Format = "gravitee"
	FormatOpenAPI           Format = "openapi"
	FormatWhichflow         Format = "whichflow"
	// FormatClientMetadata is an OAuth client ID metadata document: RFC
	// 7591 metadata whose client_id is the https URL it is served at
	// (CIMD §3). Lint tells it from other RFC 7591 metadata by that
	// client_id (IsClientIDURL); RFC 7591's rules apply to it too.
	FormatClientMetadata Format = "client-metadata"
	// FormatTerraformGravitee is the graviteeam_application resource of
	// the maxvanp/graviteeam Terraform provider (Gravitee AM).
	FormatTerraformGravitee Format = "terraform-graviteeam"
)
