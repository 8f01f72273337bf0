package snippet

import (
	"encoding/json"
	"fmt"
	"go/scanner"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/whichflow/whichflow/flows"
)

// Values are data (issue 9 item 4): whatever a flag, an answers file or a
// discovery document says, it reaches a snippet only as a string literal
// that the language reads back as the same string, never as comment,
// docstring or code. Each test program is tokenized by the language's own
// lexer (go/scanner, Python's tokenize, Node's bundled acorn), and every
// token holding a value's marker must be a string literal equal to that
// value.

// hostile are values that try to break out of every literal and comment
// the snippets have ever used.
var hostile = []string{
	`"""+str(__import__("os").system("touch CANARY"))+"""`,
	`'; touch CANARY; echo '`, `$(touch CANARY)`, "`touch CANARY`", `\`, `\"`, `\'`, `'''`,
	"*/ process.exit(3) /*", "a\u2028process.exit(3)//", "a\u2029b", "</script><script>alert(1)</script>",
	"${process.exit(3)}", "#{x} {{.ClientID}} %s %v", "é ☃ 𝄞 \u200b\ufeff", `" + os.Getenv("HOME") + "`,
	"http://h/x%22%22%22%0Atouch%20CANARY", `\u2028\x41`,
	// refused: control characters and invalid UTF-8 cannot be one-line literals
	"a\nb", "a\rtouch CANARY", "\x00", "\x1b[31m", "\u0085", "\xff\xfe",
}

// fieldValue is the value put in one field: a marker naming the field,
// then v.
func fieldValue(field, v string) string { return "ZQ" + field + "Q" + v }

// hostileRequests are every renderable (flow, lang, high) with every value
// field set to its marker plus v.
func hostileRequests(v string) []Request {
	var out []Request
	for _, r := range all() {
		r.ClientID = fieldValue("clientid", v)
		if r.RedirectURI == "" {
			r.RedirectURI = fieldValue("redirect", v)
		}
		r.Scope = fieldValue("scope", v)
		r.Audience = fieldValue("audience", v)
		r.LoginHint = fieldValue("loginhint", v)
		if r.Resource != "" {
			r.Resource = fieldValue("resource", v)
		}
		r.Endpoints = flows.Endpoints{
			Issuer: fieldValue("issuer", v), Authorization: fieldValue("authz", v), Token: fieldValue("token", v),
			Device: fieldValue("device", v), PAR: fieldValue("par", v), CIBA: fieldValue("ciba", v), Userinfo: fieldValue("userinfo", v),
		}
		r.DiscoveryURL = fieldValue("discovery", v)
		out = append(out, r)
	}
	return out
}

// a token a language's lexer found holding a marker.
type markedToken struct {
	File  string `json:"file"`
	Kind  string `json:"kind"`  // "string", "comment", or anything else
	Value string `json:"value"` // the literal's value (strings), else the text
	Err   string `json:"err"`
}

func TestHostileValuesAreData(t *testing.T) { checkHostile(t, hostile...) }

func FuzzHostileValuesAreData(f *testing.F) {
	for _, v := range hostile {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) { checkHostile(t, v) })
}

// checkHostile renders every snippet with each value in every field and
// lexes all of them (one lexer process per language).
func checkHostile(t *testing.T, vs ...string) {
	t.Helper()
	dir := t.TempDir()
	files := map[string][]string{} // lang: files
	values := map[string]bool{}
	for _, v := range vs {
		if validate("v", v) != nil {
			for _, r := range hostileRequests(v)[:1] {
				if _, err := Render(r); !isError(err) {
					t.Fatalf("%q (control characters or invalid UTF-8) accepted: %v", v, err)
				}
			}
			continue
		}
		renderHostile(t, dir, v, files, values)
	}
	checkTokens(t, "python3", append([]string{"-c", pyTokens}, files[flows.LangPython]...), values)
	checkTokens(t, "node", append([]string{"--expose-internals", "-e", jsTokens}, files[flows.LangJS]...), values)
	if sh := append(files[flows.LangCurl], files[flows.LangHTTPie]...); len(sh) > 0 {
		cmd := exec.Command("sh", append([]string{"-c", `for f; do sh -n "$f" || echo "$f does not parse"; done`, "sh"}, sh...)...)
		if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
			t.Errorf("sh -n: %v\n%s", err, out)
		}
	}
}

func renderHostile(t *testing.T, dir, v string, files map[string][]string, values map[string]bool) {
	t.Helper()
	for _, r := range hostileRequests(v) {
		for _, f := range []string{r.ClientID, r.RedirectURI, r.Scope, r.Audience, r.LoginHint, r.DiscoveryURL, r.Resource,
			r.Endpoints.Issuer, r.Endpoints.Authorization, r.Endpoints.Token, r.Endpoints.Device, r.Endpoints.PAR, r.Endpoints.CIBA, r.Endpoints.Userinfo} {
			values[f] = true
		}
		out, err := Render(r)
		if err != nil {
			t.Fatalf("%s with %q: %v", name(r), v, err)
		}
		if !strings.Contains(out, fieldValue("clientid", v)) && !strings.Contains(out, strconv.Quote(fieldValue("clientid", v))[1:5]) {
			t.Fatalf("%s: the client ID is not in the program", name(r))
		}
		file := filepath.Join(dir, fmt.Sprintf("%s.%d", name(r), len(files[r.Lang])))
		switch r.Lang {
		case flows.LangGo:
			checkGo(t, name(r), out, values)
			continue
		case flows.LangCurl, flows.LangHTTPie:
			checkSh(t, name(r), out, values)
			file += ".sh"
		case flows.LangJS:
			file += ".mjs"
		case flows.LangPython:
			file += ".py"
		}
		if err := os.WriteFile(file, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		files[r.Lang] = append(files[r.Lang], file)
	}
}

// checkGo lexes a Go program: a marker may only be inside string literals
// whose value is exactly one field's value.
func checkGo(t *testing.T, name, src string, values map[string]bool) {
	t.Helper()
	fset := token.NewFileSet()
	file := fset.AddFile(name, -1, len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), func(pos token.Position, msg string) { t.Errorf("%s:%s: %s", name, pos, msg) }, scanner.ScanComments)
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			return
		}
		if !strings.Contains(lit, "ZQ") {
			continue
		}
		if tok != token.STRING {
			t.Fatalf("%s: a value reached a Go %s: %q", name, tok, lit)
		}
		got, err := strconv.Unquote(lit)
		if err != nil || !values[got] {
			t.Fatalf("%s: Go literal %s is not a value (%v)", name, lit, err)
		}
	}
}

