package clientconfig

import (
	"regexp"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// Helpers over yaml.Node, the tree both the YAML and the JSON readers build.

// deref follows document wrappers and aliases (a bounded number of hops, so
// alias cycles cannot loop). Adapters only look nodes up by key, never
// expand a whole aliased tree, so YAML alias bombs cost nothing here.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && i < 32; i++ {
		switch n.Kind {
		case yaml.DocumentNode:
			if len(n.Content) == 0 {
				return nil
			}
			n = n.Content[0]
		case yaml.AliasNode:
			n = n.Alias
		default:
			return n
		}
	}
	return nil
}

func isMap(n *yaml.Node) bool { n = deref(n); return n != nil && n.Kind == yaml.MappingNode }
func isSeq(n *yaml.Node) bool { n = deref(n); return n != nil && n.Kind == yaml.SequenceNode }

func isNull(n *yaml.Node) bool {
	n = deref(n)
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

// get returns the key and value nodes for key in mapping m (nil when m is not
// a mapping or has no such key; null values count as absent).
func get(m *yaml.Node, key string) (k, v *yaml.Node) {
	m = deref(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if kn := m.Content[i]; kn.Kind == yaml.ScalarNode && kn.Value == key {
			v := deref(m.Content[i+1])
			if isNull(v) {
				return nil, nil
			}
			return kn, v
		}
	}
	return nil, nil
}

// getAny returns the first of keys present in m.
func getAny(m *yaml.Node, keys ...string) (k, v *yaml.Node) {
	for _, key := range keys {
		if k, v = get(m, key); k != nil {
			return k, v
		}
	}
	return nil, nil
}

func has(m *yaml.Node, keys ...string) bool {
	k, _ := getAny(m, keys...)
	return k != nil
}

// scalar returns the scalar value of key in m ("" when absent or not scalar).
func scalar(m *yaml.Node, keys ...string) string {
	_, v := getAny(m, keys...)
	if v == nil || v.Kind != yaml.ScalarNode {
		return ""
	}
	return v.Value
}

// pairs iterates a mapping's (key, value) pairs.
func pairs(m *yaml.Node) [][2]*yaml.Node {
	m = deref(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	out := make([][2]*yaml.Node, 0, len(m.Content)/2)
	for i := 0; i+1 < len(m.Content); i += 2 {
		out = append(out, [2]*yaml.Node{m.Content[i], deref(m.Content[i+1])})
	}
	return out
}

// items returns a sequence's items (derefed).
func items(n *yaml.Node) []*yaml.Node {
	n = deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]*yaml.Node, 0, len(n.Content))
	for _, it := range n.Content {
		if it = deref(it); it != nil {
			out = append(out, it)
		}
	}
	return out
}

func pos(n *yaml.Node) Pos {
	if n == nil {
		return Pos{}
	}
	return Pos{Line: n.Line, Col: n.Column}
}

// endLine is the last line of n's subtree (aliases are not followed; the
// walk is bounded by the parsers' depth limits and the node budget).
func endLine(n *yaml.Node) int {
	if n == nil {
		return 0
	}
	last := n.Line
	budget := 1 << 20
	var walk func(*yaml.Node, int)
	walk = func(x *yaml.Node, d int) {
		if x == nil || d > maxDepth+8 || budget <= 0 {
			return
		}
		budget--
		if x.Line > last {
			last = x.Line
		}
		if x.Kind == yaml.AliasNode {
			return
		}
		if k := len(x.Content); k > 0 {
			walk(x.Content[k-1], d+1)
		}
	}
	walk(n, 0)
	return last
}

var (
	reEnvRef     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\$\{[^}]*\}`) })
	reAuth0Value = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`@@[A-Za-z0-9_.-]+@@`) })
	reAuth0Str   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`##[A-Za-z0-9_.-]+##`) })
)

// unresolvedText reports whether s contains a deploy-time substitution:
// ${VAR} (Spring, Terraform templates, shell/envsubst, Keycloak ${authBaseUrl}),
// Auth0 Deploy CLI @@KEY@@ and ##KEY##, or Helm/Go templates {{ }}.
func unresolvedText(s string) bool {
	if !strings.ContainsAny(s, "${#@") {
		return false
	}
	return reEnvRef().MatchString(s) || strings.Contains(s, "{{") ||
		reAuth0Value().MatchString(s) || reAuth0Str().MatchString(s)
}

// str reads scalar node v as a String stated in the file.
func str(v *yaml.Node) String {
	v = deref(v)
	if v == nil {
		return String{}
	}
	s := String{Pos: pos(v), Set: true}
	if v.Kind != yaml.ScalarNode {
		s.Unresolved = true
		return s
	}
	s.Value = v.Value
	if v.Tag == tagUnresolved || unresolvedText(v.Value) {
		s.Unresolved = true
	}
	return s
}

