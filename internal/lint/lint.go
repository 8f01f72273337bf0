// Package lint runs the catalog's rules over client configurations: it finds
// the files, reads them in parallel through clientconfig, runs one small
// check per rule over each client, applies suppressions and a baseline, and
// returns the findings in a deterministic order.
package lint

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/clientconfig"
	"github.com/whichflow/whichflow/internal/redact"
	"github.com/whichflow/whichflow/internal/safetext"
)

// DefaultMaxFileSize is the size above which a file is not read: 64 MiB, a
// generous Keycloak realm export.
const DefaultMaxFileSize = 64 << 20

// Profiles of rules (--profile): the catalog's.
const (
	ProfileStandard = string(flows.ProfileStandard)
	ProfileHigh     = string(flows.ProfileHigh)
)

// Options configure a lint run.
type Options struct {
	// Paths are files or directories, as given on the command line; empty
	// means ".". Findings name files relative to these, as given.
	Paths []string
	// Profile is ProfileStandard (default) or ProfileHigh (adds the FAPI 2.0
	// rules).
	Profile string
	// IncludeBuiltin lints Keycloak's built-in clients too.
	IncludeBuiltin bool
	// MaxFileSize caps what is read; 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// Workers bounds parallel reads; 0 means GOMAXPROCS.
	Workers int
	// Config is a .whichflow.yaml path for every linted path; "" looks up
	// each path's own from its directory upwards to the repository root.
	Config string
	// Baseline drops findings whose fingerprints it holds (nil: none).
	Baseline *Baseline
	// Now is the date suppressions expire against; zero means time.Now().
	Now time.Time

	// Stream, when set, receives every finding (suppressed ones too, as
	// Result.Findings has them) in the final order — by file, then line,
	// column, rule, client — as soon as the files before it are done.
	// Result.Findings and Result.Linted then stay empty, so memory does not
	// grow with the number of files; Summary, Fails and Suppressed still
	// count. An error from Stream stops the run and is Run's error.
	Stream func(Finding) error
	// KeepLinted fills Result.Linted while streaming too (a report that
	// lists what passed: JUnit), in the order it has without streaming.
	KeepLinted bool

	// SoftMemoryLimit lets Run keep the process's soft memory limit at
	// DESIGN §6's bound for the largest file read so far (restored at the
	// end; a GOMEMLIMIT the user set wins). For a command, not a library.
	SoftMemoryLimit bool
	budget          *memoryBudget

	// rules are the catalog rules of the run's profile (set by Run), and
	// plan which of them apply to each target (plan.go).
	rules []flows.Rule
	plan  plan
	// Stdin, when set, is linted instead of Paths: one configuration read
	// from standard input (lint -), reported under its Name.
	Stdin *Input
	// mods are the Terraform module directories of the run (module.go).
	mods *modules
}

// Input is a configuration already in memory.
type Input struct {
	// Name names it in reports and helps recognise its format
	// (--stdin-filename); .whichflow.yaml is looked up from its directory.
	Name string
	Data []byte
}

// Finding is one rule firing on one client of one file.
type Finding struct {
	Rule     string         `json:"rule"`
	Severity flows.Severity `json:"severity"`
	File     string         `json:"file"`
	Line     int            `json:"line"`
	Column   int            `json:"column"`
	Client   string         `json:"client"`
	// Scope is what the finding is about: a client (Client is its ID) or a
	// realm or tenant (Client is the realm's name).
	Scope   flows.Scope `json:"scope"`
	Message string      `json:"message"`
	Refs    []string    `json:"refs"`
	// Suppressed is set when a suppression covers the finding: it is kept
	// for SARIF but does not count for the summary or the exit code.
	Suppressed *Suppression `json:"suppressed,omitempty"`
	// Fingerprint identifies the finding across runs (baseline, SARIF
	// partialFingerprints): rule, file, client and message, not the line.
	Fingerprint string `json:"-"`
}

