package lint

import (
	"slices"
	"testing"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/clientconfig"
)

// TestClientRuleOnRealms: a client-scope rule with RealmFormats runs its
// realm check on the realms of those formats, and those findings carry scope
// realm (and a fingerprint of their own); its client findings stay client.
func TestClientRuleOnRealms(t *testing.T) {
	double := flows.Rule{ID: "test-both-scopes", Title: "t", Severity: flows.SeverityNote, Scope: flows.ScopeClient,
		Profile: flows.ProfileStandard, Formats: []flows.Format{flows.FormatKeycloak}, RealmFormats: []flows.Format{flows.FormatKeycloak},
		Refs: []flows.Ref{flows.RFC9700.S("2")}}
	old := catalog
	catalog = func() []flows.Rule { return append(slices.Clone(flows.Rules()), double) }
	checks[double.ID] = func(c *clientconfig.Client) (hit, bool) { return hit{pos: c.Pos, msg: "m"}, true }
	realmChecks[double.ID] = func(r *clientconfig.Realm) (hit, bool) { return hit{pos: r.Pos, msg: "m"}, true }
	t.Cleanup(func() {
		catalog = old
		delete(checks, double.ID)
		delete(realmChecks, double.ID)
	})
	fs, _ := lintSubjects("realm.json", realmFile(), realmOptions(), &config{})
	var scopes []flows.Scope
	var prints []string
	for _, f := range fs {
		if f.Rule == double.ID {
			scopes = append(scopes, f.Scope)
			prints = append(prints, f.Fingerprint)
			if f.Fingerprint != Fingerprint(f) {
				t.Errorf("finding %+v carries a stale fingerprint", f)
			}
		}
	}
	if !slices.Equal(scopes, []flows.Scope{flows.ScopeRealm, flows.ScopeClient}) {
		t.Fatalf("scopes %v, want realm then client", scopes)
	}
	if prints[0] == prints[1] {
		t.Error("realm and client findings of the same name share a fingerprint")
	}
}
