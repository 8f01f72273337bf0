package clientconfig

import (
	"bytes"
	"fmt"
	"slices"
	"unicode/utf16"
	"unicode/utf8"
)

// The tree the JSON, YAML and .properties readers build and the format
// adapters read. It is compact so that memory tracks the file (DESIGN §6):
// one slab of 20-byte nodes, scalars kept as offsets into the source (JSON)
// or into one text arena (YAML, .properties) and unescaped only when an
// adapter reads them. A container's children are contiguous in the slab; a
// mapping's are its keys and values, alternating. JSON containers are built
// lazily: the reader validates the whole file, and a container's children
// are made the first time an adapter looks into it (jsonExpand), so the
// users and roles of a realm export, which no adapter reads, cost no nodes.
// A YAML alias is a node that points at its anchor, so the tree is a DAG
// and nothing is expanded (see yamlConv for the bound on walks that follow
// aliases).

// nodeKind is what a node holds.
type nodeKind uint8

const (
	kindNone nodeKind = iota
	kindMap
	kindSeq
	kindScalar
	kindAlias
)

// scalarTag is a scalar's type, as the reader resolved it.
type scalarTag uint8

const (
	tagString scalarTag = iota
	tagBool
	tagNull
	tagNumber
	// tagUnresolved marks a value only known at deploy time (an Auth0
	// Deploy CLI @@KEY@@ token standing for a whole value).
	tagUnresolved
	// tagOther is any other YAML tag (!!binary, !!timestamp, custom).
	tagOther
)

const (
	flagTag     = 0x0f // scalarTag
	flagEscaped = 0x10 // JSON string with escapes: unescape on read
	flagArena   = 0x20 // text is in the arena, not the source
	flagLazy    = 0x40 // JSON container not expanded yet: off is its source offset
)

type node struct {
	// Scalar: the text is [off, off+n) of the source or the arena.
	// Container: its n children (keys and values for a mapping) are the
	// nodes from index off on; lazy, off is where it starts in the source.
	// Alias: off is the anchor's index.
	off, n    uint32
	line, col uint32
	kind      nodeKind
	flags     uint8
}

const chunkBits = 12

// tree holds the documents of one file.
type tree struct {
	src    []byte
	arena  []byte
	chunks [][]node
	len    int
	// budget is how many nodes the file may make (see nodeBudget).
	budget int
	// size is the file's size, for the budgets of what adapters make.
	size int
	// ends are the JSON containers whose end validation recorded.
	ends []jsonEnd
	// err is set by an adapter helper that refused to make more of the
	// model than the file's size allows (see fail); Read returns it.
	err *ParseError
}

// endOf returns the recorded end of the JSON container starting at off.
func (t *tree) endOf(off uint32) (jsonEnd, bool) {
	i, ok := slices.BinarySearchFunc(t.ends, off, func(e jsonEnd, off uint32) int { return int(e.start) - int(off) })
	if !ok {
		return jsonEnd{}, false
	}
	return t.ends[i], true
}

// fail records the first refusal of a model budget.
func (t *tree) fail(at Pos, format string, args ...any) {
	if t.err == nil {
		t.err = &ParseError{Pos: at, Msg: fmt.Sprintf(format, args...)}
	}
}

// nodeBudget is the most nodes a file of size bytes may build: one per
// eight bytes (denser than any real configuration, minified or not) plus a
// fixed allowance, so the tree stays under 2.5x the file + 20 MiB.
func nodeBudget(size int) int { return size/8 + 1<<20 }

func newTree(src []byte, sizeHint int) *tree {
	t := &tree{src: src, budget: nodeBudget(sizeHint), size: sizeHint}
	first := min(1<<chunkBits, sizeHint/6+8)
	t.chunks = [][]node{make([]node, 0, first)}
	return t
}

func (t *tree) at(i uint32) *node {
	if i < 1<<chunkBits {
		return &t.chunks[0][i]
	}
	return &t.chunks[i>>chunkBits][i&(1<<chunkBits-1)]
}

// add appends a node and returns its index; ok is false past the budget
// (the refusal is recorded, see fail).
func (t *tree) add(kind nodeKind, line, col int) (uint32, bool) {
	if t.len >= t.budget {
		t.fail(Pos{Line: line, Col: col}, "too many values for its size (more than %d in %d bytes): not read, to keep memory bounded", t.budget, t.size)
		return 0, false
	}
	c := &t.chunks[len(t.chunks)-1]
	if len(*c) == cap(*c) {
		if cap(*c) < 1<<chunkBits {
			// Only the first chunk is allocated short; grow it to a
			// full chunk before adding more, so indexing stays shifts.
			g := make([]node, len(*c), 1<<chunkBits)
			copy(g, *c)
			*c = g
		} else {
			t.chunks = append(t.chunks, make([]node, 0, 1<<chunkBits))
			c = &t.chunks[len(t.chunks)-1]
		}
	}
	*c = append(*c, node{kind: kind, line: uint32(line), col: uint32(col)})
	t.len++
	return uint32(t.len - 1), true
}