// strKey reads key from m; def is the format default when absent.
func strKey(m *yaml.Node, def string, keys ...string) String {
	_, v := getAny(m, keys...)
	if v == nil {
		return String{Value: def, Pos: pos(m)}
	}
	return str(v)
}

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

// boolKey reads a boolean; Pos is the key's (the switch), def the default.
func boolKey(m *yaml.Node, def bool, keys ...string) Bool {
	k, v := getAny(m, keys...)
	if k == nil {
		return Bool{Value: def, Pos: pos(m)}
	}
	b := Bool{Pos: pos(k), Set: true}
	if v.Kind != yaml.ScalarNode || v.Tag == tagUnresolved || unresolvedText(v.Value) {
		b.Unresolved = true
		b.Value = def
		return b
	}
	val, ok := parseBool(v.Value)
	if !ok {
		b.Unresolved = true
		b.Value = def
		return b
	}
	b.Value = val
	return b
}

// listKey reads a list of strings under key; a scalar stands for a
// one-item list unless it is an unresolved placeholder for the whole list.
func listKey(m *yaml.Node, keys ...string) List {
	k, v := getAny(m, keys...)
	if k == nil {
		return List{Pos: pos(m)}
	}
	return listOf(k, v)
}

func listOf(k, v *yaml.Node) List {
	l := List{Pos: pos(k), Set: true}
	switch v.Kind {
	case yaml.SequenceNode:
		for _, it := range items(v) {
			l.Items = append(l.Items, str(it))
		}
	case yaml.ScalarNode:
		if v.Tag == tagUnresolved {
			l.Unresolved = true
			return l
		}
		s := str(v)
		if s.Unresolved && strings.TrimSpace(v.Value) == strings.TrimSpace(firstMatch(v.Value)) {
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

// firstMatch returns the placeholder that makes s unresolved, if s is only
// that placeholder.
func firstMatch(s string) string {
	for _, re := range []*regexp.Regexp{reAuth0Value(), reEnvRef(), reAuth0Str()} {
		if m := re.FindString(s); m != "" {
			return m
		}
	}
	return s
}

// defaultList is a format default list (Set false) positioned at p.
func defaultList(p Pos, vals ...string) List {
	l := List{Pos: p}
	for _, v := range vals {
		l.Items = append(l.Items, String{Value: v, Pos: p})
	}
	return l
}

// placeholderSecret reports whether a secret-looking value is a placeholder
// rather than credential material. Judgement calls (documented in the
// package doc): empty, unresolved substitutions, <…>, masks of *, and values
// that start with your-/your_/replace-/change-me and friends.
func placeholderSecret(s string) bool {
	t := strings.TrimSpace(s)
	if t == "" || unresolvedText(t) {
		return true
	}
	if strings.HasPrefix(t, "<") && strings.HasSuffix(t, ">") {
		return true
	}
	if strings.Trim(t, "*") == "" || strings.Trim(t, "xX") == "" || strings.Trim(t, ".") == "" {
		return true
	}
	l := strings.ToLower(t)
	for _, p := range []string{"your-", "your_", "yourclient", "your-app", "replace-", "replace_", "replaceme", "replace-me",
		"change-me", "changeme", "change_me", "changethis", "todo", "tbd", "fixme", "placeholder", "<", "$(", "%(", "{{"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// declaredSecret returns the SecretField for a client secret under field
// whose value is v: declared unless v is empty (or null).
func declaredSecret(field string, v *yaml.Node) SecretField {
	v = deref(v)
	if v == nil {
		return SecretField{}
	}
	if v.Kind != yaml.ScalarNode {
		return SecretField{Field: field, Pos: pos(v), Unresolved: true}
	}
	if strings.TrimSpace(v.Value) == "" {
		return SecretField{}
	}
	return SecretField{Field: field, Pos: pos(v), Unresolved: v.Tag == tagUnresolved || placeholderSecret(v.Value)}
}

// secretAt returns a Secret for a literal value under field, or false.
func secretAt(field string, v *yaml.Node) (Secret, bool) {
	v = deref(v)
	if v == nil || v.Kind != yaml.ScalarNode || v.Tag == tagUnresolved || placeholderSecret(v.Value) {
		return Secret{}, false
	}
	return Secret{Field: field, Value: v.Value, Pos: pos(v)}, true
}

// readSecret records the client secret field v: declared (resolved or
// not) and, when literal, a committed secret.
func (c *Client) readSecret(field string, v *yaml.Node) {
	c.SecretDeclared = declaredSecret(field, v)
	if s, ok := secretAt(field, v); ok {
		c.Secrets = append(c.Secrets, s)
	}
}

// collect returns the objects in docs that is accepts: a document that is
// one, the items of a document that is a list, and the items of listKey in
// a document that is a mapping.
func collect(docs []*yaml.Node, is func(*yaml.Node) bool, listKey string) []*yaml.Node {
	var out []*yaml.Node
	keep := func(list []*yaml.Node) {
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
