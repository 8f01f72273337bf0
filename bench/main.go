// Command bench measures `whichflow lint` as users and CI see it (DESIGN
// §6): the whichflow binary and a parse-only floor program are both built
// in this run, then started as whole processes (fork/exec, the report
// written to a file) over the same generated corpus, interleaved — floor,
// whichflow, floor, whichflow … — so that a machine that slows down slows
// both. For each format it prints the best and the median of the pairwise
// time ratios with their range, and the max RSS against the largest input.
// It then runs the hostile inputs of issue #9 (exit status, max RSS against
// the file) and, when they are installed, conftest (with bench/conftest's
// policy) and Spectral (pinned by bench/spectral/package-lock.json, with
// bench/spectral/ruleset.yaml), after checking that they report the same
// findings as whichflow.
//
//	go run ./bench [-runs 5] [-only rfc7591-10k,keycloak-20k] [-big=false]
//	               [-conftest PATH] [-spectral PATH] [-hostile=false]
//
// conftest is looked up on PATH, then in GOBIN / GOPATH/bin (`go install
// github.com/open-policy-agent/conftest@v0.71.1`); Spectral in
// bench/spectral/node_modules (`npm ci --prefix bench/spectral`), then on
// PATH. The in-process Go benchmarks (go test -bench . ./bench
// ./internal/clientconfig) are for profiling; this program is the measure.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/whichflow/whichflow/internal/benchcorpus"
)

