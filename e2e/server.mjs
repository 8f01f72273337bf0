// A local oidc-provider for whichflow's end-to-end tests: bound to 127.0.0.1
// on a free port, it prints "READY <issuer>" once listening. Test clients:
//   e2e-confidential  client_secret_basic; code, refresh, client credentials, device, CIBA (poll)
//   e2e-public        public (none) + PKCE; code, refresh, device
//   e2e-fapi          private_key_jwt (ES256, key from $FAPI_KEY_FILE), PAR required, DPoP-bound tokens
//   e2e-native        native public (none) + PKCE, loopback redirect without a port: any port is
//                     accepted (RFC 8252 §7.3; oidc-provider strips loopback ports for native clients)
//   e2e-native-fapi   e2e-fapi as a native client with the loopback redirect without a port
// Dynamic registration is enabled (POST /reg) for scaffold round trips.
import { createServer } from 'node:http';
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const REDIRECT = process.env.REDIRECT_URI || 'http://127.0.0.1:8400/callback';
const LOOPBACK = 'http://127.0.0.1/callback';
const SECRET = process.env.CONFIDENTIAL_SECRET || 'e2e-secret';
const fapiJWK = createPublicKey(readFileSync(process.env.FAPI_KEY_FILE)).export({ format: 'jwk' });

// Long keep-alive: an idle socket closed by the server while a client reuses
// it makes undici's fetch fail with UND_ERR_SOCKET.
const server = createServer({ keepAliveTimeout: 65_000 });
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const issuer = `http://127.0.0.1:${port}`;
  let provider;
  const code = ['authorization_code', 'refresh_token'];
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'e2e-confidential',
        client_secret: SECRET,
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: [...code, 'client_credentials', 'urn:ietf:params:oauth:grant-type:device_code', 'urn:openid:params:grant-type:ciba'],
        response_types: ['code'],
        redirect_uris: [REDIRECT],
        backchannel_token_delivery_mode: 'poll',
      },
      {
        client_id: 'e2e-public',
        token_endpoint_auth_method: 'none',
        application_type: 'native',
        grant_types: [...code, 'urn:ietf:params:oauth:grant-type:device_code'],
        response_types: ['code'],
        redirect_uris: [REDIRECT],
      },
      {
        client_id: 'e2e-fapi',
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'ES256',
        jwks: { keys: [{ ...fapiJWK, use: 'sig', alg: 'ES256' }] },
        grant_types: [...code, 'client_credentials'],
        response_types: ['code'],
        redirect_uris: [REDIRECT],
        require_pushed_authorization_requests: true,
        dpop_bound_access_tokens: true,
      },
      {
        client_id: 'e2e-native',
        token_endpoint_auth_method: 'none',
        application_type: 'native',
        grant_types: code,
        response_types: ['code'],
        redirect_uris: [LOOPBACK],
      },
      {
        client_id: 'e2e-native-fapi',
        application_type: 'native',
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'ES256',
        jwks: { keys: [{ ...fapiJWK, use: 'sig', alg: 'ES256' }] },
        grant_types: code,
        response_types: ['code'],
        redirect_uris: [LOOPBACK],
        require_pushed_authorization_requests: true,
        dpop_bound_access_tokens: true,
      },
    ],
    pkce: { required: () => true },
    scopes: ['openid', 'offline_access', 'api'],
    issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
    findAccount: async (ctx, sub) => ({ accountId: sub, claims: async () => ({ sub }) }),
    features: {
      devInteractions: { enabled: true },
      deviceFlow: { enabled: true },
      pushedAuthorizationRequests: { enabled: true },
      dPoP: { enabled: true },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      introspection: { enabled: true },
      registration: { enabled: true },
      ciba: {
        enabled: true,
        deliveryModes: ['poll'],
        processLoginHint: async (ctx, loginHint) => loginHint,
        validateRequestContext: async () => {},
        verifyUserCode: async () => {},
        // The "authentication device" approves after a second.
        triggerAuthenticationDevice: async (ctx, request, account, client) => {
          setTimeout(async () => {
            try {
              const grant = new provider.Grant({ accountId: account.accountId, clientId: client.clientId });
              grant.addOIDCScope(request.scope);
              await grant.save();
              await provider.backchannelResult(request, grant);
            } catch (err) {
              console.error('ciba approval failed', err);
            }
          }, 1000);
        },
      },
    },
  });
  provider.on('server_error', (ctx, err) => console.error('server_error', err));
  server.on('request', provider.callback());
  console.log(`READY ${issuer}`);
});

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
