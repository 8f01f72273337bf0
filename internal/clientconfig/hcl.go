package clientconfig

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// The HCL reader: Terraform native syntax through hclsyntax, guarded so that
// no input crashes or stalls it. hclsyntax recurses once per nesting level
// and per operator or splat in a chain; on a long enough chain that is a
// goroutine stack overflow, which is fatal (no recover catches it) and would
// take the whole lint run down. hclPrescan bounds that depth before
// hclsyntax sees the input, and rewrites long heredocs so that hclsyntax
// reads them in linear time (see linearHeredocs).

// maxTerraformSize caps HCL input: hclsyntax parses about 1 MB per second
// and no real Terraform file comes near this. It applies to whatever the
// sniff reads as HCL (x.TF, HCL content in x.properties), see sniff.
const maxTerraformSize = 8 << 20

// parseHCL parses data; deep says the error is the depth guard's (reported
// whatever the file holds: it is what would have crashed).
func parseHCL(data []byte) (body *hclsyntax.Body, perr *ParseError, deep bool) {
	src, p, deep := hclPrescan(data)
	if src == nil && !deep {
		// A long heredoc never closed: hclsyntax would meld its lines
		// (quadratic) only to say so.
		return nil, &ParseError{Format: "hcl", Pos: p, Msg: "Unterminated template string: No closing marker was found for the string."}, false
	}
	if deep {
		return nil, &ParseError{Format: "hcl", Pos: p, Msg: fmt.Sprintf("too deeply nested: nesting or an operator chain deeper than %d levels", maxDepth)}, true
	}
	file, diags := hclsyntax.ParseConfig(src, "main.tf", hcl.InitialPos)
	if diags.HasErrors() {
		pe := &ParseError{Format: "hcl", Msg: "invalid HCL"}
		for _, d := range diags {
			if d.Severity == hcl.DiagError {
				pe.Msg = d.Summary
				if d.Detail != "" {
					pe.Msg += ": " + d.Detail
				}
				if d.Subject != nil {
					pe.Pos = Pos{Line: d.Subject.Start.Line, Col: d.Subject.Start.Column}
				}
				break
			}
		}
		return nil, pe, false
	}
	body, ok := file.Body.(*hclsyntax.Body)
	if !ok {
		return nil, &ParseError{Format: "hcl", Msg: "invalid HCL"}, false
	}
	return body, nil, false
}

// bigHCL is the size from which HCL sources are read one at a time: a
// syntax tree is some 60x its source, and every worker reading a large
// file at once multiplied what one read needs by the number of cores (four
// 7.9 MB locals files on two cores: 2.9 GB max RSS against 1.2 GB for
// hclparse reading them one after another). Smaller files, the usual
// case, are still read in parallel.
const bigHCL = 1 << 20

var bigHCLRead sync.Mutex

// oneBigHCL holds the big-HCL turn while the tree of a source of n bytes
// is alive (parsed and read), when n is at least bigHCL; it returns the
// release.
func oneBigHCL(n int) func() {
	if n < bigHCL {
		return func() {}
	}
	bigHCLRead.Lock()
	return bigHCLRead.Unlock
}

// heredocLines is how long a heredoc must be before linearHeredocs
// rewrites it: shorter ones reach hclsyntax as written.
const heredocLines = 256

// heredoc is one heredoc seen by the prescan: where it opens (the <<) and
// its opener's '-' is (flush heredocs, <<-), where each of its
// template-level lines starts, and where its closing marker line starts
// and ends.
type heredoc struct {
	marker          []byte
	open, dash      int // dash: -1 unless <<-
	at              Pos // of the opener
	lines           []int
	close, closeEnd int
}

