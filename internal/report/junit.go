package report

import (
	"bufio"
	"cmp"
	"encoding/xml"
	"io"
	"slices"
	"strconv"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/lint"
	"github.com/whichflow/whichflow/internal/safetext"
)

// junitPrinter prints JUnit XML: a testsuite per file, a testcase per
// client and rule, a failure per finding.
//
// The counts come first (testsuites and testsuite carry them), so the
// printer holds the findings until the end, compactly (lint.CompactFindings)
// as they stream. The cases are not built as a tree: a realm of 20k
// clients has some 400k of them, and a tree of them took about 3x the
// report. The printer walks them twice instead, once to count and once to
// write, and writes the XML by hand, in exactly the bytes encoding/xml's
// indented encoder writes (TestJUnitMatchesEncoder holds the two together).
type junitPrinter struct {
	w    io.Writer
	held *lint.CompactFindings
}

// junitKey is what a case is about.
type junitKey struct {
	file, client, rule string
	scope              flows.Scope
}

// junitRun is what the printer knows of a result.
type junitRun struct {
	res   *lint.Result
	held  *lint.CompactFindings // the visible findings, in report order
	rules []flows.Rule
	// byKey are the findings' indexes sorted by key (file, client, scope,
	// rule), then index: the finding of a key is the last of its run, as
	// a map filled in order would keep.
	byKey []int32
	// suites are the file names in the order their suites open: the
	// linted files', then those of findings no case of a linted subject
	// covers.
	suites []string
	linted map[string][]int // res.Linted entries by path
	// extra are, per file, the findings that open a case of their own
	// (no linted subject's case covers their key), one per key.
	extra map[string][]int32
}

func keyOf(f *lint.Finding) junitKey {
	return junitKey{f.File, f.Client, f.Rule, scopeOf(*f)}
}

func (r *junitRun) key(i int32) junitKey {
	f := r.held.Bare(int(i))
	return keyOf(&f)
}

// compareSubjects orders keys by file, client and scope.
func compareSubjects(a, b junitKey) int {
	if c := cmp.Compare(a.file, b.file); c != 0 {
		return c
	}
	if c := cmp.Compare(a.client, b.client); c != 0 {
		return c
	}
	return cmp.Compare(a.scope, b.scope)
}

func compareKeys(a, b junitKey) int {
	if c := compareSubjects(a, b); c != 0 {
		return c
	}
	return cmp.Compare(a.rule, b.rule)
}

func newJUnitRun(res *lint.Result, held *lint.CompactFindings) *junitRun {
	r := &junitRun{res: res, held: held, rules: runRules(res), linted: map[string][]int{}, extra: map[string][]int32{}}
	r.byKey = make([]int32, held.Len())
	for i := range r.byKey {
		r.byKey[i] = int32(i)
	}
	slices.SortFunc(r.byKey, func(i, j int32) int {
		if c := compareKeys(r.key(i), r.key(j)); c != 0 {
			return c
		}
		return cmp.Compare(i, j)
	})
	open := func(file string) {
		if _, ok := r.linted[file]; !ok {
			r.linted[file] = nil
			r.suites = append(r.suites, file)
		}
	}
	for i, lf := range res.Linted {
		open(lf.Path)
		r.linted[lf.Path] = append(r.linted[lf.Path], i)
	}
	// Which keys the linted subjects' cases cover.
	covered := make([]bool, len(r.byKey))
	for _, lf := range res.Linted {
		for _, sub := range lf.Subjects {
			r.subjectCases(lf.Path, sub, func(_ junitKey, lo, hi int) {
				for k := lo; k < hi; k++ {
					covered[k] = true
				}
			})
		}
	}
	for i := range r.byKey {
		k := r.key(int32(i))
		lo, hi := r.span(k, compareKeys)
		if lo == hi || covered[lo] {
			continue
		}
		for j := lo; j < hi; j++ {
			covered[j] = true
		}
		open(k.file)
		r.extra[k.file] = append(r.extra[k.file], int32(i))
	}
	return r
}

// span is the range of byKey whose keys cmp finds equal to k.
func (r *junitRun) span(k junitKey, cmp func(a, b junitKey) int) (int, int) {
	return r.spanIn(0, len(r.byKey), k, cmp)
}

func (r *junitRun) spanIn(from, to int, k junitKey, cmp func(a, b junitKey) int) (int, int) {
	in := r.byKey[from:to]
	lo, _ := slices.BinarySearchFunc(in, k, func(i int32, k junitKey) int { return cmp(r.key(i), k) })
	hi, _ := slices.BinarySearchFunc(in[lo:], k, func(i int32, k junitKey) int {
		if cmp(r.key(i), k) <= 0 {
			return -1
		}
		return 1
	})
	return from + lo, from + lo + hi
}

// subjectCases calls fn with the case of each rule that ran on sub, and
// the range of byKey holding its findings.
func (r *junitRun) subjectCases(file string, sub lint.Subject, fn func(k junitKey, lo, hi int)) {
	k := junitKey{file: file, client: sub.Name, scope: sub.Target.Scope}
	slo, shi := r.span(k, compareSubjects)
	for _, rule := range r.rules {
		if rule.AppliesTo(sub.Target) {
			k.rule = rule.ID
			lo, hi := r.spanIn(slo, shi, k, compareKeys)
			fn(k, lo, hi)
		}
	}
}

// finding is the finding of byKey's range lo..hi (the last of its key),
// nil for none.
func (r *junitRun) finding(lo, hi int) *lint.Finding {
	if hi > lo {
		f := r.held.Bare(int(r.byKey[hi-1]))
		return &f
	}
	return nil
}

