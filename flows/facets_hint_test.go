package flows

import "testing"

// Questions have their own wording: the hint under a question is written
// for the person answering, not the flag's help ("false for SSH sessions"
// under a yes/no question reads wrong).
func TestFacetsHaveTheirOwnHint(t *testing.T) {
	for _, f := range Facets() {
		if f.Question == "" || f.Hint == "" {
			t.Errorf("facet %s: question %q, hint %q: both are needed", f.ID, f.Question, f.Hint)
		}
		if f.Hint == f.Help {
			t.Errorf("facet %s: the hint repeats the flag help", f.ID)
		}
	}
}
