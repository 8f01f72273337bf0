package clientconfig

import (
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/whichflow/whichflow/flows"
)

// moduleRead reads file name of a module directory made of files.
func moduleRead(t *testing.T, files map[string]string, name string) (*File, error) {
	t.Helper()
	var mf []ModuleFile
	for p, d := range files {
		mf = append(mf, ModuleFile{Path: p, Data: []byte(d)})
	}
	return ReadInModule(name, []byte(files[name]), NewModule(mf))
}

// TestModuleResolvesVariablesAndLocals: DESIGN §4, locals and variable
// defaults declared in the same module directory are resolved, in any
// file and any order; values from elsewhere stay unresolved.
func TestModuleResolvesVariablesAndLocals(t *testing.T) {
	files := map[string]string{
		"mod/variables.tf": `
variable "access_type" { default = "PUBLIC" }
variable "direct" {
  type    = bool
  default = true
}
variable "origins" { default = ["*"] }
variable "host" {}
variable "overridden" { default = false }
variable "twice" { default = "a" }
variable "twice" { default = "b" }
`,
		"mod/locals.tf": `
locals {
  common   = { access_type = var.access_type, realm = keycloak_realm.r.id, flow = local.flow }
  flow     = true
  base     = "https://${local.host}"
  host     = "app.example.com"
  cycle_a  = local.cycle_b
  cycle_b  = local.cycle_a
  upper    = upper("x")
}
`,
		"mod/terraform.tfvars": `overridden = true`,
		"mod/main.tf": `
resource "keycloak_openid_client" "c" {
  realm_id                     = local.common.realm
  client_id                    = "c"
  access_type                  = local.common.access_type
  standard_flow_enabled        = local.common.flow
  direct_access_grants_enabled = var.direct
  implicit_flow_enabled        = var.overridden
  service_accounts_enabled     = local.cycle_a
  web_origins                  = var.origins
  root_url                     = local.upper
  valid_redirect_uris          = ["${local.base}/cb", "https://${var.host}/cb", var.twice]
}
`,
	}
	f, err := moduleRead(t, files, "mod/main.tf")
	if err != nil {
		t.Fatal(err)
	}
	c := f.Clients[0]
	if !c.Public.Value || c.Public.Unresolved {
		t.Errorf("access_type from local.common.access_type (var default PUBLIC): public %+v", c.Public)
	}
	eqPos(t, "access_type stays positioned in main.tf", c.Public.Pos, 5, 34)
	for _, g := range []string{flows.GrantAuthorizationCode, flows.GrantPassword} {
		if !c.GrantTypes.Has(g) {
			t.Errorf("grant %s from a local / variable default missing: %+v", g, c.GrantTypes.Items)
		}
	}
	if c.GrantTypes.Has(flows.GrantImplicit) {
		t.Errorf("var.overridden is assigned in terraform.tfvars: its default must not be used")
	}
	if c.GrantTypes.Has(flows.GrantClientCredentials) {
		t.Errorf("a cycle of locals must stay unresolved")
	}
	if !c.WebOrigins.Has("*") {
		t.Errorf("web_origins from a variable default: %+v", c.WebOrigins)
	}
	r := c.RedirectURIs.Items
	if len(r) != 3 || r[0].Value != "https://app.example.com/cb" || r[0].Unresolved || !r[1].Unresolved || !r[2].Unresolved {
		t.Errorf("redirects: want the local resolved, var.host (no default) and var.twice (declared twice) unresolved: %+v", r)
	}

	for _, name := range []string{"mod/variables.tf", "mod/locals.tf"} {
		if _, err := moduleRead(t, files, name); !errors.Is(err, ErrModuleFile) {
			t.Errorf("%s: err %v, want ErrModuleFile", name, err)
		}
	}
	// The same companion file outside a module with clients is not ours.
	if _, err := Read("other/variables.tf", []byte(files["mod/variables.tf"])); !errors.Is(err, ErrUnrecognised) {
		t.Errorf("variables.tf alone: %v, want ErrUnrecognised", err)
	}
	// Read on its own, main.tf knows none of the other files' names.
	alone, err := Read("mod/main.tf", []byte(files["mod/main.tf"]))
	if err != nil {
		t.Fatal(err)
	}
	if p := alone.Clients[0].Public; !p.Unresolved {
		t.Errorf("main.tf alone: access_type must be unresolved, got %+v", p)
	}
}

