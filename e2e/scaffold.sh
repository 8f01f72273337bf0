#!/bin/sh
# scaffold.sh ISSUER [WHICHFLOW]: registers `whichflow scaffold --as rfc7591`
# output at the issuer's dynamic registration endpoint (RFC 7591 §3) and
# asserts the server accepts it (201); the machine client then runs its
# client-credentials snippet to a token with the secret the server issued.
# Called from run.sh against its oidc-provider; prints "N passed, M failed".
set -u
ISSUER=${1:?usage: scaffold.sh ISSUER [WHICHFLOW]}
WF=${2:-whichflow}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
PASS=0
FAIL=0

ok() { PASS=$((PASS + 1)); printf 'ok    scaffold %s\n' "$1"; }
ko() {
  FAIL=$((FAIL + 1))
  printf 'FAIL  scaffold %s\n' "$1"
  [ ! -f "$2" ] || sed 's/^/      /' "$2" | tail -n 20
}
# json FILE MEMBER: a string member of the JSON object in FILE.
json() { node -e 'const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); process.stdout.write(String(j[process.argv[2]] ?? ""))' "$1" "$2" 2>/dev/null; }

curl -fsS "$ISSUER/.well-known/openid-configuration" >"$WORK/discovery.json" || { echo "scaffold: no discovery document at $ISSUER" >&2; exit 1; }
REG=$(json "$WORK/discovery.json" registration_endpoint)
[ -n "$REG" ] || { echo "scaffold: $ISSUER has no registration_endpoint (enable the registration feature)" >&2; exit 1; }

# register NAME ANSWERS...: scaffold, POST, expect 201. The response (client_id,
# client_secret) is kept in $WORK/NAME.reg.
register() {
  _name=$1
  shift
  if ! "$WF" scaffold --as rfc7591 "$@" >"$WORK/$_name.json" 2>"$WORK/$_name.err"; then
    ko "$_name (render)" "$WORK/$_name.err"
    return 1
  fi
  _code=$(curl -sS -o "$WORK/$_name.reg" -w '%{http_code}' -H 'Content-Type: application/json' \
    --data-binary "@$WORK/$_name.json" "$REG" 2>"$WORK/$_name.err")
  if [ "$_code" = 201 ]; then
    ok "$_name registered (201)"
    return 0
  fi
  { echo "HTTP $_code"; cat "$WORK/$_name.reg"; echo; cat "$WORK/$_name.json"; } >>"$WORK/$_name.err"
  ko "$_name registered (got $_code)" "$WORK/$_name.err"
  return 1
}

if register machine --client machine --client-id e2e-scaffold-machine; then
  ID=$(json "$WORK/machine.reg" client_id)
  SECRET=$(json "$WORK/machine.reg" client_secret)
  if [ -z "$SECRET" ]; then
    ko "machine client-credentials (no client_secret issued)" "$WORK/machine.reg"
  elif ! "$WF" snippet --flow client-credentials --lang curl --issuer "$ISSUER" --client-id "$ID" >"$WORK/machine.sh" 2>"$WORK/machine.err"; then
    ko "machine client-credentials (snippet)" "$WORK/machine.err"
  elif CLIENT_SECRET=$SECRET timeout 30 sh "$WORK/machine.sh" >"$WORK/machine.out" 2>>"$WORK/machine.err" && grep -q '"access_token"' "$WORK/machine.out"; then
    ok "machine client-credentials snippet to a token"
  else
    cat "$WORK/machine.out" >>"$WORK/machine.err"
    ko "machine client-credentials snippet to a token" "$WORK/machine.err"
  fi
fi
register web --client web --redirect-uri https://app.example.org/callback
register spa --client spa
register spa-bff --client spa --backend
register native --client native
register cli --client cli
register cli-device --client cli --browser=false
register device --client device
register web-high --client web --security high
register machine-high --client machine --security high
register spa-high --client spa --security high
register decoupled --client decoupled

echo "scaffold: $PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
