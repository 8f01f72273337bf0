package clientconfig

import (
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// Terraform (.tf, HCL native syntax), read with hclsyntax only (hcl.go): no
// evaluation context, so var.*, local.*, resource references, function calls
// and ${} interpolations are Unresolved (unknown, not absent). Literal list
// items stay resolved even when other items are expressions. One file per
// provider (tf_keycloak.go, tf_okta.go, tf_auth0.go) registers the resource
// types it maps in tfResources. The client ID is the resource address
// TYPE.LABEL.

// tfResource maps one resource type: client makes a client of it; amend,
// for a resource that configures another (auth0_client_credentials), is
// applied once every client of the file has been read.
type tfResource struct {
	client func(tfBlock) Client
	amend  func(tfBlock, *tfClients)
	// realm makes a realm of a resource that configures one
	// (keycloak_realm).
	realm func(tfBlock) Realm
}

// tfResources is filled by the provider files' init functions.
var tfResources = map[string]tfResource{}

// tfClients are the clients of one file, by resource address.
type tfClients struct {
	f      *File
	byAddr map[string]int
}

func (cs *tfClients) lookup(addr string) *Client {
	if i, ok := cs.byAddr[addr]; ok {
		return &cs.f.Clients[i]
	}
	return nil
}

// readTerraform reads the resources of one file of module mod (nil: the
// file alone).
func readTerraform(body *hclsyntax.Body, mod *Module) *File {
	cs := &tfClients{f: &File{}, byAddr: map[string]int{}}
	var amends []*hclsyntax.Block
	for _, b := range body.Blocks {
		if b.Type != "resource" || len(b.Labels) != 2 {
			continue
		}
		r, ok := tfResources[b.Labels[0]]
		switch {
		case !ok:
			continue
		case r.amend != nil:
			amends = append(amends, b)
			continue
		case r.realm != nil:
			rm := r.realm(tfBlock{b: b, mod: mod})
			rm.Name = b.Labels[0] + "." + b.Labels[1]
			rm.Pos = hpos(b.TypeRange.Start)
			rm.End = b.CloseBraceRange.End.Line
			cs.f.Realms = append(cs.f.Realms, rm)
			continue
		}
		c := r.client(tfBlock{b: b, mod: mod})
		c.ID = b.Labels[0] + "." + b.Labels[1]
		c.Pos = hpos(b.TypeRange.Start)
		c.End = b.CloseBraceRange.End.Line
		cs.byAddr[c.ID] = len(cs.f.Clients)
		cs.f.Clients = append(cs.f.Clients, c)
	}
	for _, b := range amends {
		tfResources[b.Labels[0]].amend(tfBlock{b: b, mod: mod}, cs)
	}
	switch {
	case len(cs.f.Clients) > 0:
		cs.f.Format = cs.f.Clients[0].Format
	case len(cs.f.Realms) > 0:
		cs.f.Format = cs.f.Realms[0].Format
	default:
		return nil
	}
	return cs.f
}

func hpos(p hcl.Pos) Pos { return Pos{Line: p.Line, Col: p.Column} }

// tfBlock wraps a resource body for attribute lookups; def names the
// provider whose documented defaults fill absent attributes.
type tfBlock struct {
	b   *hclsyntax.Block
	def string
	// mod resolves variables and locals of the module directory.
	mod *Module
	// generated: b is the content of a `dynamic` block, which for_each
	// expands at plan time zero or more times; a value written in it is
	// unresolved (absent ones take the default either way).
	generated bool
}

// child is nested block b of t, read in the same module; the content of a
// dynamic block (see block) reads as generated.
func (t tfBlock) child(b *hclsyntax.Block) tfBlock {
	return tfBlock{b: b, def: t.def, mod: t.mod, generated: t.generated || b.Type == "content"}
}

func (t tfBlock) attr(name string) *hclsyntax.Attribute {
	if a, ok := t.b.Body.Attributes[name]; ok {
		return a
	}
	return nil
}

// block is the nested block name, or the content block of a
// `dynamic "name"` block (read it with child: its values are unresolved).
func (t tfBlock) block(name string) *hclsyntax.Block {
	for _, b := range t.b.Body.Blocks {
		if b.Type == name {
			return b
		}
	}
	for _, b := range t.b.Body.Blocks {
		if b.Type == "dynamic" && len(b.Labels) == 1 && b.Labels[0] == name {
			for _, c := range b.Body.Blocks {
				if c.Type == "content" {
					return c
				}
			}
		}
	}
	return nil
}

func (t tfBlock) pos() Pos { return hpos(t.b.TypeRange.Start) }

// defaulted names t's provider default when def is one.
func (t tfBlock) defaulted(def string) string {
	if def == "" {
		return ""
	}
	return t.def
}

// staticValue evaluates an expression with no context; ok is false when it
// needs variables, functions or anything else only known at plan time.
func staticValue(e hclsyntax.Expression) (cty.Value, bool) {
	if len(e.Variables()) > 0 {
		return cty.NilVal, false
	}
	v, diags := e.Value(nil)
	if diags.HasErrors() || !v.IsWhollyKnown() {
		return cty.NilVal, false
	}
	return v, true
}

func (t tfBlock) exprString(e hclsyntax.Expression) String {
	s := String{Pos: hpos(e.Range().Start), Set: true}
	v, ok := t.mod.value(e)
	if !ok || t.generated {
		s.Unresolved = true
		s.Value = templateText(e)
		return s
	}
	if v.IsNull() {
		s.Set = false
		return s
	}
	switch v.Type() {
	case cty.String:
		s.Value = v.AsString()
	case cty.Bool:
		s.Value = boolString(v.True())
	case cty.Number:
		s.Value = v.AsBigFloat().String()
	default:
		s.Unresolved = true
	}
	return s
}

// str reads a string attribute; def is the provider default.
func (t tfBlock) str(name, def string) String {
	a := t.attr(name)
	if a == nil {
		return String{Value: def, Pos: t.pos(), Default: t.defaulted(def)}
	}
	s := t.exprString(a.Expr)
	if !s.Set && !s.Unresolved { // = null
		return String{Value: def, Pos: hpos(a.SrcRange.Start), Default: t.defaulted(def)}
	}
	return s
}

// boolean reads a bool attribute, positioned at the attribute name; def is
// the provider default.
func (t tfBlock) boolean(name string, def bool) Bool {
	a := t.attr(name)
	if a == nil {
		return Bool{Value: def, Pos: t.pos(), Default: t.def}
	}
	b := Bool{Pos: hpos(a.NameRange.Start), Set: true, Value: def}
	v, ok := t.mod.value(a.Expr)
	if !ok || t.generated {
		b.Unresolved = true
		return b
	}
	if v.IsNull() {
		b.Set, b.Default = false, t.def
		return b
	}
	switch v.Type() {
	case cty.Bool:
		b.Value = v.True()
	case cty.String:
		if val, ok := parseBool(v.AsString()); ok {
			b.Value = val
		} else {
			b.Unresolved = true
		}
	default:
		b.Unresolved = true
	}
	return b
}

// list reads a list attribute element by element.
func (t tfBlock) list(name string) List {
	a := t.attr(name)
	if a == nil {
		return List{Pos: t.pos()}
	}
	l := List{Pos: hpos(a.NameRange.Start), Set: true}
	if t.generated {
		l.Unresolved = true
		return l
	}
	tup, ok := a.Expr.(*hclsyntax.TupleConsExpr)
	if !ok {
		v, ok := t.mod.value(a.Expr)
		if !ok || !(v.Type().IsListType() || v.Type().IsTupleType() || v.Type().IsSetType()) || v.IsNull() {
			if ok && v.IsNull() {
				return List{Pos: l.Pos}
			}
			l.Unresolved = true
			return l
		}
		for it := v.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			if ev.Type() == cty.String && !ev.IsNull() {
				l.Items = append(l.Items, String{Value: ev.AsString(), Pos: hpos(a.Expr.StartRange().Start), Set: true})
			}
		}
		return l
	}
	for _, e := range tup.Exprs {
		l.Items = append(l.Items, t.exprString(e))
	}
	return l
}

