package lint

import (
	"context"
	"errors"
	"path/filepath"
	"sort"
	"sync"
)

// The run loop. Files are read in parallel, but the report lists findings
// by file (then line, column, rule, client), so the files are taken in
// that order and each file's findings are handed on as soon as every file
// before it is done: the report can be written while the run goes on, and
// only a window of finished files waits in memory, however many there are.

// A unit is what the report lists under one file name: a file to lint
// (job ≥ 0, an index into jobs), or a suppression file's own findings
// (cfg ≥ 0, an index into the run's cfgFindings). Eight bytes a file: the
// list of units is the one thing that grows with the number of files.
type unit struct{ job, cfg int32 }

// orderUnits lists the jobs and the configurations' findings by file name.
// The sort is stable and the configurations come after the jobs, so a
// file that is both linted and a suppression file lists its findings in
// the order one stable sort of all findings would (Run's order before
// streaming: SortFindings over the jobs' findings, then the configs').
func orderUnits(jobs []job, cfgs *configs, opts *Options) (units []unit, cfgFindings [][]Finding, names []string) {
	units = make([]unit, 0, len(jobs)+len(cfgs.order))
	for i := range jobs {
		units = append(units, unit{job: int32(i), cfg: -1})
	}
	for _, c := range cfgs.order {
		if fs := c.findings(opts.Now); len(fs) > 0 {
			units = append(units, unit{job: -1, cfg: int32(len(cfgFindings))})
			cfgFindings = append(cfgFindings, fs)
			names = append(names, c.path)
		}
	}
	name := func(u unit) string {
		if u.job >= 0 {
			return displayPath(jobs[u.job].path)
		}
		return names[u.cfg]
	}
	sort.SliceStable(units, func(i, j int) bool { return name(units[i]) < name(units[j]) })
	return units, cfgFindings, names
}

func displayPath(p string) string { return filepath.ToSlash(p) }

