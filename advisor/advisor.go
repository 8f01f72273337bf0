// Package advisor turns answers about a client into a recommendation, using
// only the catalog's decision table (package flows).
package advisor

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/whichflow/whichflow/flows"
)

// Answers maps facet IDs (flows.Facet*) to values; booleans are "true" and
// "false".
type Answers map[string]string

// SchemaVersion of the JSON form of a Decision.
const SchemaVersion = 1

// Decision is the advice for one set of answers. Its JSON form is the stable
// `advise --format json` contract (DESIGN §2).
type Decision struct {
	SchemaVersion  int            `json:"schema_version"`
	Answers        map[string]any `json:"answers"`
	Assumed        []string       `json:"assumed"`
	Recommendation Recommendation `json:"recommendation"`
	Alternatives   []Alternative  `json:"alternatives"`
	Rejected       []Rejection    `json:"rejected"`
	Caveats        []Caveat       `json:"caveats"`
	Registration   Registration   `json:"registration"`
	Next           []string       `json:"next"`
	Discovery      *Discovery     `json:"discovery,omitempty"`

	// resolved holds every answer after defaults, for Next and commands.
	resolved Answers
}

// Recommendation is the flow to use and how to register the client.
type Recommendation struct {
	Flow                 flows.FlowID `json:"flow"`
	Name                 string       `json:"name"`
	GrantType            string       `json:"grant_type"`
	Status               flows.Status `json:"status"`
	ClientType           string       `json:"client_type"`
	PKCE                 bool         `json:"pkce"`
	ClientAuthentication string       `json:"client_authentication"`
	Extensions           []string     `json:"extensions"`
	Summary              string       `json:"summary"`
}

// Alternative is another flow for a variation of the situation.
type Alternative struct {
	Flow       flows.FlowID `json:"flow"`
	GrantType  string       `json:"grant_type"`
	Extensions []string     `json:"extensions,omitempty"`
	When       string       `json:"when"`
}

// Rejection is a tempting flow and why it is not the answer.
type Rejection struct {
	Flow      flows.FlowID `json:"flow"`
	GrantType string       `json:"grant_type"`
	Reason    string       `json:"reason"`
	Refs      []string     `json:"refs"`
}

// Caveat is something to know about the recommendation.
type Caveat struct {
	ID       string         `json:"id"`
	Severity flows.Severity `json:"severity"`
	Text     string         `json:"text"`
	Refs     []string       `json:"refs"`
	// SeedDiffers says where the seed guide disagrees, when it does.
	SeedDiffers string `json:"seed_differs,omitempty"`
}

// Registration is the RFC 7591 client metadata to register.
type Registration struct {
	ApplicationType              string   `json:"application_type,omitempty"`
	GrantTypes                   []string `json:"grant_types"`
	ResponseTypes                []string `json:"response_types"`
	RedirectURIs                 []string `json:"redirect_uris,omitempty"`
	TokenEndpointAuthMethod      string   `json:"token_endpoint_auth_method"`
	JWKSURI                      string   `json:"jwks_uri,omitempty"`
	DPoPBoundAccessTokens        bool     `json:"dpop_bound_access_tokens,omitempty"`
	RequirePAR                   bool     `json:"require_pushed_authorization_requests,omitempty"`
	BackchannelTokenDeliveryMode string   `json:"backchannel_token_delivery_mode,omitempty"`
}

// Discovery is what the server's metadata said, when --issuer was given.
type Discovery struct {
	Issuer                        string   `json:"issuer"`
	URL                           string   `json:"url"`
	GrantTypesSupported           []string `json:"grant_types_supported"`
	CodeChallengeMethodsSupported []string `json:"code_challenge_methods_supported"`
}

// Placeholders used in registrations when the user gave none.
const (
	PlaceholderJWKSURI = "https://app.example.com/.well-known/jwks.json"
	redirectBackend    = "https://app.example.com/callback"
)

// Error is a bad answer: which facet, which value, what is allowed.
type Error struct {
	Facet   string
	Value   string
	Allowed []string
}

func (e *Error) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("--%s is required: one of %s", e.Facet, strings.Join(e.Allowed, ", "))
	}
	return fmt.Sprintf("invalid value %q for %s: allowed values are %s", e.Value, e.Facet, strings.Join(e.Allowed, ", "))
}

