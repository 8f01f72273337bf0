package lint

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/clientconfig"
	"github.com/whichflow/whichflow/internal/safetext"
)

// ConfigFile is the name of the suppression file lint looks for.
const ConfigFile = ".whichflow.yaml"

// maxConfigSize caps .whichflow.yaml: a suppression list, not data.
const maxConfigSize = 1 << 20

// The keys .whichflow.yaml accepts; anything else is a typo that must not
// switch lint off silently.
var (
	configKeys = []string{"ignore"}
	entryKeys  = []string{"rule", "client", "path", "reason", "expires"}
)

// AllRules is the rule value of an ignore entry that suppresses every rule;
// it must be spelt out, with a reason, and it is reported.
const AllRules = "*"

// ConfigError is a .whichflow.yaml that cannot be used: exit 2, naming the
// file and line.
type ConfigError struct {
	Path string
	Line int
	Msg  string
}

func (e *ConfigError) Error() string {
	if e.Line > 0 {
		return safetext.Line(fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg))
	}
	return safetext.Line(fmt.Sprintf("%s: %s", e.Path, e.Msg))
}

type ignoreEntry struct {
	Rule    string
	Client  string
	Path    string
	Reason  string
	Expires string
	line    int
	col     int
	client  *glob
	path    *glob
	// hits counts the findings the entry suppressed (an all-rules entry is
	// reported with it). Entries are matched by workers in parallel.
	hits counter
	sup  *Suppression // what it sets on the findings it covers (shared, read-only)
}

type config struct {
	path    string // as displayed
	dir     string // absolute directory the path globs are relative to
	entries []*ignoreEntry
}

// configs finds and caches the .whichflow.yaml of each linted path.
type configs struct {
	explicit *config // --config: for every path
	byFile   map[string]*config
	order    []*config
	cwd      string
}

func newConfigs(opts Options) (*configs, error) {
	cs := &configs{byFile: map[string]*config{}}
	cs.cwd, _ = os.Getwd()
	if opts.Config == os.DevNull { // the conventional "no suppressions"
		cs.explicit = &config{path: filepath.ToSlash(opts.Config)}
	} else if opts.Config != "" {
		c, err := cs.load(opts.Config, opts.Config, false)
		if err != nil {
			return nil, err
		}
		if c == nil {
			return nil, &PathError{Path: opts.Config, Err: errors.New("not a regular file")}
		}
		cs.explicit = c
	}
	return cs, nil
}

// forPath is the configuration for linted path p: --config, else the
// nearest .whichflow.yaml from p's directory upwards to the repository root
// (the directory holding .git), as golangci-lint and editorconfig look
// theirs up. Outside a repository, p's directory and the working directory
// are looked in.
func (cs *configs) forPath(p string) (*config, error) {
	if cs.explicit != nil {
		return cs.explicit, nil
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return &config{}, nil
	}
	dir := abs
	if st, err := os.Stat(abs); err != nil || !st.IsDir() {
		dir = filepath.Dir(abs)
	}
	var candidates []string
	inRepo := false
	for d := dir; ; {
		candidates = append(candidates, filepath.Join(d, ConfigFile))
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			inRepo = true
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	if !inRepo {
		candidates = []string{filepath.Join(dir, ConfigFile)}
		if cs.cwd != "" && cs.cwd != dir {
			candidates = append(candidates, filepath.Join(cs.cwd, ConfigFile))
		}
	}
	for _, c := range candidates {
		if cfg, ok := cs.byFile[c]; ok {
			if cfg != nil {
				return cfg, nil
			}
			continue
		}
		cfg, err := cs.load(c, cs.display(c), true)
		if err != nil {
			return nil, err
		}
		cs.byFile[c] = cfg
		if cfg != nil {
			return cfg, nil
		}
	}
	return &config{}, nil
}

// display is how a found configuration is named: relative to the working
// directory when that is shorter to read.
func (cs *configs) display(abs string) string {
	if cs.cwd != "" {
		if rel, err := filepath.Rel(cs.cwd, abs); err == nil {
			return rel
		}
	}
	return abs
}

// load reads and validates the configuration at path. A looked-up path
// with no regular file there is nil, no error; --config must be a file.
func (cs *configs) load(path, display string, lookedUp bool) (*config, error) {
	st, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && lookedUp {
			return nil, nil
		}
		return nil, &PathError{Path: display, Err: unwrapPathErr(err)}
	}
	if !st.Mode().IsRegular() {
		if lookedUp {
			return nil, nil // a directory or FIFO of that name is not read
		}
		return nil, &PathError{Path: display, Err: errors.New("not a regular file")}
	}
	if st.Size() > maxConfigSize {
		return nil, &ConfigError{Path: display, Msg: fmt.Sprintf("%s is %d bytes, over the %d-byte limit for a suppression file", ConfigFile, st.Size(), maxConfigSize)}
	}
	data, err := readConfig(path)
	if err != nil {
		return nil, &PathError{Path: display, Err: unwrapPathErr(err)}
	}
	abs, _ := filepath.Abs(path)
	cfg, err := parseConfig(data, filepath.ToSlash(display), filepath.Dir(abs))
	if err != nil {
		return nil, err
	}
	cs.order = append(cs.order, cfg)
	return cfg, nil
}