func main() {
	runs := flag.Int("runs", 5, "measured runs per command (interleaved; best and median count)")
	only := flag.String("only", "", "comma-separated case names to run (default: all; see -list)")
	list := flag.Bool("list", false, "list the cases and exit")
	big := flag.Bool("big", true, "include the 100k-file RFC 7591 case")
	hostile := flag.Bool("hostile", true, "run the hostile inputs")
	conftest := flag.String("conftest", "", "conftest binary (default: conftest on PATH, else in GOBIN or GOPATH/bin)")
	policy := flag.String("conftest-policy", filepath.Join(benchDir(), "conftest", "policy"), "Rego policy directory for conftest")
	spectral := flag.String("spectral", "", "spectral binary (default: bench/spectral/node_modules/.bin/spectral, else spectral on PATH)")
	keep := flag.String("keep", "", "generate the corpus into this directory and keep it (default: a temporary one)")
	prebuilt := flag.String("whichflow", "", "measure this whichflow binary instead of building the checkout's (an older build, for before/after)")
	gen := flag.String("gen", "", "internal: generate this case (or hostile) at -gen-path and exit")
	genPath := flag.String("gen-path", "", "internal: where -gen writes")
	flag.Parse()
	if *gen != "" {
		if err := generate(*gen, *genPath); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	if *list {
		for _, c := range cases(true) {
			fmt.Printf("%-16s %s\n", c.name, c.title)
		}
		fmt.Printf("%-16s %s\n", "hostile", "issue #9's hostile inputs, one process each")
		return
	}
	b := &bench{runs: *runs, conftest: *conftest, policy: *policy, spectral: *spectral, prebuilt: *prebuilt}
	if err := b.run(*only, *big, *hostile, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// benchDir is this source file's directory, so `go run ./bench` finds the
// module and its policies from any working directory of the checkout.
func benchDir() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "bench"
	}
	return filepath.Dir(file)
}

// A benchCase is one input lint is measured on against the floor.
type benchCase struct {
	name, title string
	syntax      string  // the floor's syntax
	target      float64 // DESIGN §6 time ratio
	gen         func(path string) error
	single      bool // one file (path is the file), not a directory
}

func cases(big bool) []benchCase {
	dir := func(f func(string, int) error, n int) func(string) error {
		return func(p string) error { return f(p, n) }
	}
	cs := []benchCase{
		{name: "rfc7591-10k", title: "RFC 7591, 10k files", syntax: "json", target: 1.3, gen: dir(benchcorpus.WriteRFC7591, 10000)},
		{name: "rfc7591-100k", title: "RFC 7591, 100k files", syntax: "json", target: 1.5, gen: dir(benchcorpus.WriteRFC7591, 100000)},
		{name: "keycloak-1k", title: "Keycloak, 1k realms", syntax: "json", target: 1.5, gen: dir(benchcorpus.WriteKeycloakRealms, 1000)},
		{name: "keycloak-20k", title: "Keycloak, 1 realm, 20k clients", syntax: "json", target: 1.5, single: true,
			gen: func(p string) error { return benchcorpus.WriteRealmClients(p, 16<<20, 20000) }},
		{name: "keycloak-dense", title: "Keycloak realm, 138k findings", syntax: "json", target: 1.5, single: true,
			gen: func(p string) error { return benchcorpus.WriteRealmFindings(p, 20000) }},
		{name: "auth0-1k", title: "Auth0, 1k tenants", syntax: "yaml", target: 1.5, gen: dir(benchcorpus.WriteAuth0Tenants, 1000)},
		{name: "terraform-1k", title: "Terraform, 1k files", syntax: "hcl", target: 1.5, gen: dir(benchcorpus.WriteTerraform, 1000)},
		{name: "terraform-5k", title: "Terraform, 1 file, 5k resources", syntax: "hcl", target: 1.5, single: true,
			gen: func(p string) error { return benchcorpus.WriteTerraformResources(p, 5000) }},
		{name: "spring-1k", title: "Spring, 1k application.yml", syntax: "yaml", target: 1.5, gen: dir(benchcorpus.WriteSpring, 1000)},
		{name: "openapi-1k", title: "OpenAPI, 1k documents", syntax: "yaml", target: 1.5, gen: dir(benchcorpus.WriteOpenAPI, 1000)},
	}
	if !big {
		cs = slices.DeleteFunc(cs, func(c benchCase) bool { return c.name == "rfc7591-100k" })
	}
	return cs
}

type bench struct {
	runs                       int
	dir, whichflow, floor      string
	conftest, policy, spectral string
	prebuilt                   string
	// base RSS of each program on an empty directory: what start-up
	// alone takes (the whichflow binary is larger than the floor's).
	wfBase, floorBase int64
}

func (b *bench) run(only string, big, hostile bool, keep string) error {
	if b.runs < 1 {
		return errors.New("-runs must be at least 1")
	}
	dir := keep
	if dir == "" {
		d, err := os.MkdirTemp("", "whichflow-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		dir = d
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	b.dir = dir
	if err := b.build(); err != nil {
		return err
	}
	if err := b.bases(); err != nil {
		return err
	}
	selected := cases(big)
	if only != "" {
		names := strings.Split(only, ",")
		selected = slices.DeleteFunc(cases(true), func(c benchCase) bool { return !slices.Contains(names, c.name) })
		hostile = hostile && slices.Contains(names, "hostile")
		if len(selected) == 0 && !hostile {
			return fmt.Errorf("-only %s: no such case (see -list)", only)
		}
	}
	fmt.Printf("whole processes, report written to a file; %d interleaved runs each after one warm-up; GOMAXPROCS=%d; load average %s\n",
		b.runs, runtime.GOMAXPROCS(0), loadAverage())
	fmt.Printf("ratio = whichflow lint / floor (read + parse with the natural library, one goroutine), wall time pair by pair (cpu: user+system, median)\n")
	fmt.Printf("RSS bound: JSON/YAML 4x the largest file + 64 MiB; Terraform whichflow's start-up RSS + 1.25x what the floor needs above its own (start-up: whichflow %.1f MiB, floor %.1f MiB)\n\n",
		mib(b.wfBase), mib(b.floorBase))
	fmt.Printf("%-32s %6s %6s %13s %6s %6s %9s %9s %9s %9s  %s\n", "input", "best", "median", "range", "target", "cpu", "wf MiB", "floor MiB", "largest", "bound MiB", "verdict")
	var failed []string
	paths := map[string]string{}
	for _, c := range selected {
		p, err := b.generate(c)
		if err != nil {
			return err
		}
		paths[c.name] = p
		row, err := b.measure(c, p)
		if err != nil {
			return fmt.Errorf("%s: %w", c.title, err)
		}
		fmt.Println(row.String())
		if !row.ok() {
			failed = append(failed, c.name)
		}
	}
	if c := paths["rfc7591-10k"]; c != "" {
		if err := b.compareConftest(c); err != nil {
			return err
		}
	}
	if c := paths["openapi-1k"]; c != "" {
		if err := b.compareSpectral(c); err != nil {
			return err
		}
	}
	if hostile {
		if err := b.hostile(); err != nil {
			return err
		}
	}
	if len(failed) > 0 {
		fmt.Printf("\nover a target: %s\n", strings.Join(failed, ", "))
	}
	return nil
}

// build compiles whichflow and the floor from this checkout into the bench
// directory, as `go build` would for a user.
func (b *bench) build() error {
	root := filepath.Dir(benchDir())
	b.whichflow = filepath.Join(b.dir, "bin", "whichflow")
	b.floor = filepath.Join(b.dir, "bin", "floor")
	builds := map[string]string{"./cmd/whichflow": b.whichflow, "./bench/floor": b.floor}
	if b.prebuilt != "" {
		abs, err := filepath.Abs(b.prebuilt)
		if err != nil {
			return err
		}
		b.whichflow = abs
		delete(builds, "./cmd/whichflow")
	}
	for pkg, out := range builds {
		cmd := exec.Command("go", "build", "-o", out, pkg)
		cmd.Dir = root
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("go build %s: %v", pkg, err)
		}
	}
	return nil
}

func (b *bench) generate(c benchCase) (string, error) {
	p := filepath.Join(b.dir, "corpus", c.name)
	if c.single {
		if err := os.MkdirAll(p, 0o755); err != nil {
			return "", err
		}
		p = filepath.Join(p, map[string]string{"json": "realm-export.json", "yaml": "big.yaml", "hcl": "main.tf"}[c.syntax])
	}
	if _, err := os.Stat(p); err == nil {
		return p, nil // kept from an earlier -keep run
	}
	start := time.Now()
	if err := generateInChild(c.name, p); err != nil {
		return "", err
	}
	if time.Since(start) > 5*time.Second {
		fmt.Fprintf(os.Stderr, "(generated %s in %v)\n", c.name, time.Since(start).Round(time.Second))
	}
	return p, nil
}

// generateInChild writes a case's corpus from a child process. The
// kernel carries a process's peak RSS across fork and exec into its
// children (Linux: the exec'ing mm's high-water mark), so this process must
// never hold a large input itself, or every child it measures would report
// at least that much.
func generateInChild(name, path string) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	cmd := exec.Command(self, "-gen", name, "-gen-path", path)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("generating %s: %v", name, err)
	}
	return nil
}