// Suppression says what suppressed a finding.
type Suppression struct {
	// Kind is "inSource" for a whichflow:ignore comment, "external" for a
	// .whichflow.yaml entry (the SARIF suppression kinds).
	Kind   string `json:"kind"`
	Reason string `json:"reason,omitempty"`
	// Location is where the suppression is written, "file:line".
	Location string `json:"location,omitempty"`
}

// Skip is a file that was not linted, and why.
type Skip struct {
	Path   string
	Reason string
	// Notable skips (a file too large to read, a symbolic link, a file
	// named on the command line that is not a configuration) are worth
	// telling the user even without -v.
	Notable bool
	// unreadable: the file could not be opened or read.
	unreadable bool
	// moduleFile: a Terraform file read as part of its module directory
	// (variables, locals), without clients of its own.
	moduleFile bool
}

// Result is what a run found.
type Result struct {
	Findings []Finding
	// Files counts the files recognised and linted (invalid ones included).
	Files int
	// Clients counts the client registrations read.
	Clients int
	Skipped []Skip
	// Baselined counts findings dropped because the baseline holds them.
	Baselined int
	// AllRules are the .whichflow.yaml entries with rule "*" that
	// suppressed findings (reports name them in their summary).
	AllRules []AllRulesSuppression
	// Linted lists the files recognised, in order, with the clients and
	// realms checked in each (for reports that list what passed, such as
	// JUnit).
	Linted []LintedFile
	// Profile is the rule profile the run used.
	Profile string
	// Rules are the catalog rules of the run's profile (SARIF's
	// tool.driver.rules); which of them ran on a subject is
	// Rule.AppliesTo(subject.Target).
	Rules []flows.Rule

	// counted: Run kept the counts below as findings went by (they hold
	// when the findings were streamed); a Result built by hand is counted
	// from Findings.
	counted    bool
	sum        Summary
	suppressed int
	worst      int // highest severity rank of an unsuppressed finding
}

// LintedFile is a file that was recognised and linted.
type LintedFile struct {
	Path   string       `json:"path"`
	Format flows.Format `json:"format,omitempty"`
	// Subjects are the clients and realms the rules ran on.
	Subjects []Subject `json:"subjects"`
}

// Subject is one client or realm that rules ran on.
type Subject struct {
	// Name is the client's ID or the realm's name, as in findings.
	Name string `json:"name"`
	// Target is where it sits (format, scope, profile, flowless): the
	// rules that ran on it are those that apply to it.
	Target flows.Target `json:"target"`
}

// Clients counts the file's client subjects.
func (lf LintedFile) Clients() int {
	n := 0
	for _, s := range lf.Subjects {
		if s.Target.Scope == flows.ScopeClient {
			n++
		}
	}
	return n
}