// hclPrescan bounds how deep hclsyntax will recurse, before it sees the
// input: brackets, template interpolations and directives (${, %{, in quoted
// strings and heredocs) and, within one expression, the operators and
// traversals that nest without brackets (a chain of unary ! or -,
// `a ? b : a ? b : ...`, binary chains such as `0==0==0`, which build a tree
// as deep as the chain, splats `[*]` and `.*`, index chains `a[b][c]`).
// Operators are counted per expression: a comma, or a newline in a block or
// object, starts a new one. It returns the input to parse: data, or a copy
// with long heredocs rewritten (linearHeredocs); nil, with the opener's
// position, for a long heredoc that is never closed.
func hclPrescan(data []byte) (src []byte, at Pos, deep bool) {
	// open is ( [ { for code, '"' for a quoted string, 'h' for a heredoc
	// body, '$' for an interpolation or directive; ops counts operators in
	// the current expression at this level.
	type frame struct {
		open byte
		ops  int
	}
	stack := []frame{{open: '{'}}
	depth := 0 // len(stack)-1 plus every frame's ops
	line, ls := 1, 0
	var docs []*heredoc // open heredocs, innermost last
	var long []*heredoc
	push := func(open byte) { stack = append(stack, frame{open: open}); depth++ }
	op := func() { stack[len(stack)-1].ops++; depth++ }
	pop := func() {
		depth -= 1 + stack[len(stack)-1].ops
		if stack[len(stack)-1].open == 'h' {
			if d := docs[len(docs)-1]; len(d.lines) >= heredocLines {
				long = append(long, d)
			}
			docs = docs[:len(docs)-1]
		}
		stack = stack[:len(stack)-1]
	}
	resetOps := func() { depth -= stack[len(stack)-1].ops; stack[len(stack)-1].ops = 0 }
	// prev is the last byte of code before i that is not a blank.
	prev := byte(0)
	for i := 0; i < len(data); i++ {
		if depth > maxDepth {
			return nil, Pos{Line: line, Col: i - ls + 1}, true
		}
		c := data[i]
		top := stack[len(stack)-1].open
		if c == '\n' {
			line++
			ls = i + 1
			switch top {
			case '"':
				pop() // quoted strings are single-line
			case '{':
				resetOps()
			case 'h':
				d := docs[len(docs)-1]
				end := bytes.IndexByte(data[i+1:], '\n')
				if end < 0 {
					end = len(data) - i - 1
				}
				if bytes.Equal(bytes.TrimSpace(data[i+1:i+1+end]), d.marker) {
					d.close, d.closeEnd = i+1, i+1+len(bytes.TrimRight(data[i+1:i+1+end], " \t\r"))
					pop()
				} else if i+1 < len(data) {
					d.lines = append(d.lines, i+1)
				}
			}
			continue
		}
		if top == '"' || top == 'h' {
			switch {
			case c == '\\' && top == '"':
				i++
			case c == '"' && top == '"':
				pop()
			case (c == '$' || c == '%') && i+1 < len(data) && data[i+1] == c:
				// $${ and %%{ are escapes; hclsyntax's template parser
				// is quadratic in a run of them, so they count too.
				i++
				op()
			case (c == '$' || c == '%') && i+1 < len(data) && data[i+1] == '{':
				if c == '%' {
					// %{if} and %{for} nest until %{endif} / %{endfor}.
					kw := bytes.TrimLeft(data[i+2:min(i+16, len(data))], "~ \t")
					switch {
					case bytes.HasPrefix(kw, []byte("if")), bytes.HasPrefix(kw, []byte("for")):
						op()
					case bytes.HasPrefix(kw, []byte("end")) && stack[len(stack)-1].ops > 0:
						stack[len(stack)-1].ops--
						depth--
					}
				}
				push('$')
				prev = '{'
				i++
			}
			continue
		}
		p := prev
		if c != ' ' && c != '\t' && c != '\r' {
			prev = c
		}
		switch c {
		case '"':
			push('"')
		case '#':
			for i+1 < len(data) && data[i+1] != '\n' {
				i++
			}
		case '/':
			if i+1 < len(data) && data[i+1] == '/' {
				for i+1 < len(data) && data[i+1] != '\n' {
					i++
				}
			} else if i+1 < len(data) && data[i+1] == '*' {
				end := bytes.Index(data[i+2:], []byte("*/"))
				if end < 0 {
					end = len(data) - i - 4
				}
				for j := i; j < i+2+end; j++ {
					if data[j] == '\n' {
						line++
						ls = j + 1
					}
				}
				i += end + 3
			} else {
				op()
			}
		case '<':
			j := i + 2
			if i+1 < len(data) && data[i+1] == '<' {
				dash := -1
				if j < len(data) && data[j] == '-' {
					dash = j
					j++
				}
				k := j
				for k < len(data) && (data[k] == '_' || data[k] == '-' || data[k] >= 'A' && data[k] <= 'Z' || data[k] >= 'a' && data[k] <= 'z' || data[k] >= '0' && data[k] <= '9') {
					k++
				}
				if k > j && k < len(data) && (data[k] == '\n' || data[k] == '\r') {
					push('h')
					docs = append(docs, &heredoc{marker: data[j:k], open: i, dash: dash, at: Pos{Line: line, Col: i - ls + 1}})
					i = k - 1 // the newline is next
					continue
				}
			}
			op()
		case '=':
			if i+1 < len(data) && data[i+1] == '=' {
				i++
				op() // == chains nest like any binary operator
			}
		case '.':
			// An attribute step or .* splat: hclsyntax nests each one
			// that is not part of a plain variable traversal.
			if i+1 < len(data) && (data[i+1] == '*' || isIdentStart(data[i+1])) && !isDigit(p) {
				op()
				if data[i+1] == '*' {
					i++
				}
			}
		case '!', '-', '?', '+', '*', '%', '>', '&', '|':
			op()
		case ',':
			resetOps()
		case '[':
			// An index or [*] splat applied to a value nests too.
			if p == ']' || p == ')' || p == '*' || isIdentByte(p) {
				op()
			}
			push(c)
		case '(', '{':
			push(c)
		case ')', ']', '}':
			if len(stack) > 1 && top != '"' {
				pop()
			}
		}
	}
	if depth > maxDepth {
		return nil, Pos{Line: line, Col: len(data) - ls + 1}, true
	}
	for _, d := range docs { // still open at the end
		if len(d.lines) >= heredocLines {
			return nil, d.at, false
		}
	}
	if len(long) == 0 {
		return data, Pos{}, false
	}
	return linearHeredocs(data, long), Pos{}, false
}

