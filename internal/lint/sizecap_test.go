package lint

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Terraform files have a lower cap than the rest: HCL parsing is the
// slowest reader, and lint's time per file must stay bounded. The cap
// follows what is read as HCL, whatever the name's case or extension (a
// case-sensitive ".tf" check once let x.TF and HCL in x.properties past it).
func TestTerraformSizeCap(t *testing.T) {
	dir := t.TempDir()
	sparse := filepath.Join(dir, "huge.tf")
	f, err := os.Create(sparse)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(8<<20 + 1); err != nil { // sparse: costs no disk
		t.Fatal(err)
	}
	f.Close()
	hcl := "resource \"okta_app_oauth\" \"x\" {\n type = \"web\"\n}\n" + strings.Repeat("# pad\n", (9<<20)/6)
	for _, name := range []string{"upper.TF", "hcl.properties"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(hcl), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{sparse, filepath.Join(dir, "upper.TF"), filepath.Join(dir, "hcl.properties")} {
		res, err := Run(context.Background(), Options{Paths: []string{p}, Config: os.DevNull})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Findings) != 1 || res.Findings[0].Rule != "invalid-config" || !strings.Contains(res.Findings[0].Message, "over the 8.0 MiB cap") {
			t.Errorf("%s: findings %+v, want one invalid-config naming the 8 MiB cap", filepath.Base(p), res.Findings)
		}
	}
}