// parseConfig validates a .whichflow.yaml strictly: every key known, every
// entry with a rule, values scalars, globs bounded.
func parseConfig(data []byte, display, dir string) (*config, error) {
	cfg := &config{path: display, dir: dir}
	bad := func(n *yaml.Node, format string, args ...any) error {
		line := 0
		if n != nil {
			line = n.Line
		}
		return &ConfigError{Path: display, Line: line, Msg: fmt.Sprintf(format, args...)}
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, bad(nil, "not valid YAML: %v", err)
	}
	if len(root.Content) == 0 {
		return cfg, nil
	}
	doc := root.Content[0]
	if doc.Kind == yaml.ScalarNode && doc.Tag == "!!null" {
		return cfg, nil
	}
	if doc.Kind != yaml.MappingNode {
		return nil, bad(doc, "want a mapping with an ignore: list (allowed keys: %s)", strings.Join(configKeys, ", "))
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		if k.Value != "ignore" {
			return nil, bad(k, "unknown key %q%s (allowed keys: %s)", k.Value, didYouMean(k.Value, configKeys), strings.Join(configKeys, ", "))
		}
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			continue
		}
		if v.Kind != yaml.SequenceNode {
			return nil, bad(v, "ignore: must be a list of entries with %s", strings.Join(entryKeys, ", "))
		}
		for _, it := range v.Content {
			e, err := parseEntry(it, bad)
			if err != nil {
				return nil, err
			}
			// One Suppression for every finding the entry covers: a
			// file may have 100k of them.
			e.sup = &Suppression{Kind: "external", Reason: e.Reason, Location: fmt.Sprintf("%s:%d", display, e.line)}
			cfg.entries = append(cfg.entries, e)
		}
	}
	return cfg, nil
}

func parseEntry(it *yaml.Node, bad func(*yaml.Node, string, ...any) error) (*ignoreEntry, error) {
	if it.Kind != yaml.MappingNode {
		return nil, bad(it, "an ignore entry must be a mapping with %s", strings.Join(entryKeys, ", "))
	}
	e := &ignoreEntry{line: it.Line, col: it.Column}
	seen := map[string]bool{}
	for i := 0; i+1 < len(it.Content); i += 2 {
		k, v := it.Content[i], it.Content[i+1]
		if !slices.Contains(entryKeys, k.Value) {
			return nil, bad(k, "unknown key %q in an ignore entry%s (allowed keys: %s)", k.Value, didYouMean(k.Value, entryKeys), strings.Join(entryKeys, ", "))
		}
		if seen[k.Value] {
			return nil, bad(k, "key %q given twice in one ignore entry", k.Value)
		}
		seen[k.Value] = true
		if v.Kind != yaml.ScalarNode {
			return nil, bad(v, "%s: must be a single value", k.Value)
		}
		switch k.Value {
		case "rule":
			e.Rule = strings.TrimSpace(v.Value)
		case "client":
			e.Client = v.Value
		case "path":
			e.Path = v.Value
		case "reason":
			e.Reason = v.Value
		case "expires":
			e.Expires = v.Value
		}
	}
	if e.Rule == "" {
		return nil, bad(it, "ignore entry has no rule: name the rule it suppresses (`whichflow rules` lists them), or rule: %q with a reason to suppress every rule", AllRules)
	}
	if e.Rule == AllRules && strings.TrimSpace(e.Reason) == "" {
		return nil, bad(it, "ignore entry with rule: %q suppresses every rule, so it needs a reason:", AllRules)
	}
	var err error
	if e.Client != "" && e.Client != "*" && e.Client != "**" { // "*": every client, as no client:
		if e.client, err = compileGlob(e.Client, false); err != nil {
			return nil, bad(it, "client: %v", err)
		}
	}
	if e.Path != "" {
		if e.path, err = compileGlob(filepath.ToSlash(e.Path), true); err != nil {
			return nil, bad(it, "path: %v", err)
		}
	}
	return e, nil
}

