package advisor

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/whichflow/whichflow/flows"
)

func rejectedFlows(d Decision) []flows.FlowID {
	var out []flows.FlowID
	for _, r := range d.Rejected {
		out = append(out, r.Flow)
	}
	return out
}

func caveatIDs(d Decision) []flows.CaveatID {
	var out []flows.CaveatID
	for _, c := range d.Caveats {
		out = append(out, c.ID)
	}
	return out
}

type decideCase struct {
	name       string
	answers    Answers
	flow       flows.FlowID
	clientType string
	pkce       bool
	auth       string
	extensions []string
	rejected   []flows.FlowID
	caveats    []flows.CaveatID // must be present
	absent     []flows.CaveatID // must not be
	assumed    []string         // nil: not checked
	regGrants  []string         // nil: not checked
}

var (
	bff       = []string{"bff"}
	highRedir = []string{"par", "private_key_jwt", "dpop"}
	highBack  = []string{"private_key_jwt", "dpop"}
	noAssumed = []string{}
)

// decideCases cover every row of DESIGN §1 at both security levels: the
// grant, the client type, PKCE, authentication, extensions, what is
// rejected and the caveats that must (and must not) be said.
var decideCases = []decideCase{
	{"machine", Answers{"client": "machine"}, flows.ClientCredentials, "confidential", false, "client_secret_basic", nil,
		[]flows.FlowID{flows.Password}, []flows.CaveatID{"prefer-asymmetric-auth", "client-credentials-confidential-only", "sender-constrain-tokens"}, nil,
		[]string{"security"}, []string{"client_credentials"}},
	{"web", Answers{"client": "web"}, flows.AuthorizationCode, "confidential", true, "client_secret_basic", nil,
		[]flows.FlowID{flows.Implicit}, []flows.CaveatID{"pkce-for-confidential", "redirect-csrf", "exact-redirect-uris", "sender-constrain-tokens"}, []flows.CaveatID{"mix-up-defence", "id-token-validation"},
		[]string{"security", "servers", "login"}, []string{"authorization_code", "refresh_token"}},
	{"web with several servers and login", Answers{"client": "web", "servers": "many", "login": "true"}, flows.AuthorizationCode, "confidential", true, "client_secret_basic", nil,
		[]flows.FlowID{flows.Implicit}, []flows.CaveatID{"mix-up-defence", "id-token-validation", "redirect-csrf"}, nil,
		[]string{"security"}, nil},
	{"spa", Answers{"client": "spa"}, flows.AuthorizationCode, "public", true, "none", nil,
		[]flows.FlowID{flows.Implicit}, []flows.CaveatID{"spa-prefer-bff", "spa-token-storage", "spa-token-endpoint-cors", "public-refresh-rotation", "spa-refresh-limits", "redirect-csrf"}, nil,
		[]string{"backend", "security", "servers", "login"}, []string{"authorization_code", "refresh_token"}},
	{"spa with backend", Answers{"client": "spa", "backend": "true"}, flows.AuthorizationCode, "confidential", true, "client_secret_basic", bff,
		[]flows.FlowID{flows.Implicit}, []flows.CaveatID{"bff-cookies", "bff-csrf", "redirect-csrf", "sender-constrain-tokens"}, []flows.CaveatID{"spa-token-storage"},
		[]string{"security", "servers", "login"}, nil},
	{"native", Answers{"client": "native"}, flows.AuthorizationCode, "public", true, "none", nil,
		[]flows.FlowID{flows.Password, flows.Implicit}, []flows.CaveatID{"native-system-browser", "loopback-ip-literal", "public-refresh-rotation", "redirect-csrf"}, nil,
		[]string{"security", "servers", "login"}, nil},
	{"cli with browser", Answers{"client": "cli"}, flows.AuthorizationCode, "public", true, "none", []string{"loopback"},
		[]flows.FlowID{flows.DeviceCode, flows.Password}, []flows.CaveatID{"cli-loopback", "loopback-ip-literal", "device-not-for-browsers", "redirect-csrf"}, nil,
		[]string{"browser", "security", "servers", "login"}, nil},
	{"cli without browser", Answers{"client": "cli", "browser": "false"}, flows.DeviceCode, "public", false, "none", nil,
		[]flows.FlowID{flows.Password}, []flows.CaveatID{"device-polling", "cross-device-phishing"}, []flows.CaveatID{"redirect-csrf"},
		[]string{"security"}, []string{flows.GrantDeviceCode, "refresh_token"}},
	{"device", Answers{"client": "device"}, flows.DeviceCode, "public", false, "none", nil,
		[]flows.FlowID{flows.Password}, []flows.CaveatID{"device-polling", "cross-device-phishing"}, nil,
		[]string{"security"}, nil},
	{"decoupled", Answers{"client": "decoupled"}, flows.CIBA, "confidential", false, "private_key_jwt", []string{"private_key_jwt"},
		[]flows.FlowID{flows.Password}, []flows.CaveatID{"ciba-modes", "ciba-binding-message"}, []flows.CaveatID{"cross-device-phishing"},
		[]string{"security"}, []string{flows.GrantCIBA, "refresh_token"}},
	{"trusted", Answers{"client": "trusted"}, flows.AuthorizationCode, "public", true, "none", nil,
		[]flows.FlowID{flows.Password}, []flows.CaveatID{"password-must-not", "first-party-login", "redirect-csrf"}, nil,
		[]string{"redirects", "security", "servers", "login"}, nil},
	{"trusted without redirects gets the device grant", Answers{"client": "trusted", "redirects": "false"}, flows.DeviceCode, "public", false, "none", nil,
		[]flows.FlowID{flows.Password}, []flows.CaveatID{"password-must-not", "first-party-login", "device-polling", "cross-device-phishing"}, nil,
		[]string{"security"}, []string{flows.GrantDeviceCode, "refresh_token"}},
	{"third-party jwt", Answers{"client": "third-party"}, flows.JWTBearer, "confidential", false, "client_secret_basic", nil,
		[]flows.FlowID{flows.Password}, []flows.CaveatID{"jwt-bearer-claims"}, nil,
		[]string{"assertion", "security"}, []string{flows.GrantJWTBearer}},
	{"third-party token", Answers{"client": "third-party", "assertion": "token"}, flows.TokenExchange, "confidential", false, "client_secret_basic", nil,
		[]flows.FlowID{flows.Password}, []flows.CaveatID{"token-exchange-keeps-user"}, nil,
		[]string{"security"}, nil},
	{"service", Answers{"client": "service"}, flows.TokenExchange, "confidential", false, "client_secret_basic", nil,
		[]flows.FlowID{flows.ClientCredentials}, []flows.CaveatID{"token-exchange-keeps-user", "audience-restrict"}, nil,
		[]string{"security"}, []string{flows.GrantTokenExchange}},
	{"agent on the user's machine", Answers{"client": "agent"}, flows.AuthorizationCode, "public", true, "none", []string{"resource-indicators", "client-id-metadata-document", "loopback"},
		[]flows.FlowID{flows.ClientCredentials, flows.Password},
		[]flows.CaveatID{"agent-discovery", "agent-verify-pkce", "agent-registration", "agent-audience-bound", "no-token-passthrough", "agent-loopback", "redirect-csrf", "public-refresh-rotation"},
		[]flows.CaveatID{"agent-backend-key", "agent-high-security"},
		[]string{"backend", "security", "servers", "login"}, []string{"authorization_code", "refresh_token"}},
	{"hosted agent", Answers{"client": "agent", "backend": "true"}, flows.AuthorizationCode, "confidential", true, "private_key_jwt", []string{"resource-indicators", "client-id-metadata-document", "private_key_jwt"},
		[]flows.FlowID{flows.ClientCredentials, flows.Password},
		[]flows.CaveatID{"agent-discovery", "agent-registration", "agent-audience-bound", "no-token-passthrough", "agent-backend-key"},
		[]flows.CaveatID{"agent-loopback", "public-refresh-rotation"},
		[]string{"security", "servers", "login"}, nil},

	// --security high, per grant.
	{"machine high", Answers{"client": "machine", "security": "high"}, flows.ClientCredentials, "confidential", false, "private_key_jwt", highBack,
		[]flows.FlowID{flows.Password}, []flows.CaveatID{"fapi2-strong-client-auth"}, []flows.CaveatID{"fapi2-authorization-endpoint", "prefer-asymmetric-auth"},
		noAssumed, nil},
	{"web high", Answers{"client": "web", "security": "high"}, flows.AuthorizationCode, "confidential", true, "private_key_jwt", highRedir,
		[]flows.FlowID{flows.Implicit}, []flows.CaveatID{"fapi2-authorization-endpoint", "redirect-csrf"}, []flows.CaveatID{"fapi2-strong-client-auth", "sender-constrain-tokens"},
		[]string{"servers", "login"}, nil},
	{"spa high becomes a bff", Answers{"client": "spa", "security": "high"}, flows.AuthorizationCode, "confidential", true, "private_key_jwt", append([]string{"bff"}, highRedir...),
		[]flows.FlowID{flows.Implicit}, []flows.CaveatID{"fapi2-spa-bff", "bff-cookies", "bff-csrf", "fapi2-authorization-endpoint"}, []flows.CaveatID{"spa-token-storage", "public-refresh-rotation", "spa-prefer-bff"},
		[]string{"servers", "login"}, nil},
	{"spa --backend=false high is still a bff", Answers{"client": "spa", "backend": "false", "security": "high"}, flows.AuthorizationCode, "confidential", true, "private_key_jwt", append([]string{"bff"}, highRedir...),
		[]flows.FlowID{flows.Implicit}, []flows.CaveatID{"fapi2-spa-bff"}, nil,
		[]string{"servers", "login"}, nil},
	{"spa bff high", Answers{"client": "spa", "backend": "true", "security": "high"}, flows.AuthorizationCode, "confidential", true, "private_key_jwt", append([]string{"bff"}, highRedir...),
		[]flows.FlowID{flows.Implicit}, []flows.CaveatID{"fapi2-authorization-endpoint", "bff-cookies"}, nil,
		[]string{"servers", "login"}, nil},
	{"native high stays native", Answers{"client": "native", "security": "high"}, flows.AuthorizationCode, "confidential", true, "private_key_jwt", append([]string{"loopback"}, highRedir...),
		[]flows.FlowID{flows.Password, flows.Implicit}, []flows.CaveatID{"fapi2-per-instance-registration", "fapi2-native-redirect", "native-system-browser"}, []flows.CaveatID{"public-refresh-rotation"},
		[]string{"servers", "login"}, nil},
	{"cli high stays native", Answers{"client": "cli", "security": "high"}, flows.AuthorizationCode, "confidential", true, "private_key_jwt", append([]string{"loopback"}, highRedir...),
		[]flows.FlowID{flows.DeviceCode, flows.Password}, []flows.CaveatID{"fapi2-per-instance-registration", "cli-loopback"}, []flows.CaveatID{"fapi2-native-redirect"},
		nil, nil},
	{"cli headless high is steered to ciba", Answers{"client": "cli", "browser": "false", "security": "high"}, flows.CIBA, "confidential", false, "private_key_jwt", highBack,
		[]flows.FlowID{flows.Password}, []flows.CaveatID{"fapi2-device-to-ciba", "ciba-binding-message", "fapi-ciba", "fapi2-per-instance-registration", "fapi2-strong-client-auth"}, []flows.CaveatID{"cross-device-phishing", "device-polling"},
		noAssumed, []string{flows.GrantCIBA, "refresh_token"}},
	{"device high is steered to ciba", Answers{"client": "device", "security": "high"}, flows.CIBA, "confidential", false, "private_key_jwt", highBack,
		[]flows.FlowID{flows.Password}, []flows.CaveatID{"fapi2-device-to-ciba", "fapi-ciba"}, []flows.CaveatID{"cross-device-phishing"},
		noAssumed, nil},
	{"decoupled high follows fapi-ciba", Answers{"client": "decoupled", "security": "high"}, flows.CIBA, "confidential", false, "private_key_jwt", highBack,
		[]flows.FlowID{flows.Password}, []flows.CaveatID{"fapi-ciba", "fapi2-strong-client-auth", "ciba-binding-message"}, []flows.CaveatID{"fapi2-per-instance-registration", "fapi2-authorization-endpoint"},
		noAssumed, nil},
	{"trusted high", Answers{"client": "trusted", "security": "high"}, flows.AuthorizationCode, "confidential", true, "private_key_jwt", append([]string{"loopback"}, highRedir...),
		[]flows.FlowID{flows.Password}, []flows.CaveatID{"fapi2-per-instance-registration", "fapi2-native-redirect"}, nil,
		nil, nil},
	{"trusted without redirects high", Answers{"client": "trusted", "redirects": "false", "security": "high"}, flows.CIBA, "confidential", false, "private_key_jwt", highBack,
		[]flows.FlowID{flows.Password}, []flows.CaveatID{"fapi2-device-to-ciba", "password-must-not"}, nil,
		noAssumed, []string{flows.GrantCIBA, "refresh_token"}},
	{"third-party high", Answers{"client": "third-party", "security": "high"}, flows.JWTBearer, "confidential", false, "private_key_jwt", highBack,
		[]flows.FlowID{flows.Password}, []flows.CaveatID{"fapi2-strong-client-auth"}, []flows.CaveatID{"fapi2-authorization-endpoint"},
		nil, nil},
	{"agent high registers each installation", Answers{"client": "agent", "security": "high"}, flows.AuthorizationCode, "confidential", true, "private_key_jwt", []string{"resource-indicators", "loopback", "par", "private_key_jwt", "dpop"},
		[]flows.FlowID{flows.ClientCredentials, flows.Password},
		[]flows.CaveatID{"agent-high-security", "fapi2-per-instance-registration", "fapi2-authorization-endpoint", "agent-audience-bound", "agent-discovery"},
		[]flows.CaveatID{"agent-registration", "public-refresh-rotation"},
		[]string{"backend", "servers", "login"}, nil},
	{"hosted agent high keeps its metadata document", Answers{"client": "agent", "backend": "true", "security": "high"}, flows.AuthorizationCode, "confidential", true, "private_key_jwt", []string{"resource-indicators", "client-id-metadata-document", "private_key_jwt", "par", "dpop"},
		[]flows.FlowID{flows.ClientCredentials, flows.Password},
		[]flows.CaveatID{"agent-high-security", "fapi2-authorization-endpoint", "agent-backend-key"},
		[]flows.CaveatID{"agent-registration", "fapi2-per-instance-registration"},
		nil, nil},
	{"service high", Answers{"client": "service", "security": "high"}, flows.TokenExchange, "confidential", false, "private_key_jwt", highBack,
		[]flows.FlowID{flows.ClientCredentials}, []flows.CaveatID{"fapi2-strong-client-auth"}, nil,
		nil, nil},
}

