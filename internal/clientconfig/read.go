// Package clientconfig reads OAuth client configurations in the formats
// teams keep in Git into one model in RFC 7591 vocabulary (model.go). Every
// value keeps the file position it came from so findings can point at it.
//
// The package has two layers, and each decision has one owner:
//
//   - sniff (this file) decides, once per file, which syntax reads it and
//     what size cap applies; Read then runs that reader and offers its tree
//     to the format adapters in order until one recognises it.
//   - The syntax readers own everything about bytes: json.go (strict RFC
//     8259, duplicate keys: the last wins), yaml.go (yaml.v3, bounded
//     before decoding; alias expansion bounded), hcl.go (hclsyntax behind a
//     depth guard; the Terraform size cap), properties.go
//     (java.util.Properties rules). JSON, YAML and .properties build the
//     compact tree of tree.go; placeholder.go owns deploy-time placeholders
//     (@@KEY@@, ##KEY##, ${X}).
//   - The format adapters, one file each, map a tree to the model and call
//     nothing back here: keycloak.go, auth0.go, rfc7591.go, hydra.go,
//     spring.go, openapi.go, gravitee.go, whichflow.go, and terraform.go with
//     one file per provider (tf_keycloak.go, tf_okta.go, tf_auth0.go). Each
//     registers itself (treeFormats, tfResources); values.go has the
//     helpers they share, and each names the provider defaults it applies
//     (String.Default and friends).
package clientconfig

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/whichflow/whichflow/flows"
)

// ErrUnrecognised is returned by Read for a file in no format whichflow knows;
// lint skips such files (listing them with -v).
var ErrUnrecognised = errors.New("not a client configuration whichflow recognises")

// ParseError is returned for a recognised file that cannot be read; lint turns
// it into an invalid-config finding.
type ParseError struct {
	Path   string
	Format string
	Pos    Pos
	Msg    string
}

func (e *ParseError) Error() string {
	if e.Pos.Line > 0 && e.Pos.Col > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Pos.Line, e.Pos.Col, e.Msg)
	}
	if e.Pos.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Pos.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// TooLargeError is returned by Read for a file over the cap of the syntax
// it is in (Terraform's, lower than the general cap callers apply before
// reading): lint reports it as an invalid-config finding naming the cap.
type TooLargeError struct {
	Path        string
	Size, Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s: %d bytes, over the %d-byte cap", e.Path, e.Size, e.Limit)
}

// sniff decides which syntax reads data and what it may cost: HCL for a
// file named as HCL (.tf in any case, per the flows format table) or
// HCL-looking content in a file not named as JSON or YAML, Java properties
// for .properties, JSON when the first byte is { or [ (unless named as
// YAML: YAML flow style), else YAML. limit is the largest input that
// syntax reads (0: the caller's cap). It is the only place either is
// decided.
func sniff(path string, data []byte) (s flows.Syntax, limit int64) {
	named, _ := flows.SyntaxOfFile(path)
	body := bytes.TrimLeft(data, " \t\r\n\ufeff")
	switch {
	case named.Syntax == flows.SyntaxHCL || (named.Syntax != flows.SyntaxJSON && named.Syntax != flows.SyntaxYAML && looksLikeHCL(data)):
		return flows.SyntaxHCL, maxTerraformSize
	case named.Syntax == flows.SyntaxProperties:
		return flows.SyntaxProperties, 0
	case len(body) > 0 && (body[0] == '{' || body[0] == '[') && named.Syntax != flows.SyntaxYAML:
		return flows.SyntaxJSON, 0
	}
	return flows.SyntaxYAML, 0
}

// SizeLimit is the largest file at path, holding data (its start is
// enough), that Read reads; 0 means no cap of its own.
func SizeLimit(path string, head []byte) int64 {
	_, limit := sniff(path, head)
	return limit
}

