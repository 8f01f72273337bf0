package flows

import "testing"

func TestKnownRule(t *testing.T) {
	for _, id := range []string{RuleImplicitGrant, RuleCommittedSecret, "ssl-required-none", "redirect-localhost"} {
		if !KnownRule(id) {
			t.Errorf("KnownRule(%q) = false", id)
		}
	}
	for _, id := range []string{"", "implicit", "ssl-required", "full-scope"} {
		if KnownRule(id) {
			t.Errorf("KnownRule(%q) = true", id)
		}
	}
	seen := map[string]bool{}
	for _, id := range SecondRoundRules {
		if seen[id] {
			t.Errorf("SecondRoundRules lists %q twice", id)
		}
		seen[id] = true
	}
}
