package snippet

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whichflow/whichflow/flows"
)

// stubTool is a curl or http on PATH that logs its arguments (one per
// line) and answers a token response, the way the snippets read it.
const stubTool = `#!/bin/sh
printf '%s\n' "$0" "$@" >>"$ARGV_LOG"
out= hdr= status=
while [ $# -gt 0 ]; do
  case $1 in
    -o) out=$2; shift ;;
    -D) hdr=$2; shift ;;
    -w) status=1; shift ;;
  esac
  shift
done
cat >/dev/null
body='{"access_token":"at-123","token_type":"DPoP","refresh_token":"rt-456","auth_req_id":"ar","interval":0}'
case $0 in
  */http) printf 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n%s\n' "$body" ;;
  *)
    [ -z "$hdr" ] || printf 'HTTP/1.1 200 OK\r\n\r\n' >"$hdr"
    if [ -n "$out" ]; then printf '%s' "$body" >"$out"; else printf '%s' "$body"; fi
    [ -z "$status" ] || printf 200 ;;
esac
`

// Secrets never become arguments (issue 11): every user can read another
// process's argv (ps). Each sh snippet runs against stub curl and http
// that record their arguments; no secret, token, code or assertion may be
// among them.
func TestShSecretsNeverOnArgv(t *testing.T) {
	if _, err := exec.LookPath("openssl"); err != nil {
		t.Skip("openssl not installed")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "bin")
	os.MkdirAll(bin, 0o755)
	for _, tool := range []string{"curl", "http"} {
		if err := os.WriteFile(filepath.Join(bin, tool), []byte(stubTool), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	key := filepath.Join(dir, "client.key")
	if out, err := exec.Command("openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", key).CombinedOutput(); err != nil {
		t.Fatalf("openssl: %v\n%s", err, out)
	}
	secrets := map[string]string{
		"CLIENT_SECRET": "s3cret-client", "REFRESH_TOKEN": "s3cret-refresh", "PASSWORD": "s3cret-password",
		"SUBJECT_TOKEN": "s3cret-subject", "USERNAME": "alice",
	}
	for _, lang := range []string{flows.LangCurl, flows.LangHTTPie} {
		for _, tc := range []struct {
			flow  flows.FlowID
			high  bool
			stdin string
		}{
			{flows.ClientCredentials, false, ""}, {flows.ClientCredentials, true, ""},
			{flows.RefreshToken, false, ""}, {flows.RefreshToken, true, ""},
			{flows.Password, false, ""}, {flows.TokenExchange, false, ""}, {flows.CIBA, false, ""},
			{flows.AuthorizationCode, false, "s3cret-code\n"},
		} {
			r := keycloak(tc.flow, lang, tc.high)
			r.Endpoints.Userinfo = "https://id.example.com/userinfo"
			src, err := Render(r)
			if err != nil {
				t.Fatal(err)
			}
			log := filepath.Join(dir, "argv."+name(r))
			cmd := exec.Command("sh", "-c", src)
			cmd.Env = []string{"PATH=" + bin + ":" + os.Getenv("PATH"), "ARGV_LOG=" + log, "CLIENT_KEY_FILE=" + key}
			for k, v := range secrets {
				cmd.Env = append(cmd.Env, k+"="+v)
			}
			cmd.Stdin = strings.NewReader(tc.stdin)
			if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), "at-123") {
				t.Fatalf("%s: %v\n%s", name(r), err, out)
			}
			argv, err := os.ReadFile(log)
			if err != nil {
				t.Fatalf("%s made no request: %v", name(r), err)
			}
			for _, bad := range []string{"s3cret", "at-123", "client_assertion=", "eyJ", "Basic "} {
				if strings.Contains(string(argv), bad) {
					t.Errorf("%s puts %q on a command line:\n%s", name(r), bad, argv)
				}
			}
		}
	}
}