// cases calls fn with each case of file's suite, in order.
func (r *junitRun) cases(file string, fn func(k junitKey, f *lint.Finding) error) error {
	var err error
	for _, i := range r.linted[file] {
		for _, sub := range r.res.Linted[i].Subjects {
			r.subjectCases(file, sub, func(k junitKey, lo, hi int) {
				if err == nil {
					err = fn(k, r.finding(lo, hi))
				}
			})
			if err != nil {
				return err
			}
		}
	}
	for _, i := range r.extra[file] {
		k := r.key(i)
		if err := fn(k, r.finding(r.span(k, compareKeys))); err != nil {
			return err
		}
	}
	return nil
}

// count counts file's cases and failures.
func (r *junitRun) count(file string) (tests, failures int) {
	_ = r.cases(file, func(_ junitKey, f *lint.Finding) error {
		tests++
		if f != nil {
			failures++
		}
		return nil
	})
	return tests, failures
}

func (p *junitPrinter) Print(res *lint.Result) error { return printStreamed(p, res) }

func (p *junitPrinter) Begin() error {
	p.held = &lint.CompactFindings{}
	return nil
}

// Finding keeps a visible finding (suppressed ones are not cases).
func (p *junitPrinter) Finding(f lint.Finding) error {
	if f.Suppressed == nil {
		p.held.Add(f)
	}
	return nil
}

// usesLinted: End needs res.Linted (the cases of what passed).
func (p *junitPrinter) usesLinted() {}

func (p *junitPrinter) End(res *lint.Result) error {
	r := newJUnitRun(res, p.held)
	p.held = nil
	counts := make([][2]int, len(r.suites))
	var tests, failures int
	for i, file := range r.suites {
		t, f := r.count(file)
		counts[i] = [2]int{t, f}
		tests += t
		failures += f
	}
	w := &xmlWriter{bw: streamBuf(p.w)}
	w.raw(xml.Header)
	w.start(0, "testsuites", "name", "whichflow lint", "tests", strconv.Itoa(tests), "failures", strconv.Itoa(failures))
	for i, file := range r.suites {
		w.start(1, "testsuite", "name", safetext.Line(file), "tests", strconv.Itoa(counts[i][0]), "failures", strconv.Itoa(counts[i][1]))
		err := r.cases(file, func(k junitKey, f *lint.Finding) error {
			name := k.rule
			if who := subject(lint.Finding{Client: k.client, Scope: k.scope}); who != "" {
				name = who + ": " + k.rule
			}
			// Names and messages from files are escaped: XML keeps
			// newlines and drops ESC, and a CI log that shows the file
			// must not read a command in it.
			w.start(2, "testcase", "name", safetext.Line(name), "classname", safetext.Line(k.file))
			if f != nil {
				w.start(3, "failure", "message", safetext.Line(f.Message), "type", string(f.Severity))
				w.text(safetext.Line(f.File + ":" + strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column) + ": " +
					string(f.Severity) + " " + f.Rule + ": " + f.Message))
				w.end(3, "failure")
			}
			w.end(2, "testcase")
			return w.err
		})
		if err != nil {
			return err
		}
		w.end(1, "testsuite")
	}
	w.end(0, "testsuites")
	w.raw("\n")
	return w.flush()
}

// xmlWriter writes elements as encoding/xml's Encoder with Indent("",
// "  ") does: each start tag on a line of its own, indented by depth, an
// end tag right after its start tag or text, else on a line of its own;
// attribute values and text escaped by xml.EscapeText's rules.
type xmlWriter struct {
	bw *bufio.Writer
	// open: the last thing written is a start tag (or its text), so an
	// end tag follows it on the same line.
	open  bool
	first bool // something has been written since the header
	err   error
	buf   []byte
}

func (w *xmlWriter) raw(s string) {
	if w.err == nil {
		_, w.err = w.bw.WriteString(s)
	}
}

func (w *xmlWriter) newline(depth int) {
	if w.first {
		w.bw.WriteByte('\n')
	}
	w.first = true
	for range depth {
		w.bw.WriteString("  ")
	}
}

// start writes <name attr="value" ...> at depth.
func (w *xmlWriter) start(depth int, name string, attrs ...string) {
	w.newline(depth)
	w.bw.WriteByte('<')
	w.bw.WriteString(name)
	for i := 0; i+1 < len(attrs); i += 2 {
		w.bw.WriteByte(' ')
		w.bw.WriteString(attrs[i])
		w.bw.WriteString(`="`)
		w.escape(attrs[i+1])
		w.bw.WriteByte('"')
	}
	w.bw.WriteByte('>')
	w.open = true
}

func (w *xmlWriter) text(s string) { w.escape(s) }

// end writes </name>, on a line of its own at depth unless it closes the
// element just opened.
func (w *xmlWriter) end(depth int, name string) {
	if !w.open {
		w.newline(depth)
	}
	w.open = false
	w.bw.WriteString("</")
	w.bw.WriteString(name)
	w.bw.WriteByte('>')
}

func (w *xmlWriter) escape(s string) {
	w.buf = append(w.buf[:0], s...)
	if err := xml.EscapeText(w.bw, w.buf); err != nil && w.err == nil {
		w.err = err
	}
}

func (w *xmlWriter) flush() error {
	if err := w.bw.Flush(); err != nil && w.err == nil {
		w.err = err
	}
	return w.err
}
