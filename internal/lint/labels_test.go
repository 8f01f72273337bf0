package lint

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"text/tabwriter"

	"go.yaml.in/yaml/v3"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/corpus"
)

// A label file (testdata/labels, schema in its README.md) says what a
// correct linter reports on one real configuration, written by hand from the
// provider's semantics before whichflow ran on it.
type labelFile struct {
	Path      string            `yaml:"path"`
	Realm     *string           `yaml:"realm"`
	Clients   []string          `yaml:"clients"`
	Aliases   map[string]string `yaml:"aliases"`
	Findings  []labelFinding    `yaml:"findings"`
	NoFinding []labelFinding    `yaml:"no_finding"`
}

type labelFinding struct {
	Client   string `yaml:"client"`
	Rule     string `yaml:"rule"`
	Scope    string `yaml:"scope"`
	Severity string `yaml:"severity"`
	Why      string `yaml:"why"`
	// Gap marks a labelled finding whichflow is known to miss, and says
	// why (a provider behaviour it does not model yet). Any other miss,
	// unlabelled finding or severity difference fails TestLabels.
	Gap string `yaml:"gap"`
}

// labelKey is what a finding is compared on: DESIGN allows one finding per
// (file, client, rule); realm findings carry the realm's name as client.
type labelKey struct{ Client, Rule string }

// labelOutcome is one labelled configuration compared with what was reported.
type labelOutcome struct {
	TP, FN, FP []labelKey
	// Gaps are the misses the label marks as known gaps (in FN too).
	Gaps map[labelKey]bool
	// Severity lists true positives reported with another severity.
	Severity []string
}

// compareLabels compares the reported findings of one configuration with its
// label. Reported client names go through the label's aliases first.
func compareLabels(lf labelFile, got []Finding) labelOutcome {
	want := map[labelKey]labelFinding{}
	for _, f := range lf.Findings {
		want[labelKey{f.Client, f.Rule}] = f
	}
	var out labelOutcome
	seen := map[labelKey]bool{}
	for _, g := range got {
		c := g.Client
		if a, ok := lf.Aliases[c]; ok {
			c = a
		}
		k := labelKey{c, g.Rule}
		if seen[k] {
			continue
		}
		seen[k] = true
		w, ok := want[k]
		if !ok {
			out.FP = append(out.FP, k)
			continue
		}
		out.TP = append(out.TP, k)
		if w.Severity != "" && w.Severity != string(g.Severity) {
			out.Severity = append(out.Severity, fmt.Sprintf("%s %s: labelled %s, reported %s", k.Rule, k.Client, w.Severity, g.Severity))
		}
	}
	for _, f := range lf.Findings {
		if k := (labelKey{f.Client, f.Rule}); !seen[k] {
			out.FN = append(out.FN, k)
			if f.Gap != "" {
				if out.Gaps == nil {
					out.Gaps = map[labelKey]bool{}
				}
				out.Gaps[k] = true
			}
		}
	}
	return out
}

// ruleCounts are per-rule totals over all labelled configurations.
type ruleCounts struct{ TP, FN, FP int }

func (c ruleCounts) recall() string    { return ratio(c.TP, c.TP+c.FN) }
func (c ruleCounts) precision() string { return ratio(c.TP, c.TP+c.FP) }

func ratio(n, d int) string {
	if d == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", float64(n)/float64(d))
}

func tally(into map[string]*ruleCounts, o labelOutcome) {
	add := func(ks []labelKey, f func(*ruleCounts)) {
		for _, k := range ks {
			if into[k.Rule] == nil {
				into[k.Rule] = &ruleCounts{}
			}
			f(into[k.Rule])
		}
	}
	add(o.TP, func(c *ruleCounts) { c.TP++ })
	add(o.FN, func(c *ruleCounts) { c.FN++ })
	add(o.FP, func(c *ruleCounts) { c.FP++ })
}

// checkLabel reports what is wrong with a label file itself: unknown rules
// or severities, duplicate (client, rule) entries, missing reasons.
func checkLabel(lf labelFile) []string {
	var errs []string
	seen := map[labelKey]string{}
	for _, part := range []struct {
		name string
		fs   []labelFinding
	}{{"findings", lf.Findings}, {"no_finding", lf.NoFinding}} {
		for _, f := range part.fs {
			k := labelKey{f.Client, f.Rule}
			switch {
			case !knownRule(f.Rule):
				errs = append(errs, fmt.Sprintf("%s: unknown rule %q", part.name, f.Rule))
			case f.Why == "":
				errs = append(errs, fmt.Sprintf("%s: %s %s has no why", part.name, f.Rule, f.Client))
			case f.Scope != "" && f.Scope != "client" && f.Scope != "realm":
				errs = append(errs, fmt.Sprintf("%s: %s %s: scope %q", part.name, f.Rule, f.Client, f.Scope))
			}
			if part.name == "findings" && flows.Severity(f.Severity).Rank() == 0 {
				errs = append(errs, fmt.Sprintf("findings: %s %s: severity %q", f.Rule, f.Client, f.Severity))
			}
			if prev, ok := seen[k]; ok {
				errs = append(errs, fmt.Sprintf("%s %s is in %s and %s", f.Rule, f.Client, prev, part.name))
			}
			seen[k] = part.name
		}
	}
	return errs
}