// didYouMean suggests the allowed key nearest to k, if one is close.
func didYouMean(k string, allowed []string) string {
	best, bestD := "", 3
	for _, a := range allowed {
		if d := editDistance(strings.ToLower(k), a); d < bestD {
			best, bestD = a, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// rel is file (as displayed, relative to the working directory or
// absolute) relative to the configuration's directory, for path globs.
func (c *config) rel(file string) string {
	if c.dir == "" {
		return file
	}
	abs := file
	if !filepath.IsAbs(abs) {
		var err error
		if abs, err = filepath.Abs(file); err != nil {
			return file
		}
	}
	r, err := filepath.Rel(c.dir, abs)
	if err != nil || strings.HasPrefix(r, "..") {
		return filepath.ToSlash(file)
	}
	return filepath.ToSlash(r)
}

// apply marks f suppressed when a live entry of the config matches it.
func (c *config) apply(f *Finding, now time.Time) {
	if c == nil {
		return
	}
	for _, e := range c.entries {
		if e.Rule != AllRules && e.Rule != f.Rule {
			continue
		}
		if e.client != nil && !e.client.match(f.Client) {
			continue
		}
		if e.path != nil && !e.path.match(c.rel(f.File)) {
			continue
		}
		if gone, _ := expired(e.Expires, now); gone {
			continue
		}
		f.Suppressed = e.sup
		e.hits.add(1)
		return
	}
}

// findings are the config's own problems: entries naming unknown rules,
// entries without a reason, and expired entries.
func (c *config) findings(now time.Time) []Finding {
	var out []Finding
	for _, e := range c.entries {
		pos := clientconfig.Pos{Line: e.line, Col: e.col}
		if e.Rule != AllRules && !knownRule(e.Rule) {
			out = append(out, newFinding(ruleByID(flows.RuleSuppressionUnknownRule), c.path, e.Client, pos,
				fmt.Sprintf("ignore entry names no rule whichflow has: %s", e.Rule)))
		}
		if strings.TrimSpace(e.Reason) == "" {
			out = append(out, newFinding(ruleByID(flows.RuleSuppressionNoReason), c.path, e.Client, pos,
				fmt.Sprintf("ignore entry for %s has no reason", e.Rule)))
		}
		if gone, err := expired(e.Expires, now); gone {
			msg := fmt.Sprintf("ignore entry for %s expired on %s and no longer suppresses", e.Rule, e.Expires)
			if err != nil {
				msg = fmt.Sprintf("ignore entry for %s: %v, so it does not suppress", e.Rule, err)
			}
			out = append(out, newFinding(ruleByID(flows.RuleSuppressionExpired), c.path, e.Client, pos, msg))
		}
	}
	return out
}

// AllRulesSuppression is an ignore entry with rule "*" that suppressed
// findings: reports name it in their summary.
type AllRulesSuppression struct {
	// Location is "file:line" of the entry.
	Location string
	Reason   string
	// Suppressed counts the findings it suppressed.
	Suppressed int
}

// allRules lists the configs' all-rules entries that suppressed something.
func (cs *configs) allRules() []AllRulesSuppression {
	var out []AllRulesSuppression
	for _, c := range cs.order {
		for _, e := range c.entries {
			if n := e.hits.load(); e.Rule == AllRules && n > 0 {
				out = append(out, AllRulesSuppression{Location: fmt.Sprintf("%s:%d", c.path, e.line), Reason: e.Reason, Suppressed: int(n)})
			}
		}
	}
	return out
}

// readConfig reads at most maxConfigSize bytes of a regular file, without
// blocking on a FIFO swapped in after the stat.
func readConfig(path string) ([]byte, error) {
	f, err := openFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	data, err := io.ReadAll(io.LimitReader(f, maxConfigSize+1))
	if err == nil && len(data) > maxConfigSize {
		err = fmt.Errorf("over the %d-byte limit for a suppression file", maxConfigSize)
	}
	return data, err
}