// Summary counts what is not suppressed.
type Summary struct {
	Files    int `json:"files"`
	Clients  int `json:"clients"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Notes    int `json:"notes"`
}

// Summary counts the findings that are not suppressed, by severity.
func (r *Result) Summary() Summary {
	s := Summary{Files: r.Files, Clients: r.Clients}
	if r.counted {
		s.Errors, s.Warnings, s.Notes = r.sum.Errors, r.sum.Warnings, r.sum.Notes
		return s
	}
	for _, f := range r.Findings {
		if f.Suppressed != nil {
			continue
		}
		switch f.Severity {
		case flows.SeverityError:
			s.Errors++
		case flows.SeverityWarning:
			s.Warnings++
		default:
			s.Notes++
		}
	}
	return s
}

// Fails reports whether any unsuppressed finding is at or above failOn
// ("error", "warning", "note"; "never" never fails).
func (r *Result) Fails(failOn string) bool {
	min := flows.Severity(failOn).Rank()
	if min == 0 {
		return false
	}
	if r.counted {
		return r.worst >= min
	}
	for _, f := range r.Findings {
		if f.Suppressed == nil && f.Severity.Rank() >= min {
			return true
		}
	}
	return false
}

// Suppressed counts the findings a suppression covers.
func (r *Result) Suppressed() int {
	if r.counted {
		return r.suppressed
	}
	n := 0
	for _, f := range r.Findings {
		if f.Suppressed != nil {
			n++
		}
	}
	return n
}

// count adds f to the counts.
func (r *Result) count(f *Finding) {
	if f.Suppressed != nil {
		r.suppressed++
		return
	}
	switch f.Severity {
	case flows.SeverityError:
		r.sum.Errors++
	case flows.SeverityWarning:
		r.sum.Warnings++
	default:
		r.sum.Notes++
	}
	r.worst = max(r.worst, f.Severity.Rank())
}

// PathError is returned when a path given to Run cannot be read at all (the
// CLI exits 2).
type PathError struct {
	Path string
	Err  error
}

func (e *PathError) Error() string {
	return safetext.Line(fmt.Sprintf("%s: %v", e.Path, e.Err))
}
func (e *PathError) Unwrap() error { return e.Err }

// configExts are the extensions lint reads when walking a directory (every
// syntax's in the format table); files named on the command line are read
// whatever their name.
var configExts = func() map[string]bool {
	m := map[string]bool{}
	for _, si := range flows.Syntaxes() {
		for _, e := range si.Exts {
			m[e] = true
		}
	}
	return m
}()

var skipDirs = map[string]bool{".git": true, "node_modules": true, "vendor": true}

type job struct {
	path     string
	explicit bool
	in       *Input // in memory (Options.Stdin), not read from path
	// cfg is the .whichflow.yaml of the linted path the file was found under.
	cfg *config
}

// Run lints the paths in opts.
func Run(ctx context.Context, opts Options) (*Result, error) {
	if len(opts.Paths) == 0 {
		opts.Paths = []string{"."}
	}
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if opts.Profile == "" {
		opts.Profile = ProfileStandard
	}
	if opts.Profile != ProfileStandard && opts.Profile != ProfileHigh {
		return nil, fmt.Errorf("unknown profile %q (want standard or high)", opts.Profile)
	}

	opts.rules = nil
	opts.mods = &modules{}
	for _, r := range catalog() {
		if r.AppliesTo(flows.Target{Profile: flows.Profile(opts.Profile)}) {
			opts.rules = append(opts.rules, r)
		}
	}
	opts.plan = newPlan(opts.rules, opts.Profile)

	cfgs, err := newConfigs(opts)
	if err != nil {
		return nil, err
	}
	opts.budget = newMemoryBudget(opts.SoftMemoryLimit)
	defer opts.budget.done()
	res := &Result{Profile: opts.Profile, Rules: opts.rules, counted: true}
	var src unitSource
	var walkSkips func() []Skip
	switch {
	case opts.Stdin != nil:
		cfg, err := cfgs.forPath(opts.Stdin.Name)
		if err != nil {
			return nil, err
		}
		src = newListSource([]job{{path: opts.Stdin.Name, explicit: true, in: opts.Stdin, cfg: cfg}}, configUnits(cfgs, &opts))
	case opts.Stream != nil && len(opts.Paths) == 1:
		// One path, streamed: walk it in the report's order and keep no
		// list of its files, so memory does not grow with their number.
		st, cfg, root, err := pathRoot(opts.Paths[0], cfgs)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			jobs, skips, err := discover(opts.Paths, cfgs)
			if err != nil {
				return nil, err
			}
			opts.mods.expect(jobs)
			src, walkSkips = newListSource(jobs, configUnits(cfgs, &opts)), func() []Skip { return skips }
			break
		}
		w, err := newSortedWalk(opts.Paths[0], root, cfg, opts.mods)
		if err != nil {
			return nil, err
		}
		src, walkSkips = &walkSource{w: w, cfgs: configUnits(cfgs, &opts)}, w.walkSkips
	default:
		jobs, skips, err := discover(opts.Paths, cfgs)
		if err != nil {
			return nil, err
		}
		opts.mods.expect(jobs)
		src, walkSkips = newListSource(jobs, configUnits(cfgs, &opts)), func() []Skip { return skips }
	}
	if err := runJobs(ctx, src, &opts, res); err != nil {
		return nil, err
	}
	if walkSkips != nil {
		res.Skipped = append(walkSkips(), res.Skipped...)
	}
	res.AllRules = cfgs.allRules()
	return res, nil
}

// SortFindings orders findings by file, line, column, rule, client (the
// order Run hands them on in).
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool { return findingLess(&fs[i], &fs[j]) })
}

// discover expands paths into the files to read, in a stable order, each
// with the configuration of the path it was found under. A path named on
// the command line that cannot be read, or is not a regular file or
// directory (a FIFO would block the read forever), is a PathError. Inside a
// walked directory, what is not linted for a reason the user may not expect
// (an unreadable directory, a symbolic link) is a notable skip.
func discover(paths []string, cfgs *configs) ([]job, []Skip, error) {
	var jobs []job
	var skips []Skip
	// One directory walk cannot find a file twice; only several paths
	// (z.json and .) can: then remember what was seen.
	var seen map[string]bool
	if len(paths) > 1 {
		seen = map[string]bool{}
	}
	for _, p := range paths {
		st, cfg, root, err := pathRoot(p, cfgs)
		if err != nil {
			return nil, nil, err
		}
		if !st.IsDir() {
			if !st.Mode().IsRegular() {
				return nil, nil, &PathError{Path: p, Err: fmt.Errorf("%s, not a regular file; whichflow reads files and directories", FileKind(st.Mode()))}
			}
			if err := readable(p); err != nil {
				return nil, nil, &PathError{Path: p, Err: err}
			}
			if !seen[p] {
				if seen != nil {
					seen[p] = true
				}
				jobs = append(jobs, job{path: p, explicit: true, cfg: cfg})
			}
			continue
		}
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if path == root {
					return err
				}
				skips = append(skips, unreadableDir(path, err))
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			descend, lint, skip := walkEntry(path, root, d)
			switch {
			case d.IsDir() && !descend:
				return filepath.SkipDir
			case skip != nil:
				skips = append(skips, *skip)
			case lint && !seen[path]:
				if seen != nil {
					seen[path] = true
				}
				jobs = append(jobs, job{path: path, cfg: cfg})
			}
			return nil
		})
		if err != nil {
			return nil, nil, &PathError{Path: p, Err: unwrapPathErr(err)}
		}
	}
	return jobs, skips, nil
}

// pathRoot checks a path named on the command line and finds its
// .whichflow.yaml; a directory's root is where its walk starts. A path
// that cannot be read is a PathError.
func pathRoot(p string, cfgs *configs) (st fs.FileInfo, cfg *config, root string, err error) {
	st, err = os.Stat(p)
	if err != nil {
		if lst, lerr := os.Lstat(p); lerr == nil && lst.Mode()&fs.ModeSymlink != 0 {
			if target, rerr := os.Readlink(p); rerr == nil {
				return nil, nil, "", &PathError{Path: p, Err: fmt.Errorf("symbolic link to %s, which cannot be read: %v", target, unwrapPathErr(err))}
			}
		}
		return nil, nil, "", &PathError{Path: p, Err: unwrapPathErr(err)}
	}
	if cfg, err = cfgs.forPath(p); err != nil {
		return nil, nil, "", err
	}
	root = p
	if lst, err := os.Lstat(p); err == nil && lst.Mode()&fs.ModeSymlink != 0 && st.IsDir() {
		// A directory named through a symbolic link is walked (WalkDir
		// would not enter it and lint nothing); the trailing separator
		// resolves the link.
		root = p + string(filepath.Separator)
	}
	return st, cfg, root, nil
}

// unreadableDir is the notable skip of a directory inside a walk that
// cannot be read: not fatal, but its configurations go unlinted.
func unreadableDir(path string, err error) Skip {
	return Skip{Path: filepath.ToSlash(path), Reason: "cannot be read: " + unwrapPathErr(err).Error(), Notable: true}
}

// walkEntry decides what a walk from root does with the entry d at path:
// descend into a directory (not .git, node_modules, vendor), lint a
// regular file with a configuration's extension, or skip it notably (a
// symbolic link, a FIFO).
func walkEntry(path, root string, d fs.DirEntry) (descend, lint bool, skip *Skip) {
	if d.IsDir() {
		return path == root || !skipDirs[d.Name()], false, nil
	}
	if !configExts[strings.ToLower(filepath.Ext(path))] {
		return false, false, nil
	}
	if d.Type()&fs.ModeSymlink != 0 {
		return false, false, &Skip{Path: filepath.ToSlash(path), Notable: true,
			Reason: "a symbolic link; links inside directories are not followed (name the target on the command line to lint it)"}
	}
	if !d.Type().IsRegular() {
		return false, false, &Skip{Path: filepath.ToSlash(path), Reason: FileKind(d.Type()) + ", not a regular file", Notable: true}
	}
	return false, true, nil
}

// FileKind names a file mode that is not a regular file, for messages: a
// linted path's and an --answers file's.
func FileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsDir():
		return "a directory"
	}
	return "a special file"
}

// readable checks a regular file named on the command line can be opened.
func readable(p string) error {
	f, err := openFile(p)
	if err != nil {
		return unwrapPathErr(err)
	}
	return f.Close()
}

func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

type fileResult struct {
	skip       *Skip
	recognised bool
	linted     LintedFile
	findings   *findingPack
}

// one is a file's single finding (a file that could not be read or parsed).
func one(f Finding) *findingPack {
	p := &findingPack{}
	p.add(&f)
	p.done()
	return p
}

// lintFile reads one file (never more than the cap), parses and checks it.
// buf is the worker's reusable read buffer.
func lintFile(j job, opts *Options, cfg *config, buf *[]byte) (fr fileResult) {
	display := filepath.ToSlash(j.path)
	defer func() {
		if fr.recognised && fr.linted.Path == "" {
			fr.linted.Path = display
		}
	}()
	defer func() {
		if r := recover(); r != nil {
			fr = fileResult{recognised: true, findings: one(invalid(display, clientconfig.Pos{},
				fmt.Sprintf("internal error while linting this file: %v (please report it)", r), cfg, opts))}
		}
	}()
	if j.in != nil {
		limit := opts.MaxFileSize // a syntax's lower cap is clientconfig's (TooLargeError)
		if int64(len(j.in.Data)) > limit {
			return tooLarge(display, int64(len(j.in.Data)), limit, opts, cfg)
		}
		opts.budget.file(j.path, j.in.Data)
		return lintBytes(j.path, display, j.in.Data, opts, cfg, nil)
	}
	defer opts.mods.done(j.path) // its directory's Terraform module
	// The general cap; a syntax with a lower one (Terraform) is
	// clientconfig's decision (TooLargeError).
	limit := opts.MaxFileSize
	data, size, mode, err := readRegular(j.path, limit, buf)
	switch {
	case err != nil:
		return fileResult{skip: &Skip{Path: display, Reason: unwrapPathErr(err).Error(), Notable: true, unreadable: true}}
	case !mode.IsRegular(): // replaced by a FIFO or device since discovery
		return fileResult{skip: &Skip{Path: display, Reason: FileKind(mode) + ", not a regular file", Notable: true, unreadable: true}}
	case size > limit:
		return tooLarge(display, size, limit, opts, cfg)
	case int64(len(data)) > limit: // grew while we read it
		return tooLarge(display, int64(len(data)), limit, opts, cfg)
	}
	opts.budget.file(j.path, data)
	fr = lintBytes(j.path, display, data, opts, cfg, opts.mods.forFile(j.path))
	if cap(*buf) > 4<<20 {
		// Do not keep a huge buffer alive for the next small file.
		*buf = nil
	}
	return fr
}

// lintBytes parses data (the contents of path, a file of Terraform module
// mod when not nil) and checks its clients.
func lintBytes(path, display string, data []byte, opts *Options, cfg *config, mod *clientconfig.Module) fileResult {
	file, err := clientconfig.ReadInModule(path, data, mod)
	var pe *clientconfig.ParseError
	var tl *clientconfig.TooLargeError
	switch {
	case errors.As(err, &tl):
		return tooLarge(display, tl.Size, tl.Limit, opts, cfg)
	case errors.Is(err, clientconfig.ErrUnrecognised):
		return fileResult{skip: &Skip{Path: display, Reason: NotRecognised()}}
	case errors.Is(err, clientconfig.ErrModuleFile):
		return fileResult{skip: &Skip{Path: display, Reason: moduleFileReason(display, mod), moduleFile: true, Notable: mod.TooLarge()}}
	case errors.As(err, &pe):
		msg := pe.Msg
		if pe.Format != "" {
			msg = pe.Format + ": " + msg
		}
		return fileResult{recognised: true, findings: one(invalid(display, pe.Pos, msg, cfg, opts))}
	case err != nil:
		return fileResult{recognised: true, findings: one(invalid(display, clientconfig.Pos{}, err.Error(), cfg, opts))}
	case file == nil:
		return fileResult{skip: &Skip{Path: display, Reason: "no clients"}}
	}
	findings, subjects := lintSubjects(display, file, opts, cfg)
	return fileResult{recognised: true, linted: LintedFile{Path: display, Format: file.Format, Subjects: subjects}, findings: findings}
}

// NotRecognised says a file is not a configuration whichflow reads, and
// which formats it does read.
func NotRecognised() string {
	names := make([]string, 0, 10)
	for _, fi := range flows.Formats() {
		names = append(names, fi.Name)
	}
	return "not a client configuration whichflow recognises (it reads: " + strings.Join(names, "; ") + ")"
}

func tooLarge(display string, size, limit int64, opts *Options, cfg *config) fileResult {
	msg := fmt.Sprintf("file is %s, over the %s cap; not read", humanSize(size), humanSize(limit))
	return fileResult{recognised: true, findings: one(invalid(display, clientconfig.Pos{}, msg, cfg, opts))}
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

func invalid(file string, pos clientconfig.Pos, msg string, cfg *config, opts *Options) Finding {
	f := newFinding(ruleByID(flows.RuleInvalidConfig), file, "", pos, msg)
	cfg.apply(&f, opts.Now)
	return f
}

// catalog is the rules lint knows: flows.Rules, or a test's double.
var catalog = flows.Rules

// knownRule reports whether the catalog has rule id.
func knownRule(id string) bool {
	for _, r := range catalog() {
		if r.ID == id {
			return true
		}
	}
	return false
}

// ruleByID is the catalog rule id; the engine raises only rules it has.
func ruleByID(id string) flows.Rule {
	for _, r := range catalog() {
		if r.ID == id {
			return r
		}
	}
	panic("lint: rule " + id + " is not in the catalog")
}

// newFinding is rule r firing on subject (a client ID, a realm name for
// realm rules, "" for a file) at pos.
func newFinding(r flows.Rule, file, subject string, pos clientconfig.Pos, msg string) Finding {
	f := makeFinding(r, file, subject, pos, msg)
	f.Fingerprint = Fingerprint(f)
	return f
}

// makeFinding is newFinding without the fingerprint.
func makeFinding(r flows.Rule, file, subject string, pos clientconfig.Pos, msg string) Finding {
	line, col := pos.Line, pos.Col
	if line < 1 {
		line = 1
	}
	if col < 1 {
		col = 1
	}
	scope := flows.ScopeClient // file-scope findings concern a client or none
	if r.Scope == flows.ScopeRealm {
		scope = flows.ScopeRealm
	}
	// The one place findings get their text: credentials inside URLs are
	// redacted here for every format (literal secrets are redacted by the
	// check that quotes them).
	f := Finding{Rule: r.ID, Severity: r.Severity, File: file, Line: line, Column: col, Client: redact.InText(subject), Scope: scope,
		Message: redact.InText(msg), Refs: r.RefText}
	if len(r.RefText) != len(r.Refs) { // a rule built outside the catalog (tests)
		f.Refs = flows.RefStrings(r.Refs)
	}
	return f
}
