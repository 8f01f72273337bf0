package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/whichflow/whichflow/internal/lint"
)

// update reports whether golden files should be rewritten
// (WHICHFLOW_UPDATE=1), read at test time so the test cache does not hide it.
func update() bool { return os.Getenv("WHICHFLOW_UPDATE") != "" }

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
	return &lint.Result{Files: fx.Files, Clients: fx.Clients, Profile: fx.Profile, Linted: fx.Linted, Findings: fx.Findings}
}

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
	for format, golden := range map[string]string{
		"text":   "golden.txt",
		"json":   "golden.json",
		"sarif":  "golden.sarif",
		"github": "golden.github",
		"junit":  "golden.junit.xml",
	} {
		t.Run(format, func(t *testing.T) {
			got := render(t, format, Options{Version: "0.0.0-test"})
			path := filepath.Join("testdata", golden)
			if update() {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run WHICHFLOW_UPDATE=1 go test ./internal/report/)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s output differs from %s (run WHICHFLOW_UPDATE=1 go test ./internal/report/ and review the diff)\ngot:\n%s", format, path, got)
			}
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
		for _, k := range []string{"rule", "severity", "file", "line", "column", "client", "message", "refs"} {
			if _, ok := f[k]; !ok {
				t.Errorf("finding lacks %q: %v", k, f)
			}
		}
		if len(f) != 8 {
			t.Errorf("finding has extra fields: %v", f)
		}
	}
	want := map[string]int{"files": 3, "clients": 3, "errors": 4, "warnings": 1, "notes": 0}
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
