package clientconfig

import "fmt"

// maxDepth bounds nesting for every syntax (JSON, YAML flow/block, HCL): no
// real client configuration comes close, and it keeps recursive decoders
// (ours, yaml.v3, hclsyntax) far from deep stacks.
const maxDepth = 256

// The JSON reader: a position-keeping parser, strict per RFC 8259 (what
// encoding/json's Valid accepts, checked by FuzzJSONDifferential), that
// builds the compact tree (tree.go). It records 1-based line and column
// (columns count runes) for every value and copies nothing: strings stay
// offsets into data, unescaped when read.
//
// Beyond RFC 8259 it accepts a bare @@KEY@@ token as a value (Auth0 Deploy
// CLI keyword replacement, see placeholder.go), tagged tagUnresolved.
// Duplicate keys are kept; lookups take the last (tree.go get).

type jsonParser struct {
	t         *tree
	data      []byte
	off       int
	line      int
	lineStart int
	cont      int // UTF-8 continuation bytes seen on the current line
	err       *ParseError
}

// parseJSON parses data into a one-document tree.
func parseJSON(data []byte) (Node, *ParseError) {
	p := &jsonParser{t: newTree(data, len(data)), data: data, line: 1}
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		p.off, p.lineStart = 3, 3
	}
	p.ws()
	root, ok := p.value(0)
	if !ok {
		return Node{}, p.err
	}
	p.ws()
	if p.off < len(p.data) {
		p.fail("unexpected data after the top-level value")
		return Node{}, p.err
	}
	return Node{p.t, root}, nil
}

func (p *jsonParser) pos() Pos {
	return Pos{Line: p.line, Col: p.off - p.lineStart - p.cont + 1}
}

func (p *jsonParser) fail(format string, args ...any) {
	if p.err == nil {
		p.err = &ParseError{Format: "json", Pos: p.pos(), Msg: fmt.Sprintf(format, args...)}
	}
}

func (p *jsonParser) node(kind nodeKind) (uint32, bool) {
	ps := p.pos()
	i, ok := p.t.add(kind, ps.Line, ps.Col)
	if !ok {
		p.fail("too many values for its size (more than %d in %d bytes): not read, to keep memory bounded", p.t.budget, len(p.data))
	}
	return i, ok
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
	r := p.t.at(i)
	r.off, r.n, r.flags = uint32(p.off), uint32(n), uint8(tag)
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

// container parses an object (close '}') or an array (close ']').
func (p *jsonParser) container(kind nodeKind, close byte, depth int) (uint32, bool) {
	idx, ok := p.node(kind)
	if !ok {
		return 0, false
	}
	p.off++ // { or [
	p.ws()
	if p.off < len(p.data) && p.data[p.off] == close {
		p.off++
		return idx, true
	}
	var count, prev uint32
	link := func(i uint32) {
		if count > 0 {
			p.t.at(prev).next = i
		}
		prev = i
		count++
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
			k, ok := p.str()
			if !ok {
				return 0, false
			}
			link(k)
			p.ws()
			if p.off >= len(p.data) || p.data[p.off] != ':' {
				p.fail("expected ':' after object key")
				return 0, false
			}
			p.off++
			p.ws()
		}
		v, ok := p.value(depth + 1)
		if !ok {
			return 0, false
		}
		link(v)
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
			p.t.at(idx).n = count
			return idx, true
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
		switch {
		case b == '"':
			r := p.t.at(i)
			r.off, r.n, r.flags = uint32(start), uint32(p.off-start), uint8(tagString)|flags
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
