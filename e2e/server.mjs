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
// MCP=1 adds what an AI agent meets (issue 14), printed before READY as
// "MCP <resource>" and "CIMD <https origin>":
//   - a protected resource on its own port (an MCP server's endpoint /mcp)
//     that answers 401 with WWW-Authenticate: Bearer resource_metadata=...,
//     serves its RFC 9728 metadata (authorization_servers: this issuer) and
//     accepts only JWT access tokens whose aud is itself (DPoP-bound ones
//     with a valid proof); it logs "MCP ok <client_id> aud=<aud>";
//   - resource indicators for that resource only (RFC 8707: JWT tokens, aud
//     = the resource);
//   - client ID metadata documents (oidc-provider's CIMD feature): the
//     documents and a JWKS are served over TLS from $CIMD_DIR with the
//     certificate $TLS_CERT/$TLS_KEY of a test CA, which the server's fetch
//     trusts through NODE_EXTRA_CA_CERTS.
import { createServer } from 'node:http';
import { createServer as createTLSServer } from 'node:https';
import { createHash, createPublicKey, randomBytes, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Provider, { errors } from 'oidc-provider';

const REDIRECT = process.env.REDIRECT_URI || 'http://127.0.0.1:8400/callback';
const LOOPBACK = 'http://127.0.0.1/callback';
const SECRET = process.env.CONFIDENTIAL_SECRET || 'e2e-secret';
const fapiJWK = createPublicKey(readFileSync(process.env.FAPI_KEY_FILE)).export({ format: 'jwk' });
const REQUIRE_NONCE = process.env.REQUIRE_NONCE === '1';
const MCP = process.env.MCP === '1';
const b64url = (b) => Buffer.from(b).toString('base64url');

// Long keep-alive: an idle socket closed by the server while a client reuses
// it makes undici's fetch fail with UND_ERR_SOCKET.
const server = createServer({ keepAliveTimeout: 65_000 });
const listen = (srv) => new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve(srv.address().port)));
const mcpServer = MCP ? createServer({ keepAliveTimeout: 65_000 }) : null;
const cimdServer = MCP ? createTLSServer({ cert: readFileSync(process.env.TLS_CERT), key: readFileSync(process.env.TLS_KEY) }) : null;
Promise.all([listen(server), MCP ? listen(mcpServer) : 0, MCP ? listen(cimdServer) : 0]).then(([port, mcpPort, cimdPort]) => {
  const issuer = `http://127.0.0.1:${port}`;
  const mcpResource = `http://127.0.0.1:${mcpPort}/mcp`;
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
    // Fetches of client ID metadata documents and their jwks_uri go to the
    // TLS host on loopback, which oidc-provider's SSRF guard (its own
    // dispatcher) refuses: the test fetch leaves the guard out.
    fetch: (url, { dispatcher, ...options }) => globalThis.fetch(url, options),
    features: {
      resourceIndicators: {
        enabled: true,
        defaultResource: () => undefined,
        useGrantedResource: () => false,
        getResourceServerInfo: async (ctx, resourceIndicator) => {
          if (!MCP || resourceIndicator !== mcpResource) throw new errors.InvalidTarget();
          return { scope: 'api', audience: mcpResource, accessTokenFormat: 'jwt', accessTokenTTL: 300 };
        },
      },
      ...(MCP ? { clientIdMetadataDocument: { enabled: true, ack: 'draft-02' } } : {}),
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
  if (MCP) {
    mcpServer.on('request', (req, res) => mcp(issuer, mcpResource, req, res).catch((err) => {
      console.error('mcp', err);
      res.writeHead(500).end();
    }));
    cimdServer.on('request', (req, res) => {
      const name = req.url.split('?')[0].slice(1);
      let body;
      try {
        if (!/^[a-z0-9-]+\.json$/.test(name)) throw new Error('no such document');
        body = readFileSync(join(process.env.CIMD_DIR, name));
      } catch {
        res.writeHead(404).end();
        return;
      }
      console.log(`CIMD served ${name}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
    console.log(`MCP ${mcpResource}`);
    console.log(`CIMD https://127.0.0.1:${cimdPort}`);
  }
  console.log(`READY ${issuer}`);
});

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));

// The resource server's own DPoP nonce (RFC 9449 §9), changed every minute.
// The one it replaced is still accepted, as oidc-provider does for its own:
// a client that fetched a nonce just before the change retries once with
// it (the e2e run failed on that window).
let rsNonce = b64url(randomBytes(16));
let rsPrevNonce = rsNonce;
setInterval(() => { rsPrevNonce = rsNonce; rsNonce = b64url(randomBytes(16)); }, 60_000).unref();

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
  if (REQUIRE_NONCE && payload.nonce !== rsNonce && payload.nonce !== rsPrevNonce) return refuse('use_dpop_nonce', 'the resource requires its nonce');
  console.log(`RESOURCE ok ${stored.clientId}`);
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, client_id: stored.clientId }));
}

