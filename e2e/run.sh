#!/bin/sh
# End-to-end test of whichflow's snippets: starts oidc-provider (pinned in
# package-lock.json) on 127.0.0.1 and runs every snippet the server supports
# to a real token, in every language. Interactive steps (login, consent,
# device confirmation) are done by driver.mjs. Prints "N passed, M failed".
set -u
E2E_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$E2E_DIR")
LANGS=${E2E_LANGS:-curl httpie js python go}
REDIRECT_URI=http://127.0.0.1:8400/callback
# RFC 8252 §7.3: a loopback redirect URI without a port, registered for the
# native clients; the python, js and go snippets listen on a free port.
LOOPBACK_REDIRECT_URI=http://127.0.0.1/callback
STEP_TIMEOUT=${E2E_STEP_TIMEOUT:-60}

die() { printf 'e2e: %s\n' "$*" >&2; exit 1; }

command -v node >/dev/null 2>&1 || die "node (>= 20) is required: install Node.js (e.g. apt-get install nodejs npm)"
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' || die "node >= 20 is required, found $(node --version)"
command -v npm >/dev/null 2>&1 || die "npm is required"
for tool in curl openssl sed timeout go python3; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is required"
done
case " $LANGS " in *" httpie "*)
  if ! command -v http >/dev/null 2>&1; then
    echo "e2e: installing httpie (apt)" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq httpie; } >/dev/null 2>&1 ||
      die "httpie (http) is required and could not be installed: apt-get install httpie"
  fi ;;
esac

WORK=$(mktemp -d)
# Server pids go to a file: start_server runs in a command substitution's
# subshell, where a variable it sets is lost to the cleanup.
SERVER_PIDS=$WORK/server.pids
: >"$SERVER_PIDS"
cleanup() {
  while read -r pid; do kill "$pid" 2>/dev/null; done <"$SERVER_PIDS"
  [ -n "${E2E_KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

START=$(date +%s)
(cd "$E2E_DIR" && npm ci --no-audit --no-fund --loglevel=error >"$WORK/npm.log" 2>&1) || { cat "$WORK/npm.log" >&2; die "npm ci failed"; }
(cd "$ROOT" && go build -o "$WORK/whichflow" ./cmd/whichflow) || die "go build failed"
WF=$WORK/whichflow

# Keys: the private_key_jwt client's key (its public JWK is registered) and
# the assertion signer; DPoP keys are made by the snippets themselves.
openssl ecparam -name prime256v1 -genkey -noout -out "$WORK/client.key" 2>/dev/null
openssl ecparam -name prime256v1 -genkey -noout -out "$WORK/dpop.key" 2>/dev/null

# A test CA and a certificate for 127.0.0.1: the TLS host that serves client
# ID metadata documents (their client_id is an https URL, CIMD §3). The
# server trusts the CA through NODE_EXTRA_CA_CERTS.
mkdir -p "$WORK/cimd"
{
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "/CN=whichflow e2e CA" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign -keyout "$WORK/ca.key" -out "$WORK/ca.pem" &&
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=127.0.0.1" -keyout "$WORK/tls.key" -out "$WORK/tls.csr" &&
    printf 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' >"$WORK/tls.ext" &&
    openssl x509 -req -in "$WORK/tls.csr" -CA "$WORK/ca.pem" -CAkey "$WORK/ca.key" -CAcreateserial -days 2 \
      -extfile "$WORK/tls.ext" -out "$WORK/tls.pem"
} >"$WORK/tls.log" 2>&1 || { cat "$WORK/tls.log" >&2; die "openssl could not make the test CA"; }

# start_server LOG [NAME=VALUE...]: start oidc-provider logging to LOG and
# print its issuer once it listens.
start_server() {
  _log=$1
  shift
  : >"$_log" # exists before the first read below, however late node starts
  env FAPI_KEY_FILE="$WORK/client.key" REDIRECT_URI="$REDIRECT_URI" "$@" node "$E2E_DIR/server.mjs" >"$_log" 2>&1 &
  _pid=$!
  echo "$_pid" >>"$SERVER_PIDS"
  _i=0
  while [ $_i -lt 100 ]; do
    _iss=$(sed -n 's/^READY //p' "$_log")
    [ -z "$_iss" ] || { printf '%s\n' "$_iss"; return 0; }
    kill -0 "$_pid" 2>/dev/null || { cat "$_log" >&2; return 1; }
    sleep 0.1
    _i=$((_i + 1))
  done
  return 1
}
SERVER_LOG=$WORK/server.log
ISSUER=$(start_server "$SERVER_LOG" MCP=1 TLS_CERT="$WORK/tls.pem" TLS_KEY="$WORK/tls.key" CIMD_DIR="$WORK/cimd" \
  NODE_EXTRA_CA_CERTS="$WORK/ca.pem") || die "oidc-provider did not start"
MCP_RESOURCE=$(sed -n 's/^MCP //p' "$SERVER_LOG")
CIMD_BASE=$(sed -n 's/^CIMD //p' "$SERVER_LOG")
echo "e2e: oidc-provider at $ISSUER, MCP resource at $MCP_RESOURCE, metadata documents at $CIMD_BASE" >&2
# A second server that requires DPoP nonces at every endpoint and at its
# resource (RFC 9449 §8, §9; FAPI 2.0 §5.3.3.1).
NONCE_SERVER_LOG=$WORK/server-nonce.log
NONCE_ISSUER=$(start_server "$NONCE_SERVER_LOG" REQUIRE_NONCE=1) || die "oidc-provider (requireNonce) did not start"
echo "e2e: oidc-provider with requireNonce at $NONCE_ISSUER" >&2

# A Go module with golang.org/x/oauth2 for the Go snippets.
case " $LANGS " in *" go "*)
  mkdir -p "$WORK/gomod"
  cp "$ROOT/internal/snippet/testdata/gomod/go.mod" "$ROOT/internal/snippet/testdata/gomod/go.sum" "$WORK/gomod/" 2>/dev/null ||
    die "internal/snippet/testdata/gomod is missing"
  ;;
esac

PASS=0
FAIL=0
FAILED=
ok() { PASS=$((PASS + 1)); printf 'ok    %s\n' "$1"; }
ko() {
  FAIL=$((FAIL + 1))
  FAILED="$FAILED $1"
  printf 'FAIL  %s\n' "$1"
  [ ! -f "$2" ] || sed 's/^/      /' "$2" | tail -n 20
}

ext() {
  case $1 in curl | httpie) echo sh ;; js) echo mjs ;; python) echo py ;; go) echo go ;; esac
}

