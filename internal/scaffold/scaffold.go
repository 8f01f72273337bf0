// Package scaffold renders the client registration for an advisor decision
// in a team's config-as-code format. The templates are catalog data
// (flows/scaffold/<format>.tmpl); this package computes the format-neutral
// facts they need, refuses what a format cannot express, and normalises the
// output (JSON indentation, `terraform fmt` alignment).
package scaffold

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"text/template"

	"github.com/whichflow/whichflow/advisor"
	"github.com/whichflow/whichflow/flows"
)

// Params are the user's choices that are not answers about the client.
type Params struct {
	// Name is the display name; default from the client situation.
	Name string
	// ClientID is the client identifier; default "my-<client>".
	ClientID string
	// RedirectURIs replace the decision's placeholders when given.
	RedirectURIs []string
	// JWKSURI is where a private_key_jwt client publishes its public keys
	// (https); default a placeholder.
	JWKSURI string
}

// UnsupportedError is a recommendation the format cannot express, or one
// whichflow will not scaffold (the password grant). The CLI exits 2 with it.
type UnsupportedError struct {
	Format flows.Format
	// What cannot be expressed, Instead what to do.
	What, Instead string
}

func (e *UnsupportedError) Error() string {
	return e.What + "\n" + e.Instead
}

// InputError is a bad parameter (an unsafe redirect URI, say).
type InputError struct{ Msg string }

func (e *InputError) Error() string { return e.Msg }

// Platform is the shape of the client in vendor terms; templates map it to
// their own application types.
const (
	PlatformBrowser     = "browser"     // public, in the browser (spa)
	PlatformNative      = "native"      // public, installed (native, cli, device, trusted)
	PlatformWeb         = "web"         // confidential with redirects (web, bff)
	PlatformBackchannel = "backchannel" // confidential, CIBA
	PlatformService     = "service"     // confidential, no user agent
)

// SigningAlg is the JWS algorithm scaffolds declare for private_key_jwt:
// the catalog's, the one the snippets sign with.
const SigningAlg = flows.ClientAssertionAlg

// Model is what templates see.
type Model struct {
	Format   flows.Format
	Client   string // the --client answer
	Security string
	Flow     flows.FlowID
	Summary  string

	ClientID string
	Name     string
	// Label is ClientID as a Terraform resource label; Slug is ClientID as
	// a property key (no dots).
	Label string
	Slug  string

	Platform      string
	Public        bool
	AuthMethod    string
	SecretAuth    bool // client_secret_basic / client_secret_post
	PrivateKeyJWT bool
	JWKSURI       string
	// PerInstance: each installation registers itself; JWKS is the
	// placeholder key set it sends instead of a jwks_uri.
	PerInstance     bool
	JWKS            map[string]any
	SigningAlg      string
	ApplicationType string // RFC 7591 application_type

	// Grants are the RFC grant identifiers to register.
	Grants            []string
	ResponseTypes     []string
	Code              bool
	Refresh           bool
	ClientCredentials bool
	Device            bool
	CIBA              bool
	TokenExchange     bool
	JWTBearer         bool
	// DroppedRefresh: the advisor registers refresh_token, but the server
	// accepts it only with grants this client has none of
	// (ScaffoldFormat.RefreshWith), so it is left out.
	DroppedRefresh bool

	PKCE bool
	// Rotate is true for a public client that gets refresh tokens: rotation
	// is declared wherever the format can say so (RFC 9700 §4.14.2).
	Rotate bool
	PAR    bool
	DPoP   bool
	MTLS   bool
	BFF    bool

	RedirectURIs []string
	// WebOrigins are the CORS origins of a browser client (its redirect
	// URIs' origins); empty for everything else.
	WebOrigins      []string
	BackchannelMode string

	// Registration is the advisor's RFC 7591 metadata.
	Registration advisor.Registration
}

// Render returns the registration for the decision in format.
func Render(d advisor.Decision, format flows.Format, p Params) ([]byte, error) {
	sf, ok := flows.ScaffoldFormatByID(format)
	if !ok {
		return nil, &InputError{Msg: fmt.Sprintf("unknown format %q: one of %s", format, strings.Join(flows.ScaffoldFormatIDs(), ", "))}
	}
	m, err := NewModel(d, sf, p)
	if err != nil {
		return nil, err
	}
	tmpl, err := parsed(sf)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, m); err != nil {
		return nil, fmt.Errorf("rendering %s: %w", format, err)
	}
	return normalise(string(sf.Info().Syntax().Syntax), buf.Bytes())
}

