package snippet

import (
	"fmt"
	"slices"
	"strings"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/discovery"
)

// Input is what a user asks a snippet for: the flags of `whichflow snippet`
// (or advise's answers), and the issuer's metadata when the caller read it.
// Resolve turns it into a Request; it never touches the network.
type Input struct {
	Flow     flows.FlowID
	Lang     string
	Markdown bool
	// Provider is a flows provider ID; "" is the generic profile.
	Provider string
	// Params are the endpoint template values the user set (--realm, ...).
	Params map[string]string

	ClientID, RedirectURI, Scope, Audience, LoginHint string
	High                                              bool
	// KeyAuth: private_key_jwt at standard security (--private-key-jwt).
	KeyAuth bool

	// Metadata is the issuer's discovery document (--issuer), read once by
	// the caller; nil without --issuer, when the provider's templates apply.
	Metadata *discovery.Metadata

	// Resource is the resource indicator (--resource, RFC 8707 §2) sent on
	// every request to the authorization server.
	Resource string
	// Found is what discovery from the resource found (--resource without
	// --issuer): its authorization server's metadata takes Metadata's
	// place, and its scope is the default.
	Found *discovery.Found
}

// UnsupportedError is a request the provider cannot serve: a flow or an
// extension it lacks. The CLI exits 2 with it; docs leave the pair out.
type UnsupportedError struct {
	Provider flows.Provider
	Gap      flows.Gap
	msg      string
}

func (e *UnsupportedError) Error() string { return e.msg }

// Resolve picks the provider profile, checks its gaps, fills the endpoints
// (from the metadata or the provider's templates) and applies its quirks.
// A bad input is an *Error, a provider gap an *UnsupportedError.
func Resolve(in Input) (Request, error) {
	req := Request{
		Flow: in.Flow, Lang: in.Lang, Markdown: in.Markdown,
		ClientID: in.ClientID, RedirectURI: in.RedirectURI, Scope: in.Scope,
		Audience: in.Audience, LoginHint: in.LoginHint, High: in.High, KeyAuth: in.KeyAuth,
		Resource: in.Resource,
	}
	if req.Resource != "" {
		if _, err := discovery.CheckResource(req.Resource); err != nil {
			return req, &Error{err.Error()}
		}
	}
	providerID := in.Provider
	if providerID == "" {
		providerID = flows.ProviderGeneric
	}
	p, ok := flows.ProviderByID(providerID)
	if !ok {
		return req, &Error{fmt.Sprintf("unknown --provider %q: one of %s", providerID, strings.Join(flows.ProviderIDs(), ", "))}
	}
	if err := checkGaps(p, req.Flow, req.High); err != nil {
		return req, err
	}
	for name := range in.Params {
		if !slices.ContainsFunc(p.Params, func(x flows.Param) bool { return x.Name == name }) {
			return req, &Error{fmt.Sprintf("--%s does not apply to --provider %s (%s)", name, p.ID, providerParamList(p))}
		}
	}

	m := in.Metadata
	if in.Found != nil {
		m = &in.Found.Server
		if req.Scope == "" {
			// MCP authorization 2025-11-25 §6: the challenge's scope, else
			// every scope the resource supports.
			req.Scope = in.Found.Scope()
			req.scopeFrom = "the protected resource's scope (its 401 challenge or scopes_supported)"
		}
	}
	if m != nil {
		req.Endpoints = m.Endpoints()
		req.Source = "the issuer's discovery document"
		if in.Found != nil {
			req.Source = "the discovery document of the authorization server the resource's metadata names (RFC 9728)"
		}
		req.DiscoveryURL = m.URL
		req.IssRequired = m.AuthorizationResponseIssParameterSupported
		if f, ok := flows.FlowByID(req.Flow); ok && m.LacksGrant(f.GrantType) {
			req.Notes = append(req.Notes, fmt.Sprintf("the server's grant_types_supported does not list %s", f.GrantType))
		}
	} else {
		e, defaulted := p.Expand(in.Params)
		req.Endpoints = e
		req.Source = p.Name + " endpoint templates (" + p.Source + ")"
		for _, name := range defaulted {
			for _, x := range p.Params {
				if x.Name == name {
					req.Notes = append(req.Notes, fmt.Sprintf("placeholder %s %q: pass --%s", name, x.Default, name))
				}
			}
		}
	}
	q := p.Quirks
	if req.Flow == flows.ClientCredentials && req.Scope == "" && q.ClientCredentialsScope != "" {
		req.Scope = q.ClientCredentialsScope
	}
	if q.AudienceRequired && req.Audience == "" && (req.Flow == flows.ClientCredentials || req.Flow == flows.TokenExchange) {
		req.Audience = q.AudienceDefault
		req.Notes = append(req.Notes, fmt.Sprintf("placeholder audience %q: pass --audience", q.AudienceDefault))
	}
	req.Notes = append(req.Notes, q.Notes...)
	return req, nil
}

// checkGaps refuses a flow, or a --security high extension, the provider
// lacks.
func checkGaps(p flows.Provider, flow flows.FlowID, high bool) error {
	if g, ok := p.FlowGap(flow); ok {
		return &UnsupportedError{p, g, fmt.Sprintf("%s does not support --flow %s: %s", p.Name, flow, g.Text)}
	}
	if !high {
		return nil
	}
	if g, ok := p.ExtensionGap(flows.ExtDPoP); ok {
		return &UnsupportedError{p, g, fmt.Sprintf("%s does not support DPoP, which --security high uses: %s", p.Name, g.Text)}
	}
	if g, ok := p.ExtensionGap(flows.ExtPAR); ok && flow == flows.AuthorizationCode {
		return &UnsupportedError{p, g, fmt.Sprintf("%s does not support PAR, which --security high uses: %s", p.Name, g.Text)}
	}
	return nil
}

func providerParamList(p flows.Provider) string {
	if len(p.Params) == 0 {
		return "it takes no endpoint values"
	}
	var names []string
	for _, x := range p.Params {
		names = append(names, "--"+x.Name)
	}
	return "it takes " + strings.Join(names, ", ")
}
