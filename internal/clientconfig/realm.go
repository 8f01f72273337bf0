package clientconfig

import "github.com/whichflow/whichflow/flows"

// Realm is the realm or tenant a file configures (a Keycloak realm export,
// a terraform keycloak_realm, an Auth0 tenant): what realm-scope rules
// check. Adapters add the settings those rules read.
type Realm struct {
	Format flows.Format
	// Name is what findings name the realm by: Keycloak `realm`, the
	// terraform address keycloak_realm.LABEL, Auth0 tenant.friendly_name;
	// "" when the file names none.
	Name string
	// Pos is where the realm's definition starts; End is its last line (0
	// when unknown). Inline suppressions between them that are in no
	// client apply to it.
	Pos Pos
	End int

	// SSLRequired: Keycloak sslRequired / terraform ssl_required
	// ("all", "external", "none").
	SSLRequired String
	// Refresh token rotation at realm level (Keycloak revokeRefreshToken,
	// refreshTokenMaxReuse).
	RevokeRefreshToken   Bool
	RefreshTokenMaxReuse Int
	// OfflineSessionMaxLifespanEnabled: Keycloak; false means offline
	// (refresh) tokens have no absolute lifetime.
	OfflineSessionMaxLifespanEnabled Bool
	// Lifetimes in seconds (Keycloak accessTokenLifespan, accessCodeLifespan).
	AccessTokenLifespan Int
	AccessCodeLifespan  Int
	// DefaultSignatureAlgorithm: Keycloak defaultSignatureAlgorithm.
	DefaultSignatureAlgorithm String
	// DynamicRegistration: open dynamic client registration (Auth0 tenant
	// flags.enable_dynamic_client_registration).
	DynamicRegistration Bool

	// RedirectStrictMatching: Gravitee AM domain
	// oidc.redirectUriStrictMatching. False (AM's default) means redirect
	// URIs match by path prefix; the FAPI profiles force it on.
	RedirectStrictMatching Bool
}