func TestDecide(t *testing.T) {
	for _, tt := range decideCases {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Decide(tt.answers)
			if err != nil {
				t.Fatal(err)
			}
			r := d.Recommendation
			if r.Flow != tt.flow {
				t.Errorf("flow = %s, want %s", r.Flow, tt.flow)
			}
			if r.ClientType != tt.clientType {
				t.Errorf("client_type = %s, want %s", r.ClientType, tt.clientType)
			}
			if r.PKCE != tt.pkce {
				t.Errorf("pkce = %v, want %v", r.PKCE, tt.pkce)
			}
			if r.ClientAuthentication != tt.auth {
				t.Errorf("client_authentication = %s, want %s", r.ClientAuthentication, tt.auth)
			}
			want := tt.extensions
			if want == nil {
				want = []string{}
			}
			if !slices.Equal(r.Extensions, want) {
				t.Errorf("extensions = %v, want %v", r.Extensions, want)
			}
			if got := rejectedFlows(d); !slices.Equal(got, tt.rejected) {
				t.Errorf("rejected = %v, want %v", got, tt.rejected)
			}
			ids := caveatIDs(d)
			for _, id := range tt.caveats {
				if !slices.Contains(ids, id) {
					t.Errorf("caveats %v lack %s", ids, id)
				}
			}
			for _, id := range tt.absent {
				if slices.Contains(ids, id) {
					t.Errorf("caveats %v carry %s", ids, id)
				}
			}
			if tt.assumed != nil && !slices.Equal(d.Assumed, tt.assumed) {
				t.Errorf("assumed = %v, want %v", d.Assumed, tt.assumed)
			}
			if tt.regGrants != nil && !slices.Equal(d.Registration.GrantTypes, tt.regGrants) {
				t.Errorf("registration grant_types = %v, want %v", d.Registration.GrantTypes, tt.regGrants)
			}
		})
	}
}

