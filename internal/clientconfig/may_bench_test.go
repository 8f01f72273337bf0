package clientconfig

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/whichflow/whichflow/internal/benchcorpus"
)

// BenchmarkMay: the may tests of every adapter on one RFC 7591 client
// (make bench's file).
func BenchmarkMay(b *testing.B) {
	dir := b.TempDir()
	if err := benchcorpus.WriteRFC7591(dir, 1); err != nil {
		b.Fatal(err)
	}
	var data []byte
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ = os.ReadFile(p)
		}
		return err
	})
	for b.Loop() {
		var fw fileWords
		for _, tf := range treeFormats {
			tf.may.allows(data, &fw)
		}
	}
}
