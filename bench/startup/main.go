// Command startup measures whichflow's start-up against a hello-world Go
// binary built in the same run (DESIGN §6: advise and snippet ≤ 3×), and
// prints the ratios. Best of N wall times, since these machines are noisy.
//
//	go run ./bench/startup [-runs 300]
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

const hello = `package main

import "os"

func main() { os.Stdout.WriteString("{\"hello\": \"world\"}\n") }
`

func main() {
	runs := flag.Int("runs", 300, "runs per command (the fastest counts)")
	flag.Parse()
	if err := run(*runs); err != nil {
		fmt.Fprintln(os.Stderr, "startup:", err)
		os.Exit(1)
	}
}

func run(runs int) error {
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
	wfBin := filepath.Join(dir, "whichflow")
	if err := goBuild(wd, wfBin, "./cmd/whichflow"); err != nil {
		return err
	}

	base, err := best(runs, helloBin)
	if err != nil {
		return err
	}
	fmt.Printf("hello-world Go binary: best of %d = %v\n", runs, base)
	cases := []struct {
		name string
		args []string
	}{
		{"bare cobra+huh+lipgloss (yardstick)", []string{bareBin}},
		{"whichflow advise --client spa --format json", []string{wfBin, "advise", "--client", "spa", "--format", "json"}},
		{"whichflow snippet --flow client-credentials", []string{wfBin, "snippet", "--flow", "client-credentials"}},
		{"whichflow flows", []string{wfBin, "flows"}},
	}
	for _, c := range cases {
		d, err := best(runs, c.args...)
		if err != nil {
			fmt.Printf("%-48s failed: %v\n", c.name, err)
			continue
		}
		verdict := "ok (target ≤ 3.0×)"
		if float64(d) > 3*float64(base) {
			verdict = "OVER the 3.0× target"
		}
		fmt.Printf("%-48s %5.2f× hello-world  %s\n", c.name, float64(d)/float64(base), verdict)
	}
	return nil
}

func goBuild(dir, out, pkg string) error {
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	return cmd.Run()
}

// best runs the command runs times and returns the fastest wall time.
func best(runs int, args ...string) (time.Duration, error) {
	var min time.Duration
	for i := 0; i < runs; i++ {
		cmd := exec.Command(args[0], args[1:]...)
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return 0, fmt.Errorf("%v: %w", args, err)
		}
		if d := time.Since(start); i == 0 || d < min {
			min = d
		}
	}
	return min, nil
}