// checkSh reads a sh program by lines: a marker may only be in an
// assignment whose word is one single-quoted string (ShellQuote's output)
// equal to a field's value, or the JSON form of one; sh reads it back the
// same (FuzzShellQuote runs sh on such lines).
func checkSh(t *testing.T, name, src string, values map[string]bool) {
	t.Helper()
	for _, line := range strings.Split(src, "\n") {
		if !strings.Contains(line, "ZQ") {
			continue
		}
		k, word, ok := strings.Cut(line, "=")
		if !ok || strings.ContainsAny(k, " #'\"$") {
			t.Fatalf("%s: a value outside an assignment: %q", name, line)
		}
		got, ok := parseShellWord(word)
		if !ok {
			t.Fatalf("%s: assignment %q is not one quoted word", name, line)
		}
		if values[got] {
			continue
		}
		var s string
		if json.Unmarshal([]byte(got), &s) != nil || !values[s] || !strings.HasSuffix(k, "_JSON") {
			t.Fatalf("%s: %s=%q is not a value", name, k, got)
		}
	}
}

// checkTokens runs a lexer script over files and checks what it reports.
func checkTokens(t *testing.T, tool string, args []string, values map[string]bool) {
	t.Helper()
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], "py") && !strings.HasSuffix(args[len(args)-1], "mjs") {
		return
	}
	if _, err := exec.LookPath(tool); err != nil {
		t.Logf("%s not installed: not checked", tool)
		return
	}
	out, err := exec.Command(tool, args...).Output()
	if err != nil {
		t.Fatalf("%s lexer: %v\n%s", tool, err, out)
	}
	var toks []markedToken
	if err := json.Unmarshal(out, &toks); err != nil {
		t.Fatalf("%s lexer output: %v\n%s", tool, err, out)
	}
	if len(toks) == 0 {
		t.Fatalf("%s found no values at all: the lexer script is broken", tool)
	}
	for _, tk := range toks {
		switch {
		case tk.Err != "":
			t.Fatalf("%s: %s", tk.File, tk.Err)
		case tk.Kind != "string":
			t.Fatalf("%s: a value reached a %s token: %q", tk.File, tk.Kind, tk.Value)
		case !values[tk.Value]:
			t.Fatalf("%s: string literal %q is not a value", tk.File, tk.Value)
		}
	}
}

// pyTokens prints, as JSON, every token of each file that holds a marker,
// with the value of string literals (a docstring or an f-string holding
// one is an error: its value is not a field's value, or it does not
// evaluate).
const pyTokens = `
import ast, io, json, sys, tokenize
out = []
for f in sys.argv[1:]:
    src = open(f, encoding="utf-8").read()
    try:
        ast.parse(src)
        for tok in tokenize.generate_tokens(io.StringIO(src).readline):
            if "ZQ" not in tok.string:
                continue
            kind = tokenize.tok_name[tok.type].lower()
            if kind == "string":
                try:
                    out.append({"file": f, "kind": "string", "value": ast.literal_eval(tok.string)})
                except Exception as e:
                    out.append({"file": f, "kind": "string", "err": "not a plain literal: %r (%s)" % (tok.string, e)})
            else:
                out.append({"file": f, "kind": kind, "value": tok.string})
    except SyntaxError as e:
        out.append({"file": f, "err": "syntax error: %s" % e})
json.dump(out, sys.stdout)
`

// jsTokens does the same with the acorn lexer Node bundles (internal; the
// script fails loudly if a Node release moves it).
const jsTokens = `
const acorn = require('internal/deps/acorn/acorn/dist/acorn');
const fs = require('fs');
const out = [];
for (const f of process.argv.slice(1)) {
  const src = fs.readFileSync(f, 'utf8');
  try {
    acorn.parse(src, { ecmaVersion: 'latest', sourceType: 'module', allowAwaitOutsideFunction: true });
    const onComment = (block, text) => { if (text.includes('ZQ')) out.push({ file: f, kind: 'comment', value: text }); };
    for (const tok of acorn.tokenizer(src, { ecmaVersion: 'latest', sourceType: 'module', allowAwaitOutsideFunction: true, onComment })) {
      const text = src.slice(tok.start, tok.end);
      if (!text.includes('ZQ')) continue;
      out.push({ file: f, kind: tok.type.label === 'string' ? 'string' : tok.type.label, value: tok.type.label === 'string' ? tok.value : text });
    }
  } catch (e) {
    out.push({ file: f, err: 'parse error: ' + e.message });
  }
}
process.stdout.write(JSON.stringify(out));
`
