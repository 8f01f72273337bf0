package clientconfig

import (
	"bytes"
	"errors"
	"path"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// A Terraform module is a directory: every .tf file in it shares its
// variables and locals. DESIGN §4: locals and variable defaults declared in
// the same module directory are resolved, values from elsewhere stay
// unresolved. A Module holds what the directory's files declare; the
// resources of each file are read with it (ReadInModule), so a client whose
// access_type comes from local.x or var.y (default in variables.tf) is read
// with the value Terraform would use when the module is applied on its own.
//
// What stays unresolved: variables without a default, variables that a
// terraform.tfvars or *.auto.tfvars file of the directory assigns (Terraform
// would use that value, which may come from anywhere), names declared twice
// (Terraform rejects the module), function calls (no functions are
// evaluated), resource, data, module, path and count/each references, and
// any value that would be larger than modelValueLimit to compute (so that a
// hostile chain of locals, each doubling the last, costs nothing).

// ErrModuleFile is returned by ReadInModule for a .tf file without clients
// or realms of its own in a module directory that has some: it is part of
// the module (variables, locals, providers, outputs), not a configuration
// whichflow does not recognise.
var ErrModuleFile = errors.New("part of a Terraform module: no clients or realms of its own")

// ModuleFile is one file of a module directory: a .tf file, or a
// terraform.tfvars / *.auto.tfvars file.
type ModuleFile struct {
	Path string
	Data []byte
}

// Module is what a module directory's files declare.
type Module struct {
	ctx *hcl.EvalContext
	// resources: some .tf file of the directory declares a resource
	// whichflow reads.
	resources bool
	// sizes of the resolved values, for the evaluation bound.
	sizes map[string]int
	// tooLarge: the declarations were over ModuleDeclLimit.
	tooLarge bool
}

// modelValueLimit bounds the size (string bytes plus elements) of any value
// evaluated from variables and locals.
const modelValueLimit = 64 << 10

// IsModuleFile reports whether a file of this name belongs to a Terraform
// module directory's variables: .tf files and the variable files Terraform
// loads on its own (terraform.tfvars, *.auto.tfvars).
func IsModuleFile(name string) bool {
	base := strings.ToLower(path.Base(strings.ReplaceAll(name, "\\", "/")))
	return strings.HasSuffix(base, ".tf") || base == "terraform.tfvars" || strings.HasSuffix(base, ".auto.tfvars")
}

// ModuleDeclLimit bounds what a module directory's declarations may cost:
// the files that declare variables or locals, together, at most one
// Terraform file's cap. Their expressions are kept until the module is
// resolved (hclsyntax needs some 60x the source), so without a bound a
// directory of many large locals files held them all at once (twelve
// 7.9 MB files: 7.7 GB max RSS and 7 minutes, against 0.97 GB and 59 s
// for hclparse reading them one after another). A module past it resolves
// nothing: every var. and local. reference stays unresolved, as a value
// from elsewhere would (TooLarge says so).
const ModuleDeclLimit = maxTerraformSize

// NewModule reads the variable defaults and locals the files of one module
// directory declare. Files that do not parse, or are over the Terraform
// size cap, add nothing (each is reported when it is linted itself). The
// files are parsed in parallel, and of each only its declarations are kept
// (not its resources), so a large module costs its declarations' memory.
func NewModule(files []ModuleFile) *Module {
	paths := make([]string, len(files))
	data := make(map[string][]byte, len(files))
	for i, f := range files {
		paths[i] = f.Path
		data[f.Path] = f.Data
	}
	return LoadModule(paths, func(p string) []byte { return data[p] })
}

// LoadModule is NewModule of the files at paths, each read (nil: it cannot
// be read) when a worker gets to it and dropped once its declarations are
// scanned: a directory's files are never all in memory at once, and past
// ModuleDeclLimit no more of them are parsed.
func LoadModule(paths []string, read func(path string) []byte) *Module {
	m := &Module{sizes: map[string]int{}}
	// First what each file is (a size, whether it declares), so that a
	// module past the bound costs no parse at all; then the declaring
	// files are read again and parsed. A file that grew in between is
	// counted again.
	found := make([]fileDecls, len(paths))
	var declared atomic.Int64 // bytes of the files that declare
	all := make([]int, len(paths))
	for i := range all {
		all[i] = i
	}
	parallel(all, func(i int) {
		found[i] = scanModuleFile(ModuleFile{Path: paths[i], Data: read(paths[i])}, &declared, false)
	})
	var parse []int
	for i, f := range found {
		m.resources = m.resources || f.resources
		if f.declares {
			parse = append(parse, i)
		}
	}
	if declared.Load() > ModuleDeclLimit {
		m.tooLarge = true
		return m
	}
	declared.Store(0)
	parallel(parse, func(i int) {
		found[i] = scanModuleFile(ModuleFile{Path: paths[i], Data: read(paths[i])}, &declared, true)
	})
	if declared.Load() > ModuleDeclLimit {
		m.tooLarge = true
		return m
	}
	d := newDecls()
	assigned := map[string]bool{} // by a .tfvars file
	for _, f := range found {
		for _, name := range f.assigned {
			assigned[name] = true
		}
		d.add(f)
	}
	m.resolve(d, assigned)
	return m
}

// parallel runs fn on each of idx, on as many workers as there are cores.
func parallel(idx []int, fn func(int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0) && w < len(idx); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for _, i := range idx {
		next <- i
	}
	close(next)
	wg.Wait()
}

// TooLarge reports whether the module's declarations were over
// ModuleDeclLimit, so that none of them was resolved.
func (m *Module) TooLarge() bool { return m != nil && m.tooLarge }

// fileDecls is what one file of a module declares.
type fileDecls struct {
	resources bool
	declares  bool        // variables or locals (.tf), or assignments (.tfvars)
	vars      []namedExpr // variable defaults (nil expression: no default)
	locals    []namedExpr
	assigned  []string // names a .tfvars file sets
}

type namedExpr struct {
	name string
	expr hclsyntax.Expression
}

// scanModuleFile reads the declarations of one module file, when parse
// is set, or else only what the file is (declares: it is to be parsed).
// declared counts the bytes of the module's files that declare; past
// ModuleDeclLimit no more are parsed (the module resolves nothing).
func scanModuleFile(f ModuleFile, declared *atomic.Int64, parse bool) fileDecls {
	var out fileDecls
	if len(f.Data) > maxTerraformSize || !IsModuleFile(f.Path) {
		return out
	}
	tfvars := !strings.HasSuffix(strings.ToLower(f.Path), ".tf")
	if !tfvars {
		out.resources = hasResourceMarkers(f.Data)
		if !declares(f.Data) {
			return out // nothing to declare: not parsed here
		}
		if declared.Add(int64(len(f.Data))) > ModuleDeclLimit {
			return out
		}
	}
	out.declares = true
	if !parse {
		return out
	}
	defer oneBigHCL(len(f.Data))()
	body, perr, _ := parseHCL(f.Data)
	if perr != nil {
		return out
	}
	if tfvars {
		for name := range body.Attributes {
			out.assigned = append(out.assigned, name)
		}
		return out
	}
	out.vars, out.locals = bodyDecls(body)
	return out
}

// bodyDecls are the variable defaults and locals a file's body declares.
func bodyDecls(body *hclsyntax.Body) (vars, locals []namedExpr) {
	for _, b := range body.Blocks {
		switch {
		case b.Type == "variable" && len(b.Labels) == 1:
			var e hclsyntax.Expression
			if a, ok := b.Body.Attributes["default"]; ok {
				e = a.Expr
			}
			vars = append(vars, namedExpr{b.Labels[0], e})
		case b.Type == "locals" && len(b.Labels) == 0:
			for name, a := range b.Body.Attributes {
				locals = append(locals, namedExpr{name, a.Expr})
			}
		}
	}
	return vars, locals
}

// declares reports whether Terraform source may declare variables or
// locals: a line that opens with the block keyword (files that do not are
// not parsed for the module; a word in a description does not count).
func declares(data []byte) bool {
	for _, kw := range [][]byte{[]byte("variable"), []byte("locals")} {
		for rest := data; ; {
			i := bytes.Index(rest, kw)
			if i < 0 {
				break
			}
			line := bytes.LastIndexByte(rest[:i], '\n') + 1
			after := rest[i+len(kw):]
			if len(bytes.TrimLeft(rest[line:i], " \t")) == 0 && (len(after) == 0 || !isIdentByte(after[0])) {
				return true
			}
			rest = after
		}
	}
	return false
}

// fileModule is the module of a file read on its own: its own variables
// and locals.
func fileModule(body *hclsyntax.Body, data []byte) *Module {
	m := &Module{sizes: map[string]int{}}
	if declares(data) {
		var f fileDecls
		f.vars, f.locals = bodyDecls(body)
		d := newDecls()
		d.add(f)
		m.resolve(d, nil)
	}
	return m
}

// decl is one declared name; dup marks a name declared twice (Terraform
// rejects the module, so its value is unknown).
type decl struct {
	expr hclsyntax.Expression
	dup  bool
}

type decls struct{ vars, locals map[string]*decl }

func newDecls() decls { return decls{vars: map[string]*decl{}, locals: map[string]*decl{}} }

func (d decls) add(f fileDecls) {
	declare := func(in map[string]*decl, n namedExpr) {
		if x, ok := in[n.name]; ok {
			x.dup = true
			return
		}
		in[n.name] = &decl{expr: n.expr}
	}
	for _, n := range f.vars {
		declare(d.vars, n)
	}
	for _, n := range f.locals {
		declare(d.locals, n)
	}
}

// resolve evaluates the module's variable defaults and locals; assigned
// variables are set by .tfvars files.
func (m *Module) resolve(d decls, assigned map[string]bool) {
	vars, locals := d.vars, d.locals
	if len(vars)+len(locals) == 0 {
		return
	}
	// Variable defaults cannot refer to anything.
	varVals := map[string]cty.Value{}
	for name, d := range vars {
		varVals[name] = cty.DynamicVal
		if d.dup || d.expr == nil || assigned[name] {
			continue
		}
		if v, ok := m.eval(d.expr, nil); ok && v.IsWhollyKnown() {
			varVals[name] = v
			m.sizes["var."+name] = valueSize(v)
		}
	}
	varObj := cty.ObjectVal(varVals)
	// Locals refer to variables and to each other in any order: each is
	// evaluated after the locals it refers to (a cycle stays unknown), with
	// a context holding only what it refers to, so the work is linear in
	// the references. A local may be partly known (an object with one
	// attribute from a resource): the attributes that are known are used.
	//
	// The walk keeps its own stack: a chain of locals, each naming the one
	// before, is as deep as the module has locals (300,000 in a 7.6 MB
	// file), and as recursion it grew the goroutine stack to hundreds of
	// MB that every collection then scanned (43 s and 1.24 GB max RSS,
	// against 7 s and 0.6 GB for hclparse alone).
	localVals := map[string]cty.Value{}
	const (
		todo = iota
		visiting
		done
	)
	state := map[string]int{}
	type frame struct {
		name  string
		trs   []hcl.Traversal
		next  int      // the next of trs to visit
		local []string // the declared locals it refers to
	}
	var stack []*frame
	// push starts name, unless it is being visited (a cycle: it stays
	// unknown) or done.
	push := func(name string) {
		if state[name] != todo {
			return
		}
		state[name] = visiting
		localVals[name] = cty.DynamicVal
		d := locals[name]
		if d.dup {
			state[name] = done
			return
		}
		stack = append(stack, &frame{name: name, trs: d.expr.Variables()})
	}
	// finish evaluates the local on top of the stack, its references done.
	finish := func(f *frame) {
		d := locals[f.name]
		ctx := &hcl.EvalContext{Variables: map[string]cty.Value{"var": varObj}, Functions: map[string]function.Function{}}
		deps := map[string]cty.Value{}
		for _, name := range f.local {
			deps[name] = localVals[name]
		}
		for _, tr := range f.trs {
			switch root := tr.RootName(); root {
			case "var", "local":
			default:
				// A resource, data source, module, path ...: unknown, so
				// the rest of the local can still be known.
				ctx.Variables[root] = cty.DynamicVal
			}
		}
		hclsyntax.VisitAll(d.expr, func(n hclsyntax.Node) hcl.Diagnostics {
			if call, ok := n.(*hclsyntax.FunctionCallExpr); ok {
				ctx.Functions[call.Name] = unknownFunction
			}
			return nil
		})
		ctx.Variables["local"] = cty.ObjectVal(deps)
		if v, ok := m.eval(d.expr, ctx); ok {
			localVals[f.name] = v
			m.sizes["local."+f.name] = valueSize(v)
		}
		state[f.name] = done
	}
	for name := range locals {
		push(name)
		for len(stack) > 0 {
			f := stack[len(stack)-1]
			if f.next == len(f.trs) {
				stack = stack[:len(stack)-1]
				finish(f)
				continue
			}
			tr := f.trs[f.next]
			f.next++
			if tr.RootName() != "local" || len(tr) < 2 {
				continue
			}
			if a, ok := tr[1].(hcl.TraverseAttr); ok {
				if _, declared := locals[a.Name]; declared {
					f.local = append(f.local, a.Name)
					push(a.Name)
				}
			}
		}
	}
	m.ctx = &hcl.EvalContext{Variables: map[string]cty.Value{"var": varObj, "local": cty.ObjectVal(localVals)}}
}

// unknownFunction stands for every Terraform function: whichflow evaluates
// none, but a local that calls one is still known in its other parts.
var unknownFunction = function.New(&function.Spec{
	VarParam: &function.Parameter{Name: "args", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowNull: true,
		AllowDynamicType: true, AllowMarked: true},
	Type: function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func([]cty.Value, cty.Type) (cty.Value, error) { return cty.DynamicVal, nil },
})

// eval evaluates e in ctx (nil: no variables); ok is false when it fails
// or would be too large. The value may be partly unknown.
func (m *Module) eval(e hclsyntax.Expression, ctx *hcl.EvalContext) (cty.Value, bool) {
	if (&sizer{m: m}).est(e) > modelValueLimit {
		return cty.NilVal, false
	}
	v, diags := e.Value(ctx)
	if diags.HasErrors() || valueSize(v) > modelValueLimit {
		return cty.NilVal, false
	}
	return v, true
}

// value evaluates e, an attribute of a resource, with the module's
// variables and locals (none when m is nil); ok is false when it needs
// anything else, is not wholly known, or would be too large.
func (m *Module) value(e hclsyntax.Expression) (cty.Value, bool) {
	if m == nil || m.ctx == nil {
		return staticValue(e)
	}
	v, ok := m.eval(e, m.ctx)
	if !ok || !v.IsWhollyKnown() {
		return cty.NilVal, false
	}
	return v, true
}

// hasResourceMarkers reports whether Terraform source mentions a resource
// type whichflow reads.
func hasResourceMarkers(data []byte) bool {
	for typ := range tfResources {
		if bytes.Contains(data, []byte(`"`+typ+`"`)) {
			return true
		}
	}
	return false
}

// valueSize is v's size: string bytes plus one per element, stopping past
// modelValueLimit.
func valueSize(v cty.Value) int {
	n := 0
	var walk func(cty.Value)
	walk = func(v cty.Value) {
		if n > modelValueLimit || v.IsNull() || !v.IsKnown() {
			n++
			return
		}
		t := v.Type()
		switch {
		case t == cty.String:
			n += len(v.AsString())
		case t.IsListType() || t.IsSetType() || t.IsTupleType() || t.IsMapType() || t.IsObjectType():
			for it := v.ElementIterator(); it.Next() && n <= modelValueLimit; {
				k, e := it.Element()
				n++
				if t.IsMapType() || t.IsObjectType() {
					walk(k)
				}
				walk(e)
			}
		default:
			n++
		}
	}
	walk(v)
	return n
}

// sizer bounds, before evaluating an expression, the size of what it can
// compute from the module's values: a tuple or template is at most the sum
// of its parts, a for expression its collection times its body. Expressions
// of any other kind are refused (an infinite estimate).
type sizer struct {
	m    *Module
	syms map[string]int // for and splat symbols in scope
}

const infinite = 1 << 40

func add(a, b int) int { return min(a+b, infinite) }
func mul(a, b int) int {
	if a == 0 || b == 0 {
		return 0
	}
	if a > infinite/b {
		return infinite
	}
	return a * b
}

func (s *sizer) est(e hclsyntax.Expression) int {
	if e == nil {
		return 0
	}
	switch e := e.(type) {
	case *hclsyntax.LiteralValueExpr:
		return valueSize(e.Val)
	case *hclsyntax.TemplateExpr:
		n := 0
		for _, p := range e.Parts {
			n = add(n, s.est(p))
		}
		return n
	case *hclsyntax.TemplateWrapExpr:
		return s.est(e.Wrapped)
	case *hclsyntax.TemplateJoinExpr:
		return s.est(e.Tuple)
	case *hclsyntax.ParenthesesExpr:
		return s.est(e.Expression)
	case *hclsyntax.ScopeTraversalExpr:
		root := e.Traversal.RootName()
		if n, ok := s.syms[root]; ok {
			return n
		}
		if (root == "var" || root == "local") && len(e.Traversal) > 1 {
			if a, ok := e.Traversal[1].(hcl.TraverseAttr); ok {
				return add(s.m.sizes[root+"."+a.Name], 1)
			}
		}
		return 1 // resource and other references: they do not evaluate
	case *hclsyntax.RelativeTraversalExpr:
		return s.est(e.Source)
	case *hclsyntax.IndexExpr:
		return add(s.est(e.Collection), s.est(e.Key))
	case *hclsyntax.ConditionalExpr:
		return add(s.est(e.Condition), add(s.est(e.TrueResult), s.est(e.FalseResult)))
	case *hclsyntax.BinaryOpExpr:
		return add(s.est(e.LHS), s.est(e.RHS))
	case *hclsyntax.UnaryOpExpr:
		return s.est(e.Val)
	case *hclsyntax.TupleConsExpr:
		n := len(e.Exprs)
		for _, x := range e.Exprs {
			n = add(n, s.est(x))
		}
		return n
	case *hclsyntax.ObjectConsExpr:
		n := len(e.Items)
		for _, it := range e.Items {
			n = add(n, add(s.est(it.KeyExpr), s.est(it.ValueExpr)))
		}
		return n
	case *hclsyntax.ObjectConsKeyExpr:
		return s.est(e.Wrapped)
	case *hclsyntax.ForExpr:
		coll := s.est(e.CollExpr)
		inner := &sizer{m: s.m, syms: map[string]int{}}
		for k, v := range s.syms {
			inner.syms[k] = v
		}
		for _, name := range []string{e.KeyVar, e.ValVar} {
			if name != "" {
				inner.syms[name] = coll
			}
		}
		return mul(coll, add(1, add(inner.est(e.KeyExpr), add(inner.est(e.ValExpr), inner.est(e.CondExpr)))))
	case *hclsyntax.SplatExpr:
		src := s.est(e.Source)
		return mul(src, add(1, s.est(e.Each)))
	case *hclsyntax.AnonSymbolExpr:
		return 1 // a splat's element: counted in its source
	case *hclsyntax.FunctionCallExpr:
		n := 1 // evaluates to unknown, after its arguments
		for _, a := range e.Args {
			n = add(n, s.est(a))
		}
		return n
	}
	return infinite
}