func generate(name, path string) error {
	if name == "hostile" {
		return benchcorpus.WriteHostile(path)
	}
	for _, c := range cases(true) {
		if c.name == name {
			return c.gen(path)
		}
	}
	return fmt.Errorf("no case %s", name)
}

// A sample is one whole-process run.
type sample struct {
	wall, cpu time.Duration
	rss       int64 // bytes
	exit      int
	stdout    []byte
}

// start runs argv and measures it (wall clock around fork/exec to reap;
// user+system time and max RSS from the kernel's accounting of the child).
func start(argv ...string) (sample, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	t0 := time.Now()
	err := cmd.Run()
	s := sample{wall: time.Since(t0), stdout: stdout.Bytes()}
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		return s, err
	}
	st := cmd.ProcessState
	s.exit = st.ExitCode()
	s.cpu = st.UserTime() + st.SystemTime()
	if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
		s.rss = int64(ru.Maxrss) << 10 // KiB on Linux
	}
	if s.exit > 1 {
		return s, fmt.Errorf("%s: exit %d: %s", filepath.Base(argv[0]), s.exit, strings.TrimSpace(stderr.String()))
	}
	return s, nil
}

func (b *bench) lintArgs(path, report string) []string {
	return []string{b.whichflow, "lint", "--format", "json", "--config", os.DevNull, "--output", report, path}
}

