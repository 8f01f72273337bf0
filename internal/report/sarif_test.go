package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/lint"
)

// TestSARIFSchema validates the SARIF output against the official SARIF
// 2.1.0 schema (OASIS errata01, testdata/sarif-schema-2.1.0.json).
func TestSARIFSchema(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	out := render(t, "sarif", Options{Version: "1.2.3"})
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("SARIF output is not valid SARIF 2.1.0: %v", err)
	}

	// Beyond the schema: what GitHub code scanning needs.
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID   string
						Name string
						Help struct{ Text, Markdown string }
					}
				}
			}
			Results []struct {
				RuleID              string
				RuleIndex           int
				PartialFingerprints map[string]string
				Suppressions        []map[string]string
			}
		}
	}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	suppressed := 0
	for _, r := range run.Results {
		if run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("ruleIndex %d of %s points at %s", r.RuleIndex, r.RuleID, run.Tool.Driver.Rules[r.RuleIndex].ID)
		}
		if len(r.PartialFingerprints) == 0 {
			t.Errorf("%s: no partialFingerprints", r.RuleID)
		}
		if len(r.Suppressions) > 0 {
			suppressed++
		}
	}
	if suppressed != 2 {
		t.Errorf("%d suppressed results, want 2 (suppressed findings stay in SARIF)", suppressed)
	}
	for _, r := range run.Tool.Driver.Rules {
		if r.Name == r.ID || r.Help.Text == "" || r.Help.Markdown == "" {
			t.Errorf("rule %s: name %q, help %q", r.ID, r.Name, r.Help.Text)
		}
	}
}

func TestSARIFArtifacts(t *testing.T) {
	for _, tc := range []struct {
		path, workDir string
		want          sarifArtifact
	}{
		{"keycloak/realm.json", "/src/repo", sarifArtifact{URI: "keycloak/realm.json", URIBaseID: srcRoot}},
		{"./auth0/Shipment Tracker.json", "/src/repo", sarifArtifact{URI: "auth0/Shipment%20Tracker.json", URIBaseID: srcRoot}},
		{"/src/repo/keycloak/realm.json", "/src/repo", sarifArtifact{URI: "keycloak/realm.json", URIBaseID: srcRoot}},
		{"/elsewhere/r#1.json", "/src/repo", sarifArtifact{URI: "file:///elsewhere/r%231.json"}},
		{"/elsewhere/realm.json", "", sarifArtifact{URI: "file:///elsewhere/realm.json"}},
	} {
		if got := sarifArtifactOf(tc.path, tc.workDir); got != tc.want {
			t.Errorf("sarifArtifactOf(%q, %q) = %+v, want %+v", tc.path, tc.workDir, got, tc.want)
		}
	}
	if got := dirURI("/src/repo"); got != "file:///src/repo/" {
		t.Errorf("dirURI = %q", got)
	}
}

// TestSARIFNamesAndVersion: names are PascalCase, differ from the id even
// ignoring case (SARIF1001, SARIF2012), and versions start with a digit
// (SARIF2005).
func TestSARIFNamesAndVersion(t *testing.T) {
	for _, r := range flows.Rules() {
		name := sarifName(r)
		if strings.EqualFold(name, strings.ReplaceAll(r.ID, "-", "")) || strings.EqualFold(name, r.ID) {
			t.Errorf("%s: name %q is its id", r.ID, name)
		}
		for i := 1; i < len(name); i++ {
			if name[i-1] >= 'A' && name[i-1] <= 'Z' && name[i] >= 'A' && name[i] <= 'Z' {
				t.Errorf("%s: name %q has two capitals in a row", r.ID, name)
			}
		}
		if name == "" || name[0] < 'A' || name[0] > 'Z' {
			t.Errorf("%s: name %q is not PascalCase", r.ID, name)
		}
	}
	for in, want := range map[string]string{"v1.2.3": "1.2.3", "1.2.3": "1.2.3", "dev": "0.0.0-dev", "": "0.0.0-dev",
		"v0.1.0-3-gabc1234": "0.1.0-3-gabc1234", "(devel)": "0.0.0-(devel)"} {
		if got := sarifVersion(in); got != want {
			t.Errorf("sarifVersion(%q) = %q, want %q", in, got, want)
		}
	}
}

