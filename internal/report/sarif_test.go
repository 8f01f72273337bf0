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
