package clientconfig

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/whichflow/whichflow/internal/corpus"
)

// TestFindFieldsIsGet: findFields finds each key as get does, for every
// mapping of every corpus file and fixture (duplicate keys, nulls, aliases
// and escaped keys among them), looking for all of its keys and some it
// does not have.
func TestFindFieldsIsGet(t *testing.T) {
	maps := 0
	check := func(path string, m Node) {
		keys := []string{"no-such-key", ""}
		seen := map[string]bool{"": true, "no-such-key": true}
		eachPair(m, func(k, _ Node) bool {
			if s := text(k); len(keys) < maxFields && !seen[s] {
				keys, seen[s] = append(keys, s), true
			}
			return true
		})
		f := findFields(m, keys)
		for i, key := range keys {
			k, v := get(m, key)
			if f.k[i] != k || f.v[i] != v {
				t.Errorf("%s:%d: key %q: findFields %v %v, get %v %v", path, pos(m).Line, key, f.k[i], f.v[i], k, v)
			}
		}
		maps++
	}
	var walk func(path string, n Node, depth int)
	walk = func(path string, n Node, depth int) {
		n = deref(n)
		if depth > 40 {
			return
		}
		if n.kind() == kindMap {
			check(path, n)
		}
		if k := n.kind(); k == kindMap || k == kindSeq {
			n.children(func(c Node) bool { walk(path, c, depth+1); return true })
		}
	}
	for _, root := range []string{corpus.Dir(t), filepath.Join("testdata", "cases")} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			for _, doc := range treeDocsForTest(p, data) {
				walk(p, doc, 0)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for name, text := range map[string]string{
		"dup.json":  `{"a": 1, "b": null, "a": 2, "b": 3, "c": 4, "c": null, "\u0061": 5, "d": {"e": 1, "e": [2]}}`,
		"dup.yaml":  "x: &x {a: 1, b: 2}\ny:\n  <<: *x\n  a: 3\n  a: ~\nz: *x\n",
		"list.json": `[{"a": 1}, {"a": null}, {}]`,
	} {
		for _, doc := range treeDocsForTest(name, []byte(text)) {
			walk(name, doc, 0)
		}
	}
	if maps < 1000 {
		t.Errorf("only %d mappings checked", maps)
	}
	var zero fields
	if f := findFields(Node{}, []string{"a"}); f != zero {
		t.Errorf("findFields of no mapping: %v", f)
	}
}
