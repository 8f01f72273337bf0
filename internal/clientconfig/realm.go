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
}