# prepare NAME LANG ARGS...: render the snippet to $WORK/NAME.LANG.EXT, print
# the command that runs it.
prepare() {
  _name=$1 _lang=$2
  shift 2
  _file=$WORK/$_name.$_lang.$(ext "$_lang")
  # An agent's snippet finds the server from the resource (AGENT_RESOURCE).
  if [ -n "${AGENT_RESOURCE:-}" ]; then
    set -- --resource "$AGENT_RESOURCE" "$@"
  else
    set -- --issuer "$ISSUER" "$@"
  fi
  "$WF" snippet --lang "$_lang" --redirect-uri "${_redirect:-$REDIRECT_URI}" "$@" >"$_file" 2>"$WORK/$_name.$_lang.render" || return 1
  case $_lang in
    curl | httpie) echo "sh $_file" ;;
    js) echo "node $_file" ;;
    python) echo "python3 $_file" ;;
    go)
      _dir=$WORK/go-$_name
      mkdir -p "$_dir"
      cp "$WORK/gomod/go.mod" "$WORK/gomod/go.sum" "$_dir/"
      cp "$_file" "$_dir/main.go"
      (cd "$_dir" && GOFLAGS=-mod=mod go build -o "$_dir/snippet" . >"$WORK/$_name.$_lang.build" 2>&1) || { cat "$WORK/$_name.$_lang.build" >"$WORK/$_name.$_lang.render"; return 1; }
      echo "$_dir/snippet"
      ;;
  esac
}

