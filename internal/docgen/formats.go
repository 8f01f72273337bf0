package docgen

import (
	"strings"

	"github.com/whichflow/whichflow/advisor"
	"github.com/whichflow/whichflow/flows"
)

// FormatDir holds one page per configuration format.
const FormatDir = "formats"

// formatExamples are the situations a format page scaffolds: the two that
// show most of a format (a public browser app, a machine client).
var formatExamples = []struct {
	title   string
	answers advisor.Answers
}{
	{"Single-page app (`--client spa`)", advisor.Answers{flows.FacetClient: flows.ClientSPA}},
	{"Machine to machine (`--client machine`)", advisor.Answers{flows.FacetClient: flows.ClientMachine}},
}

// FormatPage renders formats/<format>.md: what lint reads in the format and
// how, the rules that apply, and what scaffold writes in it.
func FormatPage(fi flows.FormatInfo, cfg Config) ([]byte, error) {
	p := newPage(fi.Name + " (" + code(string(fi.Format)) + ")")
	p.f("## What `whichflow lint` reads\n\n%s\n\n", fi.Files)
	for _, s := range fi.Semantics {
		p.f("- %s\n", s)
	}
	p.f("\nFormat reference: %s\n\n## Rules that apply\n\n", refLink(fi.Source))
	for _, r := range flows.Rules() {
		if r.AppliesTo(flows.Target{Format: fi.Format}) {
			p.f("- [%s](../rules/%s.md) (%s): %s\n", code(r.ID), r.ID, r.Severity, r.Title)
		}
	}
	sf, writable := flows.ScaffoldFormatByID(fi.Format)
	if !writable {
		p.f("\n`whichflow scaffold` does not write this format.\n")
		return p.bytes(), nil
	}
	p.f("\n## What `whichflow scaffold --as %s` writes\n\n%s.\n", fi.Format, sf.Name)
	if cfg.Scaffolds != nil {
		for _, ex := range formatExamples {
			text, ok, err := cfg.Scaffolds.Render(ex.answers, fi.Format)
			if err != nil {
				return nil, err
			}
			if ok {
				p.f("\n### %s\n\n%s", ex.title, fence(fenceLang(string(fi.Format)), text))
				if cfg.Scaffolds.Notes != nil {
					if notes := cfg.Scaffolds.Notes(ex.answers, fi.Format); len(notes) > 0 {
						p.f("\nWith it, `scaffold` prints on stderr:\n\n%s", fence("text", "note: "+strings.Join(notes, "\nnote: ")+"\n"))
					}
				}
			}
		}
	}
	refuses := sf.Gaps
	if prov, ok := flows.ProviderByID(sf.Provider); ok {
		for _, g := range prov.Gaps {
			if g.Flow != "" {
				refuses = append(refuses, g)
			}
		}
	}
	if len(refuses) > 0 {
		p.f("\n### What it refuses\n\n`scaffold` exits 2 with this advice when the recommendation needs:\n\n")
		for _, g := range refuses {
			p.f("- %s: %s\n", gapSubject(g), g.Text)
		}
	}
	if len(sf.Notes) > 0 {
		p.f("\n### Notes it prints\n\n")
		for _, g := range sf.Notes {
			p.f("- %s: %s\n", gapSubject(g), g.Text)
		}
	}
	return p.bytes(), nil
}

func gapSubject(g flows.Gap) string {
	if g.Flow != "" {
		return flowLink(g.Flow, FormatDir)
	}
	return code(g.Extension)
}
