package clientconfig

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

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

// Read sniffs the format of data (by content; the path's extension is a hint)
// and returns its clients. It never panics and bounds its own work: callers
// cap the size of data before calling.
//
// Syntax is chosen first (HCL for .tf or HCL-looking content, Java
// properties for .properties, JSON when the first byte is { or [, else YAML);
// the format is then sniffed from the keys present. A file whose syntax does
// not parse is a *ParseError only when it carries markers of a format
// whichflow reads; otherwise it is ErrUnrecognised.
func Read(path string, data []byte) (f *File, err error) {
	defer func() {
		// Belt and braces: adapters are written not to panic, and the
		// fuzz target checks that; a panic here must still not take lint down.
		if r := recover(); r != nil {
			f, err = nil, &ParseError{Path: path, Msg: fmt.Sprintf("internal error reading file: %v", r)}
		}
	}()
	f, err = read(path, data)
	var pe *ParseError
	if errors.As(err, &pe) {
		pe.Path = path
	}
	if f != nil {
		f.Path = path
		if len(f.Clients) > 0 && f.Format == "" {
			f.Format = f.Clients[0].Format
		}
	}
	return f, err
}

// skipJSONSubtrees lets the JSON reader leave a realm export's users, roles
// and the like out of the tree (see jsonDoc); tests turn it off to check
// that nothing changes.
var skipJSONSubtrees = true

func read(path string, data []byte) (*File, error) {
	body := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(body) == 0 {
		return nil, ErrUnrecognised
	}
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return nil, ErrUnrecognised // binary
	}
	ext := strings.ToLower(filepath.Ext(path))
	if !utf8.Valid(data) {
		if !hasMarkers(data) {
			return nil, ErrUnrecognised
		}
		return nil, &ParseError{Pos: firstInvalidUTF8(data), Msg: "file is not valid UTF-8"}
	}
	switch {
	case ext == ".tf" || (ext != ".json" && ext != ".yaml" && ext != ".yml" && looksLikeHCL(data)):
		return readTerraform(data)
	case ext == ".properties":
		return readProperties(data)
	case body[0] == '{' || body[0] == '[':
		if ext == ".yaml" || ext == ".yml" {
			// YAML flow style; fall through to the YAML reader below.
			break
		}
		doc, perr := parseJSONDoc(data, skipJSONSubtrees)
		if perr != nil {
			if !hasMarkers(data) {
				return nil, ErrUnrecognised
			}
			perr.Format = "json"
			return nil, perr
		}
		docs := []*yaml.Node{doc.Root}
		if doc.Skipped() {
			// Root-level realm subtrees (users, roles, ...) were left out.
			// Reading a Keycloak realm export never looks into them; any
			// other reading gets the whole tree, exactly as before.
			if !isMap(doc.Root) || has(doc.Root, "openapi", "swagger") {
				doc.Materialize()
			} else if f, err := dispatch(data, docs, false); err == nil && f.Format == flows.FormatKeycloak && isKeycloakRealm(doc.Root) {
				return f, nil
			} else {
				doc.Materialize()
			}
		}
		return dispatch(data, docs, false)
	}
	docs, perr := parseYAML(data)
	if perr != nil {
		if !hasMarkers(data) {
			return nil, ErrUnrecognised
		}
		return nil, perr
	}
	return dispatch(data, docs, true)
}

// dispatch sniffs the format from the parsed documents.
func dispatch(data []byte, docs []*yaml.Node, comments bool) (*File, error) {
	var (
		f  *File
		ok bool
	)
	for _, try := range []func([]*yaml.Node) (*File, bool){
		readHydraCRD, readWhichflow, readOpenAPI, readSpringDocs, readGravitee, readKeycloak, readAuth0, readRFC7591,
	} {
		if f, ok = try(docs); ok {
			break
		}
	}
	if !ok {
		return nil, ErrUnrecognised
	}
	if comments {
		f.Directives = scanDirectives(data, false)
		extendOverComments(data, f.Clients)
	}
	return f, nil
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

// --- YAML -------------------------------------------------------------------

var reYAMLLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`line (\d+)(?::? column (\d+))?`) })

