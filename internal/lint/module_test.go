package lint

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestTerraformModuleDirectory: a module's variables.tf and locals.tf are
// part of it: their defaults decide the client in main.tf (linted as a
// directory or as main.tf alone), and they are skipped as module files, not
// as unrecognised ones, with positions still in main.tf.
func TestTerraformModuleDirectory(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("variables.tf", "variable \"direct_access\" {\n  default = true\n}\n")
	write("locals.tf", "locals {\n  kind = \"PUBLIC\"\n}\n")
	write("versions.tf", "terraform {\n  required_version = \">= 1.5\"\n}\n")
	write("main.tf", `resource "keycloak_openid_client" "app" {
  realm_id                     = "shop"
  client_id                    = "app"
  access_type                  = local.kind
  standard_flow_enabled        = true
  full_scope_allowed           = false
  direct_access_grants_enabled = var.direct_access
  valid_redirect_uris          = ["https://app.example.com/cb"]
}
`)
	for _, paths := range [][]string{{dir}, {filepath.Join(dir, "main.tf")}} {
		for _, stream := range []bool{false, true} {
			var streamed []Finding
			opts := Options{Paths: paths, Now: testNow, Config: os.DevNull}
			if stream { // one directory streamed: the sorted walk, not discover
				opts.Stream = func(f Finding) error { streamed = append(streamed, f); return nil }
			}
			res, err := Run(context.Background(), opts)
			if err != nil {
				t.Fatal(err)
			}
			if stream {
				res.Findings = streamed
			}
			got := map[string]string{}
			for _, f := range res.Findings {
				got[f.Rule] = filepath.Base(f.File) + ":" + strconv.Itoa(f.Line)
			}
			if got["ropc"] != "main.tf:7" {
				t.Errorf("%v: ropc from variables.tf's default: got %v", paths, got)
			}
			if got["public-client-no-pkce"] != "main.tf:1" { // PKCE is missing: at the resource
				t.Errorf("%v: public-client-no-pkce from locals.tf's access_type: got %v", paths, got)
			}
			if len(paths) == 1 && paths[0] == dir {
				if res.Files != 1 {
					t.Errorf("files %d, want 1 (the module files are not configurations)", res.Files)
				}
				for _, s := range res.Skipped {
					if !strings.Contains(s.Reason, "part of the Terraform module") || s.Notable {
						t.Errorf("skip %s: %q (notable %v), want a quiet module-file skip", s.Path, s.Reason, s.Notable)
					}
				}
				if len(res.Skipped) != 3 {
					t.Errorf("skipped %+v, want the three module files", res.Skipped)
				}
			}
		}
	}
}

// TestModulesReleasedByWalk: the streamed walk tells modules each
// directory's .tf jobs as it lists it, so every directory's module is
// dropped after its last job — nothing is kept for the rest of the run.
func TestModulesReleasedByWalk(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a/main.tf", "a/variables.tf", "a/b/main.tf", "a/c.json", "d/x.TF", "d/e/f/main.tf", "node_modules/m/main.tf"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("locals {\n  x = 1\n}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ms := &modules{}
	w, err := newSortedWalk(dir, dir, nil, ms)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for j, ok := w.next(); ok; j, ok = w.next() {
		if ms.forFile(j.path) == nil && isTF(j.path) {
			t.Errorf("%s: no module", j.path)
		}
		ms.done(j.path)
		n++
	}
	if n != 6 {
		t.Errorf("walked %d files, want 6 (node_modules skipped)", n)
	}
	if len(ms.dir) != 0 || len(ms.jobs) != 0 {
		t.Errorf("modules kept after the walk: dirs %v, jobs %v", ms.dir, ms.jobs)
	}
}

// TestWildcardBehindUnresolvedRootURL: a relative "/*" under root_url =
// var.x is still a wildcard (DESIGN §4), in a realm export and in
// terraform; a relative exact path under it is not.
func TestWildcardBehindUnresolvedRootURL(t *testing.T) {
	dir := t.TempDir()
	tf := `resource "keycloak_openid_client" "app" {
  client_id             = "app"
  access_type           = "CONFIDENTIAL"
  standard_flow_enabled = true
  root_url              = var.root
  valid_redirect_uris   = ["/*", "/callback"]
}
`
	realm := `{"realm": "r", "clients": [{"clientId": "app", "rootUrl": "${ROOT_URL}", "redirectUris": ["/*", "/callback"]}]}`
	for name, text := range map[string]string{"main.tf": tf, "realm.json": realm} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := Run(context.Background(), Options{Paths: []string{p}, Now: testNow, Config: os.DevNull})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, f := range res.Findings {
			if f.Rule == "redirect-wildcard" {
				n++
				if !strings.Contains(f.Message, "/*") || strings.Contains(f.Message, "/callback") {
					t.Errorf("%s: message %q: want the wildcard entry only", name, f.Message)
				}
			}
		}
		if n != 1 {
			t.Errorf("%s: %d redirect-wildcard findings, want 1: %+v", name, n, res.Findings)
		}
	}
}