# run NAME LANG MODE ENV ARGS...: render and run a snippet with the
# environment ENV ("-" for none: NAME=VALUE words); MODE is plain, code
# (drive the printed authorization URL, paste the redirect URL), loopback
# (drive it and deliver the redirect to the snippet's listener; the snippet
# is rendered with the loopback redirect URI without a port) or device
# (approve the printed code).
# The token response goes to $WORK/NAME.LANG.out.
run() {
  _name=$1 _lang=$2 _mode=$3 _env=$4
  shift 4
  [ "$_env" != - ] || _env=''
  _env="env -u CLIENT_SECRET -u CLIENT_KEY_FILE -u DPOP_KEY_FILE -u REFRESH_TOKEN -u OPEN_BROWSER -u RESOURCE_URL $_env"
  _redirect=
  [ "$_mode" != loopback ] || _redirect=$LOOPBACK_REDIRECT_URI
  _id=$_name/$_lang
  _out=$WORK/$_name.$_lang.out _err=$WORK/$_name.$_lang.err
  if ! _cmd=$(prepare "$_name" "$_lang" "$@"); then
    ko "$_id (render/build)" "$WORK/$_name.$_lang.render"
    return
  fi
  : >"$_err"
  case $_mode in
    plain) $_env timeout "$STEP_TIMEOUT" $_cmd </dev/null >"$_out" 2>"$_err" ;;
    code | device | loopback)
      {
        _n=0 _url=
        while [ $_n -lt 200 ] && [ -z "$_url" ]; do
          if [ "$_mode" != device ]; then
            _url=$(grep -o "$ISSUER/auth?[^ ]*" "$_err" | sed -n 1p)
          else
            _url=$(grep -o "$ISSUER/device?user_code=[A-Za-z0-9-]*" "$_err" | sed -n 1p)
          fi
          [ -n "$_url" ] || sleep 0.1
          _n=$((_n + 1))
        done
        if [ "$_mode" = code ]; then
          # MANGLE (a sed script) changes the redirect URL the "user" pastes.
          timeout 20 node "$E2E_DIR/driver.mjs" "$_url" "$REDIRECT_URI" 2>>"$_err.driver" | sed "${MANGLE:-}"
        elif [ "$_mode" = loopback ]; then
          # Nothing on the snippet's stdin: it must get the code on its listener.
          timeout 20 node "$E2E_DIR/driver.mjs" --deliver "$_url" >>"$_err.driver" 2>&1
        else
          timeout 20 node "$E2E_DIR/driver.mjs" "$_url" >>"$_err.driver" 2>&1
        fi
      } | $_env timeout "$STEP_TIMEOUT" $_cmd >"$_out" 2>>"$_err"
      cat "$_err.driver" >>"$_err" 2>/dev/null
      ;;
  esac
  if [ -n "${REFUSE:-}" ]; then
    # The snippet must refuse: no token, and the reason on stderr.
    if ! grep -q '"access_token"' "$_out" && grep -q "$REFUSE" "$_err"; then
      ok "$_id (refused: $REFUSE)"
    else
      echo "want a refusal matching: $REFUSE" >>"$_err"
      ko "$_id" "$_err"
    fi
  elif grep -q '"access_token"' "$_out" && { [ -z "${EXPECT:-}" ] || grep -q "$EXPECT" "$_err"; }; then
    ok "$_id"
  else
    [ -z "${EXPECT:-}" ] || grep -q "$EXPECT" "$_err" || echo "stderr lacks: $EXPECT" >>"$_err"
    cat "$_out" >>"$_err"
    ko "$_id" "$_err"
  fi
}

# field NAME FILE: a string member of the JSON token response in FILE.
field() { node -e 'const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").pop()); process.stdout.write(j[process.argv[2]] || "")' "$2" "$1" 2>/dev/null; }

SECRET=CLIENT_SECRET=e2e-secret
PKJWT=CLIENT_KEY_FILE=$WORK/client.key
DPOP=DPOP_KEY_FILE=$WORK/dpop.key
# DPoP snippets use the token once at a protected resource: the userinfo
# endpoint for flows with a user, the server's /resource for client
# credentials. The run passes only if that request succeeded.
USED='resource .*: HTTP 200'

# high_runs PREFIX: the --security high runs (private_key_jwt, DPoP) against
# $ISSUER.
high_runs() {
  EXPECT=$USED
  run "$1client-credentials-high" "$L" plain "$PKJWT RESOURCE_URL=$ISSUER/resource" --flow client-credentials --client-id e2e-fapi --security high
  run "$1authorization-code-high" "$L" code "$PKJWT $DPOP" --flow authorization-code --client-id e2e-fapi --scope openid --security high
  case $L in python | js | go)
    run "$1authorization-code-loopback-high" "$L" loopback "$PKJWT $DPOP" --flow authorization-code --client-id e2e-native-fapi --scope openid --security high
    ;;
  esac
  run "$1refresh-token-high" "$L" plain "REFRESH_TOKEN=$(field refresh_token "$WORK/$1authorization-code-high.$L.out") $PKJWT $DPOP" \
    --flow refresh-token --client-id e2e-fapi --security high
  run "$1ciba-high" "$L" plain "$PKJWT" --flow ciba --client-id e2e-fapi --login-hint e2e-user --security high
  EXPECT=
}