func TestDecideErrors(t *testing.T) {
	tests := []struct {
		answers Answers
		facet   string
	}{
		{Answers{}, "client"},
		{Answers{"client": "mainframe"}, "client"},
		{Answers{"client": "spa", "backend": "maybe"}, "backend"},
		{Answers{"client": "spa", "colour": "blue"}, "colour"},
		{Answers{"client": "web", "security": "extreme"}, "security"},
		{Answers{"client": "web", "provider": "acme"}, "provider"},
	}
	for _, tt := range tests {
		_, err := Decide(tt.answers)
		var e *Error
		if !errors.As(err, &e) || e.Facet != tt.facet {
			t.Errorf("Decide(%v) error = %v, want an Error for %s", tt.answers, err, tt.facet)
			continue
		}
		if len(e.Allowed) == 0 || !strings.Contains(err.Error(), e.Allowed[0]) {
			t.Errorf("error %q does not list the allowed values", err)
		}
	}
}

func TestNextAsksOnlyWhatMatters(t *testing.T) {
	tests := []struct {
		answers Answers
		want    []string // the questions, in order, until nothing is left
	}{
		{Answers{}, []string{"client"}},
		{Answers{"client": "machine"}, []string{"security", "provider"}},
		{Answers{"client": "spa"}, []string{"backend", "security", "servers", "login", "provider"}},
		{Answers{"client": "spa", "security": "high"}, []string{"servers", "login", "provider"}},
		{Answers{"client": "cli"}, []string{"browser", "security", "servers", "login", "provider"}},
		{Answers{"client": "cli", "browser": "false"}, []string{"security", "provider"}},
		{Answers{"client": "trusted"}, []string{"redirects", "security", "servers", "login", "provider"}},
		{Answers{"client": "trusted", "redirects": "false"}, []string{"security", "provider"}},
		{Answers{"client": "third-party"}, []string{"assertion", "security", "provider"}},
		{Answers{"client": "agent"}, []string{"backend", "security", "servers", "login", "provider"}},
		{Answers{"client": "device", "security": "high", "provider": "generic"}, nil},
	}
	for _, tt := range tests {
		var asked []string
		a := Answers{}
		for k, v := range tt.answers {
			a[k] = v
		}
		for {
			f, ok := Next(a)
			if !ok {
				break
			}
			asked = append(asked, f.ID)
			if f.ID == "client" {
				break // the rest depends on the answer
			}
			a[f.ID] = f.Options[0].Value
		}
		if !slices.Equal(asked, tt.want) {
			t.Errorf("Next from %v asked %v, want %v", tt.answers, asked, tt.want)
		}
	}
}

