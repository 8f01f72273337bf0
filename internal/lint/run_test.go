package lint

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
)

// streamDir is a tree whose walk order is not the report's order
// ("a/b.json" is walked before "a-b.json" but sorts after it), with a
// .whichflow.yaml that has findings of its own and suppresses one.
func streamDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	implicit := `{"client_id": "%s", "grant_types": ["implicit", "password"], "redirect_uris": ["https://*.example.com/cb"], "token_endpoint_auth_method": "none"}`
	files := map[string]string{
		"a/b.json":         fmt.Sprintf(implicit, "ab"),
		"a-b.json":         fmt.Sprintf(implicit, "a-b"),
		"z.json":           fmt.Sprintf(implicit, "z"),
		"m/broken.json":    `{"client_id": "x", "grant_types": [`,
		"m/notes.json":     `{"hello": "world"}`,
		".whichflow.yaml":  "ignore:\n  - rule: ropc\n    client: z\n  - rule: no-such-rule\n    reason: test\n",
		"k/realm.json":     `{"realm": "r", "clients": [{"clientId": "c1", "implicitFlowEnabled": true, "publicClient": true, "redirectUris": ["*"]}, {"clientId": "c0", "directAccessGrantsEnabled": true}]}`,
		"k/second.json":    fmt.Sprintf(implicit, "second"),
		"k/sub/third.json": fmt.Sprintf(implicit, "third"),
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestStreamOrder: findings handed to Stream come in the report's order
// (sorted by file, line, column, rule, client), are those Run returns
// without Stream, whatever the number of workers, and the counts agree.
func TestStreamOrder(t *testing.T) {
	dir := streamDir(t)
	t.Chdir(dir)
	paths := []string{"z.json", ".", "k/second.json"}
	base, err := Run(context.Background(), Options{Paths: paths, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if !sort.SliceIsSorted(base.Findings, func(i, j int) bool { return findingLess(&base.Findings[i], &base.Findings[j]) }) {
		t.Error("findings are not in the report's order")
	}
	files := map[string]bool{}
	for _, f := range base.Findings {
		files[f.File] = true
	}
	if len(files) < 6 || base.Suppressed() != 1 {
		t.Fatalf("the fixture should give findings in 6+ files and one suppressed: %d files, %d suppressed", len(files), base.Suppressed())
	}
	for _, workers := range []int{1, 2, 7} {
		var got []Finding
		res, err := Run(context.Background(), Options{Paths: paths, Now: testNow, Workers: workers,
			Stream: func(f Finding) error { got = append(got, f); return nil }})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, base.Findings) {
			t.Errorf("workers %d: streamed findings differ from Run's", workers)
		}
		if res.Findings != nil || res.Linted != nil {
			t.Errorf("workers %d: a streamed run kept %d findings and %d linted files", workers, len(res.Findings), len(res.Linted))
		}
		if res.Summary() != base.Summary() || res.Suppressed() != base.Suppressed() || res.Fails("error") != base.Fails("error") ||
			!reflect.DeepEqual(res.Skipped, base.Skipped) {
			t.Errorf("workers %d: counts or skips differ: %+v %+v", workers, res.Summary(), base.Summary())
		}
	}
}

// TestStreamError: an error from Stream (a report that cannot be written)
// stops the run and is Run's error.
func TestStreamError(t *testing.T) {
	dir := streamDir(t)
	boom := errors.New("disk full")
	calls := 0
	_, err := Run(context.Background(), Options{Paths: []string{dir}, Now: testNow,
		Stream: func(Finding) error { calls++; return boom }})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want %v", err, boom)
	}
	if calls != 1 {
		t.Errorf("Stream called %d times after failing", calls)
	}
}

// TestStreamWindow: many files through a small worker pool keep the order
// (the window of finished files wraps around many times).
func TestStreamWindow(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 700; i++ {
		body := fmt.Sprintf(`{"client_id": "c%d", "grant_types": ["implicit"], "token_endpoint_auth_method": "none"}`, i)
		if i%3 == 0 {
			body = `{"not": "a client"}`
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%d.json", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	res, err := Run(context.Background(), Options{Paths: []string{dir}, Workers: 3, Now: testNow,
		Stream: func(f Finding) error { got = append(got, f.File); return nil }})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 466 || !sort.StringsAreSorted(got) || res.Files != 466 {
		t.Errorf("%d findings (sorted: %t), %d files; want 466 sorted", len(got), sort.StringsAreSorted(got), res.Files)
	}
}

// TestReadRegular: the whole file comes back whatever the buffer held
// before (empty, tiny, larger), a file over the limit is refused by size,
// and one that is not regular by mode.
func TestReadRegular(t *testing.T) {
	dir := t.TempDir()
	var buf []byte
	for _, size := range []int{0, 1, 4095, 4096, 4097, 100000, 3} {
		data := make([]byte, size)
		for i := range data {
			data[i] = byte('a' + i%26)
		}
		p := filepath.Join(dir, fmt.Sprint(size))
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		got, n, mode, err := readRegular(p, 1<<20, &buf)
		if err != nil || n != int64(size) || !mode.IsRegular() || string(got) != string(data) {
			t.Errorf("size %d: got %d bytes (stat %d), mode %v, err %v", size, len(got), n, mode, err)
		}
	}
	p := filepath.Join(dir, "100000")
	if got, n, _, err := readRegular(p, 1000, &buf); err != nil || got != nil || n != 100000 {
		t.Errorf("over the limit: %d bytes, size %d, %v", len(got), n, err)
	}
	if _, _, mode, err := readRegular(dir, 1000, &buf); err != nil || !mode.IsDir() {
		t.Errorf("a directory: mode %v, %v", mode, err)
	}
	if _, _, _, err := readRegular(filepath.Join(dir, "missing"), 1000, &buf); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

// TestSortedWalk: one directory, streamed, is walked in the report's order
// without a file list, and gives what the discovery walk gives: the same
// findings in the same order, the same skips (links, FIFOs, skipped
// directories) in the same order, the same counts.
func TestSortedWalk(t *testing.T) {
	dir := streamDir(t)
	for name, body := range map[string]string{
		"!x.json":             `{"client_id": "bang", "grant_types": ["implicit"], "token_endpoint_auth_method": "none"}`,
		"a/!.json":            `{"client_id": "a-bang", "grant_types": ["implicit"], "token_endpoint_auth_method": "none"}`,
		"node_modules/x.json": `{"client_id": "nm", "grant_types": ["implicit"]}`,
		"k/vendor/x.json":     `{"client_id": "vendored", "grant_types": ["implicit"]}`,
		"a/b/c/d.yaml":        "client_id: deep\ngrant_types: [implicit]\ntoken_endpoint_auth_method: none\n",
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("z.json", filepath.Join(dir, "a/link.json")); err != nil {
		t.Fatal(err)
	}
	if err := syscallMkfifo(filepath.Join(dir, "k/pipe.json")); err != nil {
		t.Logf("no FIFO: %v", err)
	}
	t.Chdir(dir)
	for _, root := range []string{".", dir} {
		base, err := Run(context.Background(), Options{Paths: []string{root}, Now: testNow})
		if err != nil {
			t.Fatal(err)
		}
		var got []Finding
		res, err := Run(context.Background(), Options{Paths: []string{root}, Now: testNow, KeepLinted: true,
			Stream: func(f Finding) error { got = append(got, f); return nil }})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(res.Linted, base.Linted) {
			t.Errorf("%s: linted files (KeepLinted) differ from the discovery walk's:\n%v\n%v", root, linted(res.Linted), linted(base.Linted))
		}
		if !reflect.DeepEqual(got, base.Findings) {
			t.Errorf("%s: streamed findings differ from the discovery walk's:\n%v\n%v", root, files(got), files(base.Findings))
		}
		if !reflect.DeepEqual(res.Skipped, base.Skipped) {
			t.Errorf("%s: skips differ:\n%v\n%v", root, res.Skipped, base.Skipped)
		}
		if res.Summary() != base.Summary() || res.Suppressed() != base.Suppressed() {
			t.Errorf("%s: counts differ: %+v %+v", root, res.Summary(), base.Summary())
		}
		if len(base.Skipped) < 2 || base.Files < 8 {
			t.Errorf("%s: the fixture should skip a link and a FIFO and lint 8+ files: %d skipped, %d files", root, len(base.Skipped), base.Files)
		}
	}
}

func linted(ls []LintedFile) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Path)
	}
	return out
}

func files(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.File+":"+f.Rule)
	}
	return out
}