// runJobs lints the jobs and hands their findings, in the report's order,
// to opts.Stream or to res.Findings; it fills res's counts, Skipped and
// (when not streaming) Linted in job order.
func runJobs(ctx context.Context, jobs []job, cfgs *configs, opts *Options, res *Result) error {
	units, cfgFindings, cfgNames := orderUnits(jobs, cfgs, opts)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	workers := max(1, min(opts.Workers, len(jobs)))
	// window bounds the finished files waiting for a slow one before them.
	window := max(64, 16*workers)
	e := &emitter{opts: opts, res: res, units: units, jobs: jobs, cfgFindings: cfgFindings, cfgNames: cfgNames, cancel: cancel,
		slots: make([]slot, window), skips: make([]*Skip, len(jobs))}
	e.cond = sync.NewCond(&e.mu)
	if opts.Stream == nil {
		e.linted = make([]*LintedFile, len(jobs))
	}
	e.flushCfg()

	var wg sync.WaitGroup
	work := func() {
		defer wg.Done()
		buf := new([]byte)
		for {
			k, ok := e.take()
			if !ok {
				return
			}
			u := units[k]
			var fr fileResult
			if ctx.Err() == nil {
				j := jobs[u.job]
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

	if e.err != nil {
		return e.err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, s := range e.skips {
		if s != nil {
			res.Skipped = append(res.Skipped, *s)
		}
	}
	for _, lf := range e.linted {
		if lf != nil {
			res.Linted = append(res.Linted, *lf)
		}
	}
	return nil
}

// A slot holds one finished file until it is its turn.
type slot struct {
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
	opts   *Options
	res    *Result
	units  []unit
	jobs   []job
	cancel context.CancelFunc

	cfgFindings [][]Finding
	cfgNames    []string

	next   int // the next unit to take
	cursor int // the next unit to hand on
	slots  []slot
	err    error // the first error: Stream's, or a path named on the command line that became unreadable

	group  []Finding // findings of the file name being handed on
	skips  []*Skip
	linted []*LintedFile
}

// take returns the next job unit to lint, waiting while the window of
// finished files is full; false when there is none left.
func (e *emitter) take() (int, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for {
		for e.next < len(e.units) && e.units[e.next].job < 0 {
			e.next++ // a configuration's findings: handed on by the cursor
		}
		if e.next >= len(e.units) {
			return 0, false
		}
		if e.next-e.cursor < len(e.slots) {
			k := e.next
			e.next++
			return k, true
		}
		e.cond.Wait()
	}
}

// done records unit k's result and hands on what is now in order.
func (e *emitter) done(k int, fr fileResult) {
	e.mu.Lock()
	defer e.mu.Unlock()
	s := &e.slots[k%len(e.slots)]
	s.fr, s.ready = fr, true
	if k != e.cursor {
		return
	}
	for e.cursor < len(e.units) {
		u := &e.units[e.cursor]
		if u.job >= 0 {
			s := &e.slots[e.cursor%len(e.slots)]
			if !s.ready {
				break
			}
			fr := s.fr
			*s = slot{}
			e.file(u, fr)
		} else {
			e.add(e.cfgFindings[u.cfg])
			e.cfgFindings[u.cfg] = nil
		}
		e.handed(e.cursor)
		e.cursor++
	}
	e.cond.Broadcast()
}

// flushCfg hands on configuration units at the head of the order (before
// any job), so the cursor never waits on a unit no worker takes.
func (e *emitter) flushCfg() {
	for e.cursor < len(e.units) && e.units[e.cursor].job < 0 {
		e.add(e.cfgFindings[e.units[e.cursor].cfg])
		e.handed(e.cursor)
		e.cursor++
	}
}

// file takes one finished file's result.
func (e *emitter) file(u *unit, fr fileResult) {
	j := &e.jobs[u.job]
	if fr.skip != nil {
		if j.explicit && fr.skip.unreadable {
			// Named on the command line and checked readable, then
			// not: still a path that cannot be read.
			e.fail(&PathError{Path: j.path, Err: errors.New(fr.skip.Reason)})
			return
		}
		if j.explicit {
			fr.skip.Notable = true
		}
		e.skips[u.job] = fr.skip
		return
	}
	if fr.recognised {
		e.res.Files++
		e.res.Clients += fr.linted.Clients()
		if e.linted != nil {
			lf := fr.linted
			e.linted[u.job] = &lf
		}
	}
	e.add(fr.findings)
}

// add gathers findings of the file name being handed on (the units of one
// name are adjacent: orderUnits sorts by name).
func (e *emitter) add(fs []Finding) {
	e.group = append(e.group, fs...)
}

// handed is called after unit i is taken in: the last unit of its file
// name hands the file's findings on.
func (e *emitter) handed(i int) {
	if i+1 >= len(e.units) || e.name(e.units[i+1]) != e.name(e.units[i]) {
		e.flush()
	}
}

func (e *emitter) name(u unit) string {
	if u.job >= 0 {
		return displayPath(e.jobs[u.job].path)
	}
	return e.cfgNames[u.cfg]
}

// flush hands on the gathered findings of one file name, sorted by line,
// column, rule and client (stable), without those the baseline holds.
func (e *emitter) flush() {
	if len(e.group) == 0 {
		return
	}
	g := e.group
	e.group = e.group[:0]
	sort.SliceStable(g, func(i, j int) bool { return findingLess(&g[i], &g[j]) })
	for i := range g {
		f := &g[i]
		if e.opts.Baseline != nil && e.opts.Baseline.Has(f.Fingerprint) {
			e.res.Baselined++
			continue
		}
		e.res.count(f)
		if e.opts.Stream == nil {
			e.res.Findings = append(e.res.Findings, *f)
		} else if e.err == nil {
			if err := e.opts.Stream(*f); err != nil {
				e.fail(err)
			}
		}
	}
	clear(g)
	if cap(e.group) > 1<<12 {
		e.group = nil // a file with many findings: do not keep the room
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