// The backend question is worded for an agent (a hosted agent, not a
// backend-for-frontend); its values are the same.
func TestNextWordsTheQuestionForTheClient(t *testing.T) {
	spa, _ := Next(Answers{"client": "spa"})
	agent, _ := Next(Answers{"client": "agent"})
	if spa.ID != flows.FacetBackend || agent.ID != flows.FacetBackend {
		t.Fatalf("first follow-up: spa %s, agent %s; want backend for both", spa.ID, agent.ID)
	}
	if agent.Question == spa.Question || !strings.Contains(agent.Question, "agent") {
		t.Errorf("the agent is asked %q, the spa %q", agent.Question, spa.Question)
	}
	if !slices.Equal(agent.Values(), spa.Values()) || agent.Options[0].Label == spa.Options[0].Label {
		t.Errorf("agent options %+v, spa options %+v: same values, own labels", agent.Options, spa.Options)
	}
	if b, _ := flows.FacetByID(flows.FacetBackend); b.Question != spa.Question {
		t.Errorf("For changed the shared facet: %q", b.Question)
	}
}

// A client that identifies itself by its metadata document's URL is given
// that URL in the starter snippet too: starter = registration = next.
func TestNextCommandsCarryTheMetadataDocumentURL(t *testing.T) {
	d, _ := Decide(Answers{"client": "agent"})
	if d.Registration.ClientID != PlaceholderClientMetadataURL {
		t.Fatalf("registration client_id = %q", d.Registration.ClientID)
	}
	if !strings.Contains(d.Next[0], "--client-id "+PlaceholderClientMetadataURL) {
		t.Errorf("next snippet %q lacks the client_id", d.Next[0])
	}
	d, _ = Decide(Answers{"client": "agent", "security": "high"})
	if d.Registration.ClientID != "" || strings.Contains(d.Next[0], "--client-id") {
		t.Errorf("per-installation registration has a fixed client_id: %q, %q", d.Registration.ClientID, d.Next[0])
	}
}