func parseYAML(data []byte) ([]*yaml.Node, *ParseError) {
	if p, ok := yamlTooDeep(data); ok {
		return nil, &ParseError{Format: "yaml", Pos: p, Msg: fmt.Sprintf("nesting deeper than %d levels", maxDepth)}
	}
	src, subst := substituteAuth0Values(data)
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var docs []*yaml.Node
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
		docs = append(docs, &n)
	}
	if len(subst) > 0 {
		for _, d := range docs {
			markSubstituted(d, subst, 0)
		}
	}
	return docs, nil
}

// substituteAuth0Values makes Auth0 Deploy CLI `@@KEY@@` value tokens valid
// YAML without moving anything: an unquoted token where a value starts is
// rewritten in place to the same-length `"@KEY@"`. The returned set holds the
// positions rewritten; markSubstituted restores and tags those scalars.
func substituteAuth0Values(data []byte) ([]byte, map[Pos]string) {
	if !bytes.Contains(data, []byte("@@")) {
		return data, nil
	}
	locs := reAuth0Value().FindAllIndex(data, -1)
	if len(locs) == 0 {
		return data, nil
	}
	out := bytes.Clone(data)
	subst := map[Pos]string{}
	// Line and column are advanced from the previous token (locs ascend):
	// recounting from the start of the file or line for every token would be
	// quadratic in a file or line full of tokens.
	line, ls, at, col := 1, 0, 0, 1
	for _, l := range locs {
		// The token must start a value: preceded (after blanks) by ':', '-',
		// '[', ',' or the start of a line.
		i := l[0] - 1
		for i >= 0 && (data[i] == ' ' || data[i] == '\t') {
			i--
		}
		if i >= 0 && !bytes.ContainsRune([]byte(":-[,\n"), rune(data[i])) {
			continue
		}
		if nl := bytes.Count(data[at:l[0]], []byte("\n")); nl > 0 {
			line += nl
			ls = at + bytes.LastIndexByte(data[at:l[0]], '\n') + 1
			at, col = ls, 1
		}
		col += utf8.RuneCount(data[at:l[0]])
		at = l[0]
		out[l[0]] = '"'
		out[l[1]-1] = '"'
		subst[Pos{Line: line, Col: col}] = string(data[l[0]:l[1]])
	}
	return out, subst
}

func markSubstituted(n *yaml.Node, subst map[Pos]string, depth int) {
	if n == nil || depth > maxDepth+8 || n.Kind == yaml.AliasNode {
		return
	}
	if n.Kind == yaml.ScalarNode {
		if orig, ok := subst[Pos{Line: n.Line, Col: n.Column}]; ok {
			n.Tag, n.Value = tagUnresolved, orig
		}
		return
	}
	for _, c := range n.Content {
		markSubstituted(c, subst, depth+1)
	}
}

// yamlTooDeep is a cheap linear scan that bounds nesting before yaml.v3 sees
// the input: flow brackets (outside quotes and comments) plus block
// sequence/mapping indicators chained on one line.
func yamlTooDeep(data []byte) (Pos, bool) {
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
			if quote == '\'' || quote == '"' {
				continue
			}
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
				i++
				if chain+flow > maxDepth {
					return Pos{Line: line, Col: i - ls + 1}, true
				}
				continue
			}
			lineStart = false
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
		case '[', '{':
			flow++
			if flow+chain > maxDepth {
				return Pos{Line: line, Col: i - ls + 1}, true
			}
		case ']', '}':
			if flow > 0 {
				flow--
			}
		}
	}
	return Pos{}, false
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

// markers are keys that only client configurations (in the formats read
// here) carry; they decide whether a file that does not parse is reported.
var markers = [][]byte{
	[]byte("clientId"), []byte("redirect_uris"), []byte("redirectUris"), []byte("grant_types"),
	[]byte("grantTypes"), []byte("token_endpoint_auth_method"), []byte("tokenEndpointAuthMethod"),
	[]byte("securitySchemes"), []byte("securityDefinitions"), []byte("authorizationserver"),
	[]byte("oauth2.client"), []byte("registration"), []byte("OAuth2Client"), []byte("standardFlowEnabled"),
	[]byte("keycloak_openid_client"), []byte("okta_app_oauth"), []byte("auth0_client"), []byte("app_type"),
	[]byte("callbacks"), []byte("client_secret"),
}

func hasMarkers(data []byte) bool {
	for _, m := range markers {
		if bytes.Contains(data, m) {
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

// newFile returns a File for format with no clients yet.
func newFile(format flows.Format) *File { return &File{Format: format} }
