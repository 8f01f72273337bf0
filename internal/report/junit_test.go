package report

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"testing"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/lint"
	"github.com/whichflow/whichflow/internal/safetext"
)

// The JUnit report as it was printed before it was written by hand: a
// tree of suites and cases encoded by encoding/xml. The oracle for
// TestJUnitMatchesEncoder.

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

func junitTree(w io.Writer, res *lint.Result) error {
	type key struct {
		file, client, rule string
		scope              flows.Scope
	}
	byKey := map[key]lint.Finding{}
	var order []string
	suites := map[string]*junitSuite{}
	suite := func(file string) *junitSuite {
		s := suites[file]
		if s == nil {
			s = &junitSuite{Name: safetext.Line(file)}
			suites[file] = s
			order = append(order, file)
		}
		return s
	}
	for _, f := range visible(res.Findings) {
		byKey[key{f.File, f.Client, f.Rule, scopeOf(f)}] = f
	}
	used := map[key]bool{}
	addCase := func(s *junitSuite, k key) {
		name := k.rule
		if who := subject(lint.Finding{Client: k.client, Scope: k.scope}); who != "" {
			name = who + ": " + k.rule
		}
		// Names and messages from files are escaped: XML keeps newlines
		// and drops ESC, and a CI log that shows the file must not read a
		// command in it.
		c := junitCase{Name: safetext.Line(name), Classname: safetext.Line(k.file)}
		if f, ok := byKey[k]; ok {
			c.Failure = &junitFailure{Message: safetext.Line(f.Message), Type: string(f.Severity),
				Text: safetext.Line(fmt.Sprintf("%s:%d:%d: %s %s: %s", f.File, f.Line, f.Column, f.Severity, f.Rule, f.Message))}
			s.Failures++
			used[k] = true
		}
		s.Cases = append(s.Cases, c)
		s.Tests++
	}
	rules := runRules(res)
	for _, lf := range res.Linted {
		s := suite(lf.Path)
		// A case for every rule that ran on each client and realm: the
		// rules that apply to it, and no others.
		for _, sub := range lf.Subjects {
			for _, r := range rules {
				if r.AppliesTo(sub.Target) {
					addCase(s, key{lf.Path, sub.Name, r.ID, sub.Target.Scope})
				}
			}
		}
	}
	for _, f := range visible(res.Findings) { // findings no subject×rule case covered
		k := key{f.File, f.Client, f.Rule, scopeOf(f)}
		if !used[k] {
			addCase(suite(f.File), k)
		}
	}
	out := junitSuites{Name: "whichflow lint"}
	for _, name := range order {
		s := suites[name]
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Suites = append(out.Suites, *s)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// TestJUnitMatchesEncoder: the hand-written report is, byte for byte,
// what encoding/xml made of the tree: the fixture, no findings, a file
// linted twice, a suite without cases, findings no subject's case covers
// (in a linted file and in another), several findings of one key, findings
// out of order, and strings of every escape class.
func TestJUnitMatchesEncoder(t *testing.T) {
	hostile := []string{"a\"b'c", "<x>&amp;</x>", "\xff\xfe bad \xc3", "line\u2028sep", "\x1b[31m\a\ttab\r\n", "é 日本 🙂", "\uFFFD"}
	extra := func() *lint.Result {
		res := loadFixture(t)
		sub := lint.Subject{Name: "my-spa", Target: flows.Target{Format: flows.Format("keycloak"), Scope: flows.ScopeClient, Profile: flows.ProfileStandard}}
		res.Linted = append(res.Linted, lint.LintedFile{Path: "keycloak/realm.json", Format: "keycloak", Subjects: []lint.Subject{sub}},
			lint.LintedFile{Path: "empty.json", Format: "rfc7591"})
		for i, s := range hostile {
			res.Findings = append(res.Findings,
				lint.Finding{Rule: "ropc", Severity: flows.SeverityError, File: "dir " + s + "/f.json", Line: i, Column: 2, Client: s, Message: s},
				lint.Finding{Rule: "ropc", Severity: flows.SeverityWarning, File: "dir " + s + "/f.json", Line: i + 9, Column: 1, Client: s, Message: "again " + s},
				lint.Finding{Rule: "not-a-rule", Severity: "bogus", File: "keycloak/realm.json", Line: 1, Column: 1, Client: s, Scope: flows.ScopeRealm, Message: s})
		}
		res.Findings = append(res.Findings, lint.Finding{Rule: "implicit-grant", Severity: flows.SeverityNote, File: "keycloak/realm.json", Line: 99, Column: 1,
			Client: "my-spa", Scope: flows.ScopeClient, Message: "a second implicit-grant finding: the last of a key is the case's"})
		res.Findings = append(res.Findings, res.Findings[0]) // out of order
		return res
	}
	for name, res := range map[string]*lint.Result{"fixture": loadFixture(t), "extra": extra(), "empty": {Profile: "standard"}} {
		var got, want bytes.Buffer
		p, _ := New("junit", &got, Options{})
		if err := p.Print(res); err != nil {
			t.Fatal(err)
		}
		if err := junitTree(&want, res); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: the report differs from encoding/xml's tree:\n%s\nwant:\n%s", name, got.Bytes(), want.Bytes())
		}
	}
}
