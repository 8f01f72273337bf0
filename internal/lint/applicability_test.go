package lint

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/clientconfig"
	"github.com/whichflow/whichflow/internal/corpus"
)

// TestRulesFireOnlyWhereTheyApply is the applicability property: across
// every rule example (good and bad, of every rule) and the real-file corpus,
// linted with every rule on, no rule fires on a format its catalog entry
// does not list, and no finding is about a subject (client or realm) the
// rule does not apply to.
func TestRulesFireOnlyWhereTheyApply(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for _, r := range flows.Rules() {
		for i, e := range r.Examples() {
			sub := filepath.Join(dir, r.ID, string(e.Format), string(rune('a'+i%26))+string(rune('a'+i/26)))
			if err := os.MkdirAll(sub, 0o755); err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(sub, e.Name)
			if err := os.WriteFile(p, []byte(e.Text), 0o644); err != nil {
				t.Fatal(err)
			}
			paths = append(paths, p)
		}
	}
	paths = append(paths, corpus.Dir(t))
	res, err := Run(context.Background(), Options{Paths: paths, Profile: ProfileHigh, IncludeBuiltin: true, Now: testNow, Config: os.DevNull})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]LintedFile{}
	for _, lf := range res.Linted {
		files[lf.Path] = lf
	}
	checked := 0
	for _, f := range res.Findings {
		r, ok := flows.RuleByID(f.Rule)
		if !ok {
			t.Errorf("%s:%d: finding of a rule the catalog lacks: %s", f.File, f.Line, f.Rule)
			continue
		}
		lf, linted := files[f.File]
		if !linted || lf.Format == "" {
			if r.Scope != flows.ScopeFile {
				t.Errorf("%s:%d: %s fired on a file that was not linted as a format", f.File, f.Line, f.Rule)
			}
			continue
		}
		if !r.AppliesTo(flows.Target{Format: lf.Format}) {
			t.Errorf("%s:%d: %s fired on format %s, which it does not list (%v)", f.File, f.Line, f.Rule, lf.Format, r.Formats)
		}
		if r.Scope == flows.ScopeFile {
			continue
		}
		found := false
		for _, s := range lf.Subjects {
			if s.Name == f.Client && s.Target.Scope == f.Scope {
				found = true
				if !r.AppliesTo(s.Target) {
					t.Errorf("%s:%d: %s fired on %s %q (%+v), which it does not apply to", f.File, f.Line, f.Rule, f.Scope, f.Client, s.Target)
				}
			}
		}
		if !found {
			t.Errorf("%s:%d: %s fired on %s %q, which is no subject of the file", f.File, f.Line, f.Rule, f.Scope, f.Client)
		}
		checked++
	}
	if checked < 200 {
		t.Errorf("only %d findings checked; the property needs the examples and the corpus to fire", checked)
	}
}

// realmDouble is a realm-scope rule that exists only in tests: the realm
// rules themselves come with the adapters that read realm settings.
var realmDouble = flows.Rule{ID: "test-realm-rule", Title: "A test realm rule", Severity: flows.SeverityError,
	Scope: flows.ScopeRealm, Profile: flows.ProfileStandard, Formats: []flows.Format{flows.FormatKeycloak},
	Refs: []flows.Ref{flows.RFC9700.S("2")}}

// withRealmDouble adds realmDouble to the catalog for one test, firing on
// every realm named "bad-realm", at the realm's position.
func withRealmDouble(t *testing.T) {
	old := catalog
	catalog = func() []flows.Rule { return append(slices.Clone(flows.Rules()), realmDouble) }
	realmChecks[realmDouble.ID] = func(r *clientconfig.Realm) (hit, bool) {
		return hit{pos: r.Pos, msg: "realm is bad"}, r.Name == "bad-realm"
	}
	t.Cleanup(func() {
		catalog = old
		delete(realmChecks, realmDouble.ID)
	})
}