// treeFormat is a format adapter over a tree: it reports whether the
// documents are in its format and maps them. Adapters register in init
// (see registerTree); Read offers a tree to each in order of rank whose
// may test does not rule the file out.
type treeFormat struct {
	rank int
	read func(docs []Node) (*File, bool)
	// may is the adapter's own cheap test of the file's bytes: it rules
	// out only a file read cannot recognise (TestMayIsNecessary holds
	// every adapter to that). It spares a file the adapters before its
	// own (RFC 7591, ranked last, was read after seven others that each
	// looked through its keys).
	may may
}

// may is a test of a file's bytes (treeFormat): the file may be the
// adapter's when it has one of words as a whole word (anyWord) or when
// test says so; the zero may rules nothing out.
type may struct {
	words uint64 // bits of mayWords
	test  func(data []byte) bool
}

// allows reports whether the file whose words are in fw may be the
// adapter's.
func (m may) allows(data []byte, fw *fileWords) bool {
	if m.words == 0 && m.test == nil {
		return true
	}
	return m.words&fw.of(data) != 0 || m.test != nil && m.test(data)
}

// mayWords numbers the words the adapters' may tests look for: one scan
// of a file finds them all (fileWords).
var mayWords = map[string]uint64{}

// fileWords is the set of mayWords in one file, scanned on first use.
type fileWords struct {
	set     uint64
	scanned bool
}

// of returns the bits of the mayWords that are whole words of data: runs
// of letters, digits and _, so client_name holds no name. The bytes are
// the values only when the file has no escapes, which read checks first.
func (fw *fileWords) of(data []byte) uint64 {
	if fw.scanned {
		return fw.set
	}
	fw.scanned = true
	for i := 0; i < len(data); {
		if !wordByte(data[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(data) && wordByte(data[j]) {
			j++
		}
		if mayWordLens&(1<<min(j-i, 63)) != 0 {
			if bit, ok := mayWords[string(data[i:j])]; ok {
				fw.set |= bit
			}
		}
		i = j
	}
	return fw.set
}

// mayWordLens has bit n set when a may word is n bytes long (63: longer),
// so that most of a file's words are passed over without a map lookup.
var mayWordLens uint64

func wordByte(c byte) bool { return wordBytes[c] }

var wordBytes = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
	}
	return t
}()

// anyWord is the may test of an adapter that recognises no file without
// one of words as a key or value.
func anyWord(words ...string) may {
	var m may
	for _, w := range words {
		bit, ok := mayWords[w]
		if !ok {
			if len(mayWords) == 64 {
				panic("clientconfig: more than 64 may words")
			}
			bit = 1 << len(mayWords)
			mayWords[w] = bit
			mayWordLens |= 1 << min(len(w), 63)
		}
		m.words |= bit
	}
	return m
}

var treeFormats []treeFormat

// markers are keys that only client configurations (in the formats read
// here) carry, given by each adapter; they decide whether a file that does
// not parse is reported (see unlessUnmarked). Terraform's are its resource
// types.
var markers [][]byte

// registerTree adds an adapter and its markers; rank orders the sniffing
// (lower first): a format whose markers are more specific must come before
// a looser one.
func registerTree(rank int, read func([]Node) (*File, bool), may may, marks ...string) {
	treeFormats = append(treeFormats, treeFormat{rank, read, may})
	slices.SortStableFunc(treeFormats, func(a, b treeFormat) int { return a.rank - b.rank })
	for _, m := range marks {
		markers = append(markers, []byte(m))
	}
}

// Read sniffs the syntax and format of data (by content; the path's
// extension is a hint) and returns its clients. It never panics and bounds
// its own work and memory: callers cap the size of data before calling, and
// Read applies the lower cap of a syntax that has one (*TooLargeError).
//
// A file whose syntax does not parse is a *ParseError only when it carries
// markers of a format whichflow reads; otherwise it is ErrUnrecognised.
func Read(path string, data []byte) (f *File, err error) { return ReadInModule(path, data, nil) }