// TestModuleHostileLocals: a chain of locals, each doubling the last, or a
// for expression over a large local, is refused, not computed.
func TestModuleHostileLocals(t *testing.T) {
	var b strings.Builder
	b.WriteString("locals {\n  l0 = \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\n")
	for i := 1; i < 64; i++ {
		b.WriteString("  l" + strconv.Itoa(i) + " = \"${local.l" + strconv.Itoa(i-1) + "}${local.l" + strconv.Itoa(i-1) + "}\"\n")
	}
	b.WriteString("  big = [" + strings.Repeat(`"a",`, 5000) + "]\n")
	b.WriteString("  sq = [for a in local.big : [for b in local.big : a]]\n}\n")
	b.WriteString(`resource "keycloak_openid_client" "c" {
  client_id           = "c"
  access_type         = "PUBLIC"
  valid_redirect_uris = [local.l63, local.sq]
}
`)
	start := time.Now()
	f, err := Read("main.tf", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("hostile locals took %v", d)
	}
	for _, it := range f.Clients[0].RedirectURIs.Items {
		if !it.Unresolved {
			t.Errorf("an oversized local resolved to %d bytes", len(it.Value))
		}
	}
}

func TestDeclares(t *testing.T) {
	for src, want := range map[string]bool{
		"variable \"x\" {}\n":      true,
		"  locals {\n  a = 1\n}\n": true,
		"locals{\n}":               true,
		"resource \"x\" \"y\" {\n  description = \"a variable\"\n}\n": false,
		"locals_x {\n}\n": false,
		"# variable x is documented\nresource \"a\" \"b\" {}\n": false,
	} {
		if got := declares([]byte(src)); got != want {
			t.Errorf("declares(%q) = %v, want %v", src, got, want)
		}
	}
}

// TestModuleDeclarationsBounded: the files of a module directory that
// declare variables or locals cost at most one Terraform file's cap
// together (ModuleDeclLimit). Before the bound, a directory of many large
// locals files kept every file's expressions at once (twelve 7.9 MB files:
// 7.7 GB max RSS); past it the module resolves nothing, whatever the order
// its files are read in, and a module inside the bound still resolves.
func TestModuleDeclarationsBounded(t *testing.T) {
	main := `
resource "keycloak_openid_client" "c" {
  client_id   = "c"
  access_type = local.access
}
`
	// Comments cost hclsyntax little, so the files are cheap to read here;
	// what counts is their size.
	pad := "# " + strings.Repeat("x", 1<<20) + "\n"
	build := func(n int) map[string]string {
		files := map[string]string{"mod/main.tf": main}
		files["mod/a.tf"] = "locals {\n  access = \"PUBLIC\"\n}\n"
		for i := 0; i < n; i++ {
			files["mod/pad"+strconv.Itoa(i)+".tf"] = strings.Repeat(pad, 3) + "variable \"v" + strconv.Itoa(i) + "\" {}\n"
		}
		return files
	}
	for _, tc := range []struct {
		pads     int
		resolved bool
	}{{1, true}, {2, true}, {3, false}, {8, false}} {
		files := build(tc.pads)
		var mf []ModuleFile
		for p, d := range files {
			mf = append(mf, ModuleFile{Path: p, Data: []byte(d)})
		}
		mod := NewModule(mf)
		f, err := ReadInModule("mod/main.tf", []byte(main), mod)
		if err != nil {
			t.Fatal(err)
		}
		p := f.Clients[0].Public
		if got := !p.Unresolved && p.Value; got != tc.resolved || mod.TooLarge() == tc.resolved {
			t.Errorf("%d padded files of 3 MiB: access_type %+v, TooLarge %v; want resolved %v", tc.pads, p, mod.TooLarge(), tc.resolved)
		}
	}
}

// TestModuleLocalsChainFlat: a chain of locals, each naming the one
// before, is resolved without recursion. As recursion, 300,000 such locals
// in a 7.6 MB file grew the goroutine stack to 256 MB (that every
// collection scanned); the stack must not grow with the chain.
func TestModuleLocalsChainFlat(t *testing.T) {
	const n = 50000
	var b strings.Builder
	b.WriteString("locals {\n  l0 = \"PUBLIC\"\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "  l%d = local.l%d\n", i, i-1)
	}
	fmt.Fprintf(&b, "}\nresource \"keycloak_openid_client\" \"c\" {\n  client_id   = \"c\"\n  access_type = local.l%d\n}\n", n-1)
	data := []byte(b.String())
	type result struct {
		f     *File
		err   error
		stack uint64
	}
	got := make(chan result)
	go func() { // a fresh goroutine: its stack is the walk's
		f, err := Read("main.tf", data)
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		got <- result{f, err, ms.StackInuse}
	}()
	r := <-got
	if r.err != nil {
		t.Fatal(r.err)
	}
	if p := r.f.Clients[0].Public; !p.Value || p.Unresolved {
		t.Errorf("access_type at the end of a chain of %d locals: %+v, want PUBLIC resolved", n, p)
	}
	if r.stack > 16<<20 {
		t.Errorf("resolving a chain of %d locals left %d MiB of goroutine stacks in use", n, r.stack>>20)
	}
}
