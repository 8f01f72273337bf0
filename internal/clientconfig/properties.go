package clientconfig

import (
	"bytes"
	"unicode/utf8"
)

// The .properties reader, decoding per java.util.Properties.load (the
// reader Spring Boot uses): natural lines end at \n, \r or \r\n; a line
// ending in an odd number of backslashes continues on the next, whose
// leading blanks are dropped; a line whose first non-blank is # or ! is a
// comment; the key ends at the first unescaped '=', ':' or blank, then
// blanks, one optional '=' or ':' and blanks again precede the value.
// Escapes in keys and values: \t \n \r \f, \uXXXX (malformed is an error,
// as in Java), and \x for any other x is x — so `client\-secret` is the key
// client-secret and `pass\u0077ord` the value password.
//
// The result is a tree of one mapping whose keys are the (dotted) property
// names, as the YAML reader would build for flat keys.

func isPropBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\f' }

// parseProperties decodes data into a one-mapping tree.
func parseProperties(data []byte) (Node, *ParseError) {
	t := newTree(nil, len(data))
	root, _ := t.add(kindMap, 1, 1) // its children, keys and values, follow it
	line := 0
	rest := data
	var logical []byte // reused
	nextLine := func() []byte {
		line++
		i := bytes.IndexAny(rest, "\r\n")
		if i < 0 {
			l := rest
			rest = nil
			return l
		}
		l := rest[:i]
		if rest[i] == '\r' && i+1 < len(rest) && rest[i+1] == '\n' {
			i++
		}
		rest = rest[i+1:]
		return l
	}
	for len(rest) > 0 {
		l := nextLine()
		startLine := line
		i := 0
		for i < len(l) && isPropBlank(l[i]) {
			i++
		}
		if i == len(l) || l[i] == '#' || l[i] == '!' {
			continue
		}
		indent := utf8.RuneCount(l[:i])
		logical = append(logical[:0], l[i:]...)
		for oddBackslashes(logical) {
			logical = logical[:len(logical)-1]
			if len(rest) == 0 {
				break // a trailing backslash at the end of the file is dropped
			}
			nx := nextLine()
			j := 0
			for j < len(nx) && isPropBlank(nx[j]) {
				j++
			}
			logical = append(logical, nx[j:]...)
		}
		key, val, valAt, err := splitProperty(logical)
		if err != "" {
			return Node{}, &ParseError{Format: "properties", Pos: Pos{Line: startLine, Col: indent + 1}, Msg: err}
		}
		kn, ok1 := t.add(kindScalar, startLine, indent+1)
		vn, ok2 := t.add(kindScalar, startLine, indent+utf8.RuneCount(logical[:valAt])+1)
		if !ok1 || !ok2 {
			return Node{}, t.err
		}
		for _, kv := range [2]struct {
			i uint32
			s []byte
		}{{kn, key}, {vn, val}} {
			r := t.at(kv.i)
			r.off, r.n, r.flags = uint32(len(t.arena)), uint32(len(kv.s)), uint8(tagString)|flagArena
			t.arena = append(t.arena, kv.s...)
		}
	}
	r := t.at(root)
	r.off, r.n = root+1, uint32(t.len)-root-1
	return Node{t, root}, nil
}

// oddBackslashes reports whether b ends in an odd number of backslashes
// (a continuation).
func oddBackslashes(b []byte) bool {
	n := 0
	for i := len(b) - 1; i >= 0 && b[i] == '\\'; i-- {
		n++
	}
	return n%2 == 1
}

// splitProperty splits a logical line into its decoded key and value;
// valAt is the byte offset where the value starts in line.
func splitProperty(line []byte) (key, val []byte, valAt int, err string) {
	i := 0
	for i < len(line) {
		c := line[i]
		if c == '\\' {
			i += 2
			continue
		}
		if c == '=' || c == ':' || isPropBlank(c) {
			break
		}
		i++
	}
	keyEnd := min(i, len(line))
	for i < len(line) && isPropBlank(line[i]) {
		i++
	}
	if i < len(line) && (line[i] == '=' || line[i] == ':') {
		i++
		for i < len(line) && isPropBlank(line[i]) {
			i++
		}
	}
	key, err = unescapeProperty(line[:keyEnd])
	if err != "" {
		return nil, nil, 0, err
	}
	val, err = unescapeProperty(line[i:])
	return key, val, i, err
}

// unescapeProperty decodes the escapes of java.util.Properties.loadConvert.
func unescapeProperty(b []byte) ([]byte, string) {
	if bytes.IndexByte(b, '\\') < 0 {
		return b, ""
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c != '\\' || i+1 >= len(b) {
			if c != '\\' {
				out = append(out, c)
			}
			continue
		}
		i++
		if c, ok := controlEscape(b[i]); ok && c != '\b' {
			out = append(out, c)
			continue
		}
		if b[i] == 'u' {
			var n int
			if out, n = appendUTF16Escape(out, b[i+1:]); n < 0 {
				return nil, `malformed \uXXXX escape`
			}
			i += n
			continue
		}
		out = append(out, b[i])
	}
	return out, ""
}
