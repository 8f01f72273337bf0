package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/whichflow/whichflow/internal/lint"
)

// TestJSONEncoderMatches: the hand encoder of a finding writes exactly what
// encoding/json's indented encoder (HTML escaping off) writes, on strings
// with every escape class: quotes, backslashes, control characters,
// invalid UTF-8, U+2028/U+2029, HTML characters, non-ASCII.
func TestJSONEncoderMatches(t *testing.T) {
	var all strings.Builder
	for c := 0; c < 0x80; c++ {
		all.WriteByte(byte(c))
	}
	strs := []string{"", "plain", all.String(), "a\"b\\c", "<script>&amp;</script>", "\xff\xfe bad \xc3", "line\u2028sep\u2029",
		"é 日本 🙂", "\x1b[31mred\x1b[0m\a", "tab\there\r\n", "\u007f\u0080\u00a0", string(utf8.RuneError), "ends with \\"}
	for _, s := range strs {
		for _, refs := range [][]string{{}, {s}, {"RFC 9700 §2.1.2", s}} {
			f := jsonFinding{Rule: s, Severity: "error", File: s, Line: 42, Column: -1, Client: s, Scope: "client", Message: s, Refs: refs}
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			enc.SetIndent("    ", "  ")
			if err := enc.Encode(f); err != nil {
				t.Fatal(err)
			}
			wantS := "\n    " + strings.TrimSuffix(want.String(), "\n")
			if got := string(appendFinding(nil, f, "    ")); got != wantS {
				t.Errorf("string %q:\ngot  %s\nwant %s", s, got, wantS)
			}
		}
	}
}

// TestStreamedEqualsPrinted: a streaming printer fed finding by finding
// writes what Print writes for the same result, and that JSON is what
// encoding/json makes of the whole report.
func TestStreamedEqualsPrinted(t *testing.T) {
	res := loadFixture(t)
	for _, format := range []string{"text", "json", "github", "sarif"} {
		var printed, streamed bytes.Buffer
		p, _ := New(format, &printed, Options{})
		if err := p.Print(res); err != nil {
			t.Fatal(err)
		}
		s, _ := New(format, &streamed, Options{})
		st := s.(Streamer)
		if err := st.Begin(); err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Findings {
			if err := st.Finding(f); err != nil {
				t.Fatal(err)
			}
		}
		if err := st.End(res); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(printed.Bytes(), streamed.Bytes()) {
			t.Errorf("%s: streamed output differs from printed", format)
		}
		if format == "json" {
			out := jsonReport{SchemaVersion: 1, Findings: []jsonFinding{}, Summary: res.Summary()}
			for _, f := range res.Findings {
				if f.Suppressed == nil {
					out.Findings = append(out.Findings, jsonFindingOf(f))
				}
			}
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(out); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(want.Bytes(), printed.Bytes()) {
				t.Errorf("json report differs from encoding/json's:\n%s\nwant:\n%s", printed.Bytes(), want.Bytes())
			}
			var empty bytes.Buffer
			want.Reset()
			p, _ := New("json", &empty, Options{})
			if err := p.Print(&lint.Result{}); err != nil {
				t.Fatal(err)
			}
			enc = json.NewEncoder(&want)
			enc.SetIndent("", "  ")
			if err := enc.Encode(jsonReport{SchemaVersion: 1, Findings: []jsonFinding{}}); err != nil {
				t.Fatal(err)
			}
			if empty.String() != want.String() {
				t.Errorf("empty report:\n%s\nwant:\n%s", empty.String(), want.String())
			}
		}
	}
}