// objectAttr reads a string from a map attribute (extra_config).
func (t tfBlock) objectAttr(name, key string) (String, bool) {
	a := t.attr(name)
	if a == nil {
		return String{}, false
	}
	obj, ok := a.Expr.(*hclsyntax.ObjectConsExpr)
	if !ok {
		return String{}, false
	}
	for _, it := range obj.Items {
		k, ok := t.mod.value(it.KeyExpr)
		if !ok || k.Type() != cty.String || k.IsNull() || k.AsString() != key {
			continue
		}
		s := t.exprString(it.ValueExpr)
		s.Pos = hpos(it.KeyExpr.Range().Start)
		return s, true
	}
	return String{}, false
}

// secret reads the client secret attribute name: declared when it has a
// value, resolved (a literal) or not (var.x, a template); a committed secret
// when literal.
func (t tfBlock) secret(name string) (SecretField, []Secret) {
	a := t.attr(name)
	if a == nil {
		return SecretField{}, nil
	}
	s := t.exprString(a.Expr)
	if !s.Set || (!s.Unresolved && strings.TrimSpace(s.Value) == "") {
		return SecretField{}, nil
	}
	d := SecretField{Field: name, Pos: s.Pos, Unresolved: s.Unresolved || placeholderSecret(s.Value)}
	if d.Unresolved {
		return d, nil
	}
	return d, []Secret{{Field: name, Value: s.Value, Pos: s.Pos}}
}

// readSecret records the client secret attribute name on c.
func (t tfBlock) readSecret(c *Client, name string) {
	c.SecretDeclared, c.Secrets = t.secret(name)
}

// integer reads a whole-number attribute (a number, or a string of
// digits), positioned at its value as strings are; def is the provider
// default.
func (t tfBlock) integer(name string, def int64) Int {
	a := t.attr(name)
	if a == nil {
		return Int{Value: def, Pos: t.pos(), Default: t.def}
	}
	s := t.exprString(a.Expr)
	n := Int{Pos: hpos(a.Expr.Range().Start), Set: true, Unresolved: s.Unresolved}
	switch {
	case s.Unresolved:
	case !s.Set: // = null
		return Int{Value: def, Pos: n.Pos, Default: t.def}
	default:
		v, ok := parseInt(s.Value)
		n.Value, n.Unresolved = v, !ok
	}
	return n
}

// duration reads a Go duration string attribute ("5m", "1h30m": the
// keycloak provider's realm lifetimes, parsed by time.ParseDuration) as
// whole seconds; def is the provider default in seconds, "" when the
// provider leaves it to Keycloak (keycloak is then the default's owner).
func (t tfBlock) duration(name string, def int64, owner string) Int {
	a := t.attr(name)
	if a == nil {
		return Int{Value: def, Pos: t.pos(), Default: owner}
	}
	s := t.exprString(a.Expr)
	n := Int{Pos: hpos(a.Expr.Range().Start), Set: true, Unresolved: s.Unresolved}
	switch {
	case s.Unresolved:
	case !s.Set:
		return Int{Value: def, Pos: n.Pos, Default: owner}
	default:
		d, err := time.ParseDuration(strings.TrimSpace(s.Value))
		n.Value, n.Unresolved = int64(d/time.Second), err != nil
	}
	return n
}