// reserve appends n empty nodes (a container's children, filled in place)
// and returns the index of the first.
func (t *tree) reserve(n int) (uint32, bool) {
	first := uint32(t.len)
	for i := 0; i < n; i++ {
		if _, ok := t.add(kindScalar, 0, 0); !ok {
			return 0, false
		}
	}
	return first, true
}

// kids returns the index of a container's first child and their number,
// making them first if the container is lazy.
func (t *tree) kids(i uint32) (first, n uint32) {
	r := t.at(i)
	if r.flags&flagLazy != 0 {
		jsonExpand(t, i)
		r = t.at(i)
	}
	return r.off, r.n
}

// addText appends s to the arena and returns its offset.
func (t *tree) addText(s string) uint32 {
	off := len(t.arena)
	t.arena = append(t.arena, s...)
	return uint32(off)
}

// Node is a handle on one value of a tree; the zero Node is "absent".
type Node struct {
	t *tree
	i uint32
}

func (n Node) ok() bool   { return n.t != nil }
func (n Node) raw() *node { return n.t.at(n.i) }
func (n Node) kind() nodeKind {
	if n.t == nil {
		return kindNone
	}
	return n.raw().kind
}

// deref follows aliases (a bounded number of hops).
func deref(n Node) Node {
	for i := 0; n.t != nil && i < 32; i++ {
		r := n.raw()
		if r.kind != kindAlias {
			return n
		}
		n = Node{n.t, r.off}
	}
	if n.t != nil && n.raw().kind == kindAlias {
		return Node{}
	}
	return n
}

func isMap(n Node) bool    { return deref(n).kind() == kindMap }
func isSeq(n Node) bool    { return deref(n).kind() == kindSeq }
func isScalar(n Node) bool { return deref(n).kind() == kindScalar }

func (n Node) tag() scalarTag {
	if n.kind() != kindScalar {
		return tagOther
	}
	return scalarTag(n.raw().flags & flagTag)
}

func isNull(n Node) bool {
	n = deref(n)
	return !n.ok() || (n.kind() == kindScalar && n.tag() == tagNull)
}

func pos(n Node) Pos {
	if !n.ok() {
		return Pos{}
	}
	r := n.raw()
	return Pos{Line: int(r.line), Col: int(r.col)}
}

// rawText is a scalar's bytes as stored (escaped for JSON strings that
// have escapes).
func (n Node) rawText() []byte {
	r := n.raw()
	if r.flags&flagArena != 0 {
		return n.t.arena[r.off : r.off+r.n]
	}
	return n.t.src[r.off : r.off+r.n]
}

// text is a scalar's value ("" for anything else).
func text(n Node) string {
	n = deref(n)
	if n.kind() != kindScalar {
		return ""
	}
	if n.raw().flags&flagEscaped != 0 {
		return string(unescapeJSON(nil, n.rawText()))
	}
	return string(n.rawText())
}

// textIs reports whether scalar n's value is s, without allocating.
func textIs(n Node, s string) bool {
	if n.kind() != kindScalar {
		return false
	}
	b := n.rawText()
	if n.raw().flags&flagEscaped != 0 {
		return string(unescapeJSON(nil, b)) == s
	}
	return string(b) == s
}

// children calls yield for each child of container n, in order.
func (n Node) children(yield func(Node) bool) {
	n = deref(n)
	if k := n.kind(); k != kindMap && k != kindSeq {
		return
	}
	first, cnt := n.t.kids(n.i)
	for c := uint32(0); c < cnt; c++ {
		if !yield(Node{n.t, first + c}) {
			return
		}
	}
}

// count is the number of children of container n (0 for anything else).
func count(n Node) int {
	n = deref(n)
	if k := n.kind(); k != kindMap && k != kindSeq {
		return 0
	}
	_, c := n.t.kids(n.i)
	return int(c)
}

// keyIs reports whether key node r (in t) is the scalar key.
func (t *tree) keyIs(r *node, key string) bool {
	if r.flags&flagEscaped != 0 {
		return r.kind == kindScalar && string(unescapeJSON(nil, t.src[r.off:r.off+r.n])) == key
	}
	if int(r.n) != len(key) || r.kind != kindScalar {
		return false
	}
	b := t.src
	if r.flags&flagArena != 0 {
		b = t.arena
	}
	return string(b[r.off:r.off+r.n]) == key
}

