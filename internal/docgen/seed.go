package docgen

import (
	"fmt"
	"strings"

	"github.com/whichflow/whichflow/advisor"
	"github.com/whichflow/whichflow/flows"
)

// SeedPage renders seed-vs-standards.md: the seed guide, the vendor guides
// and the standards side by side where they disagree (flows.Disagreements),
// with whichflow's own answer from advisor.Decide, then every caveat whose
// SeedDiffers says the seed guide disagrees.
func SeedPage() ([]byte, error) {
	p := newPage("The seed guide, vendor guides and the standards")
	p.f("whichflow started from %s. Where that page or the big vendors' decision guides disagree with\n", docLink(flows.SeedGuide))
	p.f("RFC 9700, OAuth 2.1 and the other standards, whichflow follows the standards and says so in its\n")
	p.f("output. Every guide is graded on the same scale: ✅ it says what the standards say, ⚠️ it says\n")
	p.f("something else, ➖ it does not address the situation (a gap, not a disagreement).\n\n")

	vendors := flows.Vendors()
	p.f("| Topic | Seed (Gravitee AM) |")
	for _, v := range vendors {
		p.f(" %s |", v.Name)
	}
	p.f(" Standards | whichflow |\n|---|---|")
	for range vendors {
		p.f("---|")
	}
	p.f("---|---|\n")
	type answered struct {
		d    flows.Disagreement
		dec  advisor.Decision
		sits string
	}
	var rows []answered
	for _, d := range flows.Disagreements() {
		dec, err := advisor.Decide(advisor.Answers(d.Answers))
		if err != nil {
			return nil, fmt.Errorf("disagreement %s: %w", d.ID, err)
		}
		rows = append(rows, answered{d: d, dec: dec, sits: flagsOf(d.Answers)})
		p.f("| [%s](#%s) | %s %s |", cell(d.Topic), d.ID, mark(d.SeedGrade), cell(d.Seed))
		for _, v := range vendors {
			pos, ok := position(d, v.ID)
			if !ok {
				p.f(" — |")
				continue
			}
			p.f(" %s %s |", mark(pos.Grade), cell(pos.Says))
		}
		r := dec.Recommendation
		p.f(" %s (%s) | %s, %s client |\n", cell(d.Standards), cell(refLinks(d.Refs)), flowLink(r.Flow, ""), r.ClientType)
	}
	p.f("\n")

	for _, row := range rows {
		d, r := row.d, row.dec.Recommendation
		p.f("<a id=\"%s\"></a>\n\n## %s\n\n", d.ID, d.Topic)
		p.f("**whichflow** (`whichflow advise %s`): %s — %s\n\n", row.sits, flowLink(r.Flow, ""), r.Summary)
		if c, ok := flows.CaveatByID(d.Caveat); ok {
			p.f("- **Caveat `%s`:** %s (%s)\n", c.ID, c.Text, refLinks(c.Refs))
			if c.SeedDiffers != "" {
				p.f("- **Where the guides differ:** %s\n", c.SeedDiffers)
			}
		}
		for _, x := range row.dec.Rejected {
			p.f("- **Rejected:** %s — %s (%s)\n", flowLink(x.Flow, ""), x.Reason, refLinks(x.Refs))
		}
		p.f("- **Seed guide** (%s): %s %s\n", docLink(flows.SeedGuide), mark(d.SeedGrade), d.Seed)
		for _, v := range vendors {
			pos, ok := position(d, v.ID)
			if !ok {
				continue
			}
			src := v.Guide
			if pos.Source != nil {
				src = *pos.Source
			}
			p.f("- **%s** (%s): %s %s\n", v.Name, docLink(src), mark(pos.Grade), pos.Says)
		}
		p.f("- **Standards:** %s %s\n\n", d.Standards, refLinks(d.Refs))
	}

	p.f("## Every caveat where a guide differs\n\nFrom the catalog's caveats (`SeedDiffers`):\n\n| Caveat | Where the guides differ | whichflow says | References |\n|---|---|---|---|\n")
	for _, c := range flows.Caveats() {
		if c.SeedDiffers == "" {
			continue
		}
		p.f("| `%s` | %s | %s | %s |\n", c.ID, cell(c.SeedDiffers), cell(c.Text), cell(refLinks(c.Refs)))
	}
	return p.bytes(), nil
}

func position(d flows.Disagreement, vendor string) (flows.Position, bool) {
	for _, pos := range d.Vendors {
		if pos.Vendor == vendor {
			return pos, true
		}
	}
	return flows.Position{}, false
}

func mark(g flows.Grade) string {
	switch g {
	case flows.Agrees:
		return "✅"
	case flows.Silent:
		return "➖"
	}
	return "⚠️"
}

// flagsOf renders answers as advise flags in facet order.
func flagsOf(a map[string]string) string {
	return strings.Join(advisor.Flags(a), " ")
}
