package clientconfig

import (
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"go.yaml.in/yaml/v3"
)

// maxDepth bounds nesting for every syntax (JSON, YAML flow/block, HCL): no
// real client configuration comes close, and it keeps recursive decoders
// (ours, yaml.v3, hclsyntax) far from deep stacks.
const maxDepth = 256

// tagUnresolved marks a scalar that stands for a value only known at deploy
// time (Auth0 Deploy CLI @@KEY@@ tokens, for example).
const tagUnresolved = "!unresolved"

// jsonParser is a small position-keeping JSON decoder that builds yaml.Node
// trees, so JSON and YAML share one adapter code path. It is faster than
// encoding/json into map[string]any (no reflection) and records 1-based
// line and column (columns count runes) for every value.
//
// Beyond RFC 8259 it accepts a bare @@KEY@@ token as a value (Auth0 Deploy CLI
// keyword replacement), tagged tagUnresolved.
type jsonParser struct {
	data      []byte
	off       int
	line      int
	lineStart int
	cont      int // UTF-8 continuation bytes seen on the current line
	slab      []yaml.Node
	err       *ParseError
	buf       []byte // reused by strSlow

	// discard is set while a subtree is validated but not built: values
	// are checked exactly as when building (same errors, same positions)
	// but nothing is allocated; every value is the scratch node.
	discard bool
	scratch *yaml.Node
	// skipped are the root-level subtrees left out of the tree (see
	// skipRootKey), to be filled in by materialize if an adapter needs them.
	skipped []skippedTree
}

// parserState is where the parser stands: enough to resume parsing there.
type parserState struct {
	off, line, lineStart, cont int
}

// skippedTree is a root-level value validated but not built: node is an
// empty container of the right kind, positioned where the value starts.
type skippedTree struct {
	node *yaml.Node
	at   parserState
}

// jsonDoc is a parsed JSON document. Large Keycloak realm exports are mostly
// users, roles, groups and the like, which no adapter reads; those root-level
// subtrees are validated but not built (Skipped), and Materialize builds them
// when the document turns out to need them.
type jsonDoc struct {
	Root    *yaml.Node
	data    []byte
	skipped []skippedTree
}

// Skipped reports whether any subtree was left out of Root.
func (d *jsonDoc) Skipped() bool { return len(d.skipped) > 0 }

// Materialize builds the subtrees left out of Root, in place. The input was
// validated when it was first parsed, so this cannot fail.
func (d *jsonDoc) Materialize() {
	for _, s := range d.skipped {
		p := &jsonParser{data: d.data, off: s.at.off, line: s.at.line, lineStart: s.at.lineStart, cont: s.at.cont}
		if n := p.value(1); n != nil && p.err == nil {
			*s.node = *n
		}
	}
	d.skipped = nil
}

// skipRootKey lists root-level keys of a Keycloak realm export that no
// adapter reads and that make up nearly all of a large export. Only their
// object or array values are skipped; the key stays, so sniffing by key
// presence is unchanged.
func skipRootKey(k string) bool {
	switch k {
	case "users", "federatedUsers", "roles", "groups", "components", "clientScopes",
		"identityProviders", "identityProviderMappers", "authenticationFlows", "authenticatorConfig",
		"requiredActions", "scopeMappings", "clientScopeMappings", "clientProfiles", "clientPolicies",
		"organizations", "localizationTexts":
		return true
	}
	return false
}

func parseJSON(data []byte) (*yaml.Node, *ParseError) {
	d, err := parseJSONDoc(data, false)
	if err != nil {
		return nil, err
	}
	return d.Root, nil
}

// parseJSONDoc parses data; with skip, the root-level subtrees skipRootKey
// names are validated but not built (see jsonDoc).
func parseJSONDoc(data []byte, skip bool) (jsonDoc, *ParseError) {
	p := &jsonParser{data: data, line: 1}
	p.skipBOM()
	p.ws()
	var n *yaml.Node
	if skip && p.off < len(p.data) && p.data[p.off] == '{' {
		n = p.object(0, true)
	} else {
		n = p.value(0)
	}
	if p.err != nil {
		return jsonDoc{}, p.err
	}
	p.ws()
	if p.off < len(p.data) {
		p.fail("unexpected data after the top-level value")
		return jsonDoc{}, p.err
	}
	return jsonDoc{Root: n, data: data, skipped: p.skipped}, nil
}

func (p *jsonParser) skipBOM() {
	if len(p.data) >= 3 && p.data[0] == 0xEF && p.data[1] == 0xBB && p.data[2] == 0xBF {
		p.off = 3
		p.lineStart = 3
	}
}

func (p *jsonParser) pos() Pos {
	return Pos{Line: p.line, Col: p.off - p.lineStart - p.cont + 1}
}

