package clientconfig

import (
	"fmt"
	"slices"
	"strings"
)

// maxDepth bounds nesting for every syntax (JSON, YAML flow/block, HCL): no
// real client configuration comes close, and it keeps recursive decoders
// (ours, yaml.v3, hclsyntax) far from deep stacks.
const maxDepth = 256

// The JSON reader: a position-keeping parser, strict per RFC 8259 (what
// encoding/json's Valid accepts, checked by FuzzJSONDifferential), that
// validates the whole file in one pass and builds nothing; the compact tree
// (tree.go) then starts as one lazy node, and jsonExpand makes a
// container's children, one level, the first time an adapter looks into it.
// It records 1-based line and column (columns count runes) for every value
// and copies nothing: strings stay offsets into data, unescaped when read.
//
// Beyond RFC 8259 it accepts a bare @@KEY@@ token as a value (Auth0 Deploy
// CLI keyword replacement, see placeholder.go), tagged tagUnresolved.
// Duplicate keys are kept; lookups take the last (tree.go get).

type jsonParser struct {
	t         *tree // nil while validating: nothing is built
	data      []byte
	off       int
	line      int
	lineStart int
	cont      int // UTF-8 continuation bytes seen on the current line
	err       *ParseError
	// ends records, while validating, where each container of at least
	// recordSize bytes ends, so that expanding its parent need not scan it
	// again (a realm's users are validated once, never skipped byte by
	// byte); few, and sorted by start once validation is done.
	ends []jsonEnd
}

// jsonEnd is where a container starting at start ends: the offset after
// it and the parser's line state there (base = lineStart + cont).
type jsonEnd struct {
	start, end, line, base uint32
}

// recordSize is the size from which validation records a container's end:
// smaller ones cost less to skip than to record.
const recordSize = 4096

// parseJSON validates data and returns its tree, one document whose
// containers are expanded on demand.
func parseJSON(data []byte) (Node, *ParseError) {
	p := &jsonParser{data: data, line: 1}
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		p.off, p.lineStart = 3, 3
	}
	p.ws()
	start := *p
	if _, ok := p.value(0); !ok {
		return Node{}, p.err
	}
	p.ws()
	if p.off < len(p.data) {
		p.fail("unexpected data after the top-level value")
		return Node{}, p.err
	}
	// The whole input is valid: build the root (lazy if a container).
	ends := p.ends
	slices.SortFunc(ends, func(a, b jsonEnd) int { return int(a.start) - int(b.start) })
	p = &start
	p.t = newTree(data, len(data))
	p.t.ends = ends
	root, ok := p.element(false)
	if !ok {
		return Node{}, p.t.err
	}
	return Node{p.t, root}, nil
}

// element adds the value at p.off, which was validated: a scalar node, or
// a lazy container node whose content is skipped (unless !skip: the root,
// where nothing follows).
func (p *jsonParser) element(skip bool) (uint32, bool) {
	switch c := p.data[p.off]; c {
	case '{', '[':
		kind := kindMap
		if c == '[' {
			kind = kindSeq
		}
		i, ok := p.node(kind)
		if !ok {
			return 0, false
		}
		r := p.t.at(i)
		r.off, r.flags = uint32(p.off), flagLazy
		if skip {
			p.skip()
		}
		return i, true
	}
	return p.value(0)
}

// skip moves past the validated container at p.off, keeping the position.
func (p *jsonParser) skip() {
	if e, ok := p.t.endOf(uint32(p.off)); ok {
		p.off, p.line, p.lineStart, p.cont = int(e.end), int(e.line), int(e.base), 0
		return
	}
	depth := 0
	data := p.data
	off, cont := p.off, p.cont
	for off < len(data) {
		b := data[off]
		if b < 0x80 && skipPlain[b] {
			off++
			continue
		}
		switch {
		case b == '"':
			off++
			for off < len(data) {
				c := data[off]
				if c == '"' {
					break
				}
				if c == '\\' {
					off++
				} else if c&0xC0 == 0x80 {
					cont++
				}
				off++
			}
		case b == '{' || b == '[':
			depth++
		case b == '}' || b == ']':
			depth--
			if depth == 0 {
				p.off, p.cont = off+1, cont
				return
			}
		case b == '\n':
			p.line++
			p.lineStart = off + 1
			cont = 0
		case b&0xC0 == 0x80:
			cont++
		}
		off++
	}
	p.off, p.cont = off, cont
}

// strPlain are the bytes a string's validation passes over without a
// look: printable ASCII but the quote and the backslash, and UTF-8 lead
// bytes (continuation bytes are counted for columns).
var strPlain = func() (t [256]bool) {
	for c := 0x20; c < 0x100; c++ {
		t[c] = c != '"' && c != '\\' && c&0xC0 != 0x80
	}
	return t
}()

