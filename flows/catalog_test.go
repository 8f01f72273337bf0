package flows

import (
	"slices"
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

	caveatSeen := map[CaveatID]bool{}
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
			if r.Flow == row.Flow || len(r.Refs) == 0 || r.Reason == "" {
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
	used := []CaveatID{CaveatProviderUnsupported, CaveatServerLacksGrant, CaveatServerLacksS256}
	o := HighSecurity
	for _, a := range []Adjustment{o.AuthorizationEndpoint, o.Backchannel, o.PerInstance, o.NativeRedirectNote} {
		used = append(append(used, a.Add...), a.Drop...)
	}
	for _, a := range o.Flows {
		used = append(append(used, a.Add...), a.Drop...)
	}
	for _, r := range o.Replacements {
		used = append(append(used, r.Add...), r.Drop...)
	}
	for _, r := range o.Reroutes {
		used = append(used, r.Caveat)
	}
	for _, f := range Facets() {
		for _, opt := range f.Options {
			used = append(used, opt.Caveats...)
		}
	}
	for _, id := range used {
		if !caveatSeen[id] {
			t.Errorf("caveat %s used by the overlay or a facet is missing", id)
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
	for _, id := range []string{ExtPAR, ExtDPoP, ExtMTLS, ExtPrivateKeyJWT, ExtBFF, ExtLoopback, ExtJAR, ExtResourceIndicators, ExtClientIDMetadataDocument} {
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

// TestEveryCitationHasASection: every reference the catalog cites names a
// section of a known document, so "RFC 9449" alone cannot come back.
func TestEveryCitationHasASection(t *testing.T) {
	cites := Citations()
	unique := map[Ref]bool{}
	for _, c := range cites {
		unique[c.Ref] = true
		if c.Ref.Section == "" {
			t.Errorf("%s cites %s without a section", c.Where, c.Ref)
		}
		if c.Ref.Doc.Name == "" || !strings.HasPrefix(c.Ref.Doc.URL, "https://") {
			t.Errorf("%s cites %+v: a document needs a name and an https URL", c.Where, c.Ref.Doc)
		}
		for _, r := range c.Ref.Section {
			if !(r >= '0' && r <= '9' || r == '.' || r >= 'a' && r <= 'z') {
				t.Errorf("%s cites %s: section %q is not a section number", c.Where, c.Ref, c.Ref.Section)
				break
			}
		}
	}
	if len(cites) < 150 {
		t.Errorf("only %d citations found: Citations() misses part of the catalog", len(cites))
	}
	t.Logf("%d citations, %d distinct references", len(cites), len(unique))
}

// TestRedirectRowsStateCSRF: every row whose flow sends the user to the
// authorization endpoint states its CSRF defence and exact redirect URIs
// (RFC 9700 §2.1).
func TestRedirectRowsStateCSRF(t *testing.T) {
	for i, row := range DecisionTable() {
		f, _ := FlowByID(row.Flow)
		if !f.Redirects {
			continue
		}
		for _, id := range redirectCaveats {
			if !slices.Contains(row.Caveats, id) {
				t.Errorf("row %d (%v): redirect flow without caveat %s", i, row.When, id)
			}
		}
	}
}

// Facets asked only for redirect flows add caveats and nothing else: no
// row may depend on them, or the questionnaire would ask them too late.
func TestRedirectFacetsDecideNothing(t *testing.T) {
	for _, f := range Facets() {
		if !f.AskWhenRedirect {
			continue
		}
		if len(f.AskWhenClient) > 0 || f.Default == "" {
			t.Errorf("facet %s: a redirect facet needs a default and no client list", f.ID)
		}
		for i, row := range DecisionTable() {
			if _, ok := row.When[f.ID]; ok {
				t.Errorf("row %d depends on redirect facet %s", i, f.ID)
			}
		}
		adds := 0
		for _, o := range f.Options {
			adds += len(o.Caveats)
		}
		if adds == 0 {
			t.Errorf("facet %s adds no caveat: it would change nothing", f.ID)
		}
	}
}

// The overlay never drops what it adds elsewhere, and a reroute names a
// real facet answer.
func TestOverlayConsistent(t *testing.T) {
	o := HighSecurity
	drops := o.Drops()
	if len(drops) == 0 {
		t.Fatal("the overlay drops nothing")
	}
	var adds []CaveatID
	for _, a := range []Adjustment{o.AuthorizationEndpoint, o.Backchannel, o.PerInstance, o.NativeRedirectNote} {
		adds = append(adds, a.Add...)
	}
	for _, r := range o.Replacements {
		adds = append(adds, r.Add...)
		if _, ok := FlowByID(r.To); !ok || r.Summary == "" || r.Alternative.Flow != r.From {
			t.Errorf("replacement %s → %s: target, summary and the alternative back are required", r.From, r.To)
		}
	}
	for _, d := range drops {
		if slices.Contains(adds, d) {
			t.Errorf("the overlay both adds and drops %s", d)
		}
	}
	for _, r := range o.Reroutes {
		f, ok := FacetByID(r.Facet)
		if !ok || !f.Allows(r.Value) || !f.MattersFor(r.Client) {
			t.Errorf("reroute %+v names no facet answer that matters for %s", r, r.Client)
		}
	}
}

// Citations survive a JSON round trip (advise --format json decoded by a
// program), documents included.
func TestRefTextRoundTrip(t *testing.T) {
	for _, c := range Citations() {
		b, _ := c.Ref.MarshalText()
		var back Ref
		if err := back.UnmarshalText(b); err != nil || back != c.Ref {
			t.Errorf("%s: %s read back as %+v", c.Where, c.Ref, back)
		}
	}
}
