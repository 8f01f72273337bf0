package lint

import (
	"sync"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/clientconfig"
)

// A plan is, for each target a run can meet (every format, client or realm,
// flowless or not), the rules of the run that apply to it with their
// checks: Rule.AppliesTo still decides, once per target instead of once per
// client and rule, so linting 10,000 one-client files does not look the
// rules up 10,000 times. Each target's rules are worked out the first time
// a file meets it (a run meets few of the targets; planning them all was
// ~4% of the start-up of lint on an empty directory: TestPlanIsLazy).
type plan map[flows.Target]*targetPlan

// targetPlan is one target's rules, worked out once, by whichever worker
// meets the target first.
type targetPlan struct {
	once  sync.Once
	rules []planned
}

// planned is one rule that applies to a target, with its check.
type planned struct {
	rule   flows.Rule
	client check      // nil for realm targets
	realm  realmCheck // nil for client targets
}

// newPlan plans rules (the catalog rules of one run's profile).
func newPlan(rules []flows.Rule, profile string) plan {
	p := plan{}
	for _, fi := range flows.Formats() {
		for _, t := range []flows.Target{
			{Format: fi.Format, Scope: flows.ScopeClient, Profile: flows.Profile(profile)},
			{Format: fi.Format, Scope: flows.ScopeClient, Profile: flows.Profile(profile), Flowless: true},
			{Format: fi.Format, Scope: flows.ScopeRealm, Profile: flows.Profile(profile)},
		} {
			p[t] = &targetPlan{}
		}
	}
	return p
}

// planned reports how many targets have had their rules worked out.
func (p plan) planned() int {
	n := 0
	for _, tp := range p {
		if tp.rules != nil {
			n++
		}
	}
	return n
}

// planFor lists the rules that apply to t and have a check for its scope.
func planFor(rules []flows.Rule, t flows.Target) []planned {
	out := []planned{} // not nil: planned counts it
	for _, r := range rules {
		if !r.AppliesTo(t) {
			continue
		}
		pr := planned{rule: r}
		if t.Scope == flows.ScopeRealm {
			pr.realm = realmChecks[r.ID]
		} else {
			pr.client = checks[r.ID]
		}
		if pr.client != nil || pr.realm != nil {
			out = append(out, pr)
		}
	}
	return out
}

// rulesFor is the plan for t: the run's, or worked out now when the run has
// none (tests that call lintSubjects directly) or t is not in it.
func (o *Options) rulesFor(t flows.Target) []planned {
	if tp, ok := o.plan[t]; ok {
		tp.once.Do(func() { tp.rules = planFor(o.rules, t) })
		return tp.rules
	}
	return planFor(o.rules, t)
}

// realmTarget is where realm r sits for the rules of a run in profile.
func realmTarget(r *clientconfig.Realm, profile string) flows.Target {
	return flows.Target{Format: r.Format, Scope: flows.ScopeRealm, Profile: flows.Profile(profile)}
}