// skipPlain are the ASCII bytes skip passes over without a look.
var skipPlain = func() (t [128]bool) {
	for i := range t {
		t[i] = true
	}
	for _, c := range "\"{}[]\n" {
		t[c] = false
	}
	return t
}()

// jsonLastValueLine is the line where the last value inside lazy
// container i starts, what endLine would find by building it: the last
// value start in document order is on the chain of last children.
func jsonLastValueLine(t *tree, i uint32) int {
	data := t.src
	r := t.at(i)
	off, line, last := int(r.off), int(r.line), int(r.line)
	var objects []bool // the open containers: true for an object
	value := true      // the next token starts a value (not a key)
	for off < len(data) {
		switch c := data[off]; c {
		case ' ', '\t', '\r':
		case '\n':
			line++
		case '{', '[':
			if value {
				last = line
			}
			objects = append(objects, c == '{')
			value = c == '['
		case '}', ']':
			objects = objects[:len(objects)-1]
			if len(objects) == 0 {
				return last
			}
			value = false
		case ':':
			value = true
		case ',':
			value = !objects[len(objects)-1]
		case '"':
			if value {
				last = line
			}
			for off++; off < len(data) && data[off] != '"'; off++ {
				if data[off] == '\\' {
					off++
				}
			}
			value = false
		default: // a number, literal or @@KEY@@ token
			if value {
				last = line
			}
			for off+1 < len(data) && !strings.ContainsRune(" \t\r\n,:]}", rune(data[off+1])) {
				off++
			}
			value = false
		}
		off++
	}
	return last
}

// jsonExpand makes the children of lazy container i, one level: scalars
// as nodes, containers as lazy nodes. The input was validated, so this
// cannot fail but for the node budget (recorded in t.err: the container is
// then empty).
func jsonExpand(t *tree, i uint32) {
	r := t.at(i)
	off, line, col := int(r.off), int(r.line), int(r.col)
	r.flags &^= flagLazy
	r.off, r.n = 0, 0
	// Any lineStart and cont with off - lineStart - cont + 1 = col give
	// the right columns from here on.
	p := &jsonParser{t: t, data: t.src, off: off + 1, line: line, lineStart: off - col + 1}
	first := uint32(t.len)
	var n uint32
	close := byte(']')
	if r.kind == kindMap {
		close = '}'
	}
	for {
		p.ws()
		if p.data[p.off] == close {
			break
		}
		if r.kind == kindMap {
			if _, ok := p.str(); !ok {
				return
			}
			p.ws()
			p.off++ // :
			p.ws()
			n++
		}
		if _, ok := p.element(true); !ok {
			return
		}
		n++
		p.ws()
		if p.data[p.off] == ',' {
			p.off++
		}
	}
	r = t.at(i)
	r.off, r.n = first, n
}

func (p *jsonParser) pos() Pos {
	return Pos{Line: p.line, Col: p.off - p.lineStart - p.cont + 1}
}

func (p *jsonParser) fail(format string, args ...any) {
	if p.err == nil {
		p.err = &ParseError{Format: "json", Pos: p.pos(), Msg: fmt.Sprintf(format, args...)}
	}
}

// node adds a node at p.off (while validating, it adds nothing).
func (p *jsonParser) node(kind nodeKind) (uint32, bool) {
	if p.t == nil {
		return 0, true
	}
	ps := p.pos()
	return p.t.add(kind, ps.Line, ps.Col)
}

func (p *jsonParser) ws() {
	for p.off < len(p.data) {
		switch p.data[p.off] {
		case ' ', '\t', '\r':
			p.off++
		case '\n':
			p.off++
			p.line++
			p.lineStart = p.off
			p.cont = 0
		default:
			return
		}
	}
}

func (p *jsonParser) value(depth int) (uint32, bool) {
	if depth > maxDepth {
		p.fail("nesting deeper than %d levels", maxDepth)
		return 0, false
	}
	if p.off >= len(p.data) {
		p.fail("unexpected end of input")
		return 0, false
	}
	switch c := p.data[p.off]; {
	case c == '{':
		return p.container(kindMap, '}', depth)
	case c == '[':
		return p.container(kindSeq, ']', depth)
	case c == '"':
		return p.str()
	case c == 't' || c == 'f' || c == 'n':
		for _, w := range [...]struct {
			lit string
			tag scalarTag
		}{{"true", tagBool}, {"false", tagBool}, {"null", tagNull}} {
			if p.hasPrefix(w.lit) {
				return p.scalar(len(w.lit), w.tag)
			}
		}
		p.fail("invalid literal")
		return 0, false
	case c == '-' || (c >= '0' && c <= '9'):
		n := numberLen(p.data[p.off:])
		if n <= 0 {
			p.off += -n
			p.fail("invalid number")
			return 0, false
		}
		return p.scalar(n, tagNumber)
	case c == '@':
		// Auth0 Deploy CLI keyword: @@KEY@@ stands for a JSON value.
		n := auth0ValueTokenLen(p.data[p.off:])
		if n == 0 {
			p.fail("invalid @@KEYWORD@@ token")
			return 0, false
		}
		return p.scalar(n, tagUnresolved)
	default:
		p.fail("unexpected character %q", rune(c))
		return 0, false
	}
}