func TestProviderGapsBecomeCaveats(t *testing.T) {
	d, err := Decide(Answers{"client": "device", "provider": "gravitee"})
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, c := range d.Caveats {
		if c.ID == flows.CaveatProviderUnsupported && strings.Contains(c.Text, "device") {
			found = true
		}
	}
	if !found {
		t.Errorf("gravitee + device: caveats %v lack the missing device grant", caveatIDs(d))
	}
	d, _ = Decide(Answers{"client": "web", "security": "high", "provider": "hydra"})
	n := 0
	for _, c := range d.Caveats {
		if c.ID == flows.CaveatProviderUnsupported {
			n++
		}
	}
	if n != 2 { // no PAR, no DPoP
		t.Errorf("hydra + web high: %d provider caveats, want 2 (PAR, DPoP): %v", n, d.Caveats)
	}
	if d.Answers["provider"] != "hydra" {
		t.Errorf("provider not carried into answers: %v", d.Answers)
	}
}

func TestApplyDiscovery(t *testing.T) {
	d, _ := Decide(Answers{"client": "cli", "browser": "false"})
	d.ApplyDiscovery(Discovery{URL: "https://as.example/.well-known/openid-configuration",
		GrantTypesSupported: []string{"authorization_code", "refresh_token"}, CodeChallengeMethodsSupported: []string{"S256"}})
	if !slices.Contains(caveatIDs(d), flows.CaveatServerLacksGrant) {
		t.Errorf("device grant missing from server: caveats %v", caveatIDs(d))
	}
	d, _ = Decide(Answers{"client": "spa"})
	d.ApplyDiscovery(Discovery{URL: "u", GrantTypesSupported: []string{"authorization_code", "refresh_token"}, CodeChallengeMethodsSupported: []string{"plain"}})
	ids := caveatIDs(d)
	if !slices.Contains(ids, flows.CaveatServerLacksS256) || slices.Contains(ids, flows.CaveatServerLacksGrant) {
		t.Errorf("spa against plain-only server: caveats %v", ids)
	}
	if d.Discovery == nil || d.Discovery.URL != "u" {
		t.Error("discovery not recorded")
	}
}