// Validate checks every given answer against its facet's options. Unknown
// keys are errors too.
func Validate(a Answers) error {
	keys := make([]string, 0, len(a))
	for k := range a {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		f, ok := flows.FacetByID(k)
		if !ok {
			return &Error{Facet: k, Value: a[k], Allowed: facetIDs()}
		}
		if !f.Allows(a[k]) {
			return &Error{Facet: k, Value: a[k], Allowed: f.Values()}
		}
	}
	return nil
}

func facetIDs() []string {
	var out []string
	for _, f := range flows.Facets() {
		out = append(out, f.ID)
	}
	return out
}

// Next returns the next question that still matters for these answers, or
// false when nothing is left to ask. A machine is never asked about browsers.
func Next(a Answers) (flows.Facet, bool) {
	for _, f := range flows.Facets() {
		if _, done := a[f.ID]; done {
			continue
		}
		if f.ID == flows.FacetClient || f.MattersFor(a[flows.FacetClient]) {
			return f, true
		}
	}
	return flows.Facet{}, false
}

// Decide returns the recommendation for the answers. client is required;
// other facets that matter take their defaults and are listed as assumed.
func Decide(a Answers) (Decision, error) {
	if err := Validate(a); err != nil {
		return Decision{}, err
	}
	client := a[flows.FacetClient]
	if client == "" {
		f, _ := flows.FacetByID(flows.FacetClient)
		return Decision{}, &Error{Facet: flows.FacetClient, Allowed: f.Values()}
	}
	d := Decision{
		SchemaVersion: SchemaVersion,
		Answers:       map[string]any{},
		Assumed:       []string{},
		Alternatives:  []Alternative{},
		Rejected:      []Rejection{},
		Caveats:       []Caveat{},
		resolved:      Answers{},
	}
	for _, f := range flows.Facets() {
		if !f.MattersFor(client) {
			continue
		}
		v, given := a[f.ID]
		if !given {
			if f.ID == flows.FacetProvider {
				continue // optional: only reported when chosen
			}
			v = f.Default
			d.Assumed = append(d.Assumed, f.ID)
		}
		d.resolved[f.ID] = v
		if f.Bool {
			d.Answers[f.ID] = v == "true"
		} else {
			d.Answers[f.ID] = v
		}
	}

	row, ok := match(d.resolved)
	if !ok {
		return Decision{}, fmt.Errorf("no row of the decision table matches %v: the catalog is incomplete", d.resolved)
	}
	rec := shape{row: row, flow: row.Flow, clientType: row.ClientType, pkce: row.PKCE, auth: row.AuthMethod,
		extensions: slices.Clone(row.Extensions), redirect: row.RedirectExample, caveats: slices.Clone(row.Caveats),
		rejected: slices.Clone(row.Rejected), alternatives: slices.Clone(row.Alternatives)}
	if d.resolved[flows.FacetSecurity] == flows.SecurityHigh {
		rec.applyHighSecurity()
	}
	d.fill(rec)
	if p, ok := flows.ProviderByID(d.resolved[flows.FacetProvider]); ok {
		d.addProviderGaps(p)
	}
	d.Next = nextCommands(d)
	return d, nil
}

func match(a Answers) (flows.Row, bool) {
	for _, r := range flows.DecisionTable() {
		if r.Matches(a) {
			return r, true
		}
	}
	return flows.Row{}, false
}

// shape is a row's recommendation while overlays change it.
type shape struct {
	row          flows.Row
	flow         flows.FlowID
	clientType   string
	pkce         bool
	auth         string
	extensions   []string
	redirect     string
	caveats      []string
	rejected     []flows.Rejection
	alternatives []flows.Alternative
}

func (s *shape) addExt(exts ...string) {
	for _, e := range exts {
		if !slices.Contains(s.extensions, e) {
			s.extensions = append(s.extensions, e)
		}
	}
}

func (s *shape) dropCaveats(ids ...string) {
	s.caveats = slices.DeleteFunc(s.caveats, func(c string) bool { return slices.Contains(ids, c) })
}

func (s *shape) addCaveats(ids ...string) {
	for _, id := range ids {
		if !slices.Contains(s.caveats, id) {
			s.caveats = append(s.caveats, id)
		}
	}
}

