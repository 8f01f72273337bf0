package lint

import (
	"context"
	"errors"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// The run loop. Files are read in parallel, but the report lists findings
// by file (then line, column, rule, client), so the files are taken in
// that order and each file's findings are handed on as soon as every file
// before it is done: the report can be written while the run goes on, and
// only a window of finished files waits in memory, however many there are.

// A unit is what the report lists under one file name: a file to lint, or
// a suppression file's own findings.
type unit struct {
	name  string
	isJob bool
	j     job
	// seq is the job's place in discovery order (Linted and Skipped keep
	// it); -1 for a file the sorted walk found (its skips are put back in
	// directory-walk order by path).
	seq int
	cfg []Finding
}

// A unitSource yields the units in the report's order.
type unitSource interface{ next() (unit, bool) }

// listSource yields a discovered job list and the configurations'
// findings, ordered by file name. The sort is stable and the
// configurations come after the jobs, so a file that is both linted and a
// suppression file lists its findings in the order one stable sort of all
// findings would (Run's order before streaming).
type listSource struct {
	jobs  []job
	order []listUnit
	cfg   [][]Finding
	names []string
}

// A listUnit is a job index or a configuration's (8 bytes a file).
type listUnit struct{ job, cfg int32 }

func newListSource(jobs []job, cfgs []cfgUnit) *listSource {
	s := &listSource{jobs: jobs, order: make([]listUnit, 0, len(jobs)+len(cfgs))}
	for i := range jobs {
		s.order = append(s.order, listUnit{job: int32(i), cfg: -1})
	}
	for _, c := range cfgs {
		s.order = append(s.order, listUnit{job: -1, cfg: int32(len(s.cfg))})
		s.cfg = append(s.cfg, c.findings)
		s.names = append(s.names, c.name)
	}
	sort.SliceStable(s.order, func(i, j int) bool { return s.name(s.order[i]) < s.name(s.order[j]) })
	return s
}

func (s *listSource) name(u listUnit) string {
	if u.job >= 0 {
		return displayPath(s.jobs[u.job].path)
	}
	return s.names[u.cfg]
}

func (s *listSource) next() (unit, bool) {
	if len(s.order) == 0 {
		return unit{}, false
	}
	u := s.order[0]
	s.order = s.order[1:]
	if u.job >= 0 {
		return unit{name: s.name(u), isJob: true, j: s.jobs[u.job], seq: int(u.job)}, true
	}
	fs := s.cfg[u.cfg]
	s.cfg[u.cfg] = nil
	return unit{name: s.names[u.cfg], cfg: fs}, true
}

// cfgUnit is a suppression file's own findings.
type cfgUnit struct {
	name     string
	findings []Finding
}

func configUnits(cfgs *configs, opts *Options) []cfgUnit {
	var out []cfgUnit
	for _, c := range cfgs.order {
		if fs := c.findings(opts.Now); len(fs) > 0 {
			out = append(out, cfgUnit{c.path, fs})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// walkSource yields a sorted walk's files merged with the configurations'
// findings (a configuration after a file of the same name).
type walkSource struct {
	w    *sortedWalk
	cfgs []cfgUnit
	held *job // the walk's next file, not yet yielded
}

func (s *walkSource) next() (unit, bool) {
	if s.held == nil {
		if j, ok := s.w.next(); ok {
			s.held = &j
		}
	}
	if len(s.cfgs) > 0 && (s.held == nil || s.cfgs[0].name < displayPath(s.held.path)) {
		c := s.cfgs[0]
		s.cfgs = s.cfgs[1:]
		return unit{name: c.name, cfg: c.findings}, true
	}
	if s.held == nil {
		return unit{}, false
	}
	j := *s.held
	s.held = nil
	return unit{name: displayPath(j.path), isJob: true, j: j, seq: -1}, true
}

func displayPath(p string) string { return filepath.ToSlash(p) }

// walkLess is the order filepath.WalkDir visits paths in: name by name,
// a directory before what is in it.
func walkLess(a, b string) bool {
	for a != "" && b != "" {
		ha, ra, _ := strings.Cut(a, "/")
		hb, rb, _ := strings.Cut(b, "/")
		if ha != hb {
			return ha < hb
		}
		a, b = ra, rb
	}
	return a == "" && b != ""
}

// runJobs lints the units of src and hands their findings, in the
// report's order, to opts.Stream or to res.Findings; it fills res's
// counts, Skipped and (when not streaming, or asked to) Linted, in
// discovery order.
func runJobs(ctx context.Context, src unitSource, opts *Options, res *Result) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	workers := max(1, opts.Workers)
	// window bounds the finished files waiting for a slow one before them.
	window := max(64, 16*workers)
	e := &emitter{ctx: ctx, opts: opts, res: res, src: src, cancel: cancel, slots: make([]slot, window)}
	e.cond = sync.NewCond(&e.mu)

	var wg sync.WaitGroup
	work := func() {
		defer wg.Done()
		buf := new([]byte)
		for {
			k, j, ok := e.take()
			if !ok {
				return
			}
			var fr fileResult
			if ctx.Err() == nil {
				fr = lintFile(j, opts, j.cfg, buf)
			}
			e.done(k, fr)
		}
	}
	wg.Add(workers)
	for w := 1; w < workers; w++ {
		go work()
	}
	work()
	wg.Wait()
	e.flush()

	if e.err != nil {
		return e.err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	res.Skipped = appendInUnitOrder(res.Skipped, e.skips, func(s Skip) string { return s.Path })
	res.Linted = appendInUnitOrder(res.Linted, e.linted, func(lf LintedFile) string { return lf.Path })
	return nil
}

// A slot holds one unit from when it is taken until it is handed on.
type slot struct {
	u     unit
	fr    fileResult
	ready bool
}

// emitter hands findings on in order. Workers take units through it and
// give back their results; whichever worker finishes the file the cursor
// waits for moves the cursor on (no goroutine in the middle, so a small
// file costs one uncontended lock).
type emitter struct {
	mu     sync.Mutex
	cond   *sync.Cond
	ctx    context.Context
	opts   *Options
	res    *Result
	src    unitSource
	cancel context.CancelFunc

	next   int // units taken from src
	cursor int // units handed on
	over   bool
	slots  []slot
	err    error // the first error: Stream's, or a path named on the command line that became unreadable

	group  *findingPack // findings of the file name being handed on
	name   string
	skips  []numbered[Skip]
	linted []numbered[LintedFile]
}

// numbered is a skip or a linted file with the number of the unit it came
// from (seq), or -1 for one the walk reported itself.
type numbered[T any] struct {
	seq int
	v   T
}

// appendInUnitOrder appends the values of xs to dst in report order: by
// unit number where both have one, else by path as the walk orders it.
func appendInUnitOrder[T any](dst []T, xs []numbered[T], path func(T) string) []T {
	sort.SliceStable(xs, func(i, j int) bool {
		a, b := xs[i], xs[j]
		if a.seq >= 0 && b.seq >= 0 {
			return a.seq < b.seq
		}
		return walkLess(path(a.v), path(b.v))
	})
	for _, x := range xs {
		dst = append(dst, x.v)
	}
	return dst
}

// take returns the next file to lint, waiting while the window of
// finished files is full; false when there is none left.
func (e *emitter) take() (int, job, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for {
		if e.over || e.ctx.Err() != nil {
			return 0, job{}, false
		}
		if e.next-e.cursor >= len(e.slots) {
			e.cond.Wait()
			continue
		}
		u, ok := e.src.next()
		if !ok {
			e.over = true
			e.cond.Broadcast()
			return 0, job{}, false
		}
		k := e.next
		e.next++
		s := &e.slots[k%len(e.slots)]
		s.u = u
		if !u.isJob { // a configuration's findings: nothing to lint
			s.ready = true
			e.advance()
			continue
		}
		return k, u.j, true
	}
}

// done records unit k's result and hands on what is now in order.
func (e *emitter) done(k int, fr fileResult) {
	e.mu.Lock()
	defer e.mu.Unlock()
	s := &e.slots[k%len(e.slots)]
	s.fr, s.ready = fr, true
	if k == e.cursor {
		e.advance()
	}
}

// advance hands on the units at the cursor that are finished.
func (e *emitter) advance() {
	moved := false
	for e.cursor < e.next {
		s := &e.slots[e.cursor%len(e.slots)]
		if !s.ready {
			break
		}
		u, fr := s.u, s.fr
		*s = slot{}
		if u.name != e.name {
			e.flush()
			e.name = u.name
		}
		if u.isJob {
			e.file(&u, fr)
		} else {
			if e.group == nil {
				e.group = &findingPack{}
			}
			for i := range u.cfg {
				e.group.add(&u.cfg[i])
			}
		}
		e.cursor++
		moved = true
	}
	if moved {
		e.cond.Broadcast()
	}
}

// file takes one finished file's result.
func (e *emitter) file(u *unit, fr fileResult) {
	if fr.skip != nil {
		if u.j.explicit && fr.skip.unreadable {
			// Named on the command line and checked readable, then
			// not: still a path that cannot be read.
			e.fail(&PathError{Path: u.j.path, Err: errors.New(fr.skip.Reason)})
			return
		}
		if u.j.explicit {
			fr.skip.Notable = true
		}
		e.skips = append(e.skips, numbered[Skip]{u.seq, *fr.skip})
		return
	}
	if fr.recognised {
		e.res.Files++
		e.res.Clients += fr.linted.Clients()
		if e.opts.Stream == nil || e.opts.KeepLinted {
			e.linted = append(e.linted, numbered[LintedFile]{u.seq, fr.linted})
		}
	}
	if e.group.len() == 0 {
		e.group = fr.findings // as it is: no copy of a file's findings
	} else {
		e.group.addPack(fr.findings)
	}
}

// flush hands on the gathered findings of one file name, sorted by line,
// column, rule and client (stable), without those the baseline holds.
func (e *emitter) flush() {
	g := e.group
	e.group = nil
	if g.len() == 0 {
		return
	}
	for _, i := range g.sorted() {
		f := g.finding(int(i))
		if e.opts.Baseline != nil && e.opts.Baseline.Has(f.Fingerprint) {
			e.res.Baselined++
			continue
		}
		e.res.count(&f)
		if e.opts.Stream == nil {
			e.res.Findings = append(e.res.Findings, f)
		} else if e.err == nil {
			if err := e.opts.Stream(f); err != nil {
				e.fail(err)
			}
		}
	}
}

func (e *emitter) fail(err error) {
	if e.err == nil {
		e.err = err
		e.cancel()
	}
}

// findingLess is SortFindings' order.
func findingLess(a, b *Finding) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if a.Column != b.Column {
		return a.Column < b.Column
	}
	if a.Rule != b.Rule {
		return a.Rule < b.Rule
	}
	return a.Client < b.Client
}