// ReadInModule is Read for a file of a Terraform module directory whose
// variables and locals mod holds (NewModule of the directory's files); nil
// reads the file on its own. A .tf file without clients or realms in a
// module that has some is ErrModuleFile.
func ReadInModule(path string, data []byte, mod *Module) (f *File, err error) {
	defer func() {
		// Belt and braces: adapters are written not to panic, and the
		// fuzz targets check that; a panic here must still not take lint down.
		if r := recover(); r != nil {
			f, err = nil, &ParseError{Path: path, Msg: fmt.Sprintf("internal error reading file: %v", r)}
		}
	}()
	f, err = read(path, data, mod)
	var pe *ParseError
	var tl *TooLargeError
	switch {
	case errors.As(err, &pe):
		pe.Path = path
	case errors.As(err, &tl):
		tl.Path = path
	}
	if f != nil {
		f.Path = path
		if len(f.Clients) > 0 && f.Format == "" {
			f.Format = f.Clients[0].Format
		}
		// A document that names its client nowhere (a Gravitee AM settings
		// body, applied to the application id in the request URL) is
		// known by its file's name.
		for i := range f.Clients {
			if f.Clients[i].ID == "" {
				f.Clients[i].ID = fileStem(path)
			}
		}
	}
	return f, err
}

func read(path string, data []byte, mod *Module) (*File, error) {
	syn, limit := sniff(path, data)
	if limit > 0 && int64(len(data)) > limit {
		return nil, &TooLargeError{Size: int64(len(data)), Limit: limit}
	}
	if len(bytes.TrimLeft(data, " \t\r\n\ufeff")) == 0 {
		return nil, ErrUnrecognised
	}
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return nil, ErrUnrecognised // binary
	}
	if !utf8.Valid(data) {
		if !hasMarkers(data) {
			return nil, ErrUnrecognised
		}
		return nil, &ParseError{Pos: firstInvalidUTF8(data), Msg: "file is not valid UTF-8"}
	}
	var (
		docs    []Node
		perr    *ParseError
		formats = treeFormats
		// comments: the syntax has comments, so directives; extend: a
		// client's block runs over the comments after it (YAML).
		comments, extend = true, true
	)
	switch syn {
	case flows.SyntaxHCL:
		defer oneBigHCL(len(data))()
		body, perr, deep := parseHCL(data)
		switch {
		case deep:
			return nil, perr
		case perr != nil:
			return nil, unlessUnmarked(data, perr)
		}
		if mod == nil {
			mod = fileModule(body, data)
		}
		f := readTerraform(body, mod)
		if f == nil {
			if mod.resources {
				return nil, ErrModuleFile
			}
			return nil, ErrUnrecognised
		}
		f.Directives = scanDirectives(data, true)
		return f, nil
	case flows.SyntaxProperties:
		var root Node
		root, perr = parseProperties(data)
		docs, formats, extend = []Node{root}, propertiesFormats, false
	case flows.SyntaxJSON:
		var root Node
		root, perr = parseJSON(data)
		docs, comments, extend = []Node{root}, false, false
	default:
		docs, perr = parseYAML(data)
	}
	if perr != nil {
		return nil, unlessUnmarked(data, withFormat(perr, syn))
	}
	if len(docs) == 0 {
		return nil, ErrUnrecognised
	}
	// A backslash may be an escape, whose value the bytes do not show:
	// then every adapter is offered the file.
	escapes := bytes.IndexByte(data, '\\') >= 0
	var fw fileWords
	for _, tf := range formats {
		if !escapes && !tf.may.allows(data, &fw) {
			continue
		}
		f, ok := tf.read(docs)
		if err := docs[0].t.err; err != nil {
			return nil, unlessUnmarked(data, withFormat(err, syn))
		}
		if !ok {
			continue
		}
		if comments {
			f.Directives = scanDirectives(data, false)
		}
		if extend {
			extendOverComments(data, f.Clients)
		}
		return f, nil
	}
	return nil, ErrUnrecognised
}

// fileStem is the base name of path without its extension.
func fileStem(p string) string {
	base := filepath.Base(filepath.ToSlash(p))
	if i := strings.LastIndexByte(base, '/'); i >= 0 {
		base = base[i+1:]
	}
	if stem := strings.TrimSuffix(base, filepath.Ext(base)); stem != "" {
		return stem
	}
	return base
}