// realmFile is a file with a realm "bad-realm" spanning lines 1-20 and one
// client in it on lines 5-9, each with inline directives at the lines given.
func realmFile(directives ...clientconfig.Directive) *clientconfig.File {
	return &clientconfig.File{Format: flows.FormatKeycloak,
		Realms:     []clientconfig.Realm{{Format: flows.FormatKeycloak, Name: "bad-realm", Pos: clientconfig.Pos{Line: 1, Col: 1}, End: 20}},
		Clients:    []clientconfig.Client{{Format: flows.FormatKeycloak, ID: "bad-realm", Pos: clientconfig.Pos{Line: 5, Col: 3}, End: 9}},
		Directives: directives}
}

func realmOptions() *Options {
	o := &Options{Profile: ProfileStandard, Now: testNow}
	for _, r := range catalog() {
		if r.AppliesTo(flows.Target{Profile: flows.ProfileStandard}) {
			o.rules = append(o.rules, r)
		}
	}
	return o
}

// TestRealmFindings: a realm-scope finding names the realm as its client,
// carries scope realm, and suppressions (inline in the realm, not in a
// client; .whichflow.yaml by client name) and baselines treat it like a
// client finding (the baseline filters by fingerprint).
func TestRealmFindings(t *testing.T) {
	withRealmDouble(t)
	find := func(fs []Finding) *Finding {
		for i := range fs {
			if fs[i].Rule == realmDouble.ID {
				return &fs[i]
			}
		}
		return nil
	}

	fs, subjects := lintSubjects("realm.json", realmFile(), realmOptions(), &config{})
	f := find(fs)
	if f == nil {
		t.Fatalf("realm rule did not fire: %+v", fs)
	}
	if f.Scope != flows.ScopeRealm || f.Client != "bad-realm" || f.Line != 1 || f.Suppressed != nil {
		t.Errorf("realm finding = %+v, want scope realm, client bad-realm, line 1, unsuppressed", f)
	}
	var realmSubject bool
	for _, s := range subjects {
		if s.Target.Scope == flows.ScopeRealm && s.Name == "bad-realm" && realmDouble.AppliesTo(s.Target) {
			realmSubject = true
		}
	}
	if !realmSubject {
		t.Errorf("subjects %+v lack the realm", subjects)
	}

	// A realm and a client of the same name never share a fingerprint.
	clientTwin := *f
	clientTwin.Scope = flows.ScopeClient
	if Fingerprint(clientTwin) == f.Fingerprint {
		t.Error("realm and client findings of the same name share a fingerprint")
	}

	// An inline directive inside the client does not suppress the realm's
	// finding; one in the realm outside any client does.
	inClient := clientconfig.Directive{Pos: clientconfig.Pos{Line: 6, Col: 5}, Text: realmDouble.ID + ` reason="client"`}
	fs, _ = lintSubjects("realm.json", realmFile(inClient), realmOptions(), &config{})
	if f := find(fs); f == nil || f.Suppressed != nil {
		t.Errorf("a directive inside a client suppressed the realm finding: %+v", f)
	}
	inRealm := clientconfig.Directive{Pos: clientconfig.Pos{Line: 12, Col: 3}, Text: realmDouble.ID + ` reason="accepted"`}
	fs, _ = lintSubjects("realm.json", realmFile(inRealm), realmOptions(), &config{})
	if f := find(fs); f == nil || f.Suppressed == nil || f.Suppressed.Reason != "accepted" {
		t.Errorf("a directive in the realm did not suppress its finding: %+v", f)
	}

	// .whichflow.yaml matches the realm's name with client:.
	g, err := compileGlob("bad-*", false)
	if err != nil {
		t.Fatal(err)
	}
	cfg := &config{path: ".whichflow.yaml", entries: []*ignoreEntry{{Rule: realmDouble.ID, Client: "bad-*", client: g, Reason: "known", line: 2}}}
	fs, _ = lintSubjects("realm.json", realmFile(), realmOptions(), cfg)
	if f := find(fs); f == nil || f.Suppressed == nil || f.Suppressed.Kind != "external" {
		t.Errorf(".whichflow.yaml entry did not suppress the realm finding: %+v", f)
	}
}