// lookup returns the indexes of the first of keys whose last occurrence in
// mapping m (derefed) has a value that is not null, and of that value.
func lookup(m Node, keys []string) (k, v uint32, ok bool) {
	if len(keys) > 16 {
		for _, key := range keys {
			if k, v, ok = lookup(m, []string{key}); ok {
				return k, v, ok
			}
		}
		return 0, 0, false
	}
	var lastK, lastV [16]uint32
	var seen uint16
	t := m.t
	first, n := t.kids(m.i)
	for i := first; i+1 < first+n; i += 2 {
		kn := t.at(i)
		for j, key := range keys {
			if t.keyIs(kn, key) {
				lastK[j], lastV[j], seen = i, i+1, seen|1<<j
				break
			}
		}
	}
	for j := range keys {
		if seen&(1<<j) != 0 && !isNull(Node{t, lastV[j]}) {
			return lastK[j], lastV[j], true
		}
	}
	return 0, 0, false
}

// maxFields is the most keys findFields looks for at once.
const maxFields = 32

// fields are members of one mapping found in one pass (findFields): k[i]
// and v[i] are what get(m, keys[i]) returns.
type fields struct{ k, v [maxFields]Node }

// findFields finds keys (distinct) in mapping m in one pass over its keys, each as
// get finds it (its last occurrence; a null value is absent). For an
// adapter that reads many members of one mapping: a get is a scan of
// every key of the mapping for one of them.
func findFields(m Node, keys []string) (f fields) {
	if len(keys) > maxFields {
		panic("clientconfig: findFields: too many keys")
	}
	m = deref(m)
	if m.kind() != kindMap {
		return f
	}
	var last [maxFields]uint32
	var seen uint32
	t := m.t
	first, n := t.kids(m.i)
	for i := first; i+1 < first+n; i += 2 {
		kn := t.at(i)
		for j, key := range keys {
			if t.keyIs(kn, key) {
				last[j], seen = i, seen|1<<j
				break
			}
		}
	}
	for j := range keys {
		if seen&(1<<j) != 0 && !isNull(Node{t, last[j] + 1}) {
			f.k[j], f.v[j] = Node{t, last[j]}, deref(Node{t, last[j] + 1})
		}
	}
	return f
}

// get returns the key and value of key in mapping m; the zero Nodes when m
// is not a mapping or has no such key, or its value is null. A key that
// appears twice has its last value, as Jackson, encoding/json and
// JavaScript read it.
func get(m Node, key string) (k, v Node) { return getAny(m, key) }

// getAny returns the first of keys present in m (see get).
func getAny(m Node, keys ...string) (k, v Node) {
	m = deref(m)
	if m.kind() != kindMap {
		return Node{}, Node{}
	}
	ki, vi, ok := lookup(m, keys)
	if !ok {
		return Node{}, Node{}
	}
	return Node{m.t, ki}, deref(Node{m.t, vi})
}

func has(m Node, keys ...string) bool {
	k, _ := getAny(m, keys...)
	return k.ok()
}

// scalar returns the scalar value of the first of keys in m ("" when absent
// or not a scalar).
func scalar(m Node, keys ...string) string {
	_, v := getAny(m, keys...)
	return text(v)
}

// eachPair calls yield for a mapping's (key, value) pairs with scalar
// keys, values derefed, in order; a key that appears twice is yielded once,
// with its last value (see get). It builds no list.
func eachPair(m Node, yield func(k, v Node) bool) {
	m = deref(m)
	if m.kind() != kindMap {
		return
	}
	t := m.t
	first, n := t.kids(m.i)
	drop := dupKeys(t, first, n/2)
	for p := uint32(0); p < n/2; p++ {
		k := Node{t, first + 2*p}
		if (drop != nil && drop[p]) || k.kind() != kindScalar {
			continue
		}
		if !yield(k, deref(Node{t, first + 2*p + 1})) {
			return
		}
	}
}

// pairs is eachPair's pairs as a list; with keep, only those whose key it
// keeps.
func pairs(m Node, keep ...func(k Node) bool) [][2]Node {
	var out [][2]Node
	eachPair(m, func(k, v Node) bool {
		if len(keep) == 0 || keep[0](k) {
			out = append(out, [2]Node{k, v})
		}
		return true
	})
	return out
}

