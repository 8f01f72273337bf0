// A local oidc-provider for whichflow's end-to-end tests: bound to 127.0.0.1
// on a free port, it prints "READY <issuer>" once listening. Test clients:
//   e2e-confidential  client_secret_basic; code, refresh, client credentials, device, CIBA (poll)
//   e2e-public        public (none) + PKCE; code, refresh, device
//   e2e-fapi          private_key_jwt (ES256, key from $FAPI_KEY_FILE), PAR required, DPoP-bound tokens
//   e2e-native        native public (none) + PKCE, loopback redirect without a port: any port is
//                     accepted (RFC 8252 §7.3; oidc-provider strips loopback ports for native clients)
//   e2e-native-fapi   e2e-fapi as a native client with the loopback redirect without a port
//   e2e-ciba          private_key_jwt (ES256) CIBA client without DPoP, as advise recommends
// Dynamic registration is enabled (POST /reg) for scaffold round trips.
// REQUIRE_NONCE=1 makes the server and its resource demand DPoP nonces
// (RFC 9449 §8, §9; FAPI 2.0 §5.3.3.1): every DPoP request without the
// current nonce is refused with use_dpop_nonce.
// GET /resource is a protected resource (RFC 9449 §7.1) for DPoP-bound
// tokens of any grant: it checks the proof (typ, ES256, htm, htu, ath, the
// token's key thumbprint) and, with REQUIRE_NONCE, its own nonce; it logs
// "RESOURCE ok <client_id>" per request served.
// The CIBA "authentication device" logs "BINDING <binding_message>".
import { createServer } from 'node:http';
import { createHash, createPublicKey, randomBytes, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const REDIRECT = process.env.REDIRECT_URI || 'http://127.0.0.1:8400/callback';
const LOOPBACK = 'http://127.0.0.1/callback';
const SECRET = process.env.CONFIDENTIAL_SECRET || 'e2e-secret';
const fapiJWK = createPublicKey(readFileSync(process.env.FAPI_KEY_FILE)).export({ format: 'jwk' });
const REQUIRE_NONCE = process.env.REQUIRE_NONCE === '1';
const b64url = (b) => Buffer.from(b).toString('base64url');

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
        response_types: ['code'],
        redirect_uris: [REDIRECT],
        require_pushed_authorization_requests: true,
        dpop_bound_access_tokens: true,
        grant_types: [...code, 'client_credentials', 'urn:openid:params:grant-type:ciba'],
        backchannel_token_delivery_mode: 'poll',
      },
      {
        client_id: 'e2e-ciba',
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'ES256',
        jwks: { keys: [{ ...fapiJWK, use: 'sig', alg: 'ES256' }] },
        grant_types: ['urn:openid:params:grant-type:ciba'],
        response_types: [],
        redirect_uris: [],
        backchannel_token_delivery_mode: 'poll',
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
      dPoP: REQUIRE_NONCE ? { enabled: true, nonceSecret: randomBytes(32), requireNonce: () => true } : { enabled: true },
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
          console.log(`BINDING ${ctx.oidc.params.binding_message}`);
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
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (req.url.split('?')[0] === '/resource') {
      resource(provider, issuer, req, res).catch((err) => {
        console.error('resource', err);
        res.writeHead(500).end();
      });
      return;
    }
    callback(req, res);
  });
  console.log(`READY ${issuer}`);
});

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));

// The resource server's own DPoP nonce (RFC 9449 §9), changed every minute.
let rsNonce = b64url(randomBytes(16));
setInterval(() => { rsNonce = b64url(randomBytes(16)); }, 60_000).unref();

// resource serves GET /resource to a DPoP-bound access token (RFC 9449 §7.1).
async function resource(provider, issuer, req, res) {
  const refuse = (error, description) => {
    console.error(`RESOURCE refused: ${error}: ${description}`);
    res.writeHead(401, {
      'www-authenticate': `DPoP error="${error}", error_description="${description}", algs="ES256"`,
      ...(REQUIRE_NONCE ? { 'dpop-nonce': rsNonce } : {}),
    }).end();
  };
  const auth = req.headers.authorization ?? '';
  if (!auth.startsWith('DPoP ')) return refuse('invalid_token', 'a DPoP-bound token is required');
  const token = auth.slice('DPoP '.length);
  const stored = (await provider.ClientCredentials.find(token)) ?? (await provider.AccessToken.find(token));
  if (!stored?.jkt) return refuse('invalid_token', 'unknown token, or not DPoP-bound');
  const proof = String(req.headers.dpop ?? '');
  const [h, p, sig] = proof.split('.');
  let header, payload;
  try {
    header = JSON.parse(Buffer.from(h, 'base64url'));
    payload = JSON.parse(Buffer.from(p, 'base64url'));
  } catch {
    return refuse('invalid_dpop_proof', 'not a JWT');
  }
  if (header.typ !== 'dpop+jwt' || header.alg !== 'ES256' || header.jwk?.kty !== 'EC') return refuse('invalid_dpop_proof', 'typ, alg or jwk');
  const key = createPublicKey({ key: header.jwk, format: 'jwk' });
  if (!verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(sig ?? '', 'base64url'))) {
    return refuse('invalid_dpop_proof', 'bad signature');
  }
  const { crv, kty, x, y } = header.jwk;
  const jkt = b64url(createHash('sha256').update(JSON.stringify({ crv, kty, x, y })).digest()); // RFC 7638
  if (jkt !== stored.jkt) return refuse('invalid_dpop_proof', 'the proof is not signed by the token\'s key');
  if (payload.htm !== req.method || payload.htu !== `${issuer}/resource`) return refuse('invalid_dpop_proof', 'htm or htu');
  if (payload.ath !== b64url(createHash('sha256').update(token).digest())) return refuse('invalid_dpop_proof', 'ath');
  if (Math.abs(Date.now() / 1000 - payload.iat) > 60) return refuse('invalid_dpop_proof', 'iat');
  if (REQUIRE_NONCE && payload.nonce !== rsNonce) return refuse('use_dpop_nonce', 'the resource requires its nonce');
  console.log(`RESOURCE ok ${stored.clientId}`);
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, client_id: stored.clientId }));
}