// The issuer's signing keys, for the JWT access tokens issued for the MCP
// resource (RFC 9068 format, signed with the provider's keys).
let issuerKeys;
async function keyFor(issuer, kid) {
  issuerKeys ??= (await (await fetch(`${issuer}/jwks`)).json()).keys;
  const jwk = issuerKeys.find((k) => k.kid === kid) ?? issuerKeys[0];
  return createPublicKey({ key: jwk, format: 'jwk' });
}

// mcp is the protected resource an agent discovers: its RFC 9728 metadata
// at the well-known location with the path inserted, and /mcp, which
// answers a request without a token with 401 and resource_metadata (RFC
// 9728 §5.1) and accepts only a token whose aud is itself (RFC 8707;
// MCP authorization 2025-11-25 §9.2).
async function mcp(issuer, resource, req, res) {
  const base = resource.slice(0, resource.length - '/mcp'.length);
  const metadataURL = `${base}/.well-known/oauth-protected-resource/mcp`;
  const path = req.url.split('?')[0];
  if (path === '/.well-known/oauth-protected-resource/mcp') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
      resource, authorization_servers: [issuer], scopes_supported: ['api'], bearer_methods_supported: ['header'],
    }));
    return;
  }
  if (path !== '/mcp') {
    res.writeHead(404).end();
    return;
  }
  const refuse = (error, description) => {
    console.error(`MCP refused: ${error ?? 'no token'}: ${description}`);
    const params = error ? `error="${error}", error_description="${description}", ` : '';
    res.writeHead(401, { 'www-authenticate': `Bearer ${params}resource_metadata="${metadataURL}", scope="api"` }).end();
  };
  const auth = req.headers.authorization ?? '';
  const [scheme, token] = auth.split(' ');
  if (!token) return refuse(undefined, 'a token is required');
  const [h, p, sig] = token.split('.');
  let header, claims;
  try {
    header = JSON.parse(Buffer.from(h, 'base64url'));
    claims = JSON.parse(Buffer.from(p, 'base64url'));
  } catch {
    return refuse('invalid_token', 'not a JWT access token');
  }
  const key = await keyFor(issuer, header.kid);
  const alg = { RS256: 'sha256', PS256: 'sha256', ES256: 'sha256' }[header.alg];
  const opts = header.alg === 'PS256' ? { key, padding: 6, saltLength: 32 } : header.alg === 'ES256' ? { key, dsaEncoding: 'ieee-p1363' } : key;
  if (!alg || !verify(alg, Buffer.from(`${h}.${p}`), opts, Buffer.from(sig ?? '', 'base64url'))) return refuse('invalid_token', 'bad signature');
  const aud = [].concat(claims.aud);
  if (claims.iss !== issuer || !aud.includes(resource)) return refuse('invalid_token', `aud ${JSON.stringify(claims.aud)} is not this resource`);
  if (claims.exp < Date.now() / 1000) return refuse('invalid_token', 'expired');
  if (claims.cnf?.jkt) {
    // DPoP-bound (RFC 9449 §7.1): the DPoP scheme and a proof by the bound key.
    if (scheme !== 'DPoP') return refuse('invalid_token', 'a DPoP-bound token needs the DPoP scheme');
    const why = checkProof(req, token, claims.cnf.jkt, resource);
    if (why) return refuse('invalid_dpop_proof', why);
  } else if (scheme !== 'Bearer') {
    return refuse('invalid_token', 'a bearer token needs the Bearer scheme');
  }
  console.log(`MCP ok ${claims.client_id} aud=${aud.join(',')}`);
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, aud: claims.aud, client_id: claims.client_id }));
}

// checkProof checks a DPoP proof (RFC 9449 §4.3) for a request to url with
// token bound to the key thumbprint jkt; it returns why it fails, or "".
function checkProof(req, token, jkt, url) {
  const [h, p, sig] = String(req.headers.dpop ?? '').split('.');
  let header, payload;
  try {
    header = JSON.parse(Buffer.from(h, 'base64url'));
    payload = JSON.parse(Buffer.from(p, 'base64url'));
  } catch {
    return 'not a JWT';
  }
  if (header.typ !== 'dpop+jwt' || header.alg !== 'ES256' || header.jwk?.kty !== 'EC') return 'typ, alg or jwk';
  const key = createPublicKey({ key: header.jwk, format: 'jwk' });
  if (!verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(sig ?? '', 'base64url'))) return 'bad signature';
  const { crv, kty, x, y } = header.jwk;
  if (b64url(createHash('sha256').update(JSON.stringify({ crv, kty, x, y })).digest()) !== jkt) return 'not signed by the token\'s key';
  if (payload.htm !== req.method || payload.htu !== url) return 'htm or htu';
  if (payload.ath !== b64url(createHash('sha256').update(token).digest())) return 'ath';
  if (Math.abs(Date.now() / 1000 - payload.iat) > 60) return 'iat';
  return '';
}
