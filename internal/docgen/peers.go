package docgen

import (
	"fmt"
	"strings"

	"github.com/whichflow/whichflow/flows"
)

// PeersPage renders peers.md from flows.PeerChecks: for each peer auditor,
// each of its client and token checks with the whichflow rule that covers
// it, or why none does. The numbers are the ones TestPeerChecks logs.
func PeersPage() []byte {
	p := newPage("whichflow and other auditors")
	p.f("How whichflow's rules compare with the checks of the auditors platform teams know. Each peer\n")
	p.f("check maps to the whichflow rule that finds the same problem, or says why none does: *not\n")
	p.f("covered* (applicable, and missed), *not config-checkable* (needs a running server or users),\n")
	p.f("*out of scope* (not about OAuth clients or tokens) or *noise* (not a security problem).\n")
	p.f("Only covered and not-covered checks count as applicable.\n\n")
	p.f("| Peer | Checks mapped | Applicable | Covered |\n|---|---|---|---|\n")
	for _, c := range flows.Coverage(flows.PeerChecks) {
		p.f("| %s | %d | %d | %d (%s) |\n", cell(c.Peer), c.Checks, c.Applicable, c.Now, percent(c.Now, c.Applicable))
	}
	for _, c := range flows.Coverage(flows.PeerChecks) {
		p.f("\n## %s\n\n| Check | What it checks | whichflow |\n|---|---|---|\n", c.Peer)
		for _, pc := range flows.PeerChecks {
			if pc.Peer != c.Peer {
				continue
			}
			what := cell(pc.Why)
			if _, ok := flows.RuleByID(pc.Rule); ok {
				what = fmt.Sprintf("[`%s`](rules/%s.md): %s", pc.Rule, pc.Rule, cell(pc.Why))
			}
			p.f("| `%s` | %s | %s |\n", strings.ReplaceAll(pc.CheckID, "`", ""), cell(pc.Title), what)
		}
	}
	return p.bytes()
}

func percent(n, d int) string {
	if d == 0 {
		return "-"
	}
	return fmt.Sprintf("%d%%", n*100/d)
}