// applyHighSecurity is the FAPI 2.0 overlay: confidential clients only,
// no password grant, asymmetric client authentication, sender-constrained
// tokens, PAR for flows with an authorization endpoint.
func (s *shape) applyHighSecurity() {
	o := flows.HighSecurity
	if s.flow == flows.Password {
		s.rejected = append(s.rejected, flows.Rejection{Flow: flows.Password,
			Reason: "FAPI 2.0 and RFC 9700 reject the password grant; high security needs a redirect-based sign-in.",
			Refs:   []flows.Ref{flows.FAPI2.S("5.3.2.1"), flows.RFC9700.S("2.4")}})
		s.flow, s.pkce, s.redirect = flows.AuthorizationCode, true, redirectBackend
		s.dropCaveats("password-must-not")
		s.addCaveats(flows.CaveatFAPINoPassword)
	}
	interactive := isInteractive(s.flow)
	if s.clientType == flows.Public {
		s.clientType = flows.Confidential
		if interactive {
			// The backend receives the redirect and holds the keys; a
			// loopback listener in the app no longer applies.
			s.extensions = slices.DeleteFunc(s.extensions, func(e string) bool { return e == flows.ExtLoopback })
			s.addExt(flows.ExtBFF)
			s.redirect = redirectBackend
			s.dropCaveats("cli-loopback")
		}
		s.dropCaveats("public-refresh-rotation", "spa-prefer-bff")
		s.addCaveats(flows.CaveatFAPIConfidentialOnly)
	}
	if interactive {
		s.pkce = true
		s.addExt(o.InteractiveExtensions...)
	}
	s.auth = o.AuthMethod
	s.addExt(o.Extensions...)
	s.dropCaveats("prefer-asymmetric-auth", "sender-constrain-tokens")
	s.addCaveats(o.Caveats...)
	// Alternatives that are other shapes of the same flow (a public client,
	// a plain confidential one) no longer apply.
	s.alternatives = slices.DeleteFunc(s.alternatives, func(a flows.Alternative) bool { return a.Flow == s.flow })
}

func isInteractive(id flows.FlowID) bool {
	f, _ := flows.FlowByID(id)
	return f.Redirects
}

func (d *Decision) fill(s shape) {
	f, _ := flows.FlowByID(s.flow)
	d.Recommendation = Recommendation{
		Flow: f.ID, Name: f.Name, GrantType: f.GrantType, Status: f.Status,
		ClientType: s.clientType, PKCE: s.pkce, ClientAuthentication: s.auth,
		Extensions: s.extensions, Summary: s.row.Summary,
	}
	if d.Recommendation.Extensions == nil {
		d.Recommendation.Extensions = []string{}
	}
	if s.flow != s.row.Flow {
		d.Recommendation.Summary = f.Summary
	}
	for _, a := range s.alternatives {
		af, _ := flows.FlowByID(a.Flow)
		d.Alternatives = append(d.Alternatives, Alternative{Flow: a.Flow, GrantType: af.GrantType, Extensions: a.Extensions, When: a.When})
	}
	for _, r := range s.rejected {
		rf, _ := flows.FlowByID(r.Flow)
		d.Rejected = append(d.Rejected, Rejection{Flow: r.Flow, GrantType: rf.GrantType, Reason: r.Reason, Refs: flows.RefStrings(r.Citations())})
	}
	for _, id := range s.caveats {
		c, ok := flows.CaveatByID(id)
		if !ok {
			panic("advisor: decision table names unknown caveat " + id) // caught by the catalog test
		}
		d.addCaveat(c, c.Text)
	}
	d.Registration = registration(s, f)
}

func (d *Decision) addCaveat(c flows.Caveat, text string) {
	d.Caveats = append(d.Caveats, Caveat{ID: c.ID, Severity: c.Severity, Text: text, Refs: flows.RefStrings(c.Refs), SeedDiffers: c.SeedDiffers})
}

// addGap adds a provider-unsupported caveat citing the missing feature's
// standard.
func (d *Decision) addGap(g flows.Gap) {
	c, _ := flows.CaveatByID(flows.CaveatProviderUnsupported)
	if refs := g.Refs(); len(refs) > 0 {
		c.Refs = refs
	}
	d.addCaveat(c, g.Text)
}

