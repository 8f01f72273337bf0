package clientconfig

import (
	"strings"
	"unsafe"

	"github.com/whichflow/whichflow/flows"
)

// The model costs more per value than the tree: a String is about 56 bytes,
// a Client about 700. To keep memory proportional to the file (DESIGN §6)
// whatever it holds, adapters refuse, as a *ParseError, to make more of it
// than the file's size allows.

// maxListItems is the longest list read into the model: no client
// registers anywhere near this many redirect URIs or grants.
const maxListItems = 1 << 16

// clientBudget is the most clients a file of size bytes may make: their
// model stays under 2x the file + 32 MiB.
func clientBudget(size int) int { return (2*size + 32<<20) / int(unsafe.Sizeof(Client{})) }

// newFile returns a File for format that will hold n clients read from the
// tree of in; room is false, and the refusal recorded, when n is over the
// file's client budget.
func newFile(format flows.Format, in Node, n int) (f *File, room bool) {
	f = &File{Format: format}
	if in.t != nil && n > clientBudget(in.t.size) {
		in.t.fail(pos(in), "%d clients in %d bytes: more than memory proportional to the file allows (%d); not read", n, in.t.size, clientBudget(in.t.size))
		return f, false
	}
	// Sized once: growing by doubling would copy every client on the way.
	f.Clients = make([]Client, 0, n)
	return f, true
}

// strItems reads a sequence of strings as a list positioned at k.
func strItems(k, v Node) List {
	l := List{Pos: pos(k), Set: true}
	n := count(v)
	if n > maxListItems {
		v.t.fail(pos(k), "a list of %d values: more than any client configuration holds (%d); not read, to keep memory bounded", n, maxListItems)
		l.Unresolved = true
		return l
	}
	its := items(v)
	if len(its) > 0 {
		l.Items = make([]String, 0, len(its))
	}
	for _, it := range its {
		l.Items = append(l.Items, str(it))
	}
	return l
}

// Reading model values from a tree (tree.go): the helpers every tree
// adapter shares. A value the file does not state takes the adapter's
// default, named by a defaults (the provider whose documented default it
// is), so a check can tell "the file says" from "the provider assumes".

// defaults names the documented defaults an adapter applies, e.g.
// "Keycloak's import default".
type defaults string

// str reads scalar node v as a String stated in the file.
func str(v Node) String {
	v = deref(v)
	if !v.ok() {
		return String{}
	}
	s := String{Pos: pos(v), Set: true}
	if v.kind() != kindScalar {
		s.Unresolved = true
		return s
	}
	s.Value = text(v)
	if v.tag() == tagUnresolved || unresolvedText(s.Value) {
		s.Unresolved = true
	}
	return s
}

// str reads the first of keys from m; def is the default when absent
// ("" when there is none).
func (d defaults) str(m Node, def string, keys ...string) String {
	_, v := getAny(m, keys...)
	return d.strOf(m, v, def)
}

// strOf is str for the value v that get found in m.
func (d defaults) strOf(m, v Node, def string) String {
	if !v.ok() {
		s := String{Value: def, Pos: pos(m)}
		if def != "" {
			s.Default = string(d)
		}
		return s
	}
	return str(v)
}

// strKey reads a string that has no default.
func strKey(m Node, keys ...string) String { return defaults("").str(m, "", keys...) }

// parseBool accepts YAML/JSON booleans and Keycloak's "true"/"false" strings.
func parseBool(s string) (val, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "yes", "on":
		return true, true
	case "false", "no", "off":
		return false, true
	}
	return false, false
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// boolean reads a boolean; Pos is the key's (the switch), def the default.
func (d defaults) boolean(m Node, def bool, keys ...string) Bool {
	k, v := getAny(m, keys...)
	return d.booleanOf(m, k, v, def)
}

