package flows

import (
	"strings"
	"testing"
)

// TestRulesWellFormed holds every catalog rule to the shape the docs, SARIF
// and `rules RULE` rely on (kube-linter's TestBuiltInChecksWellFormed).
func TestRulesWellFormed(t *testing.T) {
	known := map[Format]bool{}
	for _, f := range allFormats {
		known[f] = true
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
			if r.Profile != ProfileStandard && r.Profile != ProfileHigh {
				t.Errorf("profile %q is not standard or high", r.Profile)
			}
			if len(r.AllFormats()) == 0 {
				t.Errorf("applies to no format")
			}
			applies := map[Format]bool{}
			for _, f := range r.AllFormats() {
				if !known[f] {
					t.Errorf("unknown format %q", f)
				}
				applies[f] = true
				good, bad := r.ExamplesFor(f)
				if len(good) == 0 || len(bad) == 0 {
					t.Errorf("format %s: %d good and %d bad examples, want at least one of each", f, len(good), len(bad))
				}
			}
			for _, e := range r.Examples {
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

// TestAppliesToRealmFormats: a client-scope rule with RealmFormats checks
// clients in Formats and realms in RealmFormats, nothing else.
func TestAppliesToRealmFormats(t *testing.T) {
	r := Rule{ID: "x", Scope: ScopeClient, Profile: ProfileStandard,
		Formats: []Format{FormatAuth0, FormatKeycloak}, RealmFormats: []Format{FormatKeycloak, FormatTerraformKeycloak}}
	for _, c := range []struct {
		t    Target
		want bool
	}{
		{Target{Format: FormatAuth0, Scope: ScopeClient}, true},
		{Target{Format: FormatAuth0, Scope: ScopeRealm}, false},
		{Target{Format: FormatKeycloak, Scope: ScopeClient}, true},
		{Target{Format: FormatKeycloak, Scope: ScopeRealm}, true},
		{Target{Format: FormatTerraformKeycloak, Scope: ScopeRealm}, true},
		{Target{Format: FormatTerraformKeycloak, Scope: ScopeClient}, false},
		{Target{Format: FormatTerraformKeycloak}, true},
		{Target{Format: FormatSpring}, false},
		{Target{Scope: ScopeRealm}, true},
		{Target{Scope: ScopeFile}, false},
	} {
		if got := r.AppliesTo(c.t); got != c.want {
			t.Errorf("AppliesTo(%+v) = %v, want %v", c.t, got, c.want)
		}
	}
	if got := r.AllFormats(); len(got) != 3 || got[2] != FormatTerraformKeycloak {
		t.Errorf("AllFormats = %v", got)
	}
	plain := Rule{Scope: ScopeClient, Formats: []Format{FormatAuth0}}
	if plain.AppliesTo(Target{Scope: ScopeRealm}) {
		t.Error("a client rule without RealmFormats applies to realms")
	}
}