func (p *jsonParser) fail(format string, args ...any) {
	if p.err == nil {
		p.err = &ParseError{Format: "json", Pos: p.pos(), Msg: fmt.Sprintf(format, args...)}
	}
}

func (p *jsonParser) node() *yaml.Node {
	if p.discard {
		return p.scratch
	}
	if len(p.slab) == 0 {
		p.slab = make([]yaml.Node, 32)
	}
	n := &p.slab[0]
	p.slab = p.slab[1:]
	ps := p.pos()
	n.Line, n.Column = ps.Line, ps.Col
	return n
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

func (p *jsonParser) value(depth int) *yaml.Node {
	if depth > maxDepth {
		p.fail("nesting deeper than %d levels", maxDepth)
		return nil
	}
	if p.off >= len(p.data) {
		p.fail("unexpected end of input")
		return nil
	}
	switch c := p.data[p.off]; {
	case c == '{':
		return p.object(depth, false)
	case c == '[':
		return p.array(depth)
	case c == '"':
		n := p.node()
		n.Kind, n.Tag, n.Style = yaml.ScalarNode, "!!str", yaml.DoubleQuotedStyle
		s, ok := p.str()
		if !ok {
			return nil
		}
		n.Value = s
		return n
	case c == 't' || c == 'f' || c == 'n':
		n := p.node()
		n.Kind = yaml.ScalarNode
		for _, w := range [...]struct{ lit, tag string }{{"true", "!!bool"}, {"false", "!!bool"}, {"null", "!!null"}} {
			if p.hasPrefix(w.lit) {
				n.Value, n.Tag = w.lit, w.tag
				p.off += len(w.lit)
				return n
			}
		}
		p.fail("invalid literal")
		return nil
	case c == '-' || (c >= '0' && c <= '9'):
		n := p.node()
		start := p.off
		for p.off < len(p.data) {
			b := p.data[p.off]
			if (b >= '0' && b <= '9') || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E' {
				p.off++
				continue
			}
			break
		}
		num := p.data[start:p.off]
		if len(num) == 0 {
			p.fail("invalid number")
			return nil
		}
		// ParseFloat does not keep its argument: no copy needed to check.
		if _, err := strconv.ParseFloat(unsafe.String(&num[0], len(num)), 64); err != nil {
			p.off = start
			p.fail("invalid number")
			return nil
		}
		if !p.discard {
			n.Kind, n.Value, n.Tag = yaml.ScalarNode, string(num), "!!int"
		}
		return n
	case c == '@' && p.hasPrefix("@@"):
		// Auth0 Deploy CLI keyword: @@KEY@@ stands for a JSON value.
		n := p.node()
		start := p.off
		p.off += 2
		for p.off < len(p.data) && isKeywordByte(p.data[p.off]) {
			p.off++
		}
		if !p.hasPrefix("@@") || p.off == start+2 {
			p.fail("invalid @@KEYWORD@@ token")
			return nil
		}
		p.off += 2
		if !p.discard {
			n.Kind, n.Tag, n.Value = yaml.ScalarNode, tagUnresolved, string(p.data[start:p.off])
		}
		return n
	default:
		p.fail("unexpected character %q", rune(c))
		return nil
	}
}

func isKeywordByte(b byte) bool {
	return b == '_' || b == '-' || b == '.' || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
}

func (p *jsonParser) hasPrefix(s string) bool {
	return len(p.data)-p.off >= len(s) && string(p.data[p.off:p.off+len(s)]) == s
}

// object parses an object; with skipRoot (the root object only), the values
// of skipRootKey keys that are objects or arrays are validated, not built.
func (p *jsonParser) object(depth int, skipRoot bool) *yaml.Node {
	n := p.node()
	n.Kind, n.Tag = yaml.MappingNode, "!!map"
	p.off++ // {
	p.ws()
	if p.off < len(p.data) && p.data[p.off] == '}' {
		p.off++
		return n
	}
	for {
		p.ws()
		if p.off >= len(p.data) || p.data[p.off] != '"' {
			p.fail("expected a string key")
			return nil
		}
		k := p.node()
		k.Kind, k.Tag, k.Style = yaml.ScalarNode, "!!str", yaml.DoubleQuotedStyle
		s, ok := p.str()
		if !ok {
			return nil
		}
		k.Value = s
		p.ws()
		if p.off >= len(p.data) || p.data[p.off] != ':' {
			p.fail("expected ':' after object key")
			return nil
		}
		p.off++
		p.ws()
		var v *yaml.Node
		if skipRoot && p.off < len(p.data) && (p.data[p.off] == '{' || p.data[p.off] == '[') && skipRootKey(s) {
			v = p.skipValue(depth + 1)
		} else {
			v = p.value(depth + 1)
		}
		if v == nil {
			return nil
		}
		if !p.discard {
			n.Content = append(n.Content, k, v)
		}
		p.ws()
		if p.off >= len(p.data) {
			p.fail("unexpected end of input in object")
			return nil
		}
		switch p.data[p.off] {
		case ',':
			p.off++
		case '}':
			p.off++
			return n
		default:
			p.fail("expected ',' or '}' in object")
			return nil
		}
	}
}