// dupKeys marks the pairs (of the n from first) whose key comes again
// later; nil when none does. A few pairs are compared with each other;
// more are sorted by key, as indexes: 4 bytes a pair, not a map of keys.
func dupKeys(t *tree, first, n uint32) []bool {
	if n < 2 {
		return nil
	}
	key := func(p uint32) []byte { return keyBytes(Node{t, first + 2*p}) }
	var drop []bool
	mark := func(p uint32) {
		if drop == nil {
			drop = make([]bool, n)
		}
		drop[p] = true
	}
	if n <= 16 {
		for a := uint32(0); a < n; a++ {
			for b := a + 1; b < n; b++ {
				if bytes.Equal(key(a), key(b)) {
					mark(a)
					break
				}
			}
		}
		return drop
	}
	idx := make([]uint32, n)
	for i := range idx {
		idx[i] = uint32(i)
	}
	slices.SortStableFunc(idx, func(a, b uint32) int { return bytes.Compare(key(a), key(b)) })
	for i := 0; i+1 < len(idx); i++ {
		if bytes.Equal(key(idx[i]), key(idx[i+1])) {
			mark(idx[i]) // stable: the later occurrence sorts after
		}
	}
	return drop
}

// keyBytes is a key's value for comparisons (unescaped when it has to be).
func keyBytes(k Node) []byte {
	if k.kind() != kindScalar {
		return nil
	}
	if k.raw().flags&flagEscaped != 0 {
		return unescapeJSON(nil, k.rawText())
	}
	return k.rawText()
}

// items returns a sequence's items (derefed).
func items(n Node) []Node {
	n = deref(n)
	if n.kind() != kindSeq {
		return nil
	}
	out := make([]Node, 0, count(n))
	n.children(func(c Node) bool {
		if c = deref(c); c.ok() {
			out = append(out, c)
		}
		return true
	})
	return out
}

// emptyMap is a new empty mapping positioned at n, in n's tree.
func emptyMap(n Node) Node {
	r := n.raw()
	i, ok := n.t.add(kindMap, int(r.line), int(r.col))
	if !ok {
		return Node{}
	}
	return Node{n.t, i}
}

// endLine is the line where n's last value starts (aliases are not
// followed).
func endLine(n Node) int {
	last := 0
	for d := 0; n.ok() && d <= maxDepth+8; d++ {
		r := n.raw()
		if int(r.line) > last {
			last = int(r.line)
		}
		if r.kind != kindMap && r.kind != kindSeq {
			break
		}
		if r.flags&flagLazy != 0 {
			// Not built yet: scan for it rather than build it.
			return max(last, jsonLastValueLine(n.t, n.i))
		}
		first, c := n.t.kids(n.i)
		if c == 0 {
			break
		}
		n = Node{n.t, first + c - 1}
	}
	return last
}

// unescapeJSON appends the value of the JSON string body b (validated by
// the parser, so every escape is well formed) to dst.
func unescapeJSON(dst, b []byte) []byte {
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c != '\\' {
			dst = append(dst, c)
			continue
		}
		i++
		if c, ok := controlEscape(b[i]); ok {
			dst = append(dst, c)
			continue
		}
		if b[i] == 'u' {
			var n int
			dst, n = appendUTF16Escape(dst, b[i+1:])
			i += n
			continue
		}
		dst = append(dst, b[i]) // " \ /
	}
	return dst
}

// controlEscape is the control character of escape \c shared by JSON
// and Java properties (\b is JSON's only).
func controlEscape(c byte) (byte, bool) {
	switch c {
	case 'b':
		return '\b', true
	case 'f':
		return '\f', true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 't':
		return '\t', true
	}
	return 0, false
}

// appendUTF16Escape appends the character of the \uXXXX escape whose hex
// digits b starts with (JSON and Java strings are UTF-16: a surrogate pair
// is two escapes, a lone surrogate becomes U+FFFD) and returns how many
// bytes of b it used, or -1 when the digits are not hex.
func appendUTF16Escape(dst, b []byte) ([]byte, int) {
	r := hex4(b)
	if r < 0 {
		return dst, -1
	}
	n := 4
	if utf16.IsSurrogate(r) && len(b) >= 10 && b[4] == '\\' && b[5] == 'u' {
		if r2 := hex4(b[6:]); r2 >= 0 && utf16.DecodeRune(r, r2) != utf8.RuneError {
			r, n = utf16.DecodeRune(r, r2), 10
		}
	}
	return utf8.AppendRune(dst, r), n
}

// hex4 reads four hex digits (-1 if they are not).
func hex4(b []byte) rune {
	if len(b) < 4 {
		return -1
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return -1
		}
	}
	return r
}
