package flows

import "fmt"

// Citation is one reference the catalog makes, with where it is made.
type Citation struct {
	Where string // "caveat pkce-for-confidential", "rule ropc", ...
	Ref   Ref
}

// Citations lists every reference the catalog cites: flows, caveats, the
// decision table's rejections, disagreements, extensions, lint rules and
// provider gaps. Formats' Source links (vendor documentation pages) are
// not citations of a standard and are left out.
func Citations() []Citation {
	var out []Citation
	add := func(where string, refs []Ref) {
		for _, r := range refs {
			out = append(out, Citation{where, r})
		}
	}
	for _, f := range Flows() {
		add("flow "+string(f.ID), f.Refs)
	}
	for _, c := range Caveats() {
		add("caveat "+string(c.ID), c.Refs)
	}
	for i, row := range DecisionTable() {
		for _, x := range row.Rejected {
			add(fmt.Sprintf("decision row %d rejecting %s", i, x.Flow), x.Refs)
		}
	}
	for _, d := range Disagreements() {
		add("disagreement "+d.ID, d.Refs)
	}
	for _, e := range Extensions() {
		add("extension "+e.ID, e.Refs)
	}
	for _, r := range Rules() {
		add("rule "+r.ID, r.Refs)
	}
	for _, p := range Providers() {
		for _, g := range p.Gaps {
			add("provider "+p.ID+" gap", g.Refs())
		}
	}
	return out
}
