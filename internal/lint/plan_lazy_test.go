package lint

import (
	"reflect"
	"testing"

	"github.com/whichflow/whichflow/flows"
)

// TestPlanIsLazy guards a measured start-up decision: a run plans no
// target before a file meets it (planning every format's targets was ~4%
// of lint's start-up on an empty directory), and a target planned on
// first use gets the rules planFor gives it.
func TestPlanIsLazy(t *testing.T) {
	for _, profile := range []string{ProfileStandard, ProfileHigh} {
		var rules []flows.Rule
		for _, r := range catalog() {
			if r.AppliesTo(flows.Target{Profile: flows.Profile(profile)}) {
				rules = append(rules, r)
			}
		}
		o := &Options{rules: rules, plan: newPlan(rules, profile)}
		if n := o.plan.planned(); n != 0 {
			t.Fatalf("%s: %d targets planned before any file", profile, n)
		}
		seen := 0
		for target := range o.plan {
			got := o.rulesFor(target)
			seen++
			if n := o.plan.planned(); n != seen {
				t.Fatalf("%s: %d targets planned after %d met", profile, n, seen)
			}
			want := planFor(rules, target)
			if len(got) != len(want) {
				t.Fatalf("%s %+v: %d rules, want %d", profile, target, len(got), len(want))
			}
			for i := range got {
				if got[i].rule.ID != want[i].rule.ID || reflect.ValueOf(got[i].client).Pointer() != reflect.ValueOf(want[i].client).Pointer() ||
					reflect.ValueOf(got[i].realm).Pointer() != reflect.ValueOf(want[i].realm).Pointer() {
					t.Errorf("%s %+v: rule %d is %s, want %s", profile, target, i, got[i].rule.ID, want[i].rule.ID)
				}
			}
			if again := o.rulesFor(target); len(again) > 0 && &again[0] != &got[0] {
				t.Errorf("%s %+v: planned twice", profile, target)
			}
		}
		if seen == 0 {
			t.Fatal("no targets")
		}
	}
}
