package advisor

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/golden"
)

// situations lists every client situation: each client with every answer
// of the questions asked for it (backend, browser, redirects, assertion),
// at both security levels. extra adds every answer of the redirect
// questions (servers, login) as well.
func situations(extra bool) []Answers {
	client, _ := flows.FacetByID(flows.FacetClient)
	var out []Answers
	for _, sec := range []string{flows.SecurityStandard, flows.SecurityHigh} {
		for _, c := range client.Values() {
			combos := []Answers{{flows.FacetClient: c, flows.FacetSecurity: sec}}
			for _, f := range flows.Facets() {
				asked := len(f.AskWhenClient) > 0 && f.MattersFor(c)
				if !asked && !(extra && f.AskWhenRedirect) {
					continue
				}
				var next []Answers
				for _, a := range combos {
					for _, v := range f.Values() {
						b := Answers{f.ID: v}
						for k, x := range a {
							b[k] = x
						}
						next = append(next, b)
					}
				}
				combos = next
			}
			out = append(out, combos...)
		}
	}
	return out
}

func situationName(a Answers) string {
	parts := []string{a[flows.FacetClient]}
	for _, f := range flows.Facets() {
		if v, ok := a[f.ID]; ok && f.ID != flows.FacetClient {
			parts = append(parts, f.ID+"-"+v)
		}
	}
	return strings.Join(parts, ".")
}

