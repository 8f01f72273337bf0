// Package snippet renders starter requests ("snippets") for a flow from the
// catalog's templates (flows/snippets). Templates are parsed only when a
// snippet is rendered, so start-up stays cheap.
package snippet

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"go/format"
	"io/fs"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"text/template"
	"unicode/utf8"

	"github.com/whichflow/whichflow/flows"
)

// Request is everything a snippet needs.
type Request struct {
	Flow     flows.FlowID
	Lang     string
	Markdown bool

	ClientID    string
	RedirectURI string
	Scope       string
	// scopeFrom names where Scope came from when not --scope (the
	// protected resource's metadata), for errors about its value.
	scopeFrom string
	Audience  string
	LoginHint string
	// Resource is the resource indicator (RFC 8707 §2): sent on the
	// authorization request and every request to the authorization server,
	// and, with DPoP, the protected resource the token is used at.
	Resource string
	// High adds PAR, private_key_jwt and DPoP (--security high), requires
	// iss in the authorization response and refuses a pasted bare code.
	High bool
	// KeyAuth authenticates the client with private_key_jwt at standard
	// security too (--private-key-jwt): a hosted agent's registration.
	KeyAuth bool
	// IssRequired: the server advertises
	// authorization_response_iss_parameter_supported (RFC 9207 §3), so a
	// response without iss is rejected (§2.4); always with High.
	IssRequired bool

	Endpoints flows.Endpoints
	// Source says where the endpoints come from, in the catalog's words (the
	// provider profile's cited source, or the issuer's discovery document):
	// it is written in comments, so it never holds a value from the network.
	Source string
	// DiscoveryURL is where the discovery document was read; a value from
	// the network, so the snippet carries it as a string literal.
	DiscoveryURL string
	// Notes are catalog text for the header comment (never a value).
	Notes []string
}

// Defaults used when the user gives no value.
const (
	DefaultClientID    = "my-client"
	DefaultRedirectURI = "http://127.0.0.1:8400/callback"
)

// Error is a request that cannot be rendered (exit 2 for the CLI).
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

// Data is what templates see.
type Data struct {
	Request
	Flow  flows.Flow
	Title string
	// Env documents the environment variables the snippet reads.
	Env []EnvVar
	// Confidential: the flow needs client authentication (CLIENT_SECRET or,
	// with KeyAuth, CLIENT_KEY_FILE).
	Confidential bool
	// KeyAuth: the client authenticates with private_key_jwt (RFC 7523
	// §2.2): with --security high, and always for CIBA, as advise
	// recommends (CIBA Core §7.1, FAPI-CIBA).
	KeyAuth bool
	// DPoP: tokens are sender-constrained with DPoP (RFC 9449), nonces
	// handled (§8, §9), and the token is used once at a protected resource
	// (§7.1); with --security high.
	DPoP bool
	// Userinfo is the default protected resource for DPoP snippets of flows
	// with a user (OIDC Core §5.3); empty for client credentials.
	Userinfo string
	G        Identifiers
	Refs     string
	// Loopback: the authorization code snippet receives the redirect on a
	// loopback listener (RFC 8252 §7.3) instead of reading the pasted URL:
	// the redirect URI is http://127.0.0.1 or http://[::1] without a port,
	// and the language can listen (go, js, python; not POSIX sh).
	Loopback bool
	// Listener says where to listen and how to build the redirect URI with
	// the port the system chose; set when Loopback.
	Listener Listener
}

// Listener is a loopback redirect URI split around its (absent) port:
// the redirect URI is Origin + ":" + port + Rest.
type Listener struct {
	Host   string // the address to bind: 127.0.0.1 or ::1
	Origin string // http://127.0.0.1 or http://[::1], as written
	Rest   string // the path and query, as written
	Path   string // the path the redirect arrives on ("/" when empty)
}

// listenLangs can run a loopback listener; sh has no portable one.
var listenLangs = []string{flows.LangGo, flows.LangJS, flows.LangPython}