// A row is one case's measurements.
type row struct {
	title          string
	best, median   float64 // whichflow / floor, wall time
	lo, hi         float64 // range of the pairwise ratios
	cpu            float64 // median of the pairwise user+system time ratios
	target         float64
	rss, floorRSS  int64
	largest, bound int64
}

func (r row) ok() bool { return r.median <= r.target && r.rss <= r.bound }

func (r row) String() string {
	verdict := "ok"
	if r.median > r.target {
		verdict = "SLOW"
	}
	if r.rss > r.bound {
		verdict += ", OVER RSS"
	}
	return fmt.Sprintf("%-32s %5.2fx %5.2fx %5.2f-%5.2fx %5.1fx %5.2fx %9.1f %9.1f %9s %9.1f  %s", r.title, r.best, r.median, r.lo, r.hi, r.target, r.cpu,
		mib(r.rss), mib(r.floorRSS), human(r.largest), mib(r.bound), verdict)
}

func mib(n int64) float64 { return float64(n) / (1 << 20) }

func human(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1fM", mib(n))
	}
	return fmt.Sprintf("%.1fK", float64(n)/(1<<10))
}

// bases measures both programs' RSS on an empty directory (best of 3).
func (b *bench) bases() error {
	empty := filepath.Join(b.dir, "empty")
	if err := os.MkdirAll(empty, 0o755); err != nil {
		return err
	}
	for i := 0; i < 3; i++ {
		w, err := start(b.lintArgs(empty, filepath.Join(b.dir, "empty.json"))...)
		if err != nil {
			return err
		}
		f, err := start(b.floor, "-syntax", "hcl", empty)
		if err != nil {
			return err
		}
		if i == 0 || w.rss < b.wfBase {
			b.wfBase = w.rss
		}
		if i == 0 || f.rss < b.floorBase {
			b.floorBase = f.rss
		}
	}
	return nil
}

// measure runs the floor and whichflow on path, interleaved.
func (b *bench) measure(c benchCase, path string) (row, error) {
	report := filepath.Join(b.dir, "report.json")
	floor := []string{b.floor, "-syntax", c.syntax, path}
	lint := b.lintArgs(path, report)
	var ratios, cpus []float64
	var fmin, wmin time.Duration
	var rss, floorRSS int64
	for i := 0; i <= b.runs; i++ { // run 0 warms the page cache and is not counted
		f, err := start(floor...)
		if err == nil && f.exit != 0 {
			err = fmt.Errorf("floor: exit %d", f.exit)
		}
		if err != nil {
			return row{}, err
		}
		w, err := start(lint...)
		if err != nil {
			return row{}, err
		}
		if i == 0 {
			continue
		}
		ratios = append(ratios, float64(w.wall)/float64(f.wall))
		cpus = append(cpus, float64(w.cpu)/float64(f.cpu))
		if i == 1 || f.wall < fmin {
			fmin = f.wall
		}
		if i == 1 || w.wall < wmin {
			wmin = w.wall
		}
		rss, floorRSS = max(rss, w.rss), max(floorRSS, f.rss)
	}
	sort.Float64s(ratios)
	sort.Float64s(cpus)
	largest, err := largestFile(path)
	if err != nil {
		return row{}, err
	}
	r := row{title: c.title, best: float64(wmin) / float64(fmin), median: median(ratios), lo: ratios[0], hi: ratios[len(ratios)-1], cpu: median(cpus),
		target: c.target, rss: rss, floorRSS: floorRSS, largest: largest}
	if c.syntax == "hcl" {
		r.bound = b.wfBase + (floorRSS-b.floorBase)*5/4
	} else {
		r.bound = 4*largest + 64<<20
	}
	return r, nil
}

