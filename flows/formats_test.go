package flows

import "testing"

// The format table is complete: every format reads as a syntax with a
// fence, and has an example name; every rule example's extension is a
// syntax of the table.
func TestFormatTable(t *testing.T) {
	for _, fi := range Formats() {
		if si := fi.Syntax(); si.Syntax == "" || si.Fence == "" {
			t.Errorf("%s: extension %q names no syntax of the table", fi.Format, fi.Ext)
		}
		if fi.ExampleName == "" {
			t.Errorf("%s: no example name", fi.Format)
		}
	}
	for _, sf := range ScaffoldFormats() {
		if sf.Info().Format != sf.Format {
			t.Errorf("scaffold format %s is not in the format table", sf.Format)
		}
	}
	for _, r := range Rules() {
		for _, e := range r.Examples() {
			if _, ok := SyntaxOfFile(e.Name); !ok {
				t.Errorf("%s: example %s has no syntax of the table", r.ID, e.Name)
			}
		}
	}
	if si, ok := SyntaxOfFile("x/MAIN.TF"); !ok || si.Syntax != SyntaxHCL {
		t.Errorf("extensions are matched in any case: %+v", si)
	}
}