// TestEverySituation checks what must hold for every answer combination,
// the redirect questions included.
func TestEverySituation(t *testing.T) {
	drops := flows.HighSecurity.Drops()
	n := 0
	for _, a := range situations(true) {
		n++
		d, err := Decide(a)
		if err != nil {
			t.Fatalf("%v: %v", a, err)
		}
		r := d.Recommendation
		name := situationName(a)
		high := a[flows.FacetSecurity] == flows.SecurityHigh
		redirect := isRedirect(r.Flow)
		ids := caveatIDs(d)
		has := func(id flows.CaveatID) bool { return slices.Contains(ids, id) }

		if r.Status == flows.Deprecated {
			t.Errorf("%s: recommends the deprecated %s", name, r.Flow)
		}
		if (r.ClientType == flows.Public) != (r.ClientAuthentication == flows.AuthNone) {
			t.Errorf("%s: client_type %s with authentication %s", name, r.ClientType, r.ClientAuthentication)
		}
		if d.Registration.TokenEndpointAuthMethod != r.ClientAuthentication {
			t.Errorf("%s: registration auth %s != recommendation %s", name, d.Registration.TokenEndpointAuthMethod, r.ClientAuthentication)
		}
		for _, x := range d.Rejected {
			if len(x.Refs) == 0 || x.Reason == "" {
				t.Errorf("%s: rejection of %s lacks reason or refs", name, x.Flow)
			}
		}
		for _, c := range d.Caveats {
			for _, ref := range c.Refs {
				if ref.Section == "" {
					t.Errorf("%s: caveat %s cites %s without a section", name, c.ID, ref)
				}
			}
		}
		for _, alt := range d.Alternatives {
			if high && alt.Flow == r.Flow {
				t.Errorf("%s: alternative %s is another shape of the recommended flow, which high security rules out", name, alt.Flow)
			}
			if strings.HasPrefix(alt.When, "when ") {
				t.Errorf("%s: alternative %q starts with \"when\": the printers add it", name, alt.When)
			}
		}
		// Every redirect flow states its CSRF defence; the redirect
		// questions add their caveats only to redirect flows.
		if redirect != has(flows.CaveatRedirectCSRF) {
			t.Errorf("%s: redirect flow %v but CSRF caveat %v", name, redirect, has(flows.CaveatRedirectCSRF))
		}
		if has(flows.CaveatMixUp) != (redirect && a[flows.FacetServers] == flows.ServersMany) {
			t.Errorf("%s: mix-up caveat %v", name, has(flows.CaveatMixUp))
		}
		if has(flows.CaveatIDTokenValidation) != (redirect && a[flows.FacetLogin] == "true") {
			t.Errorf("%s: ID token caveat %v", name, has(flows.CaveatIDTokenValidation))
		}
		_, servers := d.Answers[flows.FacetServers]
		if servers != redirect {
			t.Errorf("%s: servers answered %v for a redirect flow %v", name, servers, redirect)
		}
		if redirect && (len(d.Registration.RedirectURIs) != 1 || d.Registration.ApplicationType == "") {
			t.Errorf("%s: redirect flow registered without a redirect URI or application_type", name)
		}
		if d.PerInstance() != (d.Registration.JWKS != "" && d.Registration.JWKSURI == "") {
			t.Errorf("%s: per-instance registration has jwks %q and jwks_uri %q", name, d.Registration.JWKS, d.Registration.JWKSURI)
		}
		if d.PerInstance() && redirect && d.Registration.ApplicationType != "native" {
			t.Errorf("%s: a per-instance client is native, got application_type %q", name, d.Registration.ApplicationType)
		}
		// The starter authenticates as the registration says: a key where
		// it registers private_key_jwt (--security high and CIBA imply it).
		cmd := d.Snippet(flows.LangCurl).Command()
		keyed := strings.Contains(cmd, "--private-key-jwt") || strings.Contains(cmd, "--security high") || r.Flow == flows.CIBA
		if keyed != (d.Registration.TokenEndpointAuthMethod == flows.AuthPrivateKeyJWT) {
			t.Errorf("%s: starter %q for a registration with %s", name, cmd, d.Registration.TokenEndpointAuthMethod)
		}
		if !high {
			continue
		}
		// --security high, per grant.
		if r.ClientType != flows.Confidential || r.ClientAuthentication != flows.AuthPrivateKeyJWT {
			t.Errorf("%s: high security recommends a %s client with %s", name, r.ClientType, r.ClientAuthentication)
		}
		if !d.Registration.DPoPBoundAccessTokens {
			t.Errorf("%s: high security without dpop_bound_access_tokens", name)
		}
		if d.Registration.RequirePAR != redirect || slices.Contains(r.Extensions, flows.ExtPAR) != redirect || r.PKCE != redirect {
			t.Errorf("%s: PAR %v, par extension %v, PKCE %v for redirect flow %v", name, d.Registration.RequirePAR, r.Extensions, r.PKCE, redirect)
		}
		if has(flows.CaveatFAPIAuthorizationEndpoint) != redirect || has(flows.CaveatFAPIBackchannel) == redirect {
			t.Errorf("%s: FAPI caveats %v for redirect flow %v", name, ids, redirect)
		}
		for _, id := range drops {
			if has(id) {
				t.Errorf("%s: the overlay drops %s, but it is there", name, id)
			}
		}
		if slices.Contains(r.Extensions, flows.ExtBFF) && strings.Contains(r.Summary, "public client") {
			t.Errorf("%s: a BFF summarised as a public client: %q", name, r.Summary)
		}
		if strings.Contains(r.Summary, "public client") {
			t.Errorf("%s: a confidential client summarised as public: %q", name, r.Summary)
		}
		if slices.Contains(d.Assumed, flows.FacetBackend) {
			t.Errorf("%s: backend assumed although high security decides it", name)
		}
	}
	if n < 100 {
		t.Errorf("only %d situations", n)
	}
	t.Logf("%d answer combinations checked", n)
}

// Each caveat the overlay drops is really said somewhere at standard
// security: the drop list is not dead data.
func TestOverlayDropsAreSaidAtStandard(t *testing.T) {
	said := map[flows.CaveatID]bool{}
	for _, a := range situations(true) {
		if a[flows.FacetSecurity] != flows.SecurityStandard {
			continue
		}
		d, _ := Decide(a)
		for _, c := range d.Caveats {
			said[c.ID] = true
		}
	}
	for _, id := range flows.HighSecurity.Drops() {
		if !said[id] {
			t.Errorf("the overlay drops %s, which no standard situation says", id)
		}
	}
}

// TestDecideGolden pins `advise --format json` for every situation at both
// security levels (the redirect questions at their defaults, plus one with
// both turned on). Refresh with WHICHFLOW_UPDATE=1 and review the diff.
func TestDecideGolden(t *testing.T) {
	cases := situations(false)
	cases = append(cases, Answers{flows.FacetClient: flows.ClientWeb, flows.FacetSecurity: flows.SecurityStandard,
		flows.FacetServers: flows.ServersMany, flows.FacetLogin: "true"})
	for _, a := range cases {
		name := situationName(a) + ".json"
		t.Run(name, func(t *testing.T) {
			d, err := Decide(a)
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", "decide", name), d.IndentedJSON())
		})
	}
}