func registration(s shape, f flows.Flow) Registration {
	r := Registration{
		GrantTypes:              []string{f.GrantType},
		ResponseTypes:           []string{},
		TokenEndpointAuthMethod: s.auth,
	}
	if f.RefreshTokens {
		r.GrantTypes = append(r.GrantTypes, flows.GrantRefreshToken)
	}
	if f.Redirects {
		r.ResponseTypes = []string{"code"}
		r.RedirectURIs = []string{s.redirect}
		r.ApplicationType = "web"
		if !strings.HasPrefix(s.redirect, "https://") {
			r.ApplicationType = "native" // custom scheme or loopback (OIDC Registration §2)
		}
	}
	if s.auth == flows.AuthPrivateKeyJWT {
		r.JWKSURI = PlaceholderJWKSURI
	}
	r.DPoPBoundAccessTokens = slices.Contains(s.extensions, flows.ExtDPoP)
	r.RequirePAR = slices.Contains(s.extensions, flows.ExtPAR)
	if f.ID == flows.CIBA {
		r.BackchannelTokenDeliveryMode = "poll"
	}
	return r
}

func (d *Decision) addProviderGaps(p flows.Provider) {
	if g, ok := p.FlowGap(d.Recommendation.Flow); ok {
		d.addGap(g)
	}
	for _, e := range d.Recommendation.Extensions {
		if g, ok := p.ExtensionGap(e); ok {
			d.addGap(g)
		}
	}
}

// LacksGrant reports whether the server's metadata lists grant types and
// leaves grant out (RFC 8414 §2: an absent list says nothing). The one
// owner of this check: advise's caveat and snippet's note both ask it.
func (disc Discovery) LacksGrant(grant string) bool {
	return len(disc.GrantTypesSupported) > 0 && !slices.Contains(disc.GrantTypesSupported, grant)
}

// ApplyDiscovery checks the recommendation against the server's metadata
// (RFC 8414 §2) and records what was found.
func (d *Decision) ApplyDiscovery(disc Discovery) {
	d.Discovery = &disc
	for _, g := range d.Registration.GrantTypes {
		if disc.LacksGrant(g) {
			c, _ := flows.CaveatByID(flows.CaveatServerLacksGrant)
			d.addCaveat(c, fmt.Sprintf("%s does not list %s in grant_types_supported (it lists %s); check the server's configuration before building on it.",
				disc.URL, g, strings.Join(disc.GrantTypesSupported, ", ")))
		}
	}
	if d.Recommendation.PKCE && !slices.Contains(disc.CodeChallengeMethodsSupported, "S256") {
		c, _ := flows.CaveatByID(flows.CaveatServerLacksS256)
		listed := "nothing"
		if len(disc.CodeChallengeMethodsSupported) > 0 {
			listed = strings.Join(disc.CodeChallengeMethodsSupported, ", ")
		}
		d.addCaveat(c, fmt.Sprintf("%s does not list S256 in code_challenge_methods_supported (it lists %s); PKCE S256 may be refused or not enforced.", disc.URL, listed))
	}
}

// Resolved returns every answer after defaults.
func (d Decision) Resolved() Answers { return d.resolved }

// AnswerFlags renders the resolved answers that matter as command-line flags,
// in facet order, for the commands listed in `next`; defaults are left out.
func (d Decision) AnswerFlags() []string {
	given := Answers{}
	for _, f := range flows.Facets() {
		if v, ok := d.resolved[f.ID]; ok && (f.ID == flows.FacetClient || v != f.Default) {
			given[f.ID] = v
		}
	}
	return Flags(given)
}

// Flags renders answers as command-line flags in facet order: booleans as
// --name or --name=false, the rest as --name value.
func Flags(a Answers) []string {
	var out []string
	for _, f := range flows.Facets() {
		v, ok := a[f.ID]
		if !ok {
			continue
		}
		switch {
		case f.Bool && v == "true":
			out = append(out, "--"+f.ID)
		case f.Bool:
			out = append(out, "--"+f.ID+"=false")
		default:
			out = append(out, "--"+f.ID, v)
		}
	}
	return out
}

