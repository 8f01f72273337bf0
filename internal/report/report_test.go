package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/golden"
	"github.com/whichflow/whichflow/internal/lint"
)

type fixture struct {
	Files    int               `json:"files"`
	Clients  int               `json:"clients"`
	Profile  string            `json:"profile"`
	Linted   []lint.LintedFile `json:"linted"`
	Findings []lint.Finding    `json:"findings"`
}

func loadFixture(t *testing.T) *lint.Result {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "findings.json"))
	if err != nil {
		t.Fatal(err)
	}
	var fx fixture
	if err := json.Unmarshal(data, &fx); err != nil {
		t.Fatal(err)
	}
	for i := range fx.Findings {
		fx.Findings[i].Fingerprint = lint.Fingerprint(fx.Findings[i])
	}
	lint.SortFindings(fx.Findings)
	rules := append(flows.RulesFor(flows.Target{Profile: flows.Profile(fx.Profile)}), realmDouble)
	return &lint.Result{Files: fx.Files, Clients: fx.Clients, Profile: fx.Profile, Linted: fx.Linted, Findings: fx.Findings, Rules: rules}
}

// realmDouble is a realm-scope rule that exists only in these tests (the
// catalog's realm rules come with the adapters that read realm settings).
var realmDouble = flows.Rule{ID: "test-realm-rule", Title: "A test realm rule", Severity: flows.SeverityWarning,
	Scope: flows.ScopeRealm, Profile: flows.ProfileStandard, Formats: []flows.Format{flows.FormatKeycloak},
	Rationale: "Realms can be wrong.", Remediation: "Fix the realm.", Refs: []flows.Ref{flows.RFC9700.S("2")}}

func render(t *testing.T, format string, o Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	p, err := New(format, &buf, o)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Print(loadFixture(t)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	for format, name := range map[string]string{
		"text":   "golden.txt",
		"json":   "golden.json",
		"sarif":  "golden.sarif",
		"github": "golden.github",
		"junit":  "golden.junit.xml",
	} {
		t.Run(format, func(t *testing.T) {
			got := render(t, format, Options{Version: "0.0.0-test", WorkDir: "/src/repo"})
			golden.Check(t, filepath.Join("testdata", name), got)
			if bytes.Contains(got, []byte("\x1b[")) {
				t.Errorf("%s output contains ANSI escapes", format)
			}
		})
	}
}

func TestTextColor(t *testing.T) {
	got := render(t, "text", Options{Color: true})
	if !bytes.Contains(got, []byte("\x1b[31m")) {
		t.Errorf("colour requested but no ANSI red in:\n%s", got)
	}
}

func TestJSONContract(t *testing.T) {
	var out struct {
		SchemaVersion int `json:"schema_version"`
		Findings      []map[string]any
		Summary       map[string]int
	}
	if err := json.Unmarshal(render(t, "json", Options{}), &out); err != nil {
		t.Fatal(err)
	}
	if out.SchemaVersion != 1 {
		t.Errorf("schema_version %d", out.SchemaVersion)
	}
	for _, f := range out.Findings {
		for _, k := range []string{"rule", "severity", "file", "line", "column", "client", "scope", "message", "refs"} {
			if _, ok := f[k]; !ok {
				t.Errorf("finding lacks %q: %v", k, f)
			}
		}
		if s := f["scope"]; s != "client" && s != "realm" {
			t.Errorf("scope %v, want client or realm", s)
		}
		if len(f) != 9 {
			t.Errorf("finding has extra fields: %v", f)
		}
	}
	want := map[string]int{"files": 3, "clients": 5, "errors": 5, "warnings": 2, "notes": 0}
	for k, v := range want {
		if out.Summary[k] != v {
			t.Errorf("summary.%s = %d, want %d", k, out.Summary[k], v)
		}
	}
}

func TestGithubEscaping(t *testing.T) {
	for in, want := range map[string]string{"a%b\r\nc": "a%25b%0D%0Ac"} {
		if got := escapeData(in); got != want {
			t.Errorf("escapeData(%q) = %q, want %q", in, got, want)
		}
	}
	if got := escapeProperty("a:b,c%"); got != "a%3Ab%2Cc%25" {
		t.Errorf("escapeProperty = %q", got)
	}
}

// TestJUnitCasesAreRulesThatRan: JUnit has a case for each rule that ran on
// a subject and no other: the bearer-only client gets committed-secret
// only, rules the engine raises (suppression-*) get no passing cases, and
// the realm gets the realm rule.
func TestJUnitCasesAreRulesThatRan(t *testing.T) {
	out := string(render(t, "junit", Options{}))
	for _, want := range []string{`name="legacy-api: committed-secret"`, `name="realm acme: test-realm-rule"`} {
		if !strings.Contains(out, want) {
			t.Errorf("JUnit lacks %s", want)
		}
	}
	for _, bad := range []string{`name="legacy-api: implicit-grant"`, `suppression-unknown-rule`, `suppression-without-reason`,
		`name="realm acme: implicit-grant"`, `name="my-spa: test-realm-rule"`, `fapi-`} {
		if strings.Contains(out, bad) {
			t.Errorf("JUnit has a case for a rule that did not run: %s", bad)
		}
	}
}

// TestSARIFRulesOfTheRun: tool.driver.rules are the rules of the run's
// profile: no FAPI rule in a standard run.
func TestSARIFRulesOfTheRun(t *testing.T) {
	out := string(render(t, "sarif", Options{}))
	if strings.Contains(out, `"id": "fapi-`) {
		t.Error("standard-profile SARIF lists FAPI rules")
	}
	if !strings.Contains(out, `"id": "test-realm-rule"`) || !strings.Contains(out, `"scope": "realm"`) {
		t.Error("SARIF lacks the realm rule or the realm finding's scope")
	}
}

// TestNoInjection: a client named "x\n::error file=README.md::INJECTED" and
// a message with ANSI and OSC sequences (the fixture's evil client) forge
// no GitHub Actions command and reach no terminal raw, in any
// human-readable format.
func TestNoInjection(t *testing.T) {
	for _, format := range []string{"text", "github", "junit"} {
		out := string(render(t, format, Options{}))
		if strings.ContainsAny(out, "\x1b\x07") {
			t.Errorf("%s output carries a raw control character", format)
		}
		commands := 0
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "::") {
				commands++
			}
		}
		want := 0
		if format == "github" {
			want = len(visible(loadFixture(t).Findings)) // one annotation per finding, no more
		}
		if commands != want {
			t.Errorf("%s output has %d workflow command lines, want %d:\n%s", format, commands, want, out)
		}
		if !strings.Contains(out, `evil\n`) {
			t.Errorf("%s output does not show the escaped name", format)
		}
	}
}
