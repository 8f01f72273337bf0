package flows

import (
	"strings"
	"testing"
)

// TestDisagreementsWellFormed holds the guide comparison to what the
// seed-vs-standards page relies on.
func TestDisagreementsWellFormed(t *testing.T) {
	vendors := map[string]bool{}
	for _, v := range Vendors() {
		vendors[v.ID] = true
		if v.Name == "" || v.Guide.URL == "" {
			t.Errorf("vendor %q lacks a name or guide", v.ID)
		}
	}
	client, _ := FacetByID(FacetClient)
	seen := map[string]bool{}
	for _, d := range Disagreements() {
		if d.ID == "" || seen[d.ID] {
			t.Errorf("missing or duplicate ID %q", d.ID)
		}
		seen[d.ID] = true
		if d.Topic == "" || d.Seed == "" || d.Standards == "" || len(d.Refs) == 0 {
			t.Errorf("%s: topic, seed, standards and refs are required", d.ID)
		}
		if !client.Allows(d.Answers[FacetClient]) {
			t.Errorf("%s: answers %v name no client situation", d.ID, d.Answers)
		}
		if d.Caveat != "" {
			if _, ok := CaveatByID(d.Caveat); !ok {
				t.Errorf("%s: unknown caveat %q", d.ID, d.Caveat)
			}
		}
		grades := []Position{{Vendor: "seed", Says: d.Seed, Grade: d.SeedGrade}}
		for _, p := range d.Vendors {
			if !vendors[p.Vendor] || p.Says == "" {
				t.Errorf("%s: bad position %+v", d.ID, p)
			}
			grades = append(grades, p)
		}
		// One scale for every guide, the seed included: a guide with no
		// case for the situation is silent, not wrong.
		for _, p := range grades {
			switch p.Grade {
			case Agrees, Differs, Silent:
			default:
				t.Errorf("%s: %s has no grade", d.ID, p.Vendor)
			}
			if strings.HasPrefix(p.Says, "No ") != (p.Grade == Silent) {
				t.Errorf("%s: %s says %q but is graded %s", d.ID, p.Vendor, p.Says, p.Grade)
			}
		}
	}
}
