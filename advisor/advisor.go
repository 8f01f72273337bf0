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
	// Refs are printed as citation strings ("RFC 9700 §2.4").
	Refs []flows.Ref `json:"refs"`
}

// Caveat is something to know about the recommendation.
type Caveat struct {
	ID       flows.CaveatID `json:"id"`
	Severity flows.Severity `json:"severity"`
	Text     string         `json:"text"`
	Refs     []flows.Ref    `json:"refs"`
	// SeedDiffers says where the seed guide disagrees, when it does.
	SeedDiffers string `json:"seed_differs,omitempty"`
}

// Registration is the RFC 7591 client metadata to register.
type Registration struct {
	// ClientID is set only for a client that identifies itself by the URL
	// of its client ID metadata document (a placeholder): for every other
	// client the server assigns it.
	ClientID                string   `json:"client_id,omitempty"`
	ApplicationType         string   `json:"application_type,omitempty"`
	GrantTypes              []string `json:"grant_types"`
	ResponseTypes           []string `json:"response_types"`
	RedirectURIs            []string `json:"redirect_uris,omitempty"`
	TokenEndpointAuthMethod string   `json:"token_endpoint_auth_method"`
	JWKSURI                 string   `json:"jwks_uri,omitempty"`
	// JWKS is set instead of JWKSURI for a client each installation
	// registers for itself: its key is generated there (a placeholder).
	JWKS                         string `json:"jwks,omitempty"`
	DPoPBoundAccessTokens        bool   `json:"dpop_bound_access_tokens,omitempty"`
	RequirePAR                   bool   `json:"require_pushed_authorization_requests,omitempty"`
	BackchannelTokenDeliveryMode string `json:"backchannel_token_delivery_mode,omitempty"`
}

// Discovery is what the server's metadata said, when --issuer or
// --resource was given.
type Discovery struct {
	Issuer                        string   `json:"issuer"`
	URL                           string   `json:"url"`
	GrantTypesSupported           []string `json:"grant_types_supported"`
	CodeChallengeMethodsSupported []string `json:"code_challenge_methods_supported"`
	// What the server offers a client it has never met (CIMD §5, RFC 7591
	// §3): the registration paths of an agent.
	ClientIDMetadataDocumentSupported bool   `json:"client_id_metadata_document_supported"`
	RegistrationEndpoint              string `json:"registration_endpoint,omitempty"`

	// Resource is the --resource the advice is for; ResourceMetadataURL is
	// set when the server was found from that resource's metadata (RFC
	// 9728), which listed AuthorizationServers.
	Resource             string   `json:"resource,omitempty"`
	ResourceMetadataURL  string   `json:"resource_metadata_url,omitempty"`
	AuthorizationServers []string `json:"authorization_servers,omitempty"`
}

// Registration paths an agent takes with a server (CaveatAgentRegistration's
// order), as Discovery.ClientRegistration names them.
const (
	RegistrationMetadataDocument = "client-id-metadata-document"
	RegistrationDynamic          = "dynamic"
	RegistrationPreRegistered    = "pre-registered"
)

// ClientRegistration is how a client the server has never met registers
// with it, in the order the MCP authorization specification gives: the
// client ID metadata document where supported, else dynamic registration,
// else a client registered in advance.
func (disc Discovery) ClientRegistration() string {
	switch {
	case disc.ClientIDMetadataDocumentSupported:
		return RegistrationMetadataDocument
	case disc.RegistrationEndpoint != "":
		return RegistrationDynamic
	}
	return RegistrationPreRegistered
}

// Placeholders used in registrations when the user gave none.
const (
	PlaceholderJWKSURI = "https://app.example.com/.well-known/jwks.json"
	// PlaceholderClientMetadataURL is the https URL a client ID metadata
	// document is served at, which is its client_id (CIMD §3).
	PlaceholderClientMetadataURL = "https://app.example.com/oauth/client-metadata.json"
	// PlaceholderJWKS stands for the public key set an installation
	// generates and sends when it registers itself (RFC 7591 §2 jwks).
	PlaceholderJWKS = "<the public key this installation generated, as a JWK Set>"
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
		if f.ID == flows.FacetClient {
			return f, true
		}
		client := a[flows.FacetClient]
		if !f.MattersFor(client) {
			continue
		}
		if v, ok := a[flows.FacetSecurity]; ok && rerouted(f.ID, client, v) {
			continue // --security high already decides it
		}
		if f.AskWhenRedirect && !leadsToRedirect(a) {
			continue
		}
		return f.For(client), true
	}
	return flows.Facet{}, false
}

// rerouted reports whether the overlay answers the facet for this client at
// this security level (a spa at high security is a backend-for-frontend).
func rerouted(facet, client, security string) bool {
	_, ok := reroute(facet, client, security)
	return ok
}

