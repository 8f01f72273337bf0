// The "user" of the e2e tests: opens a URL printed by a snippet and goes
// through oidc-provider's development interactions with a cookie jar —
// device code confirmation, login (any name), consent — following
// redirects by hand.
//   node driver.mjs AUTHORIZATION_URL REDIRECT_URI   prints the redirect URL (with code)
//   node driver.mjs --deliver AUTHORIZATION_URL      follows the final redirect (the one that
//                                                    leaves the server) like a browser: GETs it,
//                                                    so a loopback listener gets the code; prints "delivered"
//   node driver.mjs VERIFICATION_URI_COMPLETE        approves a device code, prints "approved"
const args = process.argv.slice(2);
const deliver = args[0] === '--deliver';
if (deliver) args.shift();
const [start, redirectPrefix] = args;
if (!start) {
  console.error('usage: node driver.mjs [--deliver] URL [REDIRECT_URI]');
  process.exit(2);
}
const serverOrigin = new URL(start).origin;
const jar = new Map();
const decode = (s) => s.replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
  .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
  .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

let url = start;
let method = 'GET';
let body;
for (let step = 0; step < 20; step++) {
  const headers = { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') };
  if (body) headers['content-type'] = 'application/x-www-form-urlencoded';
  const once = () => fetch(url, { method, body, headers, redirect: 'manual', signal: AbortSignal.timeout(5000) });
  // A reused keep-alive socket can be closed under us: retry GETs once.
  const res = await once().catch((err) => (method === 'GET' ? once() : Promise.reject(err)));
  for (const c of res.headers.getSetCookie()) {
    const kv = c.split(';')[0];
    const i = kv.indexOf('=');
    jar.set(kv.slice(0, i), kv.slice(i + 1));
  }
  method = 'GET';
  body = undefined;
  if (res.status >= 300 && res.status < 400) {
    const loc = new URL(res.headers.get('location'), url).href;
    if (deliver && new URL(loc).origin !== serverOrigin) {
      // The browser's last step: the redirect to the client (no cookies: another origin).
      const got = await fetch(loc, { redirect: 'manual', signal: AbortSignal.timeout(5000) });
      const page = await got.text();
      if (got.status !== 200) {
        console.error(`driver: ${loc.split('?')[0]} answered HTTP ${got.status}: ${page.slice(0, 200)}`);
        process.exit(1);
      }
      console.log('delivered');
      process.exit(0);
    }
    if (redirectPrefix && loc.startsWith(redirectPrefix)) {
      console.log(loc);
      process.exit(0);
    }
    url = loc;
    continue;
  }
  const html = await res.text();
  const form = html.match(/<form\b([^>]*)>([\s\S]*?)<\/form>/i);
  if (!form) {
    if (!redirectPrefix && res.ok && /success/i.test(html)) {
      console.log('approved');
      process.exit(0);
    }
    console.error(`driver: stuck at ${url} (HTTP ${res.status}):\n${html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 400)}`);
    process.exit(1);
  }
  const fields = new URLSearchParams();
  for (const input of form[2].matchAll(/<input\b([^>]*)>/gi)) {
    const name = input[1].match(/name="([^"]*)"/)?.[1];
    if (!name) continue;
    let value = decode(input[1].match(/value="([^"]*)"/)?.[1] ?? '');
    if (name === 'login') value = 'e2e-user';
    if (name === 'password') value = 'e2e-password';
    fields.set(name, value);
  }
  url = new URL(decode(form[1].match(/action="([^"]*)"/)?.[1] ?? url), url).href;
  method = 'POST';
  body = fields.toString();
}
console.error(`driver: too many steps, last at ${url}`);
process.exit(1);