// scaffoldFormat picks the config-as-code format that matches the provider.
var scaffoldFormat = map[string]flows.Format{
	flows.ProviderKeycloak: flows.FormatKeycloak,
	flows.ProviderAuth0:    flows.FormatAuth0,
	flows.ProviderOkta:     flows.FormatTerraformOkta,
	flows.ProviderGravitee: flows.FormatGravitee,
}

func nextCommands(d Decision) []string {
	d.resolved = d.nextAnswers()
	format, ok := scaffoldFormat[d.resolved[flows.FacetProvider]]
	if !ok {
		format = flows.FormatRFC7591
	}
	answers := d.AnswerFlags()
	if d.Recommendation.Status == flows.Deprecated {
		// A deprecated grant is never scaffolded: point at the migration
		// target, the answers without the follow-up that forced it.
		answers = Decision{resolved: withoutFollowUps(d.resolved)}.AnswerFlags()
	}
	scaffold := append([]string{"whichflow", "scaffold", "--as", string(format)}, answers...)
	return []string{d.Snippet(flows.LangCurl).Command(), strings.Join(scaffold, " ")}
}

// nextAnswers are the answers the next commands use: without a provider
// that cannot do the recommendation (its own snippet and format would
// refuse what the caveats say it lacks), so the generic ones apply.
func (d Decision) nextAnswers() Answers {
	if !providerLacks(d) {
		return d.resolved
	}
	generic := Answers{}
	for k, v := range d.resolved {
		if k != flows.FacetProvider {
			generic[k] = v
		}
	}
	return generic
}

// SnippetArgs are the `whichflow snippet` flags of a decision's starter.
type SnippetArgs struct {
	Flow                                          flows.FlowID
	Lang, Provider, Security, RedirectURI, Issuer string
}

// Snippet is the starter for the decision in lang: the same flow, provider,
// security, registered redirect URI and issuer as the advice, so that the
// printed starter, the registration and the next command agree.
func (d Decision) Snippet(lang string) SnippetArgs {
	a := d.nextAnswers()
	s := SnippetArgs{Flow: d.Recommendation.Flow, Lang: lang, Provider: a[flows.FacetProvider], Security: a[flows.FacetSecurity]}
	if s.Flow == flows.AuthorizationCode && len(d.Registration.RedirectURIs) > 0 {
		s.RedirectURI = d.Registration.RedirectURIs[0]
	}
	if d.Discovery != nil {
		s.Issuer = d.Discovery.Issuer
	}
	return s
}

// Command is the snippet command line, values shell-quoted.
func (s SnippetArgs) Command() string {
	cmd := []string{"whichflow", "snippet", "--flow", string(s.Flow), "--lang", s.Lang}
	if s.Provider != "" {
		cmd = append(cmd, "--provider", s.Provider)
	}
	if s.Issuer != "" {
		cmd = append(cmd, "--issuer", shellWord(s.Issuer))
	}
	if s.RedirectURI != "" {
		cmd = append(cmd, "--redirect-uri", shellWord(s.RedirectURI))
	}
	if s.Security == flows.SecurityHigh {
		cmd = append(cmd, "--security", flows.SecurityHigh)
	}
	return strings.Join(cmd, " ")
}

// shellWord is v as one sh word: as is when it has nothing sh treats
// specially, else single-quoted.
func shellWord(v string) string {
	if v != "" && strings.Trim(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:@%+=,") == "" {
		return v
	}
	return "'" + strings.ReplaceAll(v, "'", `'\''`) + "'"
}

// providerLacks reports whether the chosen provider cannot do the
// recommended flow or one of its extensions.
func providerLacks(d Decision) bool {
	p, ok := flows.ProviderByID(d.resolved[flows.FacetProvider])
	if !ok {
		return false
	}
	if _, gap := p.FlowGap(d.Recommendation.Flow); gap {
		return true
	}
	for _, e := range d.Recommendation.Extensions {
		if _, gap := p.ExtensionGap(e); gap {
			return true
		}
	}
	return false
}

// withoutFollowUps drops the answers to client-specific questions.
func withoutFollowUps(a Answers) Answers {
	out := Answers{}
	for k, v := range a {
		if f, ok := flows.FacetByID(k); ok && len(f.AskWhenClient) > 0 {
			continue
		}
		out[k] = v
	}
	return out
}
