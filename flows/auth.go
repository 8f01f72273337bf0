package flows

// AuthMethod is a token endpoint authentication method (RFC 7591 §2,
// RFC 8705 §2): the Auth* constants. What each method means for a client
// is decided here, for lint and scaffold alike.
type AuthMethod string

// SecretBased reports methods that authenticate with a shared client
// secret: client_secret_basic, client_secret_post and client_secret_jwt
// (an HMAC over the secret). Such a client has a secret to keep.
func (m AuthMethod) SecretBased() bool {
	switch m {
	case AuthClientSecretBasic, AuthClientSecretPost, AuthClientSecretJWT:
		return true
	}
	return false
}

// Asymmetric reports methods that prove a private key the server never
// sees: private_key_jwt and mTLS (tls_client_auth,
// self_signed_tls_client_auth), the ones FAPI 2.0 allows (§5.3.2.1).
func (m AuthMethod) Asymmetric() bool {
	switch m {
	case AuthPrivateKeyJWT, AuthTLSClient, AuthSelfSignedTLS:
		return true
	}
	return false
}

// Public reports the method of a public client: none.
func (m AuthMethod) Public() bool { return m == AuthNone }