// loopbackListener reports whether uri is a loopback redirect URI without a
// port (RFC 8252 §7.3: the client picks the port at run time; §8.3: an IP
// literal, not localhost) and how to listen for it.
func loopbackListener(uri string) (Listener, bool) {
	u, err := url.Parse(uri)
	if err != nil || !strings.EqualFold(u.Scheme, "http") || u.User != nil || u.Opaque != "" ||
		u.Fragment != "" || strings.Contains(uri, "#") {
		return Listener{}, false
	}
	var host string
	switch u.Host {
	case "127.0.0.1":
		host = "127.0.0.1"
	case "[::1]":
		host = "::1"
	default: // a port, another host, or localhost
		return Listener{}, false
	}
	origin := len(u.Scheme) + len("://") + len(u.Host)
	if len(uri) < origin || !strings.EqualFold(uri[:origin], u.Scheme+"://"+u.Host) {
		return Listener{}, false
	}
	path := u.Path
	if path == "" {
		path = "/"
	}
	return Listener{Host: host, Origin: uri[:origin], Rest: uri[origin:], Path: path}, true
}

// EnvVar is an environment variable a snippet reads.
type EnvVar struct{ Name, Help string }

// Identifiers are the protocol constants, derived from the catalog.
type Identifiers struct {
	AuthorizationCode, ClientCredentials, RefreshToken, DeviceCode, JWTBearer, TokenExchange, CIBA, Password string
	AssertionType, TokenTypeAccessToken, TokenTypeJWT, S256                                                  string
}

var ids = Identifiers{
	AuthorizationCode: flows.GrantAuthorizationCode, ClientCredentials: flows.GrantClientCredentials,
	RefreshToken: flows.GrantRefreshToken, DeviceCode: flows.GrantDeviceCode, JWTBearer: flows.GrantJWTBearer,
	TokenExchange: flows.GrantTokenExchange, CIBA: flows.GrantCIBA, Password: flows.GrantPassword,
	AssertionType: flows.ClientAssertionTypeJWTBearer, TokenTypeAccessToken: flows.TokenTypeAccessToken,
	TokenTypeJWT: flows.TokenTypeJWT, S256: flows.PKCEMethodS256,
}

// confidentialFlows need an authenticated client (RFC 6749 §4.4, RFC 8693
// §2.1 in practice, CIBA Core §7.1).
var confidentialFlows = []flows.FlowID{flows.ClientCredentials, flows.TokenExchange, flows.CIBA}

// langFiles maps a language to its template files: flow body name and lib
// names.
func langFiles(lang string) (body string, libs []string) {
	switch lang {
	case flows.LangCurl, flows.LangHTTPie:
		return "sh", []string{"sh", lang}
	default:
		return lang, []string{lang}
	}
}

// fence is the markdown code fence language for each snippet language.
var fence = map[string]string{
	flows.LangCurl: "sh", flows.LangHTTPie: "sh", flows.LangGo: "go", flows.LangJS: "js", flows.LangPython: "python",
}

// Available reports whether a (flow, lang) snippet exists.
func Available(flow flows.FlowID, lang string) bool {
	body, _ := langFiles(lang)
	_, err := fs.Stat(flows.SnippetFS(), "snippets/"+string(flow)+"/"+body+".tmpl")
	return err == nil
}

// Langs lists the languages a flow has snippets in.
func Langs(flow flows.FlowID) []string {
	var out []string
	for _, l := range flows.SnippetLangs() {
		if Available(flow, l) {
			out = append(out, l)
		}
	}
	return out
}

// validate checks a value: valid UTF-8 without NUL or other control
// characters, C0 or C1 (a redirect URI with a newline is an attack, not a
// URI; an endpoint with one, a server trying to break out of a literal).
func validate(name, v string) error {
	if !utf8.ValidString(v) {
		return &Error{fmt.Sprintf("%s is not valid UTF-8", name)}
	}
	for _, r := range v {
		if r < 0x20 || (r >= 0x7f && r < 0xa0) {
			return &Error{fmt.Sprintf("%s contains a control character (%q)", name, r)}
		}
	}
	return nil
}

