package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
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