func loadLabels(t *testing.T, dir string) map[string]labelFile {
	t.Helper()
	out := map[string]labelFile{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".yaml") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		var lf labelFile
		if err := dec.Decode(&lf); err != nil {
			return fmt.Errorf("%s: %v", p, err)
		}
		rel, _ := filepath.Rel(dir, p)
		out[rel] = lf
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestLabels lints every hand-labelled real configuration and prints recall
// and precision per rule (go test -run TestLabels -v). Disagreements are
// expected until the second-round rules exist and are recorded in the
// corpus notes; the test fails only when a label is malformed, names a file
// that is missing, or a labelled file under testdata/corpus is reported as
// invalid-config or not recognised (files whichflow cannot read yet live in
// testdata/corpus-pending).
func TestLabels(t *testing.T) {
	testdata := filepath.Dir(corpus.Dir(t))
	labels := loadLabels(t, filepath.Join(testdata, "labels"))
	if len(labels) == 0 {
		t.Fatal("no label files under testdata/labels")
	}
	// WHICHFLOW_LABELS=<regexp> measures a subset (e.g. one collection's
	// new files) without changing what the full run checks.
	var only *regexp.Regexp
	if pat := os.Getenv("WHICHFLOW_LABELS"); pat != "" {
		only = regexp.MustCompile(pat)
	}
	names := make([]string, 0, len(labels))
	for n := range labels {
		if only == nil || only.MatchString(n) {
			names = append(names, n)
		}
	}
	sort.Strings(names)

	counts := map[string]*ruleCounts{}
	pendingCounts := map[string]*ruleCounts{}
	var detail bytes.Buffer
	for _, name := range names {
		lf := labels[name]
		for _, e := range checkLabel(lf) {
			t.Errorf("label %s: %s", name, e)
		}
		target := filepath.Join(testdata, filepath.FromSlash(lf.Path))
		st, err := os.Stat(target)
		if err != nil {
			t.Errorf("label %s: %v", name, err)
			continue
		}
		pending := strings.HasPrefix(lf.Path, "corpus-pending/")
		if !pending && !strings.HasPrefix(lf.Path, "corpus/") {
			t.Errorf("label %s: path %q is neither under corpus/ nor corpus-pending/", name, lf.Path)
		}
		res, err := Run(context.Background(), Options{Paths: []string{target}, Now: testNow, Config: os.DevNull})
		if err != nil {
			t.Errorf("%s: %v", lf.Path, err)
			continue
		}
		var unread []string
		for _, s := range res.Skipped {
			if !s.moduleFile { // a module's variables.tf is read with its clients
				unread = append(unread, filepath.Base(s.Path)+" ("+s.Reason+")")
			}
		}
		for _, f := range res.Findings {
			if f.Rule == flows.RuleInvalidConfig {
				unread = append(unread, fmt.Sprintf("%s:%d invalid-config: %s", filepath.Base(f.File), f.Line, f.Message))
			}
		}
		if len(unread) > 0 {
			if pending {
				fmt.Fprintf(&detail, "%s (pending): not read: %s\n", lf.Path, strings.Join(unread, "; "))
			} else {
				t.Errorf("%s: a corpus file whichflow cannot read is a bug (move it to testdata/corpus-pending with a note): %s", lf.Path, strings.Join(unread, "; "))
			}
		}
		if !pending && !st.Mode().IsRegular() && !strings.HasPrefix(lf.Path, "corpus/terraform/") {
			t.Errorf("label %s: corpus labels name one file (or a Terraform module directory); %s is a directory", name, lf.Path)
		}
		o := compareLabels(lf, res.Findings)
		if pending {
			tally(pendingCounts, o)
		} else {
			tally(counts, o)
		}
		// A disagreement with a hand label is a bug or a documented
		// judgement: the label records the judgement (findings/no_finding,
		// or gap: for a known miss); anything else fails.
		disagree := func(format string, args ...any) {
			fmt.Fprintf(&detail, format, args...)
			if !pending {
				t.Errorf(format, args...)
			}
		}
		for _, k := range o.FN {
			if o.Gaps[k] {
				fmt.Fprintf(&detail, "%s: missed %s %s (a known gap)\n", lf.Path, k.Rule, k.Client)
				continue
			}
			disagree("%s: missed %s %s (fix it, or mark the label's entry gap: with why)\n", lf.Path, k.Rule, k.Client)
		}
		for _, k := range o.FP {
			disagree("%s: unlabelled %s %s (label it, or fix the check)\n", lf.Path, k.Rule, k.Client)
		}
		for _, s := range o.Severity {
			disagree("%s: severity %s\n", lf.Path, s)
		}
	}
	t.Logf("%d labelled configurations\n%s\nper rule, testdata/corpus:\n%s\nper rule, testdata/corpus-pending:\n%s",
		len(names), detail.String(), ruleTable(counts), ruleTable(pendingCounts))
}

// ruleTable prints the per-rule counts, with totals.
func ruleTable(counts map[string]*ruleCounts) string {
	rules := make([]string, 0, len(counts))
	for r := range counts {
		rules = append(rules, r)
	}
	slices.Sort(rules)
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "rule\tlabelled\tfound\tmissed\twrong\trecall\tprecision")
	var sum ruleCounts
	for _, r := range rules {
		c := counts[r]
		sum.TP += c.TP
		sum.FN += c.FN
		sum.FP += c.FP
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%d\t%s\t%s\n", r, c.TP+c.FN, c.TP, c.FN, c.FP, c.recall(), c.precision())
	}
	fmt.Fprintf(w, "= all rules\t%d\t%d\t%d\t%d\t%s\t%s\n", sum.TP+sum.FN, sum.TP, sum.FN, sum.FP, sum.recall(), sum.precision())
	w.Flush()
	return b.String()
}

