package flows

import (
	"fmt"
	"strings"
	"testing"
)

// TestPeerChecks checks the peer mapping as data: every named rule is in the
// catalog,
// every check without a rule says why in the fixed vocabulary, and no check
// is mapped twice. With -v it prints the coverage table for the notes.
func TestPeerChecks(t *testing.T) {
	peers := map[string]bool{PeerKcwarden: true, PeerKCVerifyer: true, PeerCheckmate: true,
		PeerClientPolicies: true, PeerASVS: true, PeerSpectralOWASP: true}
	seen := map[string]bool{}
	for _, c := range PeerChecks {
		key := c.Peer + " " + c.CheckID
		if !peers[c.Peer] {
			t.Errorf("%s: unknown peer", key)
		}
		if c.CheckID == "" || c.Title == "" || c.Why == "" {
			t.Errorf("%s: CheckID, Title and Why are required", key)
		}
		if seen[key] {
			t.Errorf("%s mapped twice", key)
		}
		seen[key] = true
		if c.Rule != "" {
			if _, ok := RuleByID(c.Rule); !ok {
				t.Errorf("%s: rule %q is not in the catalog", key, c.Rule)
			}
			continue
		}
		ok := false
		for _, p := range []string{PeerWhyNotCovered, PeerWhyNotCheckable, PeerWhyOutOfScope, PeerWhyNoise} {
			ok = ok || strings.HasPrefix(c.Why, p)
		}
		if !ok {
			t.Errorf("%s: no rule, and Why %q does not start with a PeerWhy* prefix", key, c.Why)
		}
	}
	for p := range peers {
		found := false
		for _, c := range PeerChecks {
			found = found || c.Peer == p
		}
		if !found {
			t.Errorf("peer %s has no checks", p)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "| Peer | Checks mapped | Applicable | Covered |\n|---|---|---|---|\n")
	for _, p := range Coverage(PeerChecks) {
		fmt.Fprintf(&b, "| %s | %d | %d | %d (%s) |\n", p.Peer, p.Checks, p.Applicable, p.Now, pct(p.Now, p.Applicable))
	}
	t.Log("\n" + b.String())
}

func pct(n, d int) string {
	if d == 0 {
		return "-"
	}
	return fmt.Sprintf("%d%%", n*100/d)
}

func TestCoverage(t *testing.T) {
	checks := []PeerCheck{
		{Peer: "a", CheckID: "1", Rule: RuleROPC},
		{Peer: "a", CheckID: "2", Rule: RuleSSLRequiredNone},
		{Peer: "a", CheckID: "5", Rule: "not-a-rule"},
		{Peer: "a", CheckID: "3", Why: PeerWhyNotCovered + "x"},
		{Peer: "a", CheckID: "4", Why: PeerWhyOutOfScope + "x"},
		{Peer: "b", CheckID: "1", Why: PeerWhyNoise + "x"},
	}
	got := Coverage(checks)
	want := []PeerCoverage{{Peer: "a", Checks: 5, Applicable: 4, Now: 2}, {Peer: "b", Checks: 1}}
	if len(got) != len(want) {
		t.Fatalf("Coverage = %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Coverage[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
	if pct(2, 3) != "66%" || pct(0, 0) != "-" {
		t.Errorf("pct: %s %s", pct(2, 3), pct(0, 0))
	}
}
