package cli

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/whichflow/whichflow/advisor"
	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/safetext"
)

// styles renders headings and marks; without colour every style is the
// identity, so golden files and pipes get plain text.
type styles struct {
	heading, good, warn, bad, dim, code func(string) string
}

func newStyles(color bool) styles {
	if !color {
		id := func(s string) string { return s }
		return styles{id, id, id, id, id, id}
	}
	// A renderer with a fixed profile: no terminal queries at start-up.
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.ANSI256)
	r.SetHasDarkBackground(true)
	st := func(s lipgloss.Style) func(string) string { return func(x string) string { return s.Render(x) } }
	return styles{
		heading: st(r.NewStyle().Bold(true).Foreground(lipgloss.Color("12"))),
		good:    st(r.NewStyle().Bold(true).Foreground(lipgloss.Color("10"))),
		warn:    st(r.NewStyle().Foreground(lipgloss.Color("11"))),
		bad:     st(r.NewStyle().Foreground(lipgloss.Color("9"))),
		dim:     st(r.NewStyle().Faint(true)),
		code:    st(r.NewStyle().Foreground(lipgloss.Color("14"))),
	}
}

const textWidth = 80

func severityMark(s styles, sev flows.Severity) string {
	switch sev {
	case flows.SeverityError:
		return s.bad("✗")
	case flows.SeverityWarning:
		return s.warn("!")
	default:
		return s.dim("i")
	}
}

// adviceText renders a decision for people reading a terminal.
func adviceText(d advisor.Decision, s styles) string {
	var b strings.Builder
	r := d.Recommendation
	status := ""
	if r.Status == flows.Deprecated {
		status = " " + s.bad("[deprecated]")
	}
	fmt.Fprintf(&b, "%s %s (%s)%s\n", s.heading("Use:"), s.good(r.Name), s.code(r.GrantType), status)
	facts := []string{r.ClientType + " client"}
	if r.PKCE {
		facts = append(facts, "PKCE S256")
	}
	facts = append(facts, "client authentication: "+r.ClientAuthentication)
	if len(r.Extensions) > 0 {
		facts = append(facts, "with "+strings.Join(r.Extensions, ", "))
	}
	fmt.Fprintf(&b, "%s\n", wrap(strings.Join(facts, " · "), 2, textWidth))
	fmt.Fprintf(&b, "%s\n", wrap(r.Summary, 2, textWidth))
	if len(d.Assumed) > 0 {
		var parts []string
		for _, id := range d.Assumed {
			parts = append(parts, fmt.Sprintf("%s=%v", id, d.Answers[id]))
		}
		fmt.Fprintf(&b, "%s\n", s.dim(wrap("Assumed: "+strings.Join(parts, ", ")+" (answer with flags to change).", 2, textWidth)))
	}

	if len(d.Caveats) > 0 {
		fmt.Fprintf(&b, "\n%s\n", s.heading("Caveats"))
		for _, c := range d.Caveats {
			fmt.Fprintf(&b, "  %s %s\n", severityMark(s, c.Severity), strings.TrimLeft(wrap(c.Text, 4, textWidth), " "))
			fmt.Fprintf(&b, "    %s\n", s.dim(string(c.ID)+" · "+flows.JoinRefs(c.Refs)))
			if c.SeedDiffers != "" {
				fmt.Fprintf(&b, "%s\n", s.dim(wrap("Where guides differ: "+c.SeedDiffers, 4, textWidth)))
			}
		}
	}
	if len(d.Rejected) > 0 {
		fmt.Fprintf(&b, "\n%s\n", s.heading("Not this"))
		for _, x := range d.Rejected {
			fmt.Fprintf(&b, "  %s %s (%s)\n", s.bad("✗"), x.Flow, s.code(x.GrantType))
			fmt.Fprintf(&b, "%s\n", wrap(x.Reason, 4, textWidth))
			fmt.Fprintf(&b, "    %s\n", s.dim(flows.JoinRefs(x.Refs)))
		}
	}
	if len(d.Alternatives) > 0 {
		fmt.Fprintf(&b, "\n%s\n", s.heading("Alternatives"))
		for _, a := range d.Alternatives {
			name := string(a.Flow)
			if len(a.Extensions) > 0 {
				name += " + " + strings.Join(a.Extensions, ", ")
			}
			fmt.Fprintf(&b, "  → %s\n", strings.TrimLeft(wrap(name+", when "+a.When, 4, textWidth), " "))
		}
	}
	if d.Discovery != nil {
		writeDiscovery(&b, s, *d.Discovery)
	}

	fmt.Fprintf(&b, "\n%s\n", s.heading("Register (RFC 7591)"))
	for _, kv := range registrationLines(d.Registration) {
		fmt.Fprintf(&b, "  %-40s %s\n", kv[0]+":", kv[1])
	}
	fmt.Fprintf(&b, "\n%s\n", s.heading("Next"))
	for _, n := range d.Next {
		fmt.Fprintf(&b, "  $ %s\n", s.code(n))
	}
	return b.String()
}

