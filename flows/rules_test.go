package flows

import (
	"slices"
	"strings"
	"testing"
)

// TestRulesWellFormed holds every catalog rule to the shape the docs, SARIF
// and `rules RULE` rely on (kube-linter's TestBuiltInChecksWellFormed).
func TestRulesWellFormed(t *testing.T) {
	known := map[Format]bool{}
	for _, fi := range Formats() {
		known[fi.Format] = true
	}
	seen := map[string]bool{}
	for _, r := range Rules() {
		t.Run(r.ID, func(t *testing.T) {
			if r.ID == "" || strings.ToLower(r.ID) != r.ID || strings.ContainsAny(r.ID, " _") {
				t.Errorf("ID %q is not kebab-case", r.ID)
			}
			if seen[r.ID] {
				t.Errorf("duplicate ID %q", r.ID)
			}
			seen[r.ID] = true
			if r.Title == "" || r.Rationale == "" || r.Remediation == "" {
				t.Errorf("missing title, rationale or remediation")
			}
			if !strings.HasSuffix(r.Remediation, ".") {
				t.Errorf("remediation does not end with a period: %q", r.Remediation)
			}
			if !strings.HasSuffix(r.Rationale, ".") {
				t.Errorf("rationale does not end with a period")
			}
			if r.Severity.Rank() == 0 {
				t.Errorf("severity %q is not error, warning or note", r.Severity)
			}
			if len(r.Refs) == 0 {
				t.Errorf("no references")
			}
			for _, ref := range r.Refs {
				if ref.Doc.Name == "" || !strings.HasPrefix(ref.Doc.URL, "https://") {
					t.Errorf("bad ref %+v", ref)
				}
			}
			if r.Scope != ScopeClient && r.Scope != ScopeRealm && r.Scope != ScopeFile {
				t.Errorf("scope %q is not client, realm or file", r.Scope)
			}
			for f, scopes := range r.ScopeIn {
				if !slices.Contains(r.Formats, f) {
					t.Errorf("ScopeIn names format %s, which the rule does not list", f)
				}
				if len(scopes) == 0 {
					t.Errorf("ScopeIn gives format %s no scope", f)
				}
				for _, s := range scopes {
					if s != ScopeClient && s != ScopeRealm {
						t.Errorf("ScopeIn gives format %s scope %q: not client or realm", f, s)
					}
				}
			}
			if r.Profile != ProfileStandard && r.Profile != ProfileHigh {
				t.Errorf("profile %q is not standard or high", r.Profile)
			}
			if len(r.Formats) == 0 {
				t.Errorf("applies to no format")
			}
			applies := map[Format]bool{}
			for _, f := range r.Formats {
				if !known[f] {
					t.Errorf("unknown format %q", f)
				}
				applies[f] = true
				good, bad := r.ExamplesFor(f)
				if len(good) == 0 || len(bad) == 0 {
					t.Errorf("format %s: %d good and %d bad examples, want at least one of each", f, len(good), len(bad))
				}
			}
			for _, e := range r.Examples() {
				if !applies[e.Format] {
					t.Errorf("example %s for format %q, which the rule does not apply to", e.Name, e.Format)
				}
				if !e.Good && e.WantLine == 0 {
					t.Errorf("bad example %s/%s has no `want LINE:COL` in its header", e.Format, e.Name)
				}
				if strings.TrimSpace(e.Text) == "" {
					t.Errorf("empty example %s/%s", e.Format, e.Name)
				}
			}
		})
	}
}

// TestDesignRules checks the rule IDs DESIGN §3 fixes are all there.
func TestDesignRules(t *testing.T) {
	for _, id := range []string{"implicit-grant", "ropc", "public-client-no-pkce", "confidential-client-no-pkce",
		"redirect-wildcard", "redirect-http-non-loopback", "client-credentials-on-public-client",
		"committed-secret", "ambiguous-client-type", "public-refresh-no-rotation", "kind-mismatch", "invalid-config"} {
		r, ok := RuleByID(id)
		if !ok {
			t.Errorf("rule %s missing", id)
			continue
		}
		if r.Profile != ProfileStandard {
			t.Errorf("rule %s must run in the standard profile", id)
		}
	}
	want := map[string]Severity{"implicit-grant": SeverityError, "confidential-client-no-pkce": SeverityNote,
		"committed-secret": SeverityWarning, "ambiguous-client-type": SeverityWarning,
		"public-refresh-no-rotation": SeverityWarning, "kind-mismatch": SeverityError}
	for id, sev := range want {
		if r, _ := RuleByID(id); r.Severity != sev {
			t.Errorf("%s severity %s, DESIGN says %s", id, r.Severity, sev)
		}
	}
}

