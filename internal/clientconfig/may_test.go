package clientconfig

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/benchcorpus"
	"github.com/whichflow/whichflow/internal/corpus"
)

// TestMayIsNecessary holds every adapter's may test (treeFormat) to its
// contract: no file the adapter recognises is ruled out. It offers every
// real file of the corpus, every rule example and the edge-case fixtures to
// every adapter; the fuzz targets check the same on their inputs
// (checkMay). It also shows the tests do rule files out.
func TestMayIsNecessary(t *testing.T) {
	type input struct {
		path string
		data []byte
	}
	var inputs []input
	for _, root := range []string{corpus.Dir(t), filepath.Join("testdata", "cases")} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			inputs = append(inputs, input{p, data})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range flows.Rules() {
		for _, e := range r.Examples() {
			inputs = append(inputs, input{r.ID + "/" + e.Name, []byte(e.Text)})
		}
	}
	recognised := map[int]int{}
	ruledOut := 0
	for _, in := range inputs {
		for rank, ok := range checkMay(t, in.path, in.data) {
			if ok {
				recognised[rank]++
			} else {
				ruledOut++
			}
		}
	}
	for _, tf := range treeFormats {
		if recognised[tf.rank] == 0 {
			t.Errorf("adapter of rank %d recognised none of the %d inputs: the test says nothing about its may test", tf.rank, len(inputs))
		}
	}
	if ruledOut == 0 {
		t.Error("no may test ruled out any input")
	}
}

// checkMay offers data to every tree adapter on its own (a fresh tree each
// time) and fails when one recognises it that its may test rules out.
// It returns by rank the adapters that recognised the file (true) and
// those whose may test ruled it out (false).
func checkMay(t *testing.T, path string, data []byte) map[int]bool {
	t.Helper()
	out := map[int]bool{}
	if len(data) > 1<<20 {
		return out
	}
	for _, tf := range treeFormats {
		docs := treeDocsForTest(path, data)
		if docs == nil {
			return out
		}
		_, ok := tf.read(docs)
		may := bytes.IndexByte(data, '\\') >= 0 || tf.may.allows(data, &fileWords{})
		switch {
		case ok && !may:
			t.Errorf("%s: the adapter of rank %d recognises it, but its may test rules it out", path, tf.rank)
		case ok:
			out[tf.rank] = true
		case !may:
			out[tf.rank] = false
		}
	}
	return out
}

// treeDocsForTest parses data as Read would (nil for a syntax without
// tree adapters, or a file that does not parse).
func treeDocsForTest(path string, data []byte) []Node {
	syn, _ := sniff(path, data)
	switch syn {
	case flows.SyntaxJSON:
		root, perr := parseJSON(data)
		if perr != nil {
			return nil
		}
		return []Node{root}
	case flows.SyntaxYAML:
		docs, perr := parseYAML(data)
		if perr != nil || len(docs) == 0 {
			return nil
		}
		return docs
	}
	return nil
}

// TestMayRulesOutOthers guards the measured decision the may tests exist
// for: one RFC 7591 client (make bench's file, 10k of them) is offered to
// the RFC 7591 adapter alone, not after the seven ranked before it; and
// anyWord finds whole words only.
func TestMayRulesOutOthers(t *testing.T) {
	dir := t.TempDir()
	if err := benchcorpus.WriteRFC7591(dir, 3); err != nil {
		t.Fatal(err)
	}
	var data []byte
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && data == nil {
			data, err = os.ReadFile(p)
		}
		return err
	})
	if err != nil || data == nil {
		t.Fatal("no generated file:", err)
	}
	var offered []int
	for _, tf := range treeFormats {
		if tf.may.allows(data, &fileWords{}) {
			offered = append(offered, tf.rank)
		}
	}
	if len(offered) != 1 || offered[0] != 80 {
		t.Errorf("an RFC 7591 client is offered to the adapters of ranks %v, want only RFC 7591's (80):\n%s", offered, data)
	}
	for text, want := range map[string]bool{
		`{"client_name": "x"}`: false, `{"name": "x"}`: true, "name: x": true, "- name: x": true,
		"{name: x}": true, "x: [name]": true, "names: x": false, "rename: x": false, "x: name1": false,
	} {
		if got := anyWord("name").allows([]byte(text), &fileWords{}); got != want {
			t.Errorf("anyWord(name) on %q = %v, want %v", text, got, want)
		}
	}
	for text, want := range map[string]bool{
		"spring:\n": true, "Spring.security: x": true, "s-p_r-i-n-g: x": true, "SPRING_SECURITY: x": true,
		"sprin: x": false, "s p r i n g": false, "client_secret: x\nstring: y": false,
	} {
		if got := maySpring([]byte(text)); got != want {
			t.Errorf("maySpring(%q) = %v, want %v", text, got, want)
		}
	}
}
