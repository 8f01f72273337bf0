// Command bench measures `whichflow lint` against DESIGN §6's targets: lint
// of 10,000 one-client RFC 7591 files against a program that only reads and
// json.Unmarshals them and against the same rules in conftest (OPA) when
// conftest is installed, and lint of a 50 MB Keycloak realm export (time and
// max RSS, in a child process).
//
//	go run ./bench [-n 10000] [-realm-mb 50] [-runs 3] [-conftest PATH]
//
// conftest is looked up on PATH, then in GOBIN / GOPATH/bin; install it with
// `go install github.com/open-policy-agent/conftest@latest`. Its policies
// are in bench/conftest/policy.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/whichflow/whichflow/internal/benchcorpus"
	"github.com/whichflow/whichflow/internal/lint"
)

func main() {
	n := flag.Int("n", 10000, "number of RFC 7591 files")
	realmMB := flag.Int("realm-mb", 50, "size of the Keycloak realm export in MB (0 skips it)")
	runs := flag.Int("runs", 3, "runs per measurement (the fastest counts)")
	conftest := flag.String("conftest", "", "conftest binary (default: conftest on PATH, else in GOBIN or GOPATH/bin)")
	policy := flag.String("conftest-policy", defaultPolicyDir(), "Rego policy directory for conftest")
	child := flag.String("lint-one", "", "internal: lint this file and exit (measured by the parent)")
	flag.Parse()

	if *child != "" {
		res, err := lint.Run(context.Background(), lint.Options{Paths: []string{*child}, MaxFileSize: 1 << 30, Config: os.DevNull})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		s := res.Summary()
		fmt.Printf("%d clients, %d errors, %d warnings, %d notes\n", s.Clients, s.Errors, s.Warnings, s.Notes)
		return
	}
	if err := run(*n, *realmMB, *runs, *conftest, *policy); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(n, realmMB, runs int, conftestFlag, policy string) error {
	dir, err := os.MkdirTemp("", "whichflow-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	corpus := filepath.Join(dir, "rfc7591")
	if err := benchcorpus.WriteRFC7591(corpus, n); err != nil {
		return err
	}
	fmt.Printf("generated %d RFC 7591 files in %s (GOMAXPROCS=%d)\n", n, corpus, runtime.GOMAXPROCS(0))

	seq := best(runs, func() error { return readUnmarshal(corpus, 1) })
	par := best(runs, func() error { return readUnmarshal(corpus, runtime.GOMAXPROCS(0)) })
	var findings int
	lt := best(runs, func() error {
		res, err := lint.Run(context.Background(), lint.Options{Paths: []string{corpus}, Config: os.DevNull})
		if err == nil {
			findings = len(res.Findings)
		}
		return err
	})
	fmt.Printf("read+json.Unmarshal, 1 worker:   %v\n", seq.Round(time.Millisecond))
	fmt.Printf("read+json.Unmarshal, %d workers: %v\n", runtime.GOMAXPROCS(0), par.Round(time.Millisecond))
	fmt.Printf("whichflow lint:                  %v (%d findings)\n", lt.Round(time.Millisecond), findings)
	fmt.Printf("ratio lint / parallel baseline:   %.2fx (target <= 1.5x)\n", float64(lt)/float64(par))
	fmt.Printf("ratio lint / sequential baseline: %.2fx\n", float64(lt)/float64(seq))
	if err := compareConftest(conftestFlag, policy, corpus, runs, lt); err != nil {
		return err
	}

	if realmMB <= 0 {
		return nil
	}
	realm := filepath.Join(dir, "realm-export.json")
	if err := benchcorpus.WriteRealm(realm, int64(realmMB)<<20); err != nil {
		return err
	}
	st, _ := os.Stat(realm)
	self, err := os.Executable()
	if err != nil {
		return err
	}
	start := time.Now()
	cmd := exec.Command(self, "-lint-one", realm)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("linting the realm export: %v", err)
	}
	elapsed := time.Since(start)
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = int64(ru.Maxrss) << 10 // KiB on Linux
	}
	fmt.Printf("Keycloak realm export %.1f MiB: %v, max RSS %.0f MiB (%.1fx the file); %s",
		float64(st.Size())/(1<<20), elapsed.Round(time.Millisecond), float64(rss)/(1<<20), float64(rss)/float64(st.Size()), out)
	return nil
}

// compareConftest times conftest over the corpus (one call, the directory
// as argument), checks that it reports what whichflow lint reports, and
// prints the ratio to lint's time lt.
func compareConftest(flagPath, policy, corpus string, runs int, lt time.Duration) error {
	bin, err := findConftest(flagPath)
	if err != nil {
		if flagPath != "" {
			return err
		}
		fmt.Printf("conftest comparison skipped: %v; install it with `go install github.com/open-policy-agent/conftest@latest` or pass -conftest PATH\n", err)
		return nil
	}
	if _, err := os.Stat(policy); err != nil {
		return fmt.Errorf("conftest policy: %v (pass -conftest-policy DIR)", err)
	}
	var counts map[ruleKey]int
	var failures int
	ct := best(runs, func() error {
		var err error
		counts, failures, err = runConftest(bin, policy, []string{corpus})
		return err
	})
	want, err := lintCounts([]string{corpus})
	if err != nil {
		return err
	}
	if diff := diffCounts(want, counts); len(diff) > 0 {
		if len(diff) > 10 {
			diff = append(diff[:10], fmt.Sprintf("... and %d more", len(diff)-10))
		}
		return fmt.Errorf("conftest and whichflow disagree (per file and rule):\n  %s", strings.Join(diff, "\n  "))
	}
	fmt.Printf("conftest test, directory in 1 call: %v (%d failures, same as lint: %s; %s)\n",
		ct.Round(time.Millisecond), failures, ruleTotals(counts), conftestVersion(bin))
	fmt.Printf("ratio conftest / lint:            %.2fx (target >= 10x)\n", float64(ct)/float64(lt))
	return nil
}

func best(runs int, f func() error) time.Duration {
	var min time.Duration
	for i := 0; i < runs; i++ {
		start := time.Now()
		if err := f(); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		if d := time.Since(start); i == 0 || d < min {
			min = d
		}
	}
	return min
}

// readUnmarshal is the baseline: walk, read and json.Unmarshal every file.
func readUnmarshal(dir string, workers int) error {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	next := make(chan string)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range next {
				data, err := os.ReadFile(p)
				var v map[string]any
				if err == nil {
					err = json.Unmarshal(data, &v)
				}
				if err != nil {
					mu.Lock()
					firstErr = err
					mu.Unlock()
				}
			}
		}()
	}
	for _, p := range paths {
		next <- p
	}
	close(next)
	wg.Wait()
	return firstErr
}
