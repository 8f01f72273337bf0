package clientconfig

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// The YAML reader: go.yaml.in/yaml/v3 decodes each document into its node
// tree, which this reader turns into the compact tree (tree.go) and drops.
// yaml.v3 needs a couple of hundred bytes per node, so the reader bounds
// the tree before decoding: yamlPrescan, one linear pass, estimates the
// nodes and refuses a file whose tree would not fit in memory proportional
// to its size (DESIGN §6) as a *ParseError, an invalid-config finding. Alias
// expansion is bounded in the tree (yamlExpansion) for every adapter walk
// that follows aliases.

// yamlNodeCost is what yaml.v3 holds per node while it decodes (the Node,
// its slot in the parent's Content, the scalar's text and the parser's
// events), measured on dense inputs (see TestYAMLNodeCost).
const yamlNodeCost = 288

// yamlBudget is the most nodes yamlPrescan lets yaml.v3 build for a file
// of size bytes: about 3x the file + 40 MiB of yaml.v3 nodes.
func yamlBudget(size int) int { return (3*size + 40<<20) / yamlNodeCost }

// expansionBudget bounds the nodes a walk that follows every alias of a
// tree of n nodes may visit.
func expansionBudget(n int) uint64 { return 10*uint64(n) + 1<<17 }

var reYAMLLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`line (\d+)(?::? column (\d+))?`) })

func parseYAML(data []byte) ([]Node, *ParseError) {
	p, deep, est := yamlPrescan(data)
	if deep {
		return nil, &ParseError{Format: "yaml", Pos: p, Msg: fmt.Sprintf("nesting deeper than %d levels", maxDepth)}
	}
	if b := yamlBudget(len(data)); est > b {
		return nil, &ParseError{Format: "yaml", Msg: fmt.Sprintf("too many values for its size (about %d in %d bytes, more than %d): not read, to keep memory bounded", est, len(data), b)}
	}
	src, subst := substituteAuth0Values(data)
	dec := yaml.NewDecoder(bytes.NewReader(src))
	conv := &yamlConv{t: newTree(nil, len(data)), subst: subst, anchors: map[*yaml.Node]anchor{}}
	var docs []Node
	for i := 0; i < 1000; i++ {
		var n yaml.Node
		err := dec.Decode(&n)
		if err == io.EOF {
			break
		}
		if err != nil {
			pe := &ParseError{Format: "yaml", Msg: strings.TrimPrefix(err.Error(), "yaml: ")}
			if m := reYAMLLine().FindStringSubmatch(err.Error()); m != nil {
				pe.Pos.Line, _ = strconv.Atoi(m[1])
				if m[2] != "" {
					pe.Pos.Col, _ = strconv.Atoi(m[2])
				}
			}
			return nil, pe
		}
		root := &n
		if n.Kind == yaml.DocumentNode {
			if len(n.Content) == 0 {
				continue
			}
			root = n.Content[0]
		}
		idx, ok := conv.t.add(kindScalar, 0, 0)
		if !ok {
			return nil, conv.t.err
		}
		if _, err := conv.fill(idx, root, 0); err != nil {
			return nil, err
		}
		clear(conv.anchors) // anchors do not cross documents
		docs = append(docs, Node{conv.t, idx})
	}
	return docs, nil
}

type anchor struct {
	idx uint32
	exp uint64
}

// yamlConv turns yaml.v3 nodes into the compact tree.
type yamlConv struct {
	t       *tree
	subst   []Pos // @@KEY@@ tokens rewritten, in document order
	next    int   // the next of subst to meet
	anchors map[*yaml.Node]anchor
	total   uint64 // nodes with every alias expanded, so far
}

// fill converts n into node idx (reserved) and returns its size with
// every alias expanded.
func (c *yamlConv) fill(idx uint32, n *yaml.Node, depth int) (uint64, *ParseError) {
	at := Pos{Line: n.Line, Col: n.Column}
	if depth > maxDepth {
		return 0, &ParseError{Format: "yaml", Pos: at, Msg: fmt.Sprintf("nesting deeper than %d levels", maxDepth)}
	}
	kind := kindScalar
	switch n.Kind {
	case yaml.MappingNode:
		kind = kindMap
	case yaml.SequenceNode:
		kind = kindSeq
	case yaml.AliasNode:
		kind = kindAlias
	}
	r := c.t.at(idx)
	r.kind, r.line, r.col = kind, uint32(n.Line), uint32(n.Column)
	exp := uint64(1)
	switch kind {
	case kindAlias:
		a, ok := c.anchors[n.Alias]
		if !ok {
			// Not an anchor of this document: an empty value.
			r := c.t.at(idx)
			r.kind, r.flags = kindScalar, uint8(tagNull)
			break
		}
		c.t.at(idx).off = a.idx
		exp = a.exp
	case kindScalar:
		c.scalar(idx, n, at)
	default:
		first, ok := c.t.reserve(len(n.Content))
		if !ok {
			return 0, c.t.err
		}
		for i, ch := range n.Content {
			ce, err := c.fill(first+uint32(i), ch, depth+1)
			if err != nil {
				return 0, err
			}
			exp += ce
		}
		r := c.t.at(idx)
		r.off, r.n = first, uint32(len(n.Content))
	}
	if exp > expansionBudget(c.t.len) {
		return 0, &ParseError{Format: "yaml", Pos: at, Msg: fmt.Sprintf("alias expansion too large (more than %d values once aliases are expanded, from %d in the file): not read", expansionBudget(c.t.len), c.t.len)}
	}
	if n.Anchor != "" {
		c.anchors[n] = anchor{idx, exp}
	}
	return exp, nil
}