// sarifTree is the log as SARIF was printed before it was held compactly:
// the whole tree built, then encoded at once by encoding/json. The oracle
// for the hand-assembled log.
func sarifTree(res *lint.Result, version, workDir string) []byte {
	driver := sarifDriver{Name: "whichflow", Version: sarifVersion(version), InformationURI: toolInfoURI, Rules: []sarifRule{}}
	index := map[string]int{}
	addRule := func(r flows.Rule) {
		index[r.ID] = len(driver.Rules)
		driver.Rules = append(driver.Rules, sarifRuleOf(r))
	}
	for _, r := range runRules(res) {
		addRule(r)
	}
	inv := sarifInvocation{ExecutionSuccessful: true}
	for _, sk := range res.Skipped {
		if sk.Notable {
			inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{Level: "warning",
				Message: sarifText{Text: "skipped " + sk.Path + ": " + sk.Reason}})
		}
	}
	p := &sarifPrinter{workDir: workDir}
	results := []sarifResult{}
	for _, f := range res.Findings {
		if _, ok := index[f.Rule]; !ok {
			r, known := flows.RuleByID(f.Rule)
			if !known {
				r = flows.Rule{ID: f.Rule, Title: f.Rule, Severity: f.Severity}
			}
			addRule(r)
		}
		results = append(results, p.result(f, index[f.Rule], sarifArtifactOf(f.File, workDir)))
	}
	// The rules of findings outside the run's list are in tool.driver.rules
	// (before, they were added to a copy: ruleIndex pointed past the list).
	run := sarifRun{Tool: sarifTool{Driver: driver}, Invocations: []sarifInvocation{inv}, Results: results}
	if workDir != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifact{srcRoot: {URI: dirURI(workDir)}}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}}); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// TestSARIFMatchesTree: the log written result by result is, byte for
// byte, what encoding/json makes of the whole tree: the fixture, no
// findings, skipped files, rules outside the run's list (a catalog rule of
// another profile, a rule no catalog has), and strings of every escape
// class in messages, clients and paths.
func TestSARIFMatchesTree(t *testing.T) {
	hostile := []string{"a\"b\\c", "<script>&amp;</script>", "\xff\xfe bad \xc3", "line\u2028sep\u2029", "\x1b[31m\a\ttab\r\n",
		`"results": []`, "é 日本 🙂"}
	withExtra := func() *lint.Result {
		res := loadFixture(t)
		high := flows.RulesFor(flows.Target{Profile: flows.ProfileHigh})
		var outside string
		for _, r := range high {
			if _, ok := flows.RuleByID(r.ID); ok && r.Profile == flows.ProfileHigh {
				outside = r.ID
				break
			}
		}
		extra := []lint.Finding{{Rule: outside, Severity: flows.SeverityWarning, File: "keycloak/realm.json", Line: 7, Column: 1, Client: "my-spa", Message: "fapi"},
			{Rule: "not-a-rule", Severity: "bogus", File: "x.json", Line: 0, Column: 0, Message: "?"}}
		for i, s := range hostile {
			extra = append(extra, lint.Finding{Rule: "ropc", Severity: flows.SeverityError, File: "dir " + s + "/f.json", Line: i + 1, Column: 2,
				Client: s, Scope: flows.ScopeClient, Message: s, Refs: []string{s}})
		}
		for i := range extra {
			extra[i].Fingerprint = lint.Fingerprint(extra[i])
		}
		extra[1].Fingerprint = "not hex"
		res.Findings = append(res.Findings, extra...)
		lint.SortFindings(res.Findings)
		res.Skipped = []lint.Skip{{Path: "a/link.json", Reason: "a symbolic link", Notable: true}, {Path: "quiet.json", Reason: "no clients"},
			{Path: `"results": [] ` + hostile[0], Reason: hostile[3], Notable: true}}
		return res
	}
	cases := map[string]*lint.Result{"fixture": loadFixture(t), "extra": withExtra(), "empty": {Profile: "standard"}}
	for name, res := range cases {
		for _, wd := range []string{"", "/src/repo"} {
			var got bytes.Buffer
			p, _ := New("sarif", &got, Options{Version: "1.2.3", WorkDir: wd})
			if err := p.Print(res); err != nil {
				t.Fatal(err)
			}
			if want := sarifTree(res, "1.2.3", wd); !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s, workDir %q: the log differs from encoding/json's tree:\n%s\nwant:\n%s", name, wd, got.Bytes(), want)
			}
		}
	}
}
