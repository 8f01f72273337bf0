package lint

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/clientconfig"
)

// --- inline directives --------------------------------------------------------

type directive struct {
	line    int
	col     int
	rules   map[string]bool
	reason  string
	expires string
}

var kvRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`([A-Za-z_]+)=("(?:[^"\\]|\\.)*"|\S+)`) })

// parseDirective reads `RULE[,RULE] reason="..." expires=YYYY-MM-DD`.
func parseDirective(d clientconfig.Directive) directive {
	out := directive{line: d.Pos.Line, col: d.Pos.Col, rules: map[string]bool{}}
	text := strings.TrimSpace(d.Text)
	text = strings.TrimSpace(strings.TrimSuffix(text, "*/"))
	first, rest, _ := strings.Cut(text, " ")
	if strings.Contains(first, "=") { // no rule list at all
		first, rest = "", text
	}
	for _, r := range strings.Split(first, ",") {
		if r = strings.TrimSpace(r); r != "" {
			out.rules[r] = true
		}
	}
	for _, m := range kvRe().FindAllStringSubmatch(rest, -1) {
		v := m[2]
		if strings.HasPrefix(v, `"`) {
			if u, err := unquote(v); err == nil {
				v = u
			}
		}
		switch strings.ToLower(m[1]) {
		case "reason":
			out.reason = strings.TrimSpace(v)
		case "expires":
			out.expires = v
		}
	}
	return out
}

// unknownRules lists the rule IDs of a directive the catalog does not
// have, sorted; a directive naming no rule at all reports "(none)".
func unknownRules(rules map[string]bool) []string {
	if len(rules) == 0 {
		return []string{"(none)"}
	}
	var out []string
	for _, id := range sortedKeys(rules) {
		if !knownRule(id) {
			out = append(out, id)
		}
	}
	return out
}

func unquote(s string) (string, error) {
	var v string
	err := json.Unmarshal([]byte(s), &v)
	return v, err
}

// expired reports whether an expires date has passed (a suppression is good
// through the whole day it names). An unreadable date counts as expired.
func expired(expires string, now time.Time) (bool, error) {
	if expires == "" {
		return false, nil
	}
	t, err := time.Parse("2006-01-02", expires)
	if err != nil {
		return true, fmt.Errorf("expires=%s is not a date (YYYY-MM-DD)", expires)
	}
	y, m, d := now.Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return today.After(t), nil
}

// applyDirectives marks the findings of one file that its whichflow:ignore
// comments suppress, and returns the findings about the comments themselves.
func applyDirectives(display string, file *clientconfig.File, findings *findingPack, now time.Time) []Finding {
	var extra []Finding
	for _, raw := range file.Directives {
		d := parseDirective(raw)
		target := directiveSubject(file, d.line)
		clientID := ""
		if target != nil {
			clientID = target.name
		}
		pos := clientconfig.Pos{Line: d.line, Col: d.col}
		isExpired, dateErr := expired(d.expires, now)
		if unknown := unknownRules(d.rules); len(unknown) > 0 {
			extra = append(extra, newFinding(ruleByID(flows.RuleSuppressionUnknownRule), display, clientID, pos,
				fmt.Sprintf("whichflow:ignore names no rule whichflow has: %s", strings.Join(unknown, ", "))))
		}
		if d.reason == "" {
			extra = append(extra, newFinding(ruleByID(flows.RuleSuppressionNoReason), display, clientID, pos,
				fmt.Sprintf("whichflow:ignore %s has no reason=\"...\"", strings.Join(sortedKeys(d.rules), ","))))
		}
		if isExpired {
			r := ruleByID(flows.RuleSuppressionExpired)
			msg := fmt.Sprintf("whichflow:ignore %s expired on %s and no longer suppresses", strings.Join(sortedKeys(d.rules), ","), d.expires)
			if dateErr != nil {
				msg = fmt.Sprintf("whichflow:ignore %s: %v, so it does not suppress", strings.Join(sortedKeys(d.rules), ","), dateErr)
			}
			extra = append(extra, newFinding(r, display, clientID, pos, msg))
			continue
		}
		var sup *Suppression // one for every finding the directive covers
		for i := 0; i < findings.len(); i++ {
			f := findings.rec(i)
			m := &findings.metas[f.meta]
			if f.sup != 0 || !d.rules[m.rule] {
				continue
			}
			applies := false
			if target != nil {
				applies = findings.strs[f.client] == target.name && m.scope == target.scope
			} else {
				applies = int(f.line) == d.line+1 || int(f.line) == d.line
			}
			if applies {
				if sup == nil {
					sup = &Suppression{Kind: "inSource", Reason: d.reason, Location: fmt.Sprintf("%s:%d", display, d.line)}
				}
				findings.suppress(i, sup)
			}
		}
	}
	return extra
}