// scalar adds the n bytes at p.off as a scalar.
func (p *jsonParser) scalar(n int, tag scalarTag) (uint32, bool) {
	i, ok := p.node(kindScalar)
	if !ok {
		return 0, false
	}
	if p.t != nil {
		r := p.t.at(i)
		r.off, r.n, r.flags = uint32(p.off), uint32(n), uint8(tag)
	}
	p.off += n
	return i, true
}

// numberLen is the length of the RFC 8259 number at the start of b, or
// minus the offset of the first byte that breaks the grammar
//
//	number = [ "-" ] ( "0" / 1-9 *DIGIT ) [ "." 1*DIGIT ] [ ( "e" / "E" ) [ "-" / "+" ] 1*DIGIT ]
//
// Magnitude is not checked: 1e999 is valid JSON.
func numberLen(b []byte) int {
	i := 0
	digits := func() int {
		s := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		return i - s
	}
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case digits() == 0:
		return -i
	}
	if i < len(b) && b[i] == '.' {
		i++
		if digits() == 0 {
			return -i
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if digits() == 0 {
			return -i
		}
	}
	// A number ends at a delimiter: "01" or "1.2.3" are not two values.
	if i < len(b) {
		switch b[i] {
		case ' ', '\t', '\r', '\n', ',', ']', '}':
		default:
			return -i
		}
	}
	return i
}

func (p *jsonParser) hasPrefix(s string) bool {
	return len(p.data)-p.off >= len(s) && string(p.data[p.off:p.off+len(s)]) == s
}

// container validates an object (close '}') or an array (close ']').
func (p *jsonParser) container(kind nodeKind, close byte, depth int) (uint32, bool) {
	start := p.off
	p.off++ // { or [
	p.ws()
	if p.off < len(p.data) && p.data[p.off] == close {
		p.off++
		return 0, true
	}
	what := "array"
	if kind == kindMap {
		what = "object"
	}
	for {
		p.ws()
		if kind == kindMap {
			if p.off >= len(p.data) || p.data[p.off] != '"' {
				p.fail("expected a string key")
				return 0, false
			}
			if _, ok := p.str(); !ok {
				return 0, false
			}
			p.ws()
			if p.off >= len(p.data) || p.data[p.off] != ':' {
				p.fail("expected ':' after object key")
				return 0, false
			}
			p.off++
			p.ws()
		}
		if _, ok := p.value(depth + 1); !ok {
			return 0, false
		}
		p.ws()
		if p.off >= len(p.data) {
			p.fail("unexpected end of input in %s", what)
			return 0, false
		}
		switch p.data[p.off] {
		case ',':
			p.off++
		case close:
			p.off++
			if p.off-start >= recordSize {
				p.ends = append(p.ends, jsonEnd{start: uint32(start), end: uint32(p.off), line: uint32(p.line), base: uint32(p.lineStart + p.cont)})
			}
			return 0, true
		default:
			p.fail("expected ',' or '%c' in %s", close, what)
			return 0, false
		}
	}
}

// str adds the JSON string at p.off (which holds the opening quote),
// validated but not unescaped.
func (p *jsonParser) str() (uint32, bool) {
	i, ok := p.node(kindScalar)
	if !ok {
		return 0, false
	}
	p.off++
	start := p.off
	var flags uint8
	for p.off < len(p.data) {
		b := p.data[p.off]
		if strPlain[b] {
			p.off++
			continue
		}
		switch {
		case b == '"':
			if p.t != nil {
				r := p.t.at(i)
				r.off, r.n, r.flags = uint32(start), uint32(p.off-start), uint8(tagString)|flags
			}
			p.off++
			return i, true
		case b == '\\':
			flags = flagEscaped
			if p.off+1 >= len(p.data) {
				p.off++
				p.fail("unterminated string")
				return 0, false
			}
			switch p.data[p.off+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				p.off += 2
			case 'u':
				if hex4(p.data[p.off+2:]) < 0 {
					p.off += 2
					p.fail("invalid \\u escape")
					return 0, false
				}
				p.off += 6
			default:
				p.fail("invalid escape in string")
				return 0, false
			}
			continue
		case b < 0x20:
			p.fail("control character in string")
			return 0, false
		case b >= 0x80 && b&0xC0 == 0x80:
			p.cont++
		}
		p.off++
	}
	p.fail("unterminated string")
	return 0, false
}
