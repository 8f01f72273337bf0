package advisor

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/whichflow/whichflow/flows"
)

// TestMarshalJSONMatchesReflection checks the hand-written encoding against
// encoding/json's reflection of the same struct (its json tags are the
// contract), for every situation of the decision table at both security
// levels, with and without discovery.
func TestMarshalJSONMatchesReflection(t *testing.T) {
	type plainRegistration Registration
	type plainDecision struct {
		SchemaVersion  int               `json:"schema_version"`
		Answers        map[string]any    `json:"answers"`
		Assumed        []string          `json:"assumed"`
		Recommendation Recommendation    `json:"recommendation"`
		Alternatives   []Alternative     `json:"alternatives"`
		Rejected       []Rejection       `json:"rejected"`
		Caveats        []Caveat          `json:"caveats"`
		Registration   plainRegistration `json:"registration"`
		Next           []string          `json:"next"`
		Discovery      *Discovery        `json:"discovery,omitempty"`
	}
	// A field added to Decision must be added to the hand-written encoder
	// and to plainDecision above (plus the unexported resolved answers).
	if got, want := reflect.TypeOf(Decision{}).NumField(), reflect.TypeOf(plainDecision{}).NumField()+1; got != want {
		t.Fatalf("Decision has %d fields, the test knows %d: update MarshalJSON and this test", got, want)
	}
	client, _ := flows.FacetByID(flows.FacetClient)
	n := 0
	for _, c := range client.Options {
		for _, sec := range []string{"standard", "high"} {
			for _, provider := range []string{"", "hydra"} {
				a := Answers{"client": c.Value, "security": sec}
				if provider != "" {
					a["provider"] = provider
				}
				d, err := Decide(a)
				if err != nil {
					t.Fatal(err)
				}
				switch n % 3 {
				case 1:
					d.ApplyDiscovery(Discovery{Issuer: "https://as.example/\u2028\"x\"", URL: "u\t<&>", GrantTypesSupported: []string{"authorization_code"}, CodeChallengeMethodsSupported: []string{}})
				case 2: // found from a resource, with everything set
					d.ApplyDiscovery(Discovery{Issuer: "https://as.example", URL: "u", GrantTypesSupported: []string{}, CodeChallengeMethodsSupported: []string{"S256"},
						ClientIDMetadataDocumentSupported: n%2 == 0, RegistrationEndpoint: "https://as.example/reg\u2029",
						Resource: "https://mcp.example/mcp", ResourceMetadataURL: "https://mcp.example/.well-known/oauth-protected-resource/mcp",
						AuthorizationServers: []string{"https://as.example", "https://b.example"}})
				}
				n++
				want, err := marshalPlain(plainDecision{d.SchemaVersion, d.Answers, d.Assumed, d.Recommendation, d.Alternatives, d.Rejected, d.Caveats, plainRegistration(d.Registration), d.Next, d.Discovery})
				if err != nil {
					t.Fatal(err)
				}
				got, err := marshalPlain(d)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Fatalf("%v: hand-written JSON differs:\n got %s\nwant %s", a, got, want)
				}
				if ind := d.IndentedJSON(); !bytes.Equal(ind, want) {
					t.Fatalf("%v: IndentedJSON differs from encoding/json's indentation:\n got %s\nwant %s", a, ind, want)
				}
			}
		}
	}
}

func marshalPlain(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(v)
	return b.Bytes(), err
}

func TestAppendJSONString(t *testing.T) {
	for _, s := range []string{"", "plain", "q\"b\\s", "\x00\x1f\n\r\t", "é€😀", "\xff\xfe", "\u2028\u2029", "<&>"} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(s)
		got := string(appendJSONString(nil, s)) + "\n"
		if got != want.String() {
			t.Errorf("%q: got %s want %s", s, got, want.String())
		}
	}
}
