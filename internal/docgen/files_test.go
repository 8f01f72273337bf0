package docgen

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func md(body string) []byte { return []byte(MarkdownHeader + body) }

func write(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "docs") // created by Write
	files := []File{{"README.md", md("index\n")}, {"flows/a.md", md("a\n")}}
	res, err := Write(dir, files, Scope{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res.Written, []string{"README.md", "flows/a.md"}) {
		t.Errorf("written = %v", res.Written)
	}
	if got := read(t, filepath.Join(dir, "flows/a.md")); got != string(md("a\n")) {
		t.Errorf("flows/a.md = %q", got)
	}

	// A hand-written file and a non-Markdown file are left alone; a stale
	// generated page is removed, with its now empty directory.
	write(t, filepath.Join(dir, "guide.md"), []byte("# written by hand\n"))
	write(t, filepath.Join(dir, "notes.txt"), md("not markdown\n"))
	write(t, filepath.Join(dir, "rules/old.md"), md("old rule\n"))
	files[1].Data = md("a, changed\n")
	res, err = Write(dir, files, Scope{})
	if err != nil {
		t.Fatal(err)
	}
	want := Result{Written: []string{"flows/a.md"}, Unchanged: []string{"README.md"}, Removed: []string{"rules/old.md"}}
	if !reflect.DeepEqual(res, want) {
		t.Errorf("result = %+v, want %+v", res, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "rules")); !os.IsNotExist(err) {
		t.Errorf("empty rules/ not removed: %v", err)
	}
	for _, keep := range []string{"guide.md", "notes.txt"} {
		if _, err := os.Stat(filepath.Join(dir, keep)); err != nil {
			t.Errorf("%s was touched: %v", keep, err)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "flows"))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestWriteRefusesHandWrittenFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "README.md"), []byte("# Our own README\n"))
	_, err := Write(dir, []File{{"flows/a.md", md("a\n")}, {"README.md", md("index\n")}}, Scope{})
	var refused *RefusedError
	if !errors.As(err, &refused) || !reflect.DeepEqual(refused.Paths, []string{"README.md"}) {
		t.Fatalf("err = %v, want a refusal naming README.md", err)
	}
	if got := read(t, filepath.Join(dir, "README.md")); got != "# Our own README\n" {
		t.Errorf("README.md overwritten: %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "flows/a.md")); !os.IsNotExist(err) {
		t.Error("a file was written although the run was refused")
	}
}

func TestManScope(t *testing.T) {
	dir := t.TempDir()
	page := append([]byte(ManHeader), ".TH X\n"...)
	write(t, filepath.Join(dir, "man/whichflow-old.1"), page)
	// Without --man, man pages are not this run's business.
	res, err := Write(dir, nil, Scope{})
	if err != nil || len(res.Removed) != 0 {
		t.Fatalf("res = %+v, err = %v", res, err)
	}
	res, err = Write(dir, nil, Scope{Man: true})
	if err != nil || !reflect.DeepEqual(res.Removed, []string{"man/whichflow-old.1"}) {
		t.Fatalf("res = %+v, err = %v", res, err)
	}
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	files := []File{{"README.md", md("index\n")}, {"a.md", md("a\n")}, {"b.md", md("b\n")}, {"c.md", md("c\n")}}
	write(t, filepath.Join(dir, "README.md"), md("index\n"))
	write(t, filepath.Join(dir, "a.md"), md("old a\n"))
	write(t, filepath.Join(dir, "c.md"), []byte("hand-written c\n"))
	write(t, filepath.Join(dir, "flows/gone.md"), md("gone\n"))
	write(t, filepath.Join(dir, "mine.md"), []byte("mine\n"))
	got, err := Check(dir, files, Scope{})
	if err != nil {
		t.Fatal(err)
	}
	want := []Problem{{"a.md", Drifted}, {"b.md", Missing}, {"c.md", NotGenerated}, {"flows/gone.md", Stale}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Check = %v, want %v", got, want)
	}
	got, err = Check(filepath.Join(dir, "nowhere"), files[:1], Scope{})
	if err != nil || !reflect.DeepEqual(got, []Problem{{"README.md", Missing}}) {
		t.Errorf("Check(missing dir) = %v, %v", got, err)
	}
	if _, err := Write(dir, files[:2], Scope{}); err != nil {
		t.Fatal(err)
	}
	if got, _ := Check(dir, files[:2], Scope{}); len(got) != 0 {
		t.Errorf("after Write, Check = %v", got)
	}
}
