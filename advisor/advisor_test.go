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

func caveatIDs(d Decision) []string {
	var out []string
	for _, c := range d.Caveats {
		out = append(out, c.ID)
	}
	return out
}

// TestDecide covers every row of DESIGN §1, and --security high on each
// client type: the grant, the client type, PKCE, authentication,
// extensions, what is rejected and the caveats that must be said.
func TestDecide(t *testing.T) {
	tests := []struct {
		name       string
		answers    Answers
		flow       flows.FlowID
		grant      string
		clientType string
		pkce       bool
		auth       string
		extensions []string
		rejected   []flows.FlowID
		caveats    []string
		assumed    []string
		regGrants  []string
	}{
		{"machine", Answers{"client": "machine"}, flows.ClientCredentials, "client_credentials", "confidential", false, "client_secret_basic", nil,
			[]flows.FlowID{flows.Password}, []string{"prefer-asymmetric-auth", "client-credentials-confidential-only"}, []string{"security"}, []string{"client_credentials"}},
		{"web", Answers{"client": "web"}, flows.AuthorizationCode, "authorization_code", "confidential", true, "client_secret_basic", nil,
			[]flows.FlowID{flows.Implicit}, []string{"pkce-for-confidential"}, []string{"security"}, []string{"authorization_code", "refresh_token"}},
		{"spa", Answers{"client": "spa"}, flows.AuthorizationCode, "authorization_code", "public", true, "none", nil,
			[]flows.FlowID{flows.Implicit}, []string{"spa-prefer-bff", "public-refresh-rotation"}, []string{"backend", "security"}, []string{"authorization_code", "refresh_token"}},
		{"spa with backend", Answers{"client": "spa", "backend": "true"}, flows.AuthorizationCode, "authorization_code", "confidential", true, "client_secret_basic", []string{"bff"},
			[]flows.FlowID{flows.Implicit}, []string{"bff-cookies"}, []string{"security"}, nil},
		{"native", Answers{"client": "native"}, flows.AuthorizationCode, "authorization_code", "public", true, "none", nil,
			[]flows.FlowID{flows.Password, flows.Implicit}, []string{"native-system-browser", "public-refresh-rotation"}, []string{"security"}, nil},
		{"cli with browser", Answers{"client": "cli"}, flows.AuthorizationCode, "authorization_code", "public", true, "none", []string{"loopback"},
			[]flows.FlowID{flows.DeviceCode, flows.Password}, []string{"cli-loopback", "device-not-for-browsers"}, []string{"browser", "security"}, nil},
		{"cli without browser", Answers{"client": "cli", "browser": "false"}, flows.DeviceCode, flows.GrantDeviceCode, "public", false, "none", nil,
			[]flows.FlowID{flows.Password}, []string{"device-polling", "cross-device-phishing"}, []string{"security"}, []string{flows.GrantDeviceCode, "refresh_token"}},
		{"device", Answers{"client": "device"}, flows.DeviceCode, flows.GrantDeviceCode, "public", false, "none", nil,
			[]flows.FlowID{flows.Password}, []string{"device-polling", "cross-device-phishing"}, []string{"security"}, nil},
		{"decoupled", Answers{"client": "decoupled"}, flows.CIBA, flows.GrantCIBA, "confidential", false, "private_key_jwt", []string{"private_key_jwt"},
			[]flows.FlowID{flows.Password}, []string{"ciba-modes"}, []string{"security"}, []string{flows.GrantCIBA, "refresh_token"}},
		{"trusted", Answers{"client": "trusted"}, flows.AuthorizationCode, "authorization_code", "public", true, "none", nil,
			[]flows.FlowID{flows.Password}, []string{"password-must-not", "first-party-login"}, []string{"redirects", "security"}, nil},
		{"trusted without redirects", Answers{"client": "trusted", "redirects": "false"}, flows.Password, "password", "confidential", false, "client_secret_basic", nil,
			nil, []string{"password-must-not"}, []string{"security"}, []string{"password"}},
		{"third-party jwt", Answers{"client": "third-party"}, flows.JWTBearer, flows.GrantJWTBearer, "confidential", false, "client_secret_basic", nil,
			[]flows.FlowID{flows.Password}, []string{"jwt-bearer-claims"}, []string{"assertion", "security"}, []string{flows.GrantJWTBearer}},
		{"third-party token", Answers{"client": "third-party", "assertion": "token"}, flows.TokenExchange, flows.GrantTokenExchange, "confidential", false, "client_secret_basic", nil,
			[]flows.FlowID{flows.Password}, []string{"token-exchange-keeps-user"}, []string{"security"}, nil},
		{"service", Answers{"client": "service"}, flows.TokenExchange, flows.GrantTokenExchange, "confidential", false, "client_secret_basic", nil,
			[]flows.FlowID{flows.ClientCredentials}, []string{"token-exchange-keeps-user", "audience-restrict"}, []string{"security"}, []string{flows.GrantTokenExchange}},

		// --security high on every client type: confidential only, PAR for
		// flows with an authorization endpoint, private_key_jwt, DPoP.
		{"machine high", Answers{"client": "machine", "security": "high"}, flows.ClientCredentials, "client_credentials", "confidential", false, "private_key_jwt", []string{"private_key_jwt", "dpop"},
			[]flows.FlowID{flows.Password}, []string{"fapi2-profile"}, []string{}, nil},
		{"web high", Answers{"client": "web", "security": "high"}, flows.AuthorizationCode, "authorization_code", "confidential", true, "private_key_jwt", []string{"par", "private_key_jwt", "dpop"},
			[]flows.FlowID{flows.Implicit}, []string{"fapi2-profile"}, nil, nil},
		{"spa high becomes bff", Answers{"client": "spa", "security": "high"}, flows.AuthorizationCode, "authorization_code", "confidential", true, "private_key_jwt", []string{"bff", "par", "private_key_jwt", "dpop"},
			[]flows.FlowID{flows.Implicit}, []string{"fapi2-confidential-only", "fapi2-profile"}, []string{"backend"}, nil},
		{"spa bff high", Answers{"client": "spa", "backend": "true", "security": "high"}, flows.AuthorizationCode, "authorization_code", "confidential", true, "private_key_jwt", []string{"bff", "par", "private_key_jwt", "dpop"},
			[]flows.FlowID{flows.Implicit}, []string{"fapi2-profile"}, nil, nil},
		{"native high", Answers{"client": "native", "security": "high"}, flows.AuthorizationCode, "authorization_code", "confidential", true, "private_key_jwt", []string{"bff", "par", "private_key_jwt", "dpop"},
			[]flows.FlowID{flows.Password, flows.Implicit}, []string{"fapi2-confidential-only"}, nil, nil},
		{"cli high", Answers{"client": "cli", "security": "high"}, flows.AuthorizationCode, "authorization_code", "confidential", true, "private_key_jwt", []string{"bff", "par", "private_key_jwt", "dpop"},
			[]flows.FlowID{flows.DeviceCode, flows.Password}, []string{"fapi2-confidential-only"}, nil, nil},
		{"cli headless high", Answers{"client": "cli", "browser": "false", "security": "high"}, flows.DeviceCode, flows.GrantDeviceCode, "confidential", false, "private_key_jwt", []string{"private_key_jwt", "dpop"},
			[]flows.FlowID{flows.Password}, []string{"fapi2-confidential-only", "fapi2-profile"}, nil, nil},
		{"device high", Answers{"client": "device", "security": "high"}, flows.DeviceCode, flows.GrantDeviceCode, "confidential", false, "private_key_jwt", []string{"private_key_jwt", "dpop"},
			[]flows.FlowID{flows.Password}, []string{"fapi2-confidential-only"}, nil, nil},
		{"decoupled high", Answers{"client": "decoupled", "security": "high"}, flows.CIBA, flows.GrantCIBA, "confidential", false, "private_key_jwt", []string{"private_key_jwt", "dpop"},
			[]flows.FlowID{flows.Password}, []string{"fapi2-profile"}, nil, nil},
		{"trusted high", Answers{"client": "trusted", "security": "high"}, flows.AuthorizationCode, "authorization_code", "confidential", true, "private_key_jwt", []string{"bff", "par", "private_key_jwt", "dpop"},
			[]flows.FlowID{flows.Password}, []string{"fapi2-confidential-only"}, nil, nil},
		{"trusted without redirects high rejects password", Answers{"client": "trusted", "redirects": "false", "security": "high"}, flows.AuthorizationCode, "authorization_code", "confidential", true, "private_key_jwt", []string{"par", "private_key_jwt", "dpop"},
			[]flows.FlowID{flows.Password}, []string{"fapi2-no-password", "fapi2-profile"}, nil, []string{"authorization_code", "refresh_token"}},
		{"third-party high", Answers{"client": "third-party", "security": "high"}, flows.JWTBearer, flows.GrantJWTBearer, "confidential", false, "private_key_jwt", []string{"private_key_jwt", "dpop"},
			[]flows.FlowID{flows.Password}, []string{"fapi2-profile"}, nil, nil},
		{"service high", Answers{"client": "service", "security": "high"}, flows.TokenExchange, flows.GrantTokenExchange, "confidential", false, "private_key_jwt", []string{"private_key_jwt", "dpop"},
			[]flows.FlowID{flows.ClientCredentials}, []string{"fapi2-profile"}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Decide(tt.answers)
			if err != nil {
				t.Fatal(err)
			}
			r := d.Recommendation
			if r.Flow != tt.flow || r.GrantType != tt.grant {
				t.Errorf("flow = %s (%s), want %s (%s)", r.Flow, r.GrantType, tt.flow, tt.grant)
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
			for _, id := range tt.caveats {
				if !slices.Contains(caveatIDs(d), id) {
					t.Errorf("caveats %v lack %s", caveatIDs(d), id)
				}
			}
			if tt.assumed != nil && !slices.Equal(d.Assumed, tt.assumed) {
				t.Errorf("assumed = %v, want %v", d.Assumed, tt.assumed)
			}
			if tt.regGrants != nil && !slices.Equal(d.Registration.GrantTypes, tt.regGrants) {
				t.Errorf("registration grant_types = %v, want %v", d.Registration.GrantTypes, tt.regGrants)
			}
			// Every rejection and caveat carries a reference.
			for _, x := range d.Rejected {
				if len(x.Refs) == 0 || x.Reason == "" {
					t.Errorf("rejection %s lacks reason or refs", x.Flow)
				}
			}
			for _, c := range d.Caveats {
				if len(c.Refs) == 0 {
					t.Errorf("caveat %s has no refs", c.ID)
				}
			}
			// Public clients never authenticate; confidential ones always do.
			if (r.ClientType == flows.Public) != (r.ClientAuthentication == flows.AuthNone) {
				t.Errorf("client_type %s with authentication %s", r.ClientType, r.ClientAuthentication)
			}
			if d.Registration.TokenEndpointAuthMethod != r.ClientAuthentication {
				t.Errorf("registration auth %s != recommendation %s", d.Registration.TokenEndpointAuthMethod, r.ClientAuthentication)
			}
			// High security never leaves a public client or the password grant.
			if tt.answers["security"] == "high" {
				if r.ClientType != flows.Confidential || r.Flow == flows.Password {
					t.Errorf("high security recommends %s %s", r.ClientType, r.Flow)
				}
				if !d.Registration.DPoPBoundAccessTokens {
					t.Error("high security without dpop_bound_access_tokens")
				}
				if d.Registration.RequirePAR != slices.Contains(r.Extensions, flows.ExtPAR) {
					t.Error("require_pushed_authorization_requests disagrees with extensions")
				}
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
		{Answers{"client": "spa"}, []string{"backend", "security", "provider"}},
		{Answers{"client": "cli"}, []string{"browser", "security", "provider"}},
		{Answers{"client": "trusted"}, []string{"redirects", "security", "provider"}},
		{Answers{"client": "third-party"}, []string{"assertion", "security", "provider"}},
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

func TestNextCommandsNeverScaffoldDeprecated(t *testing.T) {
	d, _ := Decide(Answers{"client": "trusted", "redirects": "false"})
	if want := "whichflow scaffold --as rfc7591 --client trusted"; d.Next[1] != want {
		t.Errorf("next scaffold = %q, want the migration target %q", d.Next[1], want)
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