// unlessUnmarked is pe for a file that carries markers of a client
// configuration, else ErrUnrecognised (a broken file of some other kind is
// not lint's business).
func unlessUnmarked(data []byte, pe *ParseError) error {
	if !hasMarkers(data) {
		return ErrUnrecognised
	}
	return pe
}

// withFormat names the syntax in pe when the reader did not.
func withFormat(pe *ParseError, syn flows.Syntax) *ParseError {
	if pe != nil && pe.Format == "" {
		pe.Format = string(syn)
	}
	return pe
}

// extendOverComments stretches each client's End over the comment and blank
// lines that follow it while they stay indented at least as deep as the
// client (a YAML node ends at its last value, but a trailing
// `# whichflow:ignore` inside the block belongs to it).
func extendOverComments(data []byte, clients []Client) {
	if len(clients) == 0 {
		return
	}
	var lines [][]byte
	for i := 0; len(data) > 0; i++ {
		j := bytes.IndexByte(data, '\n')
		if j < 0 {
			lines = append(lines, data)
			break
		}
		lines = append(lines, data[:j])
		data = data[j+1:]
	}
	for i := range clients {
		c := &clients[i]
		if c.End <= 0 || c.Pos.Col <= 0 {
			continue
		}
		for l := c.End + 1; l <= len(lines); l++ {
			text := lines[l-1]
			trim := bytes.TrimLeft(text, " \t")
			if len(bytes.TrimSpace(trim)) == 0 {
				continue
			}
			if trim[0] != '#' || len(text)-len(trim)+1 < c.Pos.Col {
				break
			}
			c.End = l
		}
	}
}

// --- directives -------------------------------------------------------------

var directiveMarker = []byte("whichflow:ignore")

// scanDirectives collects `whichflow:ignore ...` comments: after `#` (YAML,
// HCL, properties) or `//` and `/*` (HCL).
func scanDirectives(data []byte, hcl bool) []Directive {
	if !bytes.Contains(data, directiveMarker) {
		return nil
	}
	var out []Directive
	line := 0
	for len(data) > 0 {
		line++
		var l []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			l, data = data[:i], data[i+1:]
		} else {
			l, data = data, nil
		}
		j := bytes.Index(l, directiveMarker)
		if j < 0 {
			continue
		}
		before := l[:j]
		c := bytes.LastIndexByte(before, '#')
		if hcl {
			if k := bytes.LastIndex(before, []byte("//")); k > c {
				c = k
			}
			if k := bytes.LastIndex(before, []byte("/*")); k > c {
				c = k
			}
		}
		if c < 0 {
			continue
		}
		text := string(bytes.TrimSpace(l[j+len(directiveMarker):]))
		text = strings.TrimSpace(strings.TrimSuffix(text, "*/"))
		out = append(out, Directive{Pos: Pos{Line: line, Col: utf8.RuneCount(l[:c]) + 1}, Text: text})
	}
	return out
}

// --- sniffing helpers ---------------------------------------------------------

func hasMarkers(data []byte) bool {
	for _, m := range markers {
		if bytes.Contains(data, m) {
			return true
		}
	}
	for typ := range tfResources {
		if bytes.Contains(data, []byte(typ)) {
			return true
		}
	}
	return false
}

var reHCLBlock = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)^\s*(resource|variable|locals|terraform|provider|module|data|output)\s*("[^"\n]*"\s*)*\{`)
})

func looksLikeHCL(data []byte) bool {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	return reHCLBlock().Match(head)
}

func firstInvalidUTF8(data []byte) Pos {
	line, ls := 1, 0
	for i := 0; i < len(data); {
		r, w := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && w <= 1 {
			return Pos{Line: line, Col: utf8.RuneCount(data[ls:i]) + 1}
		}
		if r == '\n' {
			line++
			ls = i + 1
		}
		i += w
	}
	return Pos{}
}