# ciba_binding NAME LOG: the binding message the snippet showed reached the
# authentication device (CIBA Core §7.1: shown on both).
ciba_binding() {
  _msg=$(sed -n 's/.*Approve only if it shows: //p' "$WORK/$1.$L.err" | sed -n 1p)
  if [ -n "$_msg" ] && grep -q "^BINDING $_msg\$" "$2"; then
    ok "$1/$L (binding message $_msg on both devices)"
  else
    ko "$1/$L (binding message)" "$WORK/$1.$L.err"
  fi
}

# audience NAME: the access token NAME printed is a JWT whose aud is the MCP
# resource, and the resource accepts it (MCP authorization 2025-11-25 §9.2).
audience() {
  _tok=$(field access_token "$WORK/$1.$L.out")
  _aud=$(printf '%s' "$_tok" | node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    try { process.stdout.write(String(JSON.parse(Buffer.from(s.split(".")[1], "base64url")).aud)); } catch {} })')
  printf 'Authorization: Bearer %s\n' "$_tok" >"$WORK/$1.$L.auth"
  _status=$(curl -s -o "$WORK/$1.$L.mcp" -w '%{http_code}' -H @"$WORK/$1.$L.auth" "$MCP_RESOURCE")
  if [ "$_aud" = "$MCP_RESOURCE" ] && [ "$_status" = 200 ]; then
    ok "$1/$L (token aud is the resource; the resource accepts it)"
  else
    echo "aud '$_aud', want '$MCP_RESOURCE'; the resource answered HTTP $_status" >"$WORK/$1.$L.aud"
    ko "$1/$L (audience)" "$WORK/$1.$L.aud"
  fi
}

# The agents' client ID metadata documents, written by `whichflow scaffold
# --as client-metadata` into the TLS host's directory, each at the URL that
# is its client_id, and linted clean (the round trip): an agent on the
# user's machine (public, loopback redirects) and a hosted one
# (private_key_jwt, its key at a jwks_uri on the same host).
AGENT_ID=$CIMD_BASE/agent.json
HOSTED_ID=$CIMD_BASE/agent-hosted.json
node -e 'const k = require("crypto").createPublicKey(require("fs").readFileSync(process.argv[1])).export({ format: "jwk" });
  process.stdout.write(JSON.stringify({ keys: [{ ...k, use: "sig", alg: "ES256", kid: "e2e" }] }))' "$WORK/client.key" >"$WORK/cimd/jwks.json"
cimd() {
  _name=$1
  shift
  if "$WF" scaffold --as client-metadata "$@" --write "$WORK/cimd/$_name.json" 2>"$WORK/cimd-$_name.err" &&
    "$WF" lint --fail-on warning --format json "$WORK/cimd/$_name.json" >"$WORK/cimd-$_name.lint" 2>>"$WORK/cimd-$_name.err" &&
    node -e 'const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).summary; process.exit(s.files === 1 && s.clients === 1 ? 0 : 1)' "$WORK/cimd-$_name.lint"; then
    ok "scaffold --as client-metadata $_name: served at its client_id, lint clean"
  else
    cat "$WORK/cimd-$_name.lint" "$WORK/cimd/$_name.json" >>"$WORK/cimd-$_name.err" 2>/dev/null
    ko "scaffold --as client-metadata $_name" "$WORK/cimd-$_name.err"
  fi
}
cimd agent --client agent --name "whichflow e2e agent" --client-id "$AGENT_ID" \
  --redirect-uri "$LOOPBACK_REDIRECT_URI" --redirect-uri "$REDIRECT_URI"
cimd agent-hosted --client agent --backend --name "whichflow e2e hosted agent" --client-id "$HOSTED_ID" \
  --jwks-uri "$CIMD_BASE/jwks.json" --redirect-uri "$REDIRECT_URI"

