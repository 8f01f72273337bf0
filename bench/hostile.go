package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/whichflow/whichflow/internal/benchcorpus"
)

// hostile lints each of issue #9's hostile inputs alone, as a whole
// process, and prints its exit status, time and max RSS against DESIGN
// §6's bound for the file: 4x the file + 64 MiB (JSON, YAML, properties),
// for HCL whichflow's start-up RSS + 1.25x what hclparse alone needs above
// its own, when hclparse can read it at all (else the JSON/YAML bound). One run each: these are about bounds, not
// speed.
func (b *bench) hostile() error {
	dir := filepath.Join(b.dir, "hostile")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := generateInChild("hostile", dir); err != nil {
		return err
	}
	fmt.Printf("\nhostile inputs (issue #9), one whole process each: whichflow lint FILE\n")
	fmt.Printf("%-26s %8s %5s %8s %9s %9s  %-8s %s\n", "file", "size", "exit", "seconds", "RSS MiB", "bound MiB", "verdict", "expected")
	report := filepath.Join(b.dir, "hostile.json")
	var over []string
	for _, h := range benchcorpus.HostileInputs() { // names only: the data is the child's
		p := filepath.Join(dir, h.Name)
		st, err := os.Stat(p)
		if err != nil {
			return err
		}
		w, err := start(b.lintArgs(p, report)...)
		if err != nil {
			return fmt.Errorf("%s: %v", h.Name, err)
		}
		bound := 4*st.Size() + 64<<20
		if strings.HasSuffix(strings.ToLower(h.Name), ".tf") {
			if f, err := start(b.floor, "-syntax", "hcl", p); err == nil && f.exit == 0 {
				bound = b.wfBase + (f.rss-b.floorBase)*5/4
			}
		}
		verdict := "ok"
		if w.rss > bound {
			verdict = "OVER"
			over = append(over, h.Name)
		}
		fmt.Printf("%-26s %8s %5d %8.2f %9.1f %9.1f  %-8s %s\n", h.Name, human(st.Size()), w.exit, w.wall.Seconds(), mib(w.rss), mib(bound), verdict, h.Want)
	}
	if len(over) > 0 {
		fmt.Printf("over the RSS bound: %s\n", strings.Join(over, ", "))
	}
	return nil
}