// Render renders the snippet.
func Render(r Request) (string, error) {
	f, ok := flows.FlowByID(r.Flow)
	if !ok {
		return "", &Error{fmt.Sprintf("unknown flow %q: one of %s", r.Flow, strings.Join(flows.FlowIDs(), ", "))}
	}
	if !slices.Contains(flows.SnippetLangs(), r.Lang) {
		return "", &Error{fmt.Sprintf("unknown language %q: one of %s", r.Lang, strings.Join(flows.SnippetLangs(), ", "))}
	}
	if f.ID == flows.Implicit {
		return "", &Error{fmt.Sprintf("the implicit grant has no snippet: %s Use --flow %s.", f.WhenToUse, flows.AuthorizationCode)}
	}
	if !Available(f.ID, r.Lang) {
		return "", &Error{fmt.Sprintf("no %s snippet for --flow %s; available: %s", r.Lang, f.ID, strings.Join(Langs(f.ID), ", "))}
	}
	if err := validateValues(r); err != nil {
		return "", err
	}
	if r.ClientID == "" {
		r.ClientID = DefaultClientID
	}
	if r.RedirectURI == "" {
		r.RedirectURI = DefaultRedirectURI
	}
	if err := needEndpoints(f.ID, r); err != nil {
		return "", err
	}
	d := Data{Request: r, Flow: f, G: ids, Confidential: slices.Contains(confidentialFlows, f.ID), Refs: strings.Join(flows.RefStrings(f.Refs), ", "),
		KeyAuth: r.High || r.KeyAuth || f.ID == flows.CIBA, DPoP: r.High}
	d.IssRequired = r.IssRequired || r.High
	if f.ID != flows.ClientCredentials && r.Resource == "" {
		d.Userinfo = r.Endpoints.Userinfo
	}
	if f.ID == flows.AuthorizationCode && slices.Contains(listenLangs, r.Lang) {
		d.Listener, d.Loopback = loopbackListener(r.RedirectURI)
	}
	d.Title = f.Name + " (" + f.GrantType + ")"
	if r.High {
		d.Title += " with " + highExtras(f.ID)
	} else if r.KeyAuth && f.ID != flows.CIBA {
		d.Title += " with private_key_jwt"
	}
	d.Env = envFor(d)

	body, libs := langFiles(r.Lang)
	t := template.New(body).Funcs(funcsFor(r.Lang))
	for _, lib := range libs {
		src, err := fs.ReadFile(flows.SnippetFS(), "snippets/lib/"+lib+".tmpl")
		if err != nil {
			return "", err
		}
		if _, err := t.New("lib-" + lib).Parse(string(src)); err != nil {
			return "", fmt.Errorf("snippet library %s: %w", lib, err)
		}
	}
	src, err := fs.ReadFile(flows.SnippetFS(), "snippets/"+string(f.ID)+"/"+body+".tmpl")
	if err != nil {
		return "", err
	}
	if _, err := t.New("main").Parse(string(src)); err != nil {
		return "", fmt.Errorf("snippet %s/%s: %w", f.ID, body, err)
	}
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, "main", d); err != nil {
		return "", fmt.Errorf("snippet %s/%s: %w", f.ID, r.Lang, err)
	}
	code := tidy(b.String())
	if r.Lang == flows.LangGo {
		code = dedupeImports(code)
		// gofmt: sorts the imports a flag added and aligns declarations.
		src, err := format.Source([]byte(code))
		if err != nil {
			return "", fmt.Errorf("snippet %s/%s is not valid Go: %w", f.ID, r.Lang, err)
		}
		code = string(src)
	}
	if !r.Markdown {
		return code, nil
	}
	var m strings.Builder
	fmt.Fprintf(&m, "### %s — %s\n\n", f.Name, r.Lang)
	fmt.Fprintf(&m, "%s\n\n", f.Summary)
	if r.DiscoveryURL != "" {
		fmt.Fprintf(&m, "Endpoints: %s (%s). References: %s.\n\n", r.Source, codeSpan(r.DiscoveryURL), d.Refs)
	} else {
		fmt.Fprintf(&m, "Endpoints: %s. References: %s.\n\n", r.Source, d.Refs)
	}
	if len(d.Env) > 0 {
		m.WriteString("Environment (secrets are read from here, never from flags):\n\n")
		for _, e := range d.Env {
			fmt.Fprintf(&m, "- `%s`: %s\n", e.Name, e.Help)
		}
		m.WriteString("\n")
	}
	fmt.Fprintf(&m, "```%s\n%s```\n", fence[r.Lang], code)
	return m.String(), nil
}

