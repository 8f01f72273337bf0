// Command floor is make bench's parse-only baseline (DESIGN §6): it walks
// the paths, reads every file of one syntax and parses it with the natural
// Go library — encoding/json, go.yaml.in/yaml/v3, hclparse — one file after
// another on one goroutine, and prints how many it parsed. A file that does
// not parse is an error (exit 1): the floor must do the whole job.
//
//	floor -syntax json|yaml|hcl PATH...
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2/hclparse"
	"go.yaml.in/yaml/v3"
)

var exts = map[string][]string{
	"json": {".json"},
	"yaml": {".yaml", ".yml"},
	"hcl":  {".tf"},
}

func main() {
	syntax := flag.String("syntax", "json", "json, yaml or hcl")
	flag.Parse()
	want, ok := exts[*syntax]
	if !ok || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: floor -syntax json|yaml|hcl PATH...")
		os.Exit(2)
	}
	parse := map[string]func(string, []byte) error{"json": parseJSON, "yaml": parseYAML, "hcl": parseHCL}[*syntax]
	n := 0
	for _, root := range flag.Args() {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			ext := strings.ToLower(filepath.Ext(p))
			match := false
			for _, e := range want {
				match = match || e == ext
			}
			if !match {
				return nil
			}
			data, err := os.ReadFile(p)
			if err == nil {
				err = parse(p, data)
			}
			if err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			n++
			return nil
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, "floor:", err)
			os.Exit(1)
		}
	}
	fmt.Printf("%d files parsed\n", n)
}

func parseJSON(_ string, data []byte) error {
	var v any
	return json.Unmarshal(data, &v)
}

func parseYAML(_ string, data []byte) error {
	var v any
	return yaml.Unmarshal(data, &v)
}

func parseHCL(name string, data []byte) error {
	if _, diags := hclparse.NewParser().ParseHCL(data, name); diags.HasErrors() {
		return errors.New(diags.Error())
	}
	return nil
}