# agent_runs: each language's agent snippets (issue 14) find the server from
# the MCP resource's 401 and metadata (RFC 9728), send resource on both
# requests (RFC 8707) and get a token for that resource alone.
agent_runs() {
  AGENT_RESOURCE=$MCP_RESOURCE
  # The fast check: a pre-registered confidential client.
  run agent-client-credentials "$L" plain "$SECRET" --flow client-credentials --client-id e2e-confidential
  audience agent-client-credentials
  # The full path: authorization code + PKCE through the login driver, on a
  # loopback listener where the language has one; the agent identifies
  # itself by its client ID metadata document, which the server fetches.
  _m=code
  case $L in python | js | go) _m=loopback ;; esac
  run agent-authorization-code "$L" "$_m" - --flow authorization-code --client-id "$AGENT_ID"
  audience agent-authorization-code
  # A refresh keeps the audience (RFC 8707 §2.2).
  run agent-refresh-token "$L" plain "REFRESH_TOKEN=$(field refresh_token "$WORK/agent-authorization-code.$L.out")" \
    --flow refresh-token --client-id "$AGENT_ID"
  audience agent-refresh-token
  # A hosted agent: private_key_jwt with the key its document publishes.
  run agent-hosted-authorization-code "$L" code "$PKJWT" --flow authorization-code --client-id "$HOSTED_ID" --private-key-jwt
  audience agent-hosted-authorization-code
  # --security high: PAR, private_key_jwt and a DPoP-bound token, used once
  # at the resource by the snippet itself.
  EXPECT=$USED
  run agent-authorization-code-high "$L" code "$PKJWT $DPOP" --flow authorization-code --client-id e2e-fapi --security high
  EXPECT=
  AGENT_RESOURCE=
}

for L in $LANGS; do
  run client-credentials "$L" plain "$SECRET" --flow client-credentials --client-id e2e-confidential
  run authorization-code-public "$L" code - --flow authorization-code --client-id e2e-public --scope openid
  run authorization-code-confidential "$L" code "$SECRET" --flow authorization-code --client-id e2e-confidential --scope openid
  case $L in python | js | go)
    run authorization-code-loopback "$L" loopback - --flow authorization-code --client-id e2e-native --scope openid
    ;;
  esac
  run device-code "$L" device - --flow device-code --client-id e2e-public --scope openid
  run refresh-token "$L" plain "REFRESH_TOKEN=$(field refresh_token "$WORK/authorization-code-public.$L.out")" \
    --flow refresh-token --client-id e2e-public
  # CIBA authenticates with private_key_jwt, as advise recommends.
  run ciba "$L" plain "$PKJWT" --flow ciba --client-id e2e-ciba --login-hint e2e-user
  ciba_binding ciba "$SERVER_LOG"
  # oidc-provider advertises authorization_response_iss_parameter_supported:
  # a redirect without iss is refused (RFC 9207 §2.4); under --security high
  # a bare code is too.
  REFUSE='iss mismatch'
  MANGLE='s/[?&]iss=[^&]*//'
  run authorization-code-no-iss "$L" code - --flow authorization-code --client-id e2e-public --scope openid
  REFUSE='bare code'
  MANGLE='s/.*[?&]code=\([^&]*\).*/\1/'
  run authorization-code-bare-code-high "$L" code "$PKJWT $DPOP" --flow authorization-code --client-id e2e-fapi --scope openid --security high
  REFUSE=
  MANGLE=
  high_runs ""
  # The same against the server that requires DPoP nonces.
  SAVED_ISSUER=$ISSUER
  ISSUER=$NONCE_ISSUER
  high_runs nonce-
  ISSUER=$SAVED_ISSUER
done

# The agent runs of all languages at once (they wait on logins and builds
# more than they compute), each language's lines to its own log, counted
# here in language order.
AGENT_START=$(date +%s)
AGENT_PIDS=
for L in $LANGS; do
  (PASS=0 FAIL=0 FAILED= agent_runs) >"$WORK/agents.$L.log" 2>&1 &
  AGENT_PIDS="$AGENT_PIDS $!"
done
for pid in $AGENT_PIDS; do wait "$pid"; done
for L in $LANGS; do
  cat "$WORK/agents.$L.log"
  PASS=$((PASS + $(grep -c '^ok ' "$WORK/agents.$L.log")))
  FAIL=$((FAIL + $(grep -c '^FAIL ' "$WORK/agents.$L.log")))
  _failed=$(sed -n 's/^FAIL  //p' "$WORK/agents.$L.log" | tr ' ' '_' | tr '\n' ' ')
  [ -z "$_failed" ] || FAILED="$FAILED $_failed"