// dedupeImports drops a path the Go import block lists twice: blocks of
// the templates (private_key_jwt, DPoP) name what they use, and may name
// what the flow already imports.
func dedupeImports(code string) string {
	start := strings.Index(code, "\nimport (\n")
	if start < 0 {
		return code
	}
	end := strings.Index(code[start:], "\n)\n")
	if end < 0 {
		return code
	}
	block := code[start : start+end]
	seen := map[string]bool{}
	var out []string
	for _, l := range strings.Split(block, "\n") {
		p := strings.TrimSpace(l)
		if strings.HasPrefix(p, `"`) {
			if seen[p] {
				continue
			}
			seen[p] = true
		}
		out = append(out, l)
	}
	return code[:start] + strings.Join(out, "\n") + code[start+end:]
}

func highExtras(id flows.FlowID) string {
	if id == flows.AuthorizationCode {
		return "PAR, private_key_jwt and DPoP"
	}
	return "private_key_jwt and DPoP"
}

// needEndpoints checks the endpoints a flow needs are known.
func needEndpoints(id flows.FlowID, r Request) error {
	e := r.Endpoints
	need := map[string]string{"token_endpoint": e.Token}
	switch id {
	case flows.AuthorizationCode:
		need["authorization_endpoint"] = e.Authorization
		if r.High {
			need["pushed_authorization_request_endpoint"] = e.PAR
		}
	case flows.DeviceCode:
		need["device_authorization_endpoint"] = e.Device
	case flows.CIBA:
		need["backchannel_authentication_endpoint"] = e.CIBA
	}
	if r.High || id == flows.JWTBearer {
		need["issuer"] = e.Issuer
	}
	var missing []string
	for k, v := range need {
		if v == "" {
			missing = append(missing, k)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	slices.Sort(missing)
	return &Error{fmt.Sprintf("the endpoints for --flow %s are not known: no %s (%s); pass --issuer URL to read them from the server's discovery document", id, strings.Join(missing, ", "), r.Source)}
}

func envFor(d Data) []EnvVar {
	var env []EnvVar
	switch {
	case d.KeyAuth:
		env = append(env, EnvVar{"CLIENT_KEY_FILE", "the client's EC P-256 private key (PEM) for private_key_jwt (RFC 7523 §2.2); register its public JWK"})
		if d.DPoP {
			def := "the userinfo endpoint, when known"
			if d.Resource != "" {
				def = "the --resource the token is for"
			}
			env = append(env, EnvVar{"DPOP_KEY_FILE", "optional EC P-256 key for DPoP proofs (RFC 9449); a fresh one is generated when unset"},
				EnvVar{"RESOURCE_URL", "optional protected resource to call once with the DPoP-bound token (default: " + def + ")"})
		}
	case d.Confidential:
		env = append(env, EnvVar{"CLIENT_SECRET", "the client secret (required; sent with HTTP Basic, RFC 6749 §2.3.1)"})
	default:
		env = append(env, EnvVar{"CLIENT_SECRET", "the client secret of a confidential client (leave unset for a public client)"})
	}
	if d.Loopback {
		env = append(env, EnvVar{"OPEN_BROWSER", "set to 1 to open the authorization URL in the default browser (otherwise it is only printed)"})
	}
	switch d.Flow.ID {
	case flows.RefreshToken:
		env = append(env, EnvVar{"REFRESH_TOKEN", "the refresh token to redeem"})
	case flows.TokenExchange:
		env = append(env, EnvVar{"SUBJECT_TOKEN", "the token to exchange (RFC 8693 §2.1 subject_token)"},
			EnvVar{"SUBJECT_TOKEN_TYPE", "its type (default " + flows.TokenTypeAccessToken + ")"})
	case flows.JWTBearer:
		env = append(env, EnvVar{"ASSERTION_KEY_FILE", "EC P-256 private key (PEM) that signs the assertion, trusted by the server for this issuer"},
			EnvVar{"ASSERTION_ISSUER", "the assertion's iss (default: the client ID)"},
			EnvVar{"ASSERTION_SUBJECT", "the assertion's sub: the user or workload (default: the client ID)"})
	case flows.Password:
		env = append(env, EnvVar{"USERNAME", "the resource owner's username"}, EnvVar{"PASSWORD", "the resource owner's password"})
	}
	return env
}

// tidy collapses runs of blank lines left by template actions.
func tidy(s string) string {
	lines := strings.Split(s, "\n")
	var out []string
	blank := 0
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			blank++
			if blank > 1 || len(out) == 0 {
				continue
			}
			out = append(out, "")
			continue
		}
		blank = 0
		out = append(out, strings.TrimRight(l, " \t"))
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n") + "\n"
}

// quoters are the one owner, per language, of how a value becomes code: a
// string literal. Templates write every value (from flags, files or the
// network) as {{lit .X}}, never as bare text, and Render has rejected
// control characters and invalid UTF-8 before (validateValues), so a
// literal is one line that the language reads back as the same string.
var quoters = map[string]func(string) string{
	flows.LangCurl:   ShellQuote,
	flows.LangHTTPie: ShellQuote,
	flows.LangGo:     strconv.Quote,
	flows.LangJS:     jsString,
	flows.LangPython: pyString,
}

// funcsFor is the template functions of one language.
func funcsFor(lang string) template.FuncMap {
	return template.FuncMap{
		"lit": quoters[lang],
		// shjson: a JSON string inside a sh literal (a claim the sh
		// snippets splice into a JWT).
		"shjson": func(s string) string { return ShellQuote(jsString(s)) },
	}
}

// validateValues rejects a request whose values could not be literals on
// one line: every string that reaches a template as a value.
func validateValues(r Request) error {
	for _, v := range []struct{ name, v string }{
		{"--client-id", r.ClientID}, {"--redirect-uri", r.RedirectURI}, {cmp.Or(r.scopeFrom, "--scope"), r.Scope},
		{"--audience", r.Audience}, {"--login-hint", r.LoginHint}, {"--resource", r.Resource},
		{"the issuer", r.Endpoints.Issuer}, {"the authorization_endpoint", r.Endpoints.Authorization},
		{"the token_endpoint", r.Endpoints.Token}, {"the device_authorization_endpoint", r.Endpoints.Device},
		{"the pushed_authorization_request_endpoint", r.Endpoints.PAR},
		{"the backchannel_authentication_endpoint", r.Endpoints.CIBA}, {"the userinfo_endpoint", r.Endpoints.Userinfo},
		{"the discovery document URL", r.DiscoveryURL},
	} {
		if err := validate(v.name, v.v); err != nil {
			return err
		}
	}
	return nil
}

// codeSpan is s as a Markdown code span: a backtick fence longer than any
// run of backticks inside.
func codeSpan(s string) string {
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		pad = " "
	}
	return fence + pad + s + pad + fence
}

// ShellQuote quotes s for POSIX sh: inside single quotes nothing is special
// except the single quote itself, written as '\”.
func ShellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// pyString is s as a Python str literal: Go's quoting escapes exactly what
// Python's needs (\\, ", \n, \xNN, \uNNNN, \UNNNNNNNN mean the same code
// points in both for valid UTF-8, which validateValues guarantees).
func pyString(s string) string { return strconv.Quote(s) }

// jsString is s as a JavaScript string literal: JSON, with U+2028/2029
// escaped (line terminators in older JavaScript, and in a comment).
func jsString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	out := strings.TrimSuffix(b.String(), "\n")
	// U+2028/2029 are line terminators in older JavaScript.
	out = strings.ReplaceAll(out, "\u2028", `\u2028`)
	return strings.ReplaceAll(out, "\u2029", `\u2029`)
}