// Notes returns what the user should know about the scaffold for the
// decision in format: settings the format cannot declare per client.
func Notes(d advisor.Decision, format flows.Format, p Params) []string {
	sf, ok := flows.ScaffoldFormatByID(format)
	if !ok {
		return nil
	}
	m, err := NewModel(d, sf, p)
	if err != nil {
		return nil
	}
	var out []string
	add := func(flow flows.FlowID, ext string) {
		if g, ok := sf.Note(flow, ext); ok && !slices.Contains(out, g.Text) {
			out = append(out, g.Text)
		}
	}
	if m.JWTBearer {
		add(flows.JWTBearer, "")
	}
	if m.Code {
		add("", "pkce")
	}
	if m.Rotate {
		add("", "rotation")
	}
	if m.SecretAuth {
		add("", "secret")
	}
	if sf.MetadataDocument {
		out = append(out, fmt.Sprintf("Serve this document at %s, exactly as written (HTTP 200, application/json, https): the server fetches it and checks that its client_id is that URL (CIMD §4.1); it is public, so it holds no secret.", m.ClientID))
	}
	if m.PAR {
		add("", flows.ExtPAR)
	}
	if m.DPoP {
		add("", flows.ExtDPoP)
	}
	if len(p.RedirectURIs) == 0 && len(m.RedirectURIs) > 0 {
		out = append(out, fmt.Sprintf("The redirect URIs are placeholders (%s): replace them, or pass --redirect-uri.", strings.Join(m.RedirectURIs, ", ")))
	}
	if text, ok := sf.NotesTemplate(); ok {
		notes, err := renderNotes(sf, text, m)
		if err != nil {
			// The templates are catalog data; their test renders every
			// answer set, so this is not the user's to see.
			panic(err)
		}
		for _, n := range notes {
			if !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	switch {
	case m.PerInstance:
		out = append(out, "Per-installation registration: each installation generates its own key pair, puts its public key in jwks (replacing the placeholder) and POSTs this metadata to the server's registration_endpoint (RFC 7591 §3, found in its discovery document); the private key never leaves the installation. Gate registration with an initial access token or a software statement.")
	case m.PrivateKeyJWT:
		out = append(out, fmt.Sprintf("private_key_jwt: publish the client's public keys at %s (a placeholder) and keep the private key with the client.", m.JWKSURI))
	}
	return out
}

// NewModel computes the template model, or says why the format cannot
// express the decision.
func NewModel(d advisor.Decision, sf flows.ScaffoldFormat, p Params) (*Model, error) {
	rec := d.Recommendation
	resolved := d.Resolved()
	if rec.Flow == flows.Password {
		return nil, passwordError(d, sf.Format)
	}
	if g, ok := sf.FlowGap(rec.Flow); ok {
		f, _ := flows.FlowByID(rec.Flow)
		return nil, &UnsupportedError{Format: sf.Format,
			What:    fmt.Sprintf("%s cannot express the recommendation (%s, %s): the provider does not support it that way.", sf.Name, f.Name, f.GrantType),
			Instead: g.Text}
	}
	if d.PerInstance() && !sf.PerInstance {
		return nil, perInstanceError(d, sf)
	}
	if g, ok := sf.ExtensionGap(rec.Extensions); ok {
		return nil, extensionError(d, sf, g)
	}
	if sf.MetadataDocument {
		if err := checkMetadataDocument(d, sf, p); err != nil {
			return nil, err
		}
	}
	// --provider names the server the registration is for: its gaps apply
	// whatever the file format (rfc7591 for Gravitee's DCR endpoint, say).
	if p, ok := flows.ProviderByID(resolved[flows.FacetProvider]); ok && p.ID != sf.Provider {
		if g, ok := p.FlowGap(rec.Flow); ok {
			f, _ := flows.FlowByID(rec.Flow)
			return nil, &UnsupportedError{Format: sf.Format,
				What:    fmt.Sprintf("%s does not support the recommendation (%s, %s).", p.Name, f.Name, f.GrantType),
				Instead: g.Text}
		}
	}
	m := &Model{
		Format: sf.Format, Client: resolved[flows.FacetClient], Security: resolved[flows.FacetSecurity],
		Flow: rec.Flow, Summary: rec.Summary,
		Public: rec.ClientType == flows.Public, AuthMethod: rec.ClientAuthentication,
		PKCE: rec.PKCE, SigningAlg: SigningAlg, Registration: d.Registration,
		ApplicationType: d.Registration.ApplicationType, BackchannelMode: d.Registration.BackchannelTokenDeliveryMode,
	}
	m.SecretAuth = flows.AuthMethod(m.AuthMethod).SecretBased()
	m.PrivateKeyJWT = m.AuthMethod == flows.AuthPrivateKeyJWT
	m.PerInstance = d.PerInstance()
	switch {
	case m.PerInstance:
		m.JWKS = placeholderJWKS(m.SigningAlg)
	case m.PrivateKeyJWT:
		m.JWKSURI = d.Registration.JWKSURI
		if p.JWKSURI != "" {
			m.JWKSURI = p.JWKSURI
		}
		if m.JWKSURI == "" {
			m.JWKSURI = advisor.PlaceholderJWKSURI
		}
	}
	if p.JWKSURI != "" && !m.PrivateKeyJWT {
		return nil, &InputError{Msg: fmt.Sprintf("--jwks-uri given, but the recommendation authenticates with %s, not private_key_jwt", m.AuthMethod)}
	}
	if p.JWKSURI != "" && m.PerInstance {
		return nil, &InputError{Msg: "--jwks-uri given, but each installation registers its own key inline (jwks), not at a URL"}
	}
	if u, err := url.Parse(p.JWKSURI); p.JWKSURI != "" && (err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil || u.Fragment != "") {
		return nil, &InputError{Msg: fmt.Sprintf("--jwks-uri %q: an https URL with a host, without user information or fragment", p.JWKSURI)}
	}
	m.Grants = slices.Clone(d.Registration.GrantTypes)
	m.ResponseTypes = slices.Clone(d.Registration.ResponseTypes)
	for _, g := range m.Grants {
		switch g {
		case flows.GrantAuthorizationCode:
			m.Code = true
		case flows.GrantRefreshToken:
			m.Refresh = true
		case flows.GrantClientCredentials:
			m.ClientCredentials = true
		case flows.GrantDeviceCode:
			m.Device = true
		case flows.GrantCIBA:
			m.CIBA = true
		case flows.GrantTokenExchange:
			m.TokenExchange = true
		case flows.GrantJWTBearer:
			m.JWTBearer = true
		case flows.GrantImplicit, flows.GrantPassword:
			// Never scaffolded; the advisor does not register them either.
			return nil, passwordError(d, sf.Format)
		}
	}
	if m.Refresh && len(sf.RefreshWith) > 0 && !slices.ContainsFunc(m.Grants, func(g string) bool { return slices.Contains(sf.RefreshWith, g) }) {
		m.Grants = slices.DeleteFunc(m.Grants, func(g string) bool { return g == flows.GrantRefreshToken })
		m.Refresh, m.DroppedRefresh = false, true
	}
	m.Rotate = m.Public && m.Refresh
	m.PAR = d.Registration.RequirePAR
	m.DPoP = d.Registration.DPoPBoundAccessTokens
	m.MTLS = slices.Contains(rec.Extensions, flows.ExtMTLS)
	m.BFF = slices.Contains(rec.Extensions, flows.ExtBFF)
	switch {
	case m.Public && m.Code && strings.HasPrefix(firstOr(d.Registration.RedirectURIs), "https://"):
		m.Platform = PlatformBrowser
	case m.Public, m.PerInstance:
		m.Platform = PlatformNative
	case m.Code:
		m.Platform = PlatformWeb
	case m.CIBA:
		m.Platform = PlatformBackchannel
	default:
		m.Platform = PlatformService
	}

	m.ClientID = p.ClientID
	if m.ClientID == "" {
		m.ClientID = "my-" + m.Client
	}
	if !sf.MetadataDocument && !reClientID().MatchString(m.ClientID) {
		return nil, &InputError{Msg: fmt.Sprintf("--client-id %q: use letters, digits, '.', '_' and '-' (1-100 characters, starting with a letter or digit)", m.ClientID)}
	}
	m.Label = strings.NewReplacer("-", "_", ".", "_").Replace(m.ClientID)
	m.Slug = strings.ReplaceAll(m.ClientID, ".", "-")
	if m.Label[0] >= '0' && m.Label[0] <= '9' {
		m.Label = "client_" + m.Label
	}
	m.Name = p.Name
	if m.Name == "" {
		m.Name = defaultName(m.Client)
	}

	if len(p.RedirectURIs) > 0 {
		if !m.Code {
			f, _ := flows.FlowByID(rec.Flow)
			return nil, &InputError{Msg: fmt.Sprintf("--redirect-uri given, but the recommended flow (%s) uses no redirect", f.Name)}
		}
		for _, u := range p.RedirectURIs {
			if err := checkRedirect(u, m.Platform); err != nil {
				return nil, err
			}
		}
		m.RedirectURIs = slices.Clone(p.RedirectURIs)
	} else if m.Code {
		m.RedirectURIs = slices.Clone(d.Registration.RedirectURIs)
	}
	m.Registration.RedirectURIs = m.RedirectURIs
	if m.Platform == PlatformBrowser {
		for _, u := range m.RedirectURIs {
			if o := origin(u); o != "" && !slices.Contains(m.WebOrigins, o) {
				m.WebOrigins = append(m.WebOrigins, o)
			}
		}
	}
	return m, nil
}

var reClientID = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$`) })

func firstOr(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

func defaultName(client string) string {
	f, ok := flows.FacetByID(flows.FacetClient)
	if ok {
		for _, o := range f.Options {
			if o.Value == client {
				return o.Label
			}
		}
	}
	return client
}

// checkRedirect refuses redirect URIs lint would flag: wildcards, plain
// http off loopback, fragments, relative URIs (RFC 9700 §2.1, §4.1.3;
// RFC 6749 §3.1.2; RFC 8252 §7).
func checkRedirect(raw, platform string) error {
	bad := func(why string) error {
		return &InputError{Msg: fmt.Sprintf("--redirect-uri %q: %s", raw, why)}
	}
	if strings.Contains(raw, "*") {
		return bad("wildcards are not allowed; register every redirect URI exactly (RFC 9700 §4.1.3)")
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" {
		return bad("not an absolute URI")
	}
	if u.Fragment != "" || strings.Contains(raw, "#") {
		return bad("a redirect URI must not have a fragment (RFC 6749 §3.1.2)")
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
		if u.Host == "" {
			return bad("no host")
		}
	case "http":
		switch u.Hostname() {
		case "127.0.0.1", "::1", "localhost":
		default:
			return bad("plain http is only allowed on a loopback address such as http://127.0.0.1 (RFC 8252 §7.3); use https")
		}
	default:
		if platform != PlatformNative {
			return bad("private-use schemes are for native apps (RFC 8252 §7.1); use https")
		}
	}
	return nil
}

func origin(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	return u.Scheme + "://" + u.Host
}

func passwordError(d advisor.Decision, format flows.Format) error {
	var alts []string
	for _, a := range d.Alternatives {
		alts = append(alts, fmt.Sprintf("  - %s (%s): %s", a.Flow, a.GrantType, a.When))
	}
	return &UnsupportedError{Format: format,
		What: "whichflow does not scaffold the password grant: RFC 9700 §2.4 says it MUST NOT be used and OAuth 2.1 removes it, so a new registration for it would be born deprecated.",
		Instead: "Register the migration target instead:\n" + strings.Join(alts, "\n") +
			fmt.Sprintf("\nfor example: whichflow scaffold --as %s --client trusted (authorization code + PKCE in the system browser)", format)}
}

// checkMetadataDocument refuses what a client ID metadata document cannot
// be: without the https URL it is served at as --client-id (CIMD §3), or
// for a client that authenticates with a shared secret (CIMD §4.1).
func checkMetadataDocument(d advisor.Decision, sf flows.ScaffoldFormat, p Params) error {
	if auth := d.Recommendation.ClientAuthentication; flows.AuthMethod(auth).SecretBased() {
		id := p.ClientID
		if id == "" {
			id = advisor.PlaceholderClientMetadataURL
		}
		cmd := append([]string{"whichflow", "scaffold", "--as", string(sf.Format)}, d.AnswerFlags()...)
		cmd = append(cmd, "--security", flows.SecurityHigh, "--client-id", id, "--jwks-uri", advisor.PlaceholderJWKSURI)
		return &UnsupportedError{Format: sf.Format,
			What: fmt.Sprintf("A client ID metadata document cannot establish a shared secret (CIMD §4.1), and the recommendation authenticates with %s.", auth),
			Instead: "Authenticate with private_key_jwt, its public key at a jwks_uri the document names (CIMD §6.2):\n  " +
				strings.Join(cmd, " ") +
				"\nor register the client in advance (--as rfc7591) where the server issues it a secret."}
	}
	if p.ClientID == "" {
		return &InputError{Msg: fmt.Sprintf("--as %s needs --client-id: the https URL the document will be served at, which is its client_id (for example --client-id %s)",
			sf.Format, advisor.PlaceholderClientMetadataURL)}
	}
	if err := flows.CheckClientIDURL(p.ClientID); err != nil {
		return &InputError{Msg: fmt.Sprintf("--client-id %q: the client_id of a client ID metadata document is the https URL it is served at, with a path and no query, fragment or credentials (CIMD §3): %v", p.ClientID, err)}
	}
	return nil
}

// perInstanceError refuses one static client for an app whose every
// installation registers itself (RFC 8252 §8.4, §8.5).
func perInstanceError(d advisor.Decision, sf flows.ScaffoldFormat) error {
	cmd := append([]string{"whichflow", "scaffold", "--as", string(flows.FormatRFC7591)}, d.AnswerFlags()...)
	return &UnsupportedError{Format: sf.Format,
		What: fmt.Sprintf("%s declares one client for every installation, but at --security high each installation of this app registers itself as a confidential client with its own key (RFC 8252 §8.4): a key shared by every copy of a shipped app is no secret (RFC 8252 §8.5).", sf.Name),
		Instead: "Scaffold the metadata each installation sends to the server's registration endpoint (RFC 7591):\n  " + strings.Join(cmd, " ") +
			"\nand enable dynamic client registration on the server, gated by an initial access token or a software statement."}
}

// extensionError refuses a recommendation whose extension the format (its
// server's configuration API) cannot express; the registration metadata
// for the server's registration endpoint can.
func extensionError(d advisor.Decision, sf flows.ScaffoldFormat, g flows.Gap) error {
	flags := d.AnswerFlags()
	if sf.Provider != "" && !slices.Contains(flags, "--provider") {
		flags = append(flags, "--provider", sf.Provider)
	}
	cmd := append([]string{"whichflow", "scaffold", "--as", string(flows.FormatRFC7591)}, flags...)
	return &UnsupportedError{Format: sf.Format,
		What:    fmt.Sprintf("%s cannot express the recommendation: it needs %s, which the provider's configuration API cannot set.", sf.Name, g.Extension),
		Instead: g.Text + "\n  " + strings.Join(cmd, " ")}
}

// placeholderJWKS is the key set an installation sends, with placeholders
// for the public key it generates, of the key type alg needs.
func placeholderJWKS(alg string) map[string]any {
	key := map[string]any{"use": "sig", "alg": alg, "kid": "<key id>"}
	switch {
	case strings.HasPrefix(alg, "ES"):
		key["kty"], key["crv"] = "EC", "P-"+strings.TrimPrefix(alg, "ES")
		key["x"], key["y"] = "<x of the public key this installation generated>", "<y of that key>"
	case alg == "EdDSA":
		key["kty"], key["crv"], key["x"] = "OKP", "Ed25519", "<the public key this installation generated>"
	default: // PS256, RS256
		key["kty"], key["e"] = "RSA", "AQAB"
		key["n"] = "<modulus of the public key this installation generated>"
	}
	return map[string]any{"keys": []any{key}}
}

// --- templates ----------------------------------------------------------------

// renderNotes renders a notes template: each paragraph (text between blank
// lines) is one note; a note's own line breaks are kept, its later lines
// indented by two spaces under the "note:" prefix.
func renderNotes(sf flows.ScaffoldFormat, text string, m *Model) ([]string, error) {
	t, err := template.New(string(sf.Format) + ".notes").Option("missingkey=error").Funcs(funcs).Parse(text)
	if err != nil {
		return nil, fmt.Errorf("scaffold notes template %s: %w", sf.Format, err)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, m); err != nil {
		return nil, fmt.Errorf("rendering %s notes: %w", sf.Format, err)
	}
	var out []string
	for _, para := range strings.Split(buf.String(), "\n\n") {
		var lines []string
		for _, l := range strings.Split(strings.TrimSpace(para), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			out = append(out, strings.Join(lines, "\n  "))
		}
	}
	return out, nil
}

var (
	parseMu sync.Mutex
	cache   = map[flows.Format]*template.Template{}
)

// parsed parses a format's template on first use.
func parsed(sf flows.ScaffoldFormat) (*template.Template, error) {
	parseMu.Lock()
	defer parseMu.Unlock()
	if t, ok := cache[sf.Format]; ok {
		return t, nil
	}
	text, err := sf.Template()
	if err != nil {
		return nil, err
	}
	t, err := template.New(string(sf.Format)).Option("missingkey=error").Funcs(funcs).Parse(text)
	if err != nil {
		return nil, fmt.Errorf("scaffold template %s: %w", sf.Format, err)
	}
	cache[sf.Format] = t
	return t, nil
}

var funcs = template.FuncMap{
	"json":      jsonValue,
	"hcl":       hclValue,
	"yaml":      jsonValue, // a JSON string or list is a YAML flow scalar/sequence
	"has":       func(list []string, v string) bool { return slices.Contains(list, v) },
	"join":      strings.Join,
	"upper":     strings.ToUpper,
	"contains":  strings.Contains,
	"hasPrefix": strings.HasPrefix,
	"amType":    graviteeType,
}

// graviteeType is the Gravitee AM application type for a platform
// (ApplicationType; the type picks AM's template): CIBA and other
// back-channel clients are SERVICE applications, so no template gives
// them redirect flows between the create call and the settings.
func graviteeType(platform string) string {
	switch platform {
	case PlatformBrowser:
		return "BROWSER"
	case PlatformNative:
		return "NATIVE"
	case PlatformService, PlatformBackchannel:
		return "SERVICE"
	}
	return "WEB"
}

// jsonValue renders v as compact JSON without HTML escaping.
func jsonValue(v any) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	out := strings.TrimSuffix(b.String(), "\n")
	if out == "null" {
		out = "[]"
	}
	return out, nil
}

// hclValue renders a string or a list of strings as an HCL literal: JSON
// quoting plus escaping of template sequences (${ and %{).
func hclValue(v any) (string, error) {
	quote := func(s string) string {
		j, _ := jsonValue(s)
		j = strings.ReplaceAll(j, "${", "$${")
		return strings.ReplaceAll(j, "%{", "%%{")
	}
	switch x := v.(type) {
	case string:
		return quote(x), nil
	case []string:
		q := make([]string, len(x))
		for i, s := range x {
			q[i] = quote(s)
		}
		return "[" + strings.Join(q, ", ") + "]", nil
	case bool:
		return fmt.Sprint(x), nil
	}
	return "", fmt.Errorf("hcl: unsupported value %T", v)
}

// normalise makes the output what the target tool's formatter would leave
// unchanged: two-space JSON, `terraform fmt` HCL, YAML without blank runs.
func normalise(syntax string, b []byte) ([]byte, error) {
	switch syntax {
	case "json":
		var out bytes.Buffer
		if err := json.Indent(&out, bytes.TrimSpace(b), "", "  "); err != nil {
			return nil, fmt.Errorf("scaffold template produced invalid JSON: %w", err)
		}
		out.WriteByte('\n')
		return out.Bytes(), nil
	case "hcl":
		return formatHCL(squeeze(b)), nil
	default:
		return squeeze(b), nil
	}
}

// squeeze trims trailing spaces, collapses runs of blank lines left by
// template conditionals and ends the text with one newline.
func squeeze(b []byte) []byte {
	lines := strings.Split(string(b), "\n")
	var out []string
	blank := true // drop leading blank lines
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if l == "" {
			if blank {
				continue
			}
			blank = true
		} else {
			blank = false
		}
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return []byte(strings.Join(out, "\n") + "\n")
}

// IsUnsupported reports whether err is an UnsupportedError or InputError:
// both are the user's to fix (exit 2).
func IsUnsupported(err error) bool {
	var u *UnsupportedError
	var in *InputError
	return errors.As(err, &u) || errors.As(err, &in)
}
