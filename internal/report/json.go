package report

import (
	"bufio"
	"encoding/json"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/lint"
)

// jsonPrinter prints DESIGN §2's stable lint JSON (schema_version 1).
// Suppressed findings are left out, as they are from the summary.
//
// The findings are written as they come, each encoded by hand into the
// bytes encoding/json's indented encoder (HTML escaping off) would write
// for jsonFinding; TestJSONEncoderMatches holds the two together.
type jsonPrinter struct {
	w     io.Writer
	bw    *bufio.Writer
	shown int
	buf   []byte
}

// jsonFinding is one finding of the report, in field order.
type jsonFinding struct {
	Rule     string   `json:"rule"`
	Severity string   `json:"severity"`
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	Client   string   `json:"client"`
	Scope    string   `json:"scope"`
	Message  string   `json:"message"`
	Refs     []string `json:"refs"`
}

type jsonReport struct {
	SchemaVersion int           `json:"schema_version"`
	Findings      []jsonFinding `json:"findings"`
	Summary       lint.Summary  `json:"summary"`
}

func (p *jsonPrinter) Print(res *lint.Result) error { return printStreamed(p, res) }

func (p *jsonPrinter) Begin() error {
	p.bw, p.shown = streamBuf(p.w), 0
	_, err := p.bw.WriteString("{\n  \"schema_version\": 1,\n  \"findings\": [")
	return err
}

func (p *jsonPrinter) Finding(f lint.Finding) error {
	if f.Suppressed != nil {
		return nil
	}
	b := p.buf[:0]
	if p.shown > 0 {
		b = append(b, ',')
	}
	p.shown++
	b = appendFinding(b, jsonFindingOf(f), "    ")
	p.buf = b
	_, err := p.bw.Write(b)
	return err
}

func (p *jsonPrinter) End(res *lint.Result) error {
	if p.shown > 0 {
		p.bw.WriteString("\n  ")
	}
	p.bw.WriteString("],\n  \"summary\": ")
	sum, err := json.MarshalIndent(res.Summary(), "  ", "  ")
	if err != nil {
		return err
	}
	p.bw.Write(sum)
	p.bw.WriteString("\n}\n")
	return p.bw.Flush()
}

func jsonFindingOf(f lint.Finding) jsonFinding {
	refs := f.Refs
	if refs == nil {
		refs = []string{}
	}
	return jsonFinding{Rule: f.Rule, Severity: string(f.Severity), File: f.File, Line: f.Line, Column: f.Column,
		Client: f.Client, Scope: string(scopeOf(f)), Message: f.Message, Refs: refs}
}

// appendFinding appends "\n" + indent and f as an indented JSON object
// whose lines start with indent.
func appendFinding(b []byte, f jsonFinding, indent string) []byte {
	in := indent + "  "
	field := func(b []byte, name string) []byte {
		b = append(b, ",\n"...)
		b = append(b, in...)
		b = append(b, '"')
		b = append(b, name...)
		return append(b, "\": "...)
	}
	b = append(b, '\n')
	b = append(b, indent...)
	b = append(b, "{\n"...)
	b = append(b, in...)
	b = append(b, "\"rule\": "...)
	b = appendString(b, f.Rule)
	b = appendString(field(b, "severity"), f.Severity)
	b = appendString(field(b, "file"), f.File)
	b = strconv.AppendInt(field(b, "line"), int64(f.Line), 10)
	b = strconv.AppendInt(field(b, "column"), int64(f.Column), 10)
	b = appendString(field(b, "client"), f.Client)
	b = appendString(field(b, "scope"), f.Scope)
	b = appendString(field(b, "message"), f.Message)
	b = field(b, "refs")
	if len(f.Refs) == 0 {
		b = append(b, "[]"...)
	} else {
		b = append(b, '[')
		for i, r := range f.Refs {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '\n')
			b = append(b, in...)
			b = append(b, "  "...)
			b = appendString(b, r)
		}
		b = append(b, '\n')
		b = append(b, in...)
		b = append(b, ']')
	}
	b = append(b, '\n')
	b = append(b, indent...)
	return append(b, '}')
}

// appendString appends s quoted as encoding/json does with HTML escaping
// off: \" \\ \b \f \n \r \t, other control characters as \u00xx, invalid
// UTF-8 as \ufffd, U+2028 and U+2029 escaped.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// scopeOf is the finding's scope, "client" unless lint said realm.
func scopeOf(f lint.Finding) flows.Scope {
	if f.Scope == flows.ScopeRealm {
		return flows.ScopeRealm
	}
	return flows.ScopeClient
}