// booleanOf is boolean for the key k and value v that get found in m.
func (d defaults) booleanOf(m, k, v Node, def bool) Bool {
	if !k.ok() {
		return Bool{Value: def, Pos: pos(m), Default: string(d)}
	}
	b := Bool{Pos: pos(k), Set: true, Value: def}
	if v.kind() != kindScalar || v.tag() == tagUnresolved {
		b.Unresolved = true
		return b
	}
	s := text(v)
	val, ok := parseBool(s)
	if !ok || unresolvedText(s) {
		b.Unresolved = true
		return b
	}
	b.Value = val
	return b
}

// listKey reads a list of strings under the first of keys; a scalar stands
// for a one-item list unless it is an unresolved placeholder for the whole
// list.
func listKey(m Node, keys ...string) List {
	k, v := getAny(m, keys...)
	return listOf(m, k, v)
}

// listOf is listKey for the key k and value v that get found in m.
func listOf(m, k, v Node) List {
	if !k.ok() {
		return List{Pos: pos(m)}
	}
	l := List{Pos: pos(k), Set: true}
	switch v.kind() {
	case kindSeq:
		return strItems(k, v)
	case kindScalar:
		if v.tag() == tagUnresolved {
			l.Unresolved = true
			return l
		}
		s := str(v)
		if s.Unresolved && onlyPlaceholder(s.Value) {
			l.Unresolved = true
			return l
		}
		if s.Value != "" {
			l.Items = append(l.Items, s)
		}
	default:
		l.Unresolved = true
	}
	return l
}

// defaultList is a default list (Set false) positioned at p; def names
// whose default it is.
func defaultList(p Pos, def string, vals ...string) List {
	l := List{Pos: p, Default: def}
	for _, v := range vals {
		l.Items = append(l.Items, String{Value: v, Pos: p, Default: def})
	}
	return l
}

// declaredSecret returns the SecretField for a client secret under field
// whose value is v: declared unless v is empty (or null).
func declaredSecret(field string, v Node) SecretField {
	v = deref(v)
	if !v.ok() {
		return SecretField{}
	}
	if v.kind() != kindScalar {
		return SecretField{Field: field, Pos: pos(v), Unresolved: true}
	}
	s := text(v)
	if strings.TrimSpace(s) == "" {
		return SecretField{}
	}
	return SecretField{Field: field, Pos: pos(v), Unresolved: v.tag() == tagUnresolved || placeholderSecret(s)}
}

// secretAt returns a Secret for a literal value under field, or false.
func secretAt(field string, v Node) (Secret, bool) {
	v = deref(v)
	if v.kind() != kindScalar || v.tag() == tagUnresolved {
		return Secret{}, false
	}
	s := text(v)
	if placeholderSecret(s) {
		return Secret{}, false
	}
	return Secret{Field: field, Value: s, Pos: pos(v)}, true
}

// readSecret records the client secret field v: declared (resolved or
// not) and, when literal, a committed secret.
func (c *Client) readSecret(field string, v Node) {
	c.SecretDeclared = declaredSecret(field, v)
	if s, ok := secretAt(field, v); ok {
		c.Secrets = append(c.Secrets, s)
	}
}

// collect returns the objects in docs that is accepts: a document that is
// one, the items of a document that is a list, and the items of listKey in
// a document that is a mapping.
func collect(docs []Node, is func(Node) bool, listKey string) []Node {
	var out []Node
	keep := func(list []Node) {
		for _, it := range list {
			if is(it) {
				out = append(out, it)
			}
		}
	}
	for _, d := range docs {
		d = deref(d)
		switch {
		case is(d):
			out = append(out, d)
		case isSeq(d):
			keep(items(d))
		case isMap(d):
			_, l := get(d, listKey)
			keep(items(l))
		}
	}
	return out
}

// firstPos is the first of ps that is known.
func firstPos(ps ...Pos) Pos {
	for _, p := range ps {
		if p.Line > 0 {
			return p
		}
	}
	return Pos{}
}