func median(sorted []float64) float64 {
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}

func largestFile(path string) (int64, error) {
	var m int64
	err := filepath.Walk(path, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			m = max(m, info.Size())
		}
		return err
	})
	return m, err
}

func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// reportCounts reads a whichflow JSON report and counts findings per file
// and rule, the files made relative to root.
func reportCounts(report, root string) (map[ruleKey]int, error) {
	data, err := os.ReadFile(report)
	if err != nil {
		return nil, err
	}
	var out struct {
		Findings []struct{ Rule, File string }
	}
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, fmt.Errorf("whichflow report: %v", err)
	}
	counts := map[ruleKey]int{}
	for _, f := range out.Findings {
		counts[ruleKey{relTo(root, f.File), f.Rule}]++
	}
	return counts, nil
}

func relTo(root, p string) string {
	if r, err := filepath.Rel(root, p); err == nil {
		return normPath(r)
	}
	return normPath(p)
}

// compareWith times an external tool against whichflow on the same corpus,
// interleaved, after checking they agree; fewer runs (they are slow).
func (b *bench) compareWith(name, version string, corpus string, tool []string, counts func() (map[ruleKey]int, error)) error {
	report := filepath.Join(b.dir, "report.json")
	lint := b.lintArgs(corpus, report)
	if _, err := start(lint...); err != nil {
		return err
	}
	want, err := reportCounts(report, corpus)
	if err != nil {
		return err
	}
	got, err := counts()
	if err != nil {
		return err
	}
	if diff := diffCounts(want, got); len(diff) > 0 {
		if len(diff) > 10 {
			diff = append(diff[:10], fmt.Sprintf("... and %d more", len(diff)-10))
		}
		return fmt.Errorf("%s and whichflow disagree (per file and rule):\n  %s", name, strings.Join(diff, "\n  "))
	}
	runs := min(b.runs, 3)
	var ratios []float64
	var trss, wrss int64
	for i := 0; i < runs; i++ {
		t, err := start(tool...)
		if err != nil && t.exit != 1 {
			return fmt.Errorf("%s: %v", name, err)
		}
		w, err := start(lint...)
		if err != nil {
			return err
		}
		ratios = append(ratios, float64(t.wall)/float64(w.wall))
		trss, wrss = max(trss, t.rss), max(wrss, w.rss)
	}
	sort.Float64s(ratios)
	fmt.Printf("\n%s / whichflow lint on %s: %.1fx (median of %d, %.1f-%.1fx), max RSS %.0f / %.0f MiB (%.1fx); same findings: %s (%s)\n",
		name, filepath.Base(corpus), median(ratios), runs, ratios[0], ratios[len(ratios)-1], mib(trss), mib(wrss), float64(trss)/float64(wrss),
		ruleTotals(want), version)
	return nil
}

func (b *bench) compareConftest(corpus string) error {
	bin, err := findConftest(b.conftest)
	if err != nil {
		if b.conftest != "" {
			return err
		}
		fmt.Printf("\nconftest comparison skipped: %v; install it with `go install github.com/open-policy-agent/conftest@v0.71.1` or pass -conftest PATH\n", err)
		return nil
	}
	if _, err := os.Stat(b.policy); err != nil {
		return fmt.Errorf("conftest policy: %v (pass -conftest-policy DIR)", err)
	}
	return b.compareWith("conftest", conftestVersion(bin), corpus, conftestArgs(bin, b.policy, []string{corpus}), func() (map[ruleKey]int, error) {
		counts, _, err := runConftest(bin, b.policy, []string{corpus})
		if err != nil {
			return nil, err
		}
		rel := map[ruleKey]int{}
		for k, n := range counts {
			rel[ruleKey{relTo(corpus, k.file), k.rule}] += n
		}
		return rel, nil
	})
}