func isDigit(b byte) bool      { return b >= '0' && b <= '9' }
func isIdentStart(b byte) bool { return b == '_' || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' }
func isIdentByte(b byte) bool  { return isIdentStart(b) || isDigit(b) || b == '-' }

// linearHeredocs rewrites long heredocs so that hclsyntax reads them in
// linear time without changing their value or any line number.
// hclsyntax makes one literal token per heredoc line and then melds
// consecutive literals pairwise, concatenating strings and deleting from a
// slice each time: quadratic in the number of lines (200,000 one-character
// lines took over a minute). A heredoc that is all literal text becomes
// one quoted string holding the same value, followed by as many newlines
// as it spanned (one token: less than hclsyntax needs for the heredoc). In
// one with templates, an empty interpolation ${""} at the start of every
// line keeps literals apart; it adds nothing to the value. Either way a
// flush heredoc's (<<-) trimming is done here as hclsyntax does it (the
// least indentation of the non-blank lines, in spaces and tabs).
func linearHeredocs(data []byte, docs []*heredoc) []byte {
	type edit struct {
		at, del int
		ins     string
	}
	var edits []edit
	for _, d := range docs {
		strip := 0
		if d.dash >= 0 {
			strip = -1
			for _, l := range d.lines {
				n, blank := indent(data, l)
				if n < 0 {
					strip = -2 // other Unicode spaces: leave this heredoc as it is
					break
				}
				if !blank && (strip < 0 || n < strip) {
					strip = n
				}
			}
			if strip == -2 {
				continue
			}
			strip = max(strip, 0)
		}
		if body := data[d.lines[0]:d.close]; !bytes.Contains(body, []byte("${")) && !bytes.Contains(body, []byte("%{")) {
			edits = append(edits, edit{at: d.open, del: d.closeEnd - d.open, ins: quoteHeredoc(data, d, strip)})
			continue
		}
		if d.dash >= 0 {
			edits = append(edits, edit{at: d.dash, del: 1})
		}
		for _, l := range d.lines {
			del := 0
			if n, blank := indent(data, l); !blank {
				del = min(strip, n)
			}
			if rest := data[l+del:]; bytes.HasPrefix(rest, []byte("${")) || bytes.HasPrefix(rest, []byte("%{")) {
				// A line that opens with a template already keeps the
				// previous line's literal apart from its own.
				if del > 0 {
					edits = append(edits, edit{at: l, del: del})
				}
				continue
			}
			edits = append(edits, edit{at: l, del: del, ins: `${""}`})
		}
	}
	slices.SortFunc(edits, func(a, b edit) int { return a.at - b.at })
	out := make([]byte, 0, len(data)+len(edits)*5)
	last := 0
	for _, e := range edits {
		out = append(out, data[last:e.at]...)
		out = append(out, e.ins...)
		last = e.at + e.del
	}
	return append(out, data[last:]...)
}

// quoteHeredoc is literal heredoc d as a quoted string with its value
// (each line less strip columns of indentation unless blank), then a
// newline for each it spanned.
func quoteHeredoc(data []byte, d *heredoc, strip int) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, l := range d.lines {
		end := bytes.IndexByte(data[l:], '\n')
		if end < 0 || l+end >= d.close {
			end = d.close - l - 1
		}
		line := data[l : l+end+1] // with its newline
		if n, blank := indent(data, l); !blank {
			line = line[min(strip, n):]
		}
		for _, c := range line {
			switch c {
			case '"', '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			default:
				b.WriteByte(c)
			}
		}
	}
	b.WriteByte('"')
	b.WriteString(strings.Repeat("\n", bytes.Count(data[d.open:d.closeEnd], []byte("\n"))))
	return b.String()
}

// indent counts the spaces and tabs that start the line at l; blank says
// the line holds nothing else; n is -1 when other whitespace follows them.
func indent(data []byte, l int) (n int, blank bool) {
	i := l
	for i < len(data) && (data[i] == ' ' || data[i] == '\t') {
		i++
	}
	switch {
	case i >= len(data) || data[i] == '\n' || data[i] == '\r':
		return i - l, true
	case data[i] == '\v' || data[i] == '\f' || data[i] >= 0x80 && bytes.HasPrefix(data[i:], []byte("\u00a0")):
		return -1, false
	}
	return i - l, false
}
