package flows

import (
	"strings"
	"testing"
)

// TestCatalogWellFormed checks the catalog's internal references, in the
// manner of kube-linter's TestBuiltInChecksWellFormed.
func TestCatalogWellFormed(t *testing.T) {
	seen := map[FlowID]bool{}
	grants := map[string]bool{}
	for _, f := range Flows() {
		if seen[f.ID] || grants[f.GrantType] {
			t.Errorf("flow %s: duplicate ID or grant type", f.ID)
		}
		seen[f.ID], grants[f.GrantType] = true, true
		if f.Name == "" || f.Summary == "" || f.WhenToUse == "" || len(f.Refs) == 0 {
			t.Errorf("flow %s: name, summary, when-to-use and refs are required", f.ID)
		}
		switch f.Status {
		case Recommended, Conditional, Deprecated:
		default:
			t.Errorf("flow %s: unknown status %q", f.ID, f.Status)
		}
		for _, r := range f.Replaces {
			if _, ok := FlowByID(r); !ok {
				t.Errorf("flow %s replaces unknown flow %s", f.ID, r)
			}
		}
	}

	caveatSeen := map[string]bool{}
	for _, c := range Caveats() {
		if caveatSeen[c.ID] {
			t.Errorf("duplicate caveat %s", c.ID)
		}
		caveatSeen[c.ID] = true
		if len(c.Refs) == 0 || c.Text == "" {
			t.Errorf("caveat %s: text and refs are required", c.ID)
		}
		switch c.Severity {
		case SeverityError, SeverityWarning, SeverityNote, SeverityInfo:
		default:
			t.Errorf("caveat %s: unknown severity %q", c.ID, c.Severity)
		}
	}

	for i, row := range DecisionTable() {
		if _, ok := FlowByID(row.Flow); !ok {
			t.Errorf("row %d: unknown flow %s", i, row.Flow)
		}
		for facet, v := range row.When {
			f, ok := FacetByID(facet)
			if !ok || !f.Allows(v) {
				t.Errorf("row %d: condition %s=%s names no facet option", i, facet, v)
			}
		}
		for _, id := range row.Caveats {
			if !caveatSeen[id] {
				t.Errorf("row %d: unknown caveat %s", i, id)
			}
		}
		for _, r := range row.Rejected {
			if r.Flow == row.Flow || len(r.Citations()) == 0 || r.Reason == "" {
				t.Errorf("row %d: rejection of %s needs a reason and refs and must differ from the recommendation", i, r.Flow)
			}
		}
		for _, a := range row.Alternatives {
			if _, ok := FlowByID(a.Flow); !ok || a.When == "" {
				t.Errorf("row %d: alternative %s unknown or without when", i, a.Flow)
			}
		}
		if row.Summary == "" || (row.ClientType != Public && row.ClientType != Confidential) {
			t.Errorf("row %d: summary and client type required", i)
		}
		if fl, _ := FlowByID(row.Flow); fl.Redirects != (row.RedirectExample != "") {
			t.Errorf("row %d: redirect example must be set exactly for redirect-based flows", i)
		}
	}
	for _, id := range append(HighSecurity.Caveats, CaveatProviderUnsupported, CaveatServerLacksGrant, CaveatServerLacksS256, CaveatFAPIConfidentialOnly, CaveatFAPINoPassword) {
		if !caveatSeen[id] {
			t.Errorf("caveat %s used by code is missing", id)
		}
	}
}

// TestEveryClientHasARow makes sure every value of every follow-up question
// leads to a row, so the questionnaire cannot reach a dead end.
func TestEveryClientHasARow(t *testing.T) {
	client, _ := FacetByID(FacetClient)
	for _, c := range client.Options {
		answers := map[string]string{FacetClient: c.Value}
		variants := []map[string]string{answers}
		for _, f := range Facets() {
			if f.ID == FacetClient || len(f.AskWhenClient) == 0 || !f.MattersFor(c.Value) {
				continue
			}
			variants = nil
			for _, o := range f.Options {
				variants = append(variants, map[string]string{FacetClient: c.Value, f.ID: o.Value})
			}
		}
		for _, v := range variants {
			for _, f := range Facets() {
				if _, ok := v[f.ID]; !ok && f.Default != "" {
					v[f.ID] = f.Default
				}
			}
			matched := false
			for _, row := range DecisionTable() {
				if row.Matches(v) {
					matched = true
					break
				}
			}
			if !matched {
				t.Errorf("no decision row for %v", v)
			}
		}
	}
}