// directiveSubject is the client or realm a directive on line belongs to:
// the innermost one whose lines contain it, or the one starting on the
// next line. Clients sit inside realms, so a directive inside a client
// belongs to the client.
type subjectRef struct {
	name  string
	scope flows.Scope
	start int
}

func directiveSubject(file *clientconfig.File, line int) *subjectRef {
	var best *subjectRef
	consider := func(name string, scope flows.Scope, start, end int) {
		if start == 0 {
			return
		}
		in := start <= line && line <= end
		next := line+1 == start
		if !in && !next {
			return
		}
		if best == nil || start > best.start || (start == best.start && scope == flows.ScopeClient) {
			best = &subjectRef{name: name, scope: scope, start: start}
		}
	}
	for i := range file.Realms {
		r := &file.Realms[i]
		consider(r.Name, flows.ScopeRealm, r.Pos.Line, r.End)
	}
	for i := range file.Clients {
		c := &file.Clients[i]
		consider(c.ID, flows.ScopeClient, c.Pos.Line, c.End)
	}
	return best
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// --- fingerprints and the baseline --------------------------------------------

// Fingerprint identifies a finding independently of where in the file it
// is: rule, file, client (or realm) and message. A realm finding's scope is
// part of it, so a realm and a client of the same name never share one;
// client findings keep the fingerprints of baselines written before scopes.
func Fingerprint(f Finding) string {
	// One buffer (on the stack for usual findings) and one hash: every
	// finding gets one, so it is worth no per-call allocations.
	var buf [512]byte
	b := buf[:0]
	for _, s := range []string{f.Rule, f.File, f.Client, f.Message} {
		b = append(append(b, s...), 0)
	}
	if f.Scope == flows.ScopeRealm {
		b = append(append(b, f.Scope...), 0)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

// Baseline is a set of accepted findings, by fingerprint.
type Baseline struct {
	set map[string]int
}

type baselineFile struct {
	SchemaVersion int             `json:"schema_version"`
	Findings      []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Client      string `json:"client"`
}

// ReadBaseline reads a file written by WriteBaseline.
func ReadBaseline(r io.Reader) (*Baseline, error) {
	var bf baselineFile
	if err := json.NewDecoder(r).Decode(&bf); err != nil {
		return nil, fmt.Errorf("not a whichflow baseline: %v", err)
	}
	if bf.SchemaVersion != 1 {
		return nil, fmt.Errorf("baseline schema_version %d, want 1", bf.SchemaVersion)
	}
	b := &Baseline{set: map[string]int{}}
	for _, e := range bf.Findings {
		b.set[e.Fingerprint]++
	}
	return b, nil
}

// Has reports whether the baseline holds fingerprint fp.
func (b *Baseline) Has(fp string) bool { return b != nil && b.set[fp] > 0 }

// WriteBaseline writes the fingerprints of the unsuppressed findings.
func WriteBaseline(w io.Writer, findings []Finding) error {
	bf := baselineFile{SchemaVersion: 1, Findings: []baselineEntry{}}
	for _, f := range findings {
		if f.Suppressed != nil {
			continue
		}
		bf.Findings = append(bf.Findings, baselineEntry{Fingerprint: f.Fingerprint, Rule: f.Rule, File: f.File, Client: f.Client})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(bf)
}