// An agent against a server without client ID metadata documents is told
// the next registration path; the order is the MCP specification's.
func TestApplyDiscoveryRegistrationPath(t *testing.T) {
	tests := []struct {
		disc    Discovery
		path    string
		caveat  bool
		mention string
	}{
		{Discovery{URL: "u", ClientIDMetadataDocumentSupported: true, RegistrationEndpoint: "https://as/reg"}, RegistrationMetadataDocument, false, ""},
		{Discovery{URL: "u", RegistrationEndpoint: "https://as/reg"}, RegistrationDynamic, true, "https://as/reg"},
		{Discovery{URL: "u"}, RegistrationPreRegistered, true, "registered in advance"},
	}
	for _, tt := range tests {
		if got := tt.disc.ClientRegistration(); got != tt.path {
			t.Errorf("%+v: registration %s, want %s", tt.disc, got, tt.path)
		}
		d, _ := Decide(Answers{"client": "agent"})
		d.ApplyDiscovery(tt.disc)
		var text string
		for _, c := range d.Caveats {
			if c.ID == flows.CaveatServerLacksCIMD {
				text = c.Text
			}
		}
		if (text != "") != tt.caveat || !strings.Contains(text, tt.mention) {
			t.Errorf("%+v: caveat %q, want present %v mentioning %q", tt.disc, text, tt.caveat, tt.mention)
		}
		// Only a client that would use a metadata document hears of it.
		w, _ := Decide(Answers{"client": "web"})
		w.ApplyDiscovery(tt.disc)
		if slices.Contains(caveatIDs(w), flows.CaveatServerLacksCIMD) {
			t.Errorf("a web app is told about client ID metadata documents")
		}
	}
}

