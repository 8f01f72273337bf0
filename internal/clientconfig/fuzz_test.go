package clientconfig

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzRead: Read must never panic, and must return either a File or one of
// its two error types. Seeds are the edge-case fixtures (the corpus is read by
// TestCorpus); `go test` runs the seeds. Every input is read with and
// without skipping root-level realm subtrees (see jsonDoc): same result.
func FuzzRead(f *testing.F) {
	ents, _ := os.ReadDir(filepath.Join("testdata", "cases"))
	for _, e := range ents {
		data, err := os.ReadFile(filepath.Join("testdata", "cases", e.Name()))
		if err == nil {
			f.Add(filepath.Ext(e.Name()), data)
		}
	}
	f.Add(".json", []byte(`{"client_id":"a","grant_types":["implicit"],"callbacks":@@X@@}`))
	f.Add(".yaml", []byte("a: &a [1]\nb: *a\nclients:\n  - clientId: x\n"))
	f.Add(".tf", []byte(`resource "okta_app_oauth" "x" { type = "${var.x}" }`))
	for _, s := range jsonSeeds {
		f.Add(".json", []byte(s))
	}
	f.Fuzz(func(t *testing.T, ext string, data []byte) {
		if len(ext) > 16 {
			ext = ext[:16]
		}
		checkMay(t, "fuzz"+ext, data)
		file, err := Read("fuzz"+ext, data)
		var pe *ParseError
		switch {
		case err == nil:
			if file == nil {
				t.Fatal("nil File without error")
			}
		case errors.Is(err, ErrUnrecognised):
		case errors.As(err, &pe):
			if pe.Msg == "internal error reading file" || len(pe.Msg) >= 26 && pe.Msg[:26] == "internal error reading fil" {
				t.Fatalf("recovered panic: %v", pe)
			}
		default:
			t.Fatalf("untyped error %T: %v", err, err)
		}
	})
}
