package report

import (
	"encoding/xml"
	"fmt"
	"io"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/lint"
	"github.com/whichflow/whichflow/internal/safetext"
)

// junitPrinter prints JUnit XML: a testsuite per file, a testcase per
// client and rule, a failure per finding.
type junitPrinter struct{ w io.Writer }

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

func (p *junitPrinter) Print(res *lint.Result) error {
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
	if _, err := io.WriteString(p.w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(p.w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(p.w, "\n")
	return err
}