func reroute(facet, client, security string) (flows.Reroute, bool) {
	if security != flows.SecurityHigh {
		return flows.Reroute{}, false
	}
	for _, r := range flows.HighSecurity.Reroutes {
		if r.Client == client && r.Facet == facet {
			return r, true
		}
	}
	return flows.Reroute{}, false
}

// leadsToRedirect reports whether the answers so far, with defaults for the
// rest, recommend a flow that uses the authorization endpoint.
func leadsToRedirect(a Answers) bool {
	s, _, err := resolve(a)
	return err == nil && isRedirect(s.flow)
}

// Decide returns the recommendation for the answers. client is required;
// other facets that matter take their defaults and are listed as assumed.
func Decide(a Answers) (Decision, error) {
	if err := Validate(a); err != nil {
		return Decision{}, err
	}
	if a[flows.FacetClient] == "" {
		f, _ := flows.FacetByID(flows.FacetClient)
		return Decision{}, &Error{Facet: flows.FacetClient, Allowed: f.Values()}
	}
	s, d, err := resolve(a)
	if err != nil {
		return Decision{}, err
	}
	d.fill(s)
	if p, ok := flows.ProviderByID(d.resolved[flows.FacetProvider]); ok {
		d.addProviderGaps(p)
	}
	d.Next = nextCommands(d)
	return d, nil
}

