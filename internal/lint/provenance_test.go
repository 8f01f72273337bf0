package lint

import (
	"strings"
	"testing"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/clientconfig"
)

// TestMessagesTellDefaultsFromDeclarations: a value a provider default
// supplies is phrased as that default ("not in the file: Auth0's default
// ..."), never as if the file declared it; a declared value is quoted as
// declared.
func TestMessagesTellDefaultsFromDeclarations(t *testing.T) {
	const auth0Grants = "Auth0's default grant_types for app_type spa"
	const auth0Method = "Auth0's default for app_type regular_web"
	defaultedGrants := func(grants ...string) clientconfig.List {
		l := clientconfig.List{Default: auth0Grants}
		for _, g := range grants {
			l.Items = append(l.Items, clientconfig.String{Value: g})
		}
		return l
	}
	declaredGrants := func(grants ...string) clientconfig.List {
		l := clientconfig.List{Set: true}
		for _, g := range grants {
			l.Items = append(l.Items, clientconfig.String{Value: g, Set: true})
		}
		return l
	}
	public := clientconfig.Bool{Value: true, Set: true}
	cases := []struct {
		name    string
		chk     check
		c       clientconfig.Client
		want    string // in the message
		wantNot string // not in the message
	}{
		{"implicit defaulted", checkImplicit, clientconfig.Client{GrantTypes: defaultedGrants(flows.GrantImplicit)},
			"the implicit grant is enabled (not in the file: " + auth0Grants + ")", ""},
		{"implicit declared", checkImplicit, clientconfig.Client{GrantTypes: declaredGrants(flows.GrantImplicit)},
			"the implicit grant is enabled", "not in the file"},
		{"password defaulted", checkROPC, clientconfig.Client{GrantTypes: defaultedGrants(flows.GrantPassword)},
			"(not in the file: " + auth0Grants + ")", ""},
		{"client credentials defaulted", checkCCOnPublic, clientconfig.Client{Public: public, GrantTypes: defaultedGrants(flows.GrantClientCredentials)},
			"enabled (not in the file: " + auth0Grants + ")", ""},
		{"refresh defaulted, rotation defaulted", checkPublicRefresh, clientconfig.Client{Public: public,
			GrantTypes:      defaultedGrants(flows.GrantRefreshToken),
			RefreshRotation: clientconfig.Declarable{Declarable: true, Value: clientconfig.String{Value: "false", Default: "Auth0's default rotation_type non-rotating"}}},
			"refresh tokens (not in the file: " + auth0Grants + ") without rotation (not in the file: Auth0's default rotation_type non-rotating)", ""},
		{"auth method defaulted", checkFAPIClientAuth, clientconfig.Client{AuthMethod: clientconfig.String{Value: flows.AuthClientSecretPost, Default: auth0Method}},
			`authenticates with "client_secret_post" (not in the file: ` + auth0Method + ")", "(by default)"},
		{"auth method declared", checkFAPIClientAuth, clientconfig.Client{AuthMethod: clientconfig.String{Value: flows.AuthClientSecretPost, Set: true}},
			`client authenticates with "client_secret_post"; FAPI`, "not in the file"},
		{"pkce defaulted off", checkPublicNoPKCE, clientconfig.Client{Public: public, GrantTypes: declaredGrants(flows.GrantAuthorizationCode),
			PKCE: clientconfig.Declarable{Declarable: true, Value: clientconfig.String{Default: "Okta's default pkce_required for type web"}}},
			"does not enforce PKCE (not in the file: Okta's default pkce_required for type web)", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h, ok := tc.chk(&tc.c)
			if !ok {
				t.Fatal("check did not fire")
			}
			if !strings.Contains(h.msg, tc.want) {
				t.Errorf("message %q lacks %q", h.msg, tc.want)
			}
			if tc.wantNot != "" && strings.Contains(h.msg, tc.wantNot) {
				t.Errorf("message %q has %q", h.msg, tc.wantNot)
			}
		})
	}
}
