package docgen

import (
	"fmt"
	"strings"

	"github.com/whichflow/whichflow/advisor"
	"github.com/whichflow/whichflow/flows"
)

// Situation is one complete set of answers and what advisor.Decide makes of
// it. The docs' decision table, flow pages and diagram are all built from
// the list of every situation, so they cannot drift from `advise`.
type Situation struct {
	Answers advisor.Answers
	// FollowUps are the facets asked for this client beyond client and
	// security, in questionnaire order.
	FollowUps []flows.Facet
	Decision  advisor.Decision
}

// Client is the situation's --client value.
func (s Situation) Client() string { return s.Answers[flows.FacetClient] }

// High reports whether the situation is --security high.
func (s Situation) High() bool { return s.Answers[flows.FacetSecurity] == flows.SecurityHigh }

// Label names the situation for people: "Single-page app, backend: yes".
func (s Situation) Label() string {
	client, _ := flows.FacetByID(flows.FacetClient)
	parts := []string{client.OptionLabel(s.Client())}
	for _, f := range s.FollowUps {
		parts = append(parts, f.ID+": "+f.OptionLabel(s.Answers[f.ID]))
	}
	return strings.Join(parts, ", ")
}

// Flags renders the situation as `advise` flags, every follow-up explicit.
func (s Situation) Flags() string {
	a := advisor.Answers{flows.FacetClient: s.Client()}
	for _, f := range s.FollowUps {
		a[f.ID] = s.Answers[f.ID]
	}
	if s.High() {
		a[flows.FacetSecurity] = flows.SecurityHigh
	}
	return strings.Join(advisor.Flags(a), " ")
}

// followUps are the facets that matter only for some clients (backend,
// browser, redirects, assertion) and matter for this one at this security
// level: at high security the overlay answers some (a spa is a BFF).
func followUps(client, security string) []flows.Facet {
	var out []flows.Facet
	for _, f := range flows.Facets() {
		if len(f.AskWhenClient) > 0 && f.MattersFor(client) && !rerouted(f.ID, client, security) {
			out = append(out, f.For(client)) // as the questionnaire asks it
		}
	}
	return out
}

func rerouted(facet, client, security string) bool {
	if security != flows.SecurityHigh {
		return false
	}
	for _, r := range flows.HighSecurity.Reroutes {
		if r.Client == client && r.Facet == facet {
			return true
		}
	}
	return false
}

// Situations runs advisor.Decide over every client situation, every
// combination of the follow-up answers that matter for it, and both
// security levels: standard situations first, in questionnaire order.
func Situations() ([]Situation, error) {
	client, _ := flows.FacetByID(flows.FacetClient)
	var out []Situation
	for _, security := range []string{flows.SecurityStandard, flows.SecurityHigh} {
		for _, c := range client.Values() {
			fus := followUps(c, security)
			for _, combo := range combinations(fus) {
				a := advisor.Answers{flows.FacetClient: c, flows.FacetSecurity: security}
				for id, v := range combo {
					a[id] = v
				}
				// The questions that only add caveats to redirect flows
				// are given their defaults: every answer is explicit.
				for _, f := range flows.Facets() {
					if f.AskWhenRedirect {
						a[f.ID] = f.Default
					}
				}
				d, err := advisor.Decide(a)
				if err != nil {
					return nil, fmt.Errorf("deciding %v: %w", a, err)
				}
				out = append(out, Situation{Answers: a, FollowUps: fus, Decision: d})
			}
		}
	}
	return out, nil
}

// combinations lists every assignment of the facets' values, the facets'
// own option order deciding the order (the first option first).
func combinations(fs []flows.Facet) []map[string]string {
	out := []map[string]string{{}}
	for _, f := range fs {
		var next []map[string]string
		for _, partial := range out {
			for _, v := range f.Values() {
				m := map[string]string{f.ID: v}
				for k, pv := range partial {
					m[k] = pv
				}
				next = append(next, m)
			}
		}
		out = next
	}
	return out
}