// resolve takes the answers through the decision table and, at high
// security, the overlay: the recommendation's shape, and a Decision whose
// answers, assumptions and resolved answers are filled in.
func resolve(a Answers) (shape, Decision, error) {
	client := a[flows.FacetClient]
	d := Decision{
		SchemaVersion: SchemaVersion,
		Answers:       map[string]any{},
		Assumed:       []string{},
		Alternatives:  []Alternative{},
		Rejected:      []Rejection{},
		Caveats:       []Caveat{},
		resolved:      Answers{},
	}
	security := a[flows.FacetSecurity]
	if security == "" {
		security = flows.SecurityStandard
	}
	record := func(f flows.Facet) (string, bool) {
		v, given := a[f.ID]
		if !given {
			if f.ID == flows.FacetProvider {
				return "", false // optional: only reported when chosen
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
		return v, true
	}
	// The table never looks at AskWhenRedirect facets: they are answered
	// once the flow is known.
	match := Answers{}
	var reroutes []flows.Reroute
	for _, f := range flows.Facets() {
		if f.AskWhenRedirect || !f.MattersFor(client) {
			continue
		}
		if r, ok := reroute(f.ID, client, security); ok {
			if _, given := a[f.ID]; given {
				record(f)
			}
			match[f.ID] = r.Value
			reroutes = append(reroutes, r)
			continue
		}
		if v, ok := record(f); ok {
			match[f.ID] = v
		}
	}
	row, ok := matchRow(match)
	if !ok {
		return shape{}, Decision{}, fmt.Errorf("no row of the decision table matches %v: the catalog is incomplete", match)
	}
	s := newShape(row)
	if security == flows.SecurityHigh {
		s.applyHighSecurity(flows.HighSecurity)
		for _, r := range reroutes {
			s.addCaveats(r.Caveat)
		}
	}
	if isRedirect(s.flow) {
		for _, f := range flows.Facets() {
			if !f.AskWhenRedirect || !f.MattersFor(client) {
				continue
			}
			v, _ := record(f)
			if o, ok := f.OptionByValue(v); ok {
				s.addCaveats(o.Caveats...)
			}
		}
	}
	return s, d, nil
}

func matchRow(a Answers) (flows.Row, bool) {
	for _, r := range flows.DecisionTable() {
		if r.Matches(a) {
			return r, true
		}
	}
	return flows.Row{}, false
}

// shape is a row's recommendation while the overlay changes it.
type shape struct {
	row          flows.Row
	flow         flows.FlowID
	summary      string
	clientType   string
	pkce         bool
	auth         string
	extensions   []string
	redirect     string
	caveats      []flows.CaveatID
	rejected     []flows.Rejection
	alternatives []flows.Alternative
	// perInstance: each installation registers itself as a confidential
	// client (RFC 8252 §8.4), so its key is inline, not at a URL.
	perInstance bool
}

func newShape(row flows.Row) shape {
	return shape{row: row, flow: row.Flow, summary: row.Summary, clientType: row.ClientType, pkce: row.PKCE,
		auth: row.AuthMethod, extensions: slices.Clone(row.Extensions), redirect: row.RedirectExample,
		caveats: slices.Clone(row.Caveats), rejected: slices.Clone(row.Rejected), alternatives: slices.Clone(row.Alternatives)}
}

func (s *shape) addExt(exts ...string) {
	for _, e := range exts {
		if !slices.Contains(s.extensions, e) {
			s.extensions = append(s.extensions, e)
		}
	}
}

func (s *shape) addCaveats(ids ...flows.CaveatID) {
	for _, id := range ids {
		if !slices.Contains(s.caveats, id) {
			s.caveats = append(s.caveats, id)
		}
	}
}

// apply adds and drops what one part of an overlay says.
func (s *shape) apply(a flows.Adjustment) {
	if a.AuthMethod != "" {
		s.auth = a.AuthMethod
	}
	s.pkce = s.pkce || a.PKCE
	s.addExt(a.Extensions...)
	s.extensions = slices.DeleteFunc(s.extensions, func(e string) bool { return slices.Contains(a.DropExtensions, e) })
	s.addCaveats(a.Add...)
	s.caveats = slices.DeleteFunc(s.caveats, func(c flows.CaveatID) bool { return slices.Contains(a.Drop, c) })
}

// applyHighSecurity is the FAPI 2.0 overlay, per grant: flows through the
// authorization endpoint get PAR, PKCE S256, iss and strong client
// authentication; the others only strong client authentication and
// sender-constrained tokens. A public client that is not a browser app
// becomes confidential by registering each installation.
func (s *shape) applyHighSecurity(o flows.Overlay) {
	if s.row.HighAlternatives != nil {
		s.alternatives = slices.Clone(s.row.HighAlternatives)
	}
	if s.row.HighSummary != "" {
		s.summary = s.row.HighSummary
	}
	for _, r := range o.Replacements {
		if s.flow != r.From {
			continue
		}
		s.flow, s.summary = r.To, r.Summary
		s.alternatives = append(s.alternatives, r.Alternative)
		s.apply(r.Adjustment)
	}
	if isRedirect(s.flow) {
		if !strings.HasPrefix(s.redirect, "https://") && !strings.HasPrefix(s.redirect, "http://") {
			s.redirect = o.NativeRedirect
			s.apply(o.NativeRedirectNote)
		}
		s.apply(o.AuthorizationEndpoint)
	} else {
		s.apply(o.Backchannel)
	}
	if a, ok := o.Flows[s.flow]; ok {
		s.apply(a)
	}
	if a, ok := o.Clients[s.row.When[flows.FacetClient]]; ok {
		s.apply(a)
	}
	if s.clientType == flows.Public {
		s.clientType, s.perInstance = flows.Confidential, true
		s.apply(o.PerInstance)
	}
	// An alternative that is the recommended flow again (a public client,
	// a plain confidential one) no longer applies.
	s.alternatives = slices.DeleteFunc(s.alternatives, func(a flows.Alternative) bool { return a.Flow == s.flow })
}

func isRedirect(id flows.FlowID) bool {
	f, _ := flows.FlowByID(id)
	return f.Redirects
}

func mustCaveat(id flows.CaveatID) flows.Caveat {
	c, ok := flows.CaveatByID(id)
	if !ok {
		panic("advisor: unknown caveat " + string(id)) // caught by the catalog test
	}
	return c
}

func (d *Decision) fill(s shape) {
	f, _ := flows.FlowByID(s.flow)
	d.Recommendation = Recommendation{
		Flow: f.ID, Name: f.Name, GrantType: f.GrantType, Status: f.Status,
		ClientType: s.clientType, PKCE: s.pkce, ClientAuthentication: s.auth,
		Extensions: s.extensions, Summary: s.summary,
	}
	if d.Recommendation.Extensions == nil {
		d.Recommendation.Extensions = []string{}
	}
	for _, a := range s.alternatives {
		af, _ := flows.FlowByID(a.Flow)
		d.Alternatives = append(d.Alternatives, Alternative{Flow: a.Flow, GrantType: af.GrantType, Extensions: a.Extensions, When: a.When})
	}
	for _, r := range s.rejected {
		rf, _ := flows.FlowByID(r.Flow)
		d.Rejected = append(d.Rejected, Rejection{Flow: r.Flow, GrantType: rf.GrantType, Reason: r.Reason, Refs: r.Refs})
	}
	for _, id := range s.caveats {
		c := mustCaveat(id)
		d.addCaveat(c, c.Text)
	}
	d.Registration = registration(s, f)
}

func (d *Decision) addCaveat(c flows.Caveat, text string) {
	d.Caveats = append(d.Caveats, Caveat{ID: c.ID, Severity: c.Severity, Text: text, Refs: c.Refs, SeedDiffers: c.SeedDiffers})
}

// addGap adds a provider-unsupported caveat citing the missing feature's
// standard.
func (d *Decision) addGap(g flows.Gap) {
	c := mustCaveat(flows.CaveatProviderUnsupported)
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
	if slices.Contains(s.extensions, flows.ExtClientIDMetadataDocument) {
		r.ClientID = PlaceholderClientMetadataURL
	}
	if s.auth == flows.AuthPrivateKeyJWT {
		if s.perInstance {
			r.JWKS = PlaceholderJWKS
		} else {
			r.JWKSURI = PlaceholderJWKSURI
		}
	}
	r.DPoPBoundAccessTokens = slices.Contains(s.extensions, flows.ExtDPoP)
	r.RequirePAR = slices.Contains(s.extensions, flows.ExtPAR)
	if f.ID == flows.CIBA {
		r.BackchannelTokenDeliveryMode = "poll"
	}
	return r
}

// PerInstance reports whether each installation registers itself as a
// confidential client (--security high for a native app, CLI or device):
// the registration is the metadata it sends, with its own key.
func (d Decision) PerInstance() bool { return d.Registration.JWKS != "" }

func (d *Decision) addProviderGaps(p flows.Provider) {
	if g, ok := p.FlowGap(d.Recommendation.Flow); ok {
		d.addGap(g)
	}
	for _, e := range d.Recommendation.Extensions {
		if g, ok := p.ExtensionGap(e); ok {
			d.addGap(g)
		}
	}
	for _, g := range p.FlowNotes(d.Recommendation.Flow, d.Recommendation.Extensions) {
		c := mustCaveat(flows.CaveatProviderBehaviour)
		if refs := g.Refs(); len(refs) > 0 {
			c.Refs = refs
		}
		d.addCaveat(c, g.Text)
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
			c := mustCaveat(flows.CaveatServerLacksGrant)
			d.addCaveat(c, fmt.Sprintf("%s does not list %s in grant_types_supported (it lists %s); check the server's configuration before building on it.",
				disc.URL, g, strings.Join(disc.GrantTypesSupported, ", ")))
		}
	}
	if d.Recommendation.PKCE && !slices.Contains(disc.CodeChallengeMethodsSupported, "S256") {
		c := mustCaveat(flows.CaveatServerLacksS256)
		listed := "nothing"
		if len(disc.CodeChallengeMethodsSupported) > 0 {
			listed = strings.Join(disc.CodeChallengeMethodsSupported, ", ")
		}
		d.addCaveat(c, fmt.Sprintf("%s does not list S256 in code_challenge_methods_supported (it lists %s); PKCE S256 may be refused or not enforced.", disc.URL, listed))
	}
	if slices.Contains(d.Recommendation.Extensions, flows.ExtClientIDMetadataDocument) && !disc.ClientIDMetadataDocumentSupported {
		c := mustCaveat(flows.CaveatServerLacksCIMD)
		then := "no registration_endpoint either: use a client registered in advance with this server (or ask the user for one)."
		if disc.RegistrationEndpoint != "" {
			then = fmt.Sprintf("register dynamically at its registration_endpoint %q (RFC 7591 §3) and keep the client_id for this server.", disc.RegistrationEndpoint)
		}
		d.addCaveat(c, fmt.Sprintf("%s does not say client_id_metadata_document_supported, so the client's metadata document URL is not accepted as its client_id: %s", disc.URL, then))
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
	if !ok || d.PerInstance() {
		// Per-instance registration is the metadata each installation
		// sends (RFC 7591), not one client in a provider's format.
		format = flows.FormatRFC7591
	}
	var extra []string
	if d.Registration.ClientID != "" {
		// The client publishes its registration as a client ID metadata
		// document, at the URL that is its client_id.
		format = flows.FormatClientMetadata
		extra = []string{"--client-id", shellWord(d.Registration.ClientID)}
	}
	scaffold := append(append([]string{"whichflow", "scaffold", "--as", string(format)}, d.AnswerFlags()...), extra...)
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
	// ClientID is set where the registration fixes it: the URL of a
	// client ID metadata document.
	ClientID string
	// Resource is the --resource the advice is for. When the server was
	// found from it, Issuer is left out: the snippet finds it the same way.
	Resource string
	// KeyAuth: the client authenticates with private_key_jwt below --security
	// high, where the snippet does not imply it (a hosted agent).
	KeyAuth bool
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
		s.Resource = d.Discovery.Resource
		if d.Discovery.ResourceMetadataURL != "" {
			s.Issuer = ""
		}
	}
	s.ClientID = d.Registration.ClientID
	s.KeyAuth = d.Recommendation.ClientAuthentication == flows.AuthPrivateKeyJWT && s.Security != flows.SecurityHigh && s.Flow != flows.CIBA
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
	if s.Resource != "" {
		cmd = append(cmd, "--resource", shellWord(s.Resource))
	}
	if s.ClientID != "" {
		cmd = append(cmd, "--client-id", shellWord(s.ClientID))
	}
	if s.RedirectURI != "" {
		cmd = append(cmd, "--redirect-uri", shellWord(s.RedirectURI))
	}
	if s.KeyAuth {
		cmd = append(cmd, "--private-key-jwt")
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
