package lint

import (
	"errors"
	"strings"
	"testing"
)

// TestConfigHugeGlob: a 3 MB glob is an error naming the entry, not a
// panic inside regexp.
func TestConfigHugeGlob(t *testing.T) {
	for _, key := range []string{"path", "client"} {
		data := "ignore:\n  - rule: ropc\n    reason: x\n    " + key + ": \"" + strings.Repeat("a*", 3<<19) + "\"\n"
		_, err := parseConfig([]byte(data), ".whichflow.yaml", "/repo")
		var ce *ConfigError
		if !errors.As(err, &ce) || ce.Line != 2 || !strings.Contains(ce.Msg, "over the 1024-byte limit") {
			t.Errorf("%s: err = %v, want a ConfigError at line 2 naming the limit", key, err)
		}
	}
}

// TestConfigStrict: every way to misspell .whichflow.yaml is an error with
// the line, never a silent "suppress everything".
func TestConfigStrict(t *testing.T) {
	for _, tc := range []struct{ name, data, want string }{
		{"unknown entry key", "ignore:\n  - rul: ropc\n    reason: x\n", `:2: unknown key "rul"`},
		{"no rule", "ignore:\n  - reason: temporary\n", ":2: ignore entry has no rule"},
		{"empty rule", "ignore:\n  - rule: \"\"\n    reason: x\n", ":2: ignore entry has no rule"},
		{"top-level typo", "ignores:\n  - rule: ropc\n", `:1: unknown key "ignores"`},
		{"star without reason", "ignore:\n  - rule: \"*\"\n", ":2: ignore entry with rule: \"*\" suppresses every rule"},
		{"list value", "ignore:\n  - rule: [ropc, implicit-grant]\n    reason: x\n", ":2: rule: must be a single value"},
		{"duplicate key", "ignore:\n  - rule: ropc\n    rule: implicit-grant\n    reason: x\n", ""},
		{"entry not a mapping", "ignore:\n  - ropc\n", ":2: an ignore entry must be a mapping"},
		{"ignore not a list", "ignore: ropc\n", ":1: ignore: must be a list"},
		{"not a mapping", "- rule: ropc\n", ":1: want a mapping"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseConfig([]byte(tc.data), ".whichflow.yaml", "/repo")
			if err == nil {
				t.Fatal("accepted")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q lacks %q", err, tc.want)
			}
		})
	}
	for _, ok := range []string{"", "ignore:\n", "ignore: []\n", "ignore:\n  - rule: \"*\"\n    reason: vendored\n    path: vendor/**\n"} {
		if _, err := parseConfig([]byte(ok), ".whichflow.yaml", "/repo"); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
}

// TestGlobOneDialect: client and path patterns read *, ** and ? the same
// way, and nothing else is special (a `[` is literal in both).
func TestGlobOneDialect(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		isPath  bool
		s       string
		want    bool
	}{
		{"preview-*", false, "preview-42", true},
		{"preview-?", false, "preview-4", true},
		{"preview-[0-9]", false, "preview-4", false},
		{"preview-[0-9]", false, "preview-[0-9]", true},
		{"https://app.example.com/*", false, "https://app.example.com/client.json", true},
		{"*", false, "https://app.example.com/client.json", false},
		{"**", false, "https://app.example.com/client.json", true},
		{"realm-[0-9].json", true, "keycloak/realm-[0-9].json", true},
		{"realm-[0-9].json", true, "keycloak/realm-1.json", false},
		{"*.json", true, "keycloak/realm.json", true},
		{"keycloak/*.json", true, "x/keycloak/realm.json", true},
		{"keycloak/*.json", true, "keycloak/a/realm.json", false},
		{"keycloak/**/*.json", true, "keycloak/a/b/realm.json", true},
	} {
		g, err := compileGlob(tc.pattern, tc.isPath)
		if err != nil {
			t.Fatal(err)
		}
		if got := g.match(tc.s); got != tc.want {
			t.Errorf("glob %q (path %v) on %q = %v, want %v", tc.pattern, tc.isPath, tc.s, got, tc.want)
		}
	}
}

// FuzzParseConfig: any .whichflow.yaml is either a configuration whose
// every entry names a rule, or an error; never a panic.
func FuzzParseConfig(f *testing.F) {
	for _, s := range []string{"ignore:\n  - rule: ropc\n    reason: x\n", "ignore:\n  - reason: x\n", "ignores: []\n",
		"ignore:\n  - rule: \"*\"\n    reason: x\n    path: \"**/[*\"\n", "a: &a [*a, *a]\nignore: *a\n", "ignore: [{rule: x, client: \"\\u0000\"}]"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := parseConfig(data, ".whichflow.yaml", "/repo")
		if err != nil {
			return
		}
		for _, e := range cfg.entries {
			if e.Rule == "" {
				t.Fatalf("entry without rule accepted from %q", data)
			}
			if e.Rule == AllRules && strings.TrimSpace(e.Reason) == "" {
				t.Fatalf("all-rules entry without reason accepted from %q", data)
			}
		}
	})
}
