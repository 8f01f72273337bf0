package lint

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Terraform files have a lower cap than the rest: HCL parsing is the
// slowest reader, and lint's time per file must stay bounded.
func TestTerraformSizeCap(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "huge.tf")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(maxTerraformSize + 1); err != nil { // sparse: costs no disk
		t.Fatal(err)
	}
	f.Close()
	res, err := Run(context.Background(), Options{Paths: []string{big}, Config: os.DevNull})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Findings[0].Rule != "invalid-config" || !strings.Contains(res.Findings[0].Message, "over the 8.0 MiB cap") {
		t.Fatalf("findings %+v, want one invalid-config naming the 8 MiB cap", res.Findings)
	}
}