func (c *yamlConv) scalar(idx uint32, n *yaml.Node, at Pos) {
	tag := tagOther
	switch n.ShortTag() {
	case "!!str":
		tag = tagString
	case "!!bool":
		tag = tagBool
	case "!!null":
		tag = tagNull
	case "!!int", "!!float":
		tag = tagNumber
	}
	val := n.Value
	for c.next < len(c.subst) && posLess(c.subst[c.next], at) {
		c.next++
	}
	if c.next < len(c.subst) && c.subst[c.next] == at && n.Style == yaml.DoubleQuotedStyle {
		// "@KEY@" was @@KEY@@ in the file (substituteAuth0Values).
		c.next++
		tag, val = tagUnresolved, "@"+val+"@"
	}
	r := c.t.at(idx)
	r.off, r.n, r.flags = c.t.addText(val), uint32(len(val)), uint8(tag)|flagArena
}

func posLess(a, b Pos) bool { return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col }

// substituteAuth0Values makes Auth0 Deploy CLI `@@KEY@@` value tokens valid
// YAML without moving anything: an unquoted token where a value starts is
// rewritten in place to the same-length `"@KEY@"`. It returns the positions
// rewritten, in order; the converter restores and tags those scalars.
func substituteAuth0Values(data []byte) ([]byte, []Pos) {
	var out []byte
	var subst []Pos
	// Line and column are advanced from the previous token: recounting
	// from the start of the file or line for every token would be
	// quadratic in a file or line full of tokens.
	line, at, col := 1, 0, 1
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("@@"))
		if j < 0 {
			break
		}
		start := i + j
		n := auth0ValueTokenLen(data[start:])
		if n == 0 {
			i = start + 1
			continue
		}
		i = start + n
		// The token must start a value: preceded (after blanks) by ':',
		// '-', '[', ',' or the start of a line.
		k := start - 1
		for k >= 0 && (data[k] == ' ' || data[k] == '\t') {
			k--
		}
		if k >= 0 && !bytes.ContainsRune([]byte(":-[,\n"), rune(data[k])) {
			continue
		}
		if nl := bytes.Count(data[at:start], []byte("\n")); nl > 0 {
			line += nl
			at, col = at+bytes.LastIndexByte(data[at:start], '\n')+1, 1
		}
		col += utf8.RuneCount(data[at:start])
		at = start
		if out == nil {
			out = bytes.Clone(data)
		}
		out[start], out[start+n-1] = '"', '"'
		subst = append(subst, Pos{Line: line, Col: col})
	}
	if out == nil {
		return data, nil
	}
	return out, subst
}

// yamlPrescan is a cheap linear scan before yaml.v3 sees the input. It
// bounds nesting (flow brackets outside quotes and comments, plus block
// sequence/mapping indicators chained on one line) and estimates the nodes
// yaml.v3 will build: one per line with content, per ': ' and '- '
// indicator, per flow bracket and separator.
func yamlPrescan(data []byte) (at Pos, deep bool, nodes int) {
	flow, line, ls := 0, 1, 0
	var quote byte
	lineStart := true
	chain := 0
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c == '\n' {
			line++
			ls = i + 1
			lineStart = true
			chain = 0
			continue
		}
		if quote != 0 {
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
			continue
		}
		if lineStart {
			if c == ' ' || c == '\t' {
				continue
			}
			if (c == '-' || c == '?') && i+1 < len(data) && (data[i+1] == ' ' || data[i+1] == '\t') {
				chain++
				nodes++
				i++
				if chain+flow > maxDepth {
					return Pos{Line: line, Col: i - ls + 1}, true, nodes
				}
				continue
			}
			lineStart = false
			if c != '#' {
				nodes++
			}
		}
		switch c {
		case '#':
			if i == 0 || data[i-1] == ' ' || data[i-1] == '\t' {
				for i+1 < len(data) && data[i+1] != '\n' {
					i++
				}
			}
		case '"', '\'':
			if i == 0 || strings.IndexByte(" \t[{,:", data[i-1]) >= 0 {
				quote = c
			}
		case ':':
			if i+1 == len(data) || data[i+1] == ' ' || data[i+1] == '\t' || data[i+1] == '\n' || data[i+1] == '\r' {
				nodes++
			}
		case ',':
			nodes++
		case '[', '{':
			nodes++
			flow++
			if flow+chain > maxDepth {
				return Pos{Line: line, Col: i - ls + 1}, true, nodes
			}
		case ']', '}':
			if flow > 0 {
				flow--
			}
		}
	}
	return Pos{}, false, nodes
}