// TestAppliesToScopeIn: a rule that checks realms in one format and
// clients in another applies to exactly those subjects.
func TestAppliesToScopeIn(t *testing.T) {
	r := Rule{ID: "x", Scope: ScopeClient, Profile: ProfileStandard,
		Formats: []Format{FormatKeycloak, FormatAuth0, FormatRFC7591},
		ScopeIn: map[Format][]Scope{FormatKeycloak: {ScopeRealm}, FormatRFC7591: {ScopeClient, ScopeRealm}}}
	for _, tc := range []struct {
		t    Target
		want bool
	}{
		{Target{Format: FormatKeycloak, Scope: ScopeRealm}, true},
		{Target{Format: FormatKeycloak, Scope: ScopeClient}, false},
		{Target{Format: FormatAuth0, Scope: ScopeClient}, true},
		{Target{Format: FormatAuth0, Scope: ScopeRealm}, false},
		{Target{Format: FormatRFC7591, Scope: ScopeRealm}, true},
		{Target{Format: FormatRFC7591, Scope: ScopeClient}, true},
		{Target{Format: FormatSpring, Scope: ScopeClient}, false},
		{Target{Scope: ScopeRealm}, true},
		{Target{Scope: ScopeClient}, true},
		{Target{Scope: ScopeFile}, false},
		{Target{Format: FormatKeycloak}, true},
	} {
		if got := r.AppliesTo(tc.t); got != tc.want {
			t.Errorf("AppliesTo(%+v) = %v, want %v", tc.t, got, tc.want)
		}
	}
}

// TestSiblingFormats: a provider's export and its Terraform resource
// describe the same settings, so a rule that applies to one applies to the
// other unless a reason below says why not. (A rule added for one format
// only, when its adapter reads the same field for the other, is a finding
// whichflow reads and never reports.)
func TestSiblingFormats(t *testing.T) {
	siblings := [][2]Format{
		{FormatKeycloak, FormatTerraformKeycloak},
		{FormatAuth0, FormatTerraformAuth0},
		{FormatGravitee, FormatTerraformGravitee},
	}
	why := map[string]string{
		RuleCommittedSecret + "/" + string(FormatTerraformGravitee):         "AM computes client_secret: graviteeam_application holds none",
		RuleFAPIPAR + "/" + string(FormatTerraformGravitee):                 "AM's Management API does not accept requireParRequest",
		RulePublicRefreshNoRotation + "/" + string(FormatTerraformKeycloak): "rotation is the realm's revoke_refresh_token; keycloak_openid_client declares none",
		RuleFAPIRefreshRotation + "/" + string(FormatTerraformKeycloak):     "rotation is the realm's revoke_refresh_token; keycloak_openid_client declares none",
		RuleRefreshNoExpiry + "/" + string(FormatTerraformKeycloak):         "the realm check needs the realm's clients that can get offline tokens, which a keycloak_realm resource does not list",
	}
	for _, r := range Rules() {
		for _, p := range siblings {
			a, b := slices.Contains(r.Formats, p[0]), slices.Contains(r.Formats, p[1])
			if a == b {
				continue
			}
			has, missing := p[0], p[1]
			if b {
				has, missing = p[1], p[0]
			}
			if slices.Equal(r.Formats, commentFormats) {
				continue // suppression rules: JSON exports carry no comments
			}
			if why[r.ID+"/"+string(missing)] == "" {
				t.Errorf("%s applies to %s but not to %s: list it, or say why not in this test", r.ID, has, missing)
			}
		}
	}
}
