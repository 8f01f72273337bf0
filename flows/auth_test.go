package flows

import "testing"

func TestAuthMethodPredicates(t *testing.T) {
	for _, tc := range []struct {
		m                          AuthMethod
		secret, asymmetric, public bool
	}{
		{AuthNone, false, false, true},
		{AuthClientSecretBasic, true, false, false},
		{AuthClientSecretPost, true, false, false},
		{AuthClientSecretJWT, true, false, false},
		{AuthPrivateKeyJWT, false, true, false},
		{AuthTLSClient, false, true, false},
		{AuthSelfSignedTLS, false, true, false},
		{"", false, false, false},
		{"client-secret", false, false, false}, // Keycloak's name, mapped by the adapter
	} {
		if tc.m.SecretBased() != tc.secret || tc.m.Asymmetric() != tc.asymmetric || tc.m.Public() != tc.public {
			t.Errorf("%q: secret %v asymmetric %v public %v", tc.m, tc.m.SecretBased(), tc.m.Asymmetric(), tc.m.Public())
		}
	}
}