func TestCompareLabels(t *testing.T) {
	lf := labelFile{
		Aliases: map[string]string{"spring": "example"},
		Findings: []labelFinding{
			{Client: "a", Rule: "implicit-grant", Severity: "error", Why: "x"},
			{Client: "a", Rule: "ropc", Severity: "error", Why: "x"},
			{Client: "example", Rule: "committed-secret", Severity: "warning", Why: "x"},
			{Client: "realm1", Rule: "ssl-required-none", Scope: "realm", Severity: "error", Why: "x"},
		},
	}
	got := []Finding{
		{Client: "a", Rule: "implicit-grant", Severity: flows.SeverityError},
		{Client: "a", Rule: "implicit-grant", Severity: flows.SeverityError}, // counted once
		{Client: "spring", Rule: "committed-secret", Severity: flows.SeverityNote},
		{Client: "b", Rule: "ropc", Severity: flows.SeverityError},
		{Client: "realm1", Rule: "ssl-required-none", Severity: flows.SeverityError},
	}
	o := compareLabels(lf, got)
	wantTP := []labelKey{{"a", "implicit-grant"}, {"example", "committed-secret"}, {"realm1", "ssl-required-none"}}
	if !slices.Equal(o.TP, wantTP) {
		t.Errorf("TP = %v, want %v", o.TP, wantTP)
	}
	if want := []labelKey{{"a", "ropc"}}; !slices.Equal(o.FN, want) {
		t.Errorf("FN = %v, want %v", o.FN, want)
	}
	if want := []labelKey{{"b", "ropc"}}; !slices.Equal(o.FP, want) {
		t.Errorf("FP = %v, want %v", o.FP, want)
	}
	if want := []string{"committed-secret example: labelled warning, reported note"}; !slices.Equal(o.Severity, want) {
		t.Errorf("Severity = %v, want %v", o.Severity, want)
	}

	counts := map[string]*ruleCounts{}
	tally(counts, o)
	if c := *counts["ropc"]; c != (ruleCounts{TP: 0, FN: 1, FP: 1}) {
		t.Errorf("ropc counts %+v", c)
	}
	if c := *counts["implicit-grant"]; c.recall() != "1.00" || c.precision() != "1.00" {
		t.Errorf("implicit-grant recall %s precision %s", c.recall(), c.precision())
	}
	if got := (ruleCounts{}).recall(); got != "-" {
		t.Errorf("empty recall = %q", got)
	}
	if got := (ruleCounts{TP: 1, FP: 3}).precision(); got != "0.25" {
		t.Errorf("precision = %q", got)
	}
}

func TestCheckLabel(t *testing.T) {
	bad := labelFile{
		Findings: []labelFinding{
			{Client: "a", Rule: "no-such-rule", Severity: "error", Why: "x"},
			{Client: "a", Rule: "ropc", Severity: "fatal", Why: "x"},
			{Client: "a", Rule: "implicit-grant", Severity: "error"},
			{Client: "r", Rule: "ssl-required-none", Scope: "tenant", Severity: "error", Why: "x"},
		},
		NoFinding: []labelFinding{{Client: "a", Rule: "ropc", Why: "x"}},
	}
	errs := checkLabel(bad)
	for _, want := range []string{`unknown rule "no-such-rule"`, `severity "fatal"`, "implicit-grant a has no why", `scope "tenant"`, "ropc a is in findings and no_finding"} {
		if !slices.ContainsFunc(errs, func(e string) bool { return strings.Contains(e, want) }) {
			t.Errorf("checkLabel misses %q in %q", want, errs)
		}
	}
	good := labelFile{
		Findings:  []labelFinding{{Client: "a", Rule: "ropc", Severity: "error", Why: "x"}, {Client: "r", Rule: "refresh-no-expiry", Scope: "realm", Severity: "note", Why: "x"}},
		NoFinding: []labelFinding{{Client: "a", Rule: "redirect-localhost", Why: "x"}},
	}
	if errs := checkLabel(good); len(errs) > 0 {
		t.Errorf("good label: %v", errs)
	}
}
