package scaffold

import (
	"encoding/json"
	"regexp"
	"testing"

	"github.com/whichflow/whichflow/advisor"
	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/snippet"
)

// assertionAlg finds the alg of a client assertion's JOSE header in a
// snippet, whatever the language's spelling ({"alg": "X", "typ": "JWT"}).
var assertionAlg = regexp.MustCompile(`alg\W{1,4}([A-Z]{2}[0-9]{3})\W{1,6}typ\W{1,4}JWT`)

// A server that enforces the registered token_endpoint_auth_signing_alg
// accepts the snippets' assertions only if both say the same algorithm
// (issue 11): the scaffold's registration and every private_key_jwt
// snippet sign with one.
func TestScaffoldAndSnippetsAgreeOnTheAlgorithm(t *testing.T) {
	d, err := advisor.Decide(advisor.Answers{flows.FacetClient: flows.ClientMachine, flows.FacetSecurity: flows.SecurityHigh})
	if err != nil {
		t.Fatal(err)
	}
	out, err := Render(d, flows.FormatRFC7591, Params{})
	if err != nil {
		t.Fatal(err)
	}
	var reg struct {
		Alg string `json:"token_endpoint_auth_signing_alg"`
	}
	if err := json.Unmarshal(out, &reg); err != nil || reg.Alg == "" {
		t.Fatalf("registration without token_endpoint_auth_signing_alg (%v):\n%s", err, out)
	}
	for _, flow := range []flows.FlowID{flows.ClientCredentials, flows.CIBA} {
		for _, lang := range flows.SnippetLangs() {
			req, err := snippet.Resolve(snippet.Input{Flow: flow, Lang: lang, High: flow != flows.CIBA})
			if err != nil {
				t.Fatal(err)
			}
			code, err := snippet.Render(req)
			if err != nil {
				t.Fatal(err)
			}
			m := assertionAlg.FindStringSubmatch(code)
			if m == nil {
				t.Fatalf("%s/%s: no client assertion header found", flow, lang)
			}
			if m[1] != reg.Alg {
				t.Errorf("%s/%s signs its client assertion with %s, the scaffold registers %s", flow, lang, m[1], reg.Alg)
			}
		}
	}
}