done
echo "e2e: agent runs took $(($(date +%s) - AGENT_START)) s" >&2

# The server identified the agents by their documents: it fetched them.
for _name in agent agent-hosted; do
  if grep -q "^CIMD served $_name.json\$" "$SERVER_LOG"; then
    ok "the server fetched the client ID metadata document $_name.json"
  else
    ko "the server never fetched $_name.json" "$SERVER_LOG"
  fi
done

# The resource refuses a token for another audience: the opaque userinfo
# token of the plain client-credentials run.
printf 'Authorization: Bearer %s\n' "$(field access_token "$WORK/client-credentials.curl.out")" >"$WORK/other.auth"
_status=$(curl -s -o /dev/null -w '%{http_code}' -H @"$WORK/other.auth" "$MCP_RESOURCE")
if [ "$_status" = 401 ]; then
  ok "the MCP resource refuses a token issued for another audience (401)"
else
  echo "HTTP $_status" >"$WORK/other.err"
  ko "the MCP resource refuses a token for another audience" "$WORK/other.err"
fi

# advise --resource finds the server from the resource and reports what it
# offers a new client.
if "$WF" advise --client agent --resource "$MCP_RESOURCE" --format json >"$WORK/advise-agent.json" 2>"$WORK/advise.err" &&
  grep -q '"resource_metadata_url"' "$WORK/advise-agent.json" && grep -q '"client_id_metadata_document_supported": true' "$WORK/advise-agent.json" &&
  ! grep -q '"server-lacks' "$WORK/advise-agent.json"; then
  ok "advise --client agent --resource (server found from the resource; metadata documents supported)"
else
  cat "$WORK/advise-agent.json" >>"$WORK/advise.err"
  ko "advise --client agent --resource" "$WORK/advise.err"
fi

# advise --issuer reads the real server's discovery document: a grant the
# server supports raises no server-lacks-grant; the JWT bearer grant, which
# it does not support, does.
ADVISE_OUT=$WORK/advise.json
if "$WF" advise --client machine --issuer "$ISSUER" --format json >"$ADVISE_OUT" 2>"$WORK/advise.err" &&
  grep -q '"discovery"' "$ADVISE_OUT" && grep -q '"client_credentials"' "$ADVISE_OUT" &&
  ! grep -q '"server-lacks-grant"' "$ADVISE_OUT"; then
  ok "advise --issuer (discovery read, client_credentials supported)"
else
  cat "$ADVISE_OUT" >>"$WORK/advise.err"
  ko "advise --issuer" "$WORK/advise.err"
fi
if "$WF" advise --client third-party --issuer "$ISSUER" --format json >"$ADVISE_OUT" 2>"$WORK/advise.err" &&
  grep -q '"server-lacks-grant"' "$ADVISE_OUT"; then
  ok "advise --issuer (server-lacks-grant for jwt-bearer)"
else
  cat "$ADVISE_OUT" >>"$WORK/advise.err"
  ko "advise --issuer server-lacks-grant" "$WORK/advise.err"
fi

# ---- scaffold (issue 6) -------------------------------------------------------
# `whichflow scaffold --as rfc7591` output registered at the server's RFC 7591
# endpoint (201 expected), then the machine client's client-credentials snippet
# run to a token. Owned by the scaffold work: see e2e/scaffold.sh. Its counts
# join the summary below.
SCAFFOLD_OUT=$WORK/scaffold.out
"$E2E_DIR/scaffold.sh" "$ISSUER" "$WF" >"$SCAFFOLD_OUT" 2>&1
SCAFFOLD_RC=$?
grep -v '^scaffold: [0-9]* passed, [0-9]* failed$' "$SCAFFOLD_OUT"
SP=$(sed -n 's/^scaffold: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p' "$SCAFFOLD_OUT")
SF=$(sed -n 's/^scaffold: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p' "$SCAFFOLD_OUT")
PASS=$((PASS + ${SP:-0}))
FAIL=$((FAIL + ${SF:-0}))
if [ "$SCAFFOLD_RC" -ne 0 ] && [ "${SF:-0}" -eq 0 ]; then
  ko "scaffold.sh (exit $SCAFFOLD_RC)" "$SCAFFOLD_OUT"
fi
# ---- end scaffold -------------------------------------------------------------

echo "e2e: $(($(date +%s) - START)) s" >&2
[ -z "$FAILED" ] || echo "failed:$FAILED" >&2
echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