func (p *jsonParser) array(depth int) *yaml.Node {
	n := p.node()
	n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
	p.off++ // [
	p.ws()
	if p.off < len(p.data) && p.data[p.off] == ']' {
		p.off++
		return n
	}
	for {
		p.ws()
		v := p.value(depth + 1)
		if v == nil {
			return nil
		}
		if !p.discard {
			n.Content = append(n.Content, v)
		}
		p.ws()
		if p.off >= len(p.data) {
			p.fail("unexpected end of input in array")
			return nil
		}
		switch p.data[p.off] {
		case ',':
			p.off++
		case ']':
			p.off++
			return n
		default:
			p.fail("expected ',' or ']' in array")
			return nil
		}
	}
}

// skipValue validates the object or array at p.off without building it and
// returns an empty container of the same kind in its place.
func (p *jsonParser) skipValue(depth int) *yaml.Node {
	n := p.node()
	n.Kind, n.Tag = yaml.MappingNode, "!!map"
	if p.data[p.off] == '[' {
		n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
	}
	at := parserState{off: p.off, line: p.line, lineStart: p.lineStart, cont: p.cont}
	if p.scratch == nil {
		p.scratch = new(yaml.Node)
	}
	p.discard = true
	v := p.value(depth)
	p.discard = false
	if v == nil {
		return nil
	}
	p.skipped = append(p.skipped, skippedTree{node: n, at: at})
	return n
}

// str reads a JSON string at p.off (which holds the opening quote); while
// discarding it validates the string and returns "".
func (p *jsonParser) str() (string, bool) {
	p.off++
	start := p.off
	for p.off < len(p.data) {
		b := p.data[p.off]
		switch {
		case b == '"':
			if p.discard {
				p.off++
				return "", true
			}
			s := string(p.data[start:p.off])
			p.off++
			return s, true
		case b == '\\':
			return p.strSlow(start)
		case b < 0x20:
			p.fail("control character in string")
			return "", false
		case b >= 0x80:
			if b&0xC0 == 0x80 {
				p.cont++
			}
		}
		p.off++
	}
	p.fail("unterminated string")
	return "", false
}

func (p *jsonParser) strSlow(start int) (string, bool) {
	buf := append(p.buf[:0], p.data[start:p.off]...)
	defer func() { p.buf = buf[:0] }()
	for p.off < len(p.data) {
		b := p.data[p.off]
		switch {
		case b == '"':
			p.off++
			if p.discard {
				return "", true
			}
			return string(buf), true
		case b < 0x20:
			p.fail("control character in string")
			return "", false
		case b == '\\':
			if p.off+1 >= len(p.data) {
				p.off++
				p.fail("unterminated string")
				return "", false
			}
			e := p.data[p.off+1]
			p.off += 2
			switch e {
			case '"', '\\', '/':
				buf = append(buf, e)
			case 'b':
				buf = append(buf, '\b')
			case 'f':
				buf = append(buf, '\f')
			case 'n':
				buf = append(buf, '\n')
			case 'r':
				buf = append(buf, '\r')
			case 't':
				buf = append(buf, '\t')
			case 'u':
				r, ok := p.hex4()
				if !ok {
					return "", false
				}
				if utf16.IsSurrogate(r) && p.hasPrefix(`\u`) {
					p.off += 2
					r2, ok := p.hex4()
					if !ok {
						return "", false
					}
					r = utf16.DecodeRune(r, r2)
				}
				buf = utf8.AppendRune(buf, r)
			default:
				p.off -= 2
				p.fail("invalid escape in string")
				return "", false
			}
			continue
		case b >= 0x80 && b&0xC0 == 0x80:
			p.cont++
		}
		buf = append(buf, b)
		p.off++
	}
	p.fail("unterminated string")
	return "", false
}

func (p *jsonParser) hex4() (rune, bool) {
	if len(p.data)-p.off < 4 {
		p.fail("invalid \\u escape")
		return 0, false
	}
	v, err := strconv.ParseUint(string(p.data[p.off:p.off+4]), 16, 32)
	if err != nil {
		p.fail("invalid \\u escape")
		return 0, false
	}
	p.off += 4
	return rune(v), true
}