func TestProviders(t *testing.T) {
	ids := map[string]bool{}
	for _, p := range Providers() {
		if ids[p.ID] {
			t.Errorf("duplicate provider %s", p.ID)
		}
		ids[p.ID] = true
		for _, g := range p.Gaps {
			if (g.Flow == "") == (g.Extension == "") || g.Text == "" || g.Source == "" || len(g.Refs()) == 0 {
				t.Errorf("provider %s: a gap names exactly one flow or extension, with text and source: %+v", p.ID, g)
			}
		}
	}
	f, _ := FacetByID(FacetProvider)
	if len(f.Options) != len(Providers()) {
		t.Errorf("provider facet has %d options for %d providers", len(f.Options), len(Providers()))
	}
}

func TestExtensions(t *testing.T) {
	for _, id := range []string{ExtPAR, ExtDPoP, ExtMTLS, ExtPrivateKeyJWT, ExtBFF, ExtLoopback, ExtJAR} {
		if e, ok := ExtensionByID(id); !ok || len(e.Refs) == 0 || e.Name == "" {
			t.Errorf("extension %s missing from the catalog or without refs", id)
		}
	}
}

func TestRefString(t *testing.T) {
	if got := RFC9700.S("2.1.2").String(); got != "RFC 9700 §2.1.2" {
		t.Errorf("got %q", got)
	}
	if got := RFC9700.S("2.1.2").URL(); !strings.HasSuffix(got, "rfc9700#section-2.1.2") {
		t.Errorf("got %q", got)
	}
	if got := FAPI2.Whole().String(); got != "FAPI 2.0" {
		t.Errorf("got %q", got)
	}
}

// A rule that enforces a caveat says what the caveat says and cites what it
// cites: advice, lint and docs change together.
func TestRulesCarryTheirCaveats(t *testing.T) {
	n := 0
	for _, r := range Rules() {
		if r.Caveat == "" {
			continue
		}
		n++
		c, ok := CaveatByID(r.Caveat)
		if !ok {
			t.Errorf("rule %s names unknown caveat %s", r.ID, r.Caveat)
			continue
		}
		if !strings.HasPrefix(r.Rationale, c.Text+" ") {
			t.Errorf("rule %s: rationale does not open with caveat %s", r.ID, c.ID)
		}
		for i, ref := range c.Refs {
			if i >= len(r.Refs) || r.Refs[i] != ref {
				t.Errorf("rule %s: refs %v do not lead with caveat %s's %v", r.ID, r.Refs, c.ID, c.Refs)
				break
			}
		}
	}
	if n < 6 {
		t.Errorf("only %d rules are tied to caveats", n)
	}
}

// Every format a rule or scaffold names is described, once.
func TestFormatsDescribed(t *testing.T) {
	seen := map[Format]bool{}
	for _, fi := range Formats() {
		if seen[fi.Format] || fi.Name == "" || fi.Files == "" || len(fi.Semantics) == 0 || fi.Source.URL() == "" {
			t.Errorf("format %s: duplicate or incomplete", fi.Format)
		}
		seen[fi.Format] = true
	}
	for _, r := range Rules() {
		for _, f := range r.Formats {
			if !seen[f] {
				t.Errorf("rule %s names undescribed format %s", r.ID, f)
			}
		}
	}
	for _, sf := range ScaffoldFormats() {
		if !seen[sf.Format] {
			t.Errorf("scaffold format %s is undescribed", sf.Format)
		}
	}
}