// Found from a resource, the next snippet finds the server the same way;
// with --issuer given too, both are passed on.
func TestNextSnippetCarriesTheResource(t *testing.T) {
	d, _ := Decide(Answers{"client": "agent"})
	d.ApplyDiscovery(Discovery{Issuer: "https://as.example", URL: "u", Resource: "https://mcp.example/mcp", ResourceMetadataURL: "https://mcp.example/.well-known/oauth-protected-resource/mcp"})
	got := d.Snippet("python").Command()
	if !strings.Contains(got, "--resource https://mcp.example/mcp") || strings.Contains(got, "--issuer") {
		t.Errorf("snippet from a resource: %s", got)
	}
	d.Discovery.ResourceMetadataURL = ""
	if got := d.Snippet("python").Command(); !strings.Contains(got, "--issuer https://as.example --resource https://mcp.example/mcp") {
		t.Errorf("snippet with --issuer and --resource: %s", got)
	}
}

// Per-instance registration is not one client in a provider's format: the
// next scaffold is the metadata each installation sends.
func TestNextCommandsPerInstance(t *testing.T) {
	d, _ := Decide(Answers{"client": "native", "security": "high", "provider": "keycloak"})
	if want := "whichflow scaffold --as rfc7591 --client native --security high --provider keycloak"; d.Next[1] != want {
		t.Errorf("next scaffold = %q, want %q", d.Next[1], want)
	}
}

func TestNextCommandsCarrySecurity(t *testing.T) {
	d, _ := Decide(Answers{"client": "web", "security": "high"})
	if want := "whichflow snippet --flow authorization-code --lang curl --redirect-uri https://app.example.com/callback --security high"; d.Next[0] != want {
		t.Errorf("next snippet = %q, want %q", d.Next[0], want)
	}
}

// Next commands never point at a provider that cannot do the advice: its
// snippet and scaffold would refuse.
func TestNextCommandsAvoidProviderGaps(t *testing.T) {
	d, _ := Decide(Answers{"client": "web", "security": "high", "provider": "hydra"})
	want := []string{
		"whichflow snippet --flow authorization-code --lang curl --redirect-uri https://app.example.com/callback --security high",
		"whichflow scaffold --as rfc7591 --client web --security high",
	}
	if !slices.Equal(d.Next, want) {
		t.Errorf("next = %q, want %q", d.Next, want)
	}
	if d.Answers["provider"] != "hydra" {
		t.Error("the answers still record the provider")
	}
}

func TestNextCommands(t *testing.T) {
	d, _ := Decide(Answers{"client": "spa", "backend": "true", "provider": "keycloak"})
	want := []string{
		"whichflow snippet --flow authorization-code --lang curl --provider keycloak --redirect-uri https://app.example.com/callback",
		"whichflow scaffold --as keycloak --client spa --backend --provider keycloak",
	}
	if !slices.Equal(d.Next, want) {
		t.Errorf("next = %q, want %q", d.Next, want)
	}
	// A value sh would split or expand is quoted.
	s := SnippetArgs{Flow: flows.AuthorizationCode, Lang: "curl", RedirectURI: "http://127.0.0.1/cb?a='x'", Issuer: "https://as.example/t $x"}
	want1 := `whichflow snippet --flow authorization-code --lang curl --issuer 'https://as.example/t $x' --redirect-uri 'http://127.0.0.1/cb?a='\''x'\'''`
	if got := s.Command(); got != want1 {
		t.Errorf("Command() = %s, want %s", got, want1)
	}
}
