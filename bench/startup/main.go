// Command startup measures whichflow's start-up against a hello-world Go
// binary built in the same run (DESIGN §6: advise and snippet ≤ 3×; lint on
// an empty directory, --version and flows are held to the same bound), and
// prints the ratios. The commands run interleaved — hello, each command,
// hello, each command … — and each command's wall time is divided by the
// hello-world run just before it, so a machine that slows down slows both:
// it prints the median of those pairwise ratios with their range, and the
// ratio of the best times. whichflow is built as make build builds it
// (CGO_ENABLED=0) and, in the rows marked "go install build", as a plain
// go build does.
//
//	go run ./bench/startup [-runs 300] [-before BIN]
//
// -before adds the same commands run by another whichflow binary (an older
// build), in the same rounds: before and after in one session.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"time"
)

const hello = `package main

import "os"

func main() { os.Stdout.WriteString("{\"hello\": \"world\"}\n") }
`

func main() {
	runs := flag.Int("runs", 300, "interleaved rounds (each runs every command once)")
	before := flag.String("before", "", "also time this whichflow binary (an older build), in the same rounds")
	flag.Parse()
	if err := run(*runs, *before); err != nil {
		fmt.Fprintln(os.Stderr, "startup:", err)
		os.Exit(1)
	}
}

func run(runs int, before string) error {
	dir, err := os.MkdirTemp("", "whichflow-startup-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)

	helloDir := filepath.Join(dir, "hello")
	if err := os.MkdirAll(helloDir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(helloDir, "go.mod"), []byte("module hello\n\ngo 1.26\n"), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(helloDir, "main.go"), []byte(hello), 0o644); err != nil {
		return err
	}
	helloBin := filepath.Join(dir, "hello-bin")
	if err := goBuild(helloDir, helloBin, "."); err != nil {
		return err
	}
	wd, _ := os.Getwd()
	bareBin := filepath.Join(dir, "bare")
	if err := goBuild(wd, bareBin, "./bench/startup/bare"); err != nil {
		return err
	}
	// whichflow as make build and the Action build it (CGO_ENABLED=0: a
	// static binary, no dynamic loader and libc at start-up), and as a
	// plain go build / go install does with a C toolchain present.
	wfBin := filepath.Join(dir, "whichflow")
	if err := goBuild(wd, wfBin, "./cmd/whichflow", "CGO_ENABLED=0"); err != nil {
		return err
	}
	cgoBin := filepath.Join(dir, "whichflow-cgo")
	if err := goBuild(wd, cgoBin, "./cmd/whichflow"); err != nil {
		return err
	}

	empty := filepath.Join(dir, "empty")
	if err := os.MkdirAll(empty, 0o755); err != nil {
		return err
	}
	cases := []struct {
		name string
		args []string
	}{
		{"bare cobra+huh+lipgloss (yardstick)", []string{bareBin}},
		{"whichflow --version", []string{wfBin, "--version"}},
		{"whichflow flows", []string{wfBin, "flows"}},
		{"whichflow lint EMPTY-DIR", []string{wfBin, "lint", empty}},
		{"whichflow advise --client spa --format json", []string{wfBin, "advise", "--client", "spa", "--format", "json"}},
		{"whichflow snippet --flow client-credentials", []string{wfBin, "snippet", "--flow", "client-credentials"}},
	}
	others := []struct{ label, bin string }{{"go install build: ", cgoBin}}
	if before != "" {
		others = append(others, struct{ label, bin string }{"before: ", before})
	}
	n := len(cases)
	for _, o := range others {
		for _, c := range cases[1:n] {
			args := append([]string{o.bin}, c.args[1:]...)
			cases = append(cases, struct {
				name string
				args []string
			}{o.label + c.name, args})
		}
	}
	// One warm-up round, then runs measured rounds.
	var hello []time.Duration
	ratios := make([][]float64, len(cases))
	bests := make([]time.Duration, len(cases))
	for r := 0; r <= runs; r++ {
		for i, c := range cases {
			h, err := wall(helloBin)
			if err != nil {
				return err
			}
			d, err := wall(c.args...)
			if err != nil {
				return err
			}
			if r == 0 {
				continue
			}
			hello = append(hello, h)
			ratios[i] = append(ratios[i], float64(d)/float64(h))
			if bests[i] == 0 || d < bests[i] {
				bests[i] = d
			}
		}
	}
	base := slices.Min(hello)
	fmt.Printf("hello-world Go binary: best %v, median %v (%d runs, each just before a command's run)\n", base, median(hello), len(hello))
	fmt.Printf("%-48s %7s %15s %7s  %s\n", "command / hello-world", "median", "range", "best", "verdict (median, target ≤ 3.0×)")
	for i, c := range cases {
		rs := ratios[i]
		m := medianf(rs)
		verdict := "ok"
		if m > 3 {
			verdict = "OVER"
		}
		fmt.Printf("%-48s %6.2f× %6.2f–%6.2f× %6.2f×  %s\n", c.name, m, slices.Min(rs), slices.Max(rs), float64(bests[i])/float64(base), verdict)
	}
	return nil
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func medianf(fs []float64) float64 {
	s := slices.Clone(fs)
	slices.Sort(s)
	return s[len(s)/2]
}

func goBuild(dir, out, pkg string, env ...string) error {
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.Stderr = os.Stderr
	return cmd.Run()
}

// wall runs the command once and returns its wall time.
func wall(args ...string) (time.Duration, error) {
	cmd := exec.Command(args[0], args[1:]...)
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return 0, fmt.Errorf("%v: %w", args, err)
	}
	return time.Since(start), nil
}