// registrationLines lists the registration metadata as key/value pairs in
// RFC 7591 order, skipping what is not set.
func registrationLines(r advisor.Registration) [][2]string {
	var out [][2]string
	add := func(k, v string) {
		if v != "" {
			out = append(out, [2]string{k, v})
		}
	}
	add("application_type", r.ApplicationType)
	add("grant_types", strings.Join(r.GrantTypes, ", "))
	if len(r.ResponseTypes) == 0 {
		add("response_types", "(none)")
	} else {
		add("response_types", strings.Join(r.ResponseTypes, ", "))
	}
	add("redirect_uris", strings.Join(r.RedirectURIs, ", "))
	add("token_endpoint_auth_method", r.TokenEndpointAuthMethod)
	add("jwks_uri", r.JWKSURI)
	add("jwks", r.JWKS)
	if r.DPoPBoundAccessTokens {
		add("dpop_bound_access_tokens", "true")
	}
	if r.RequirePAR {
		add("require_pushed_authorization_requests", "true")
	}
	add("backchannel_token_delivery_mode", r.BackchannelTokenDeliveryMode)
	return out
}

// writeDiscovery says what the server (and the resource that named it)
// offers. Every value came from the network: escaped.
func writeDiscovery(b *strings.Builder, s styles, disc advisor.Discovery) {
	list := func(vs []string) string { return safetext.Line(strings.Join(vs, ", ")) }
	if disc.Resource != "" {
		fmt.Fprintf(b, "\n%s %s\n", s.heading("Resource:"), safetext.Line(disc.Resource))
		if disc.ResourceMetadataURL != "" {
			fmt.Fprintf(b, "  protected resource metadata: %s\n", safetext.Line(disc.ResourceMetadataURL))
			fmt.Fprintf(b, "  authorization_servers: %s\n", list(disc.AuthorizationServers))
		}
	}
	fmt.Fprintf(b, "\n%s %s\n", s.heading("Server:"), safetext.Line(disc.URL))
	fmt.Fprintf(b, "  grant_types_supported: %s\n", list(disc.GrantTypesSupported))
	fmt.Fprintf(b, "  code_challenge_methods_supported: %s\n", list(disc.CodeChallengeMethodsSupported))
	fmt.Fprintf(b, "  client_id_metadata_document_supported: %t\n", disc.ClientIDMetadataDocumentSupported)
	reg := "none (no dynamic registration)"
	if disc.RegistrationEndpoint != "" {
		reg = safetext.Line(disc.RegistrationEndpoint)
	}
	fmt.Fprintf(b, "  registration_endpoint: %s\n", reg)
	fmt.Fprintf(b, "  a new client registers: %s\n", disc.ClientRegistration())
}
