package clientconfig

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/whichflow/whichflow/internal/corpus"
)

// TestYAMLNodeCost measures what yaml.v3 allocates per node the prescan
// counts, on dense shapes: yamlNodeCost must cover it, or yamlBudget lets
// files through whose decoding outgrows DESIGN §6's bound.
func TestYAMLNodeCost(t *testing.T) {
	for _, shape := range []string{
		strings.Repeat("- 1\n", 50000),
		"a: [" + strings.Repeat("1, ", 50000) + "1]\n",
		strings.Repeat("k: v\n", 1) + "m:\n" + strings.Repeat("  key_with_a_name: value\n", 20000),
		"x: [" + strings.Repeat("@@A@@, ", 30000) + "@@A@@]\n",
	} {
		data := []byte(shape)
		_, _, est := yamlPrescan(data)
		data, _ = substituteAuth0Values(data)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		var n yaml.Node
		if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&n); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		runtime.KeepAlive(&n)
		per := (after.TotalAlloc - before.TotalAlloc) / uint64(est)
		t.Logf("%.20q…: %d bytes per estimated node", shape, per)
		if per > yamlNodeCost {
			t.Errorf("%.20q…: yaml.v3 allocates %d bytes per estimated node, more than yamlNodeCost (%d)", shape, per, yamlNodeCost)
		}
	}
}

// The YAML budget refuses only pathological files: every real YAML file
// in the corpus is far under it.
func TestYAMLBudgetSparesRealFiles(t *testing.T) {
	dir := corpus.Dir(t)
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, est := yamlPrescan(data); est*8 > yamlBudget(len(data)) && len(data) > 4096 {
			t.Errorf("%s: %d nodes estimated in %d bytes, within 8x of the budget %d", p, est, len(data), yamlBudget(len(data)))
		}
		return nil
	})
}
