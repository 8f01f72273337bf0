package flows

import "strings"

// Doc is a standard or guide that the catalog cites.
type Doc struct {
	Name string // "RFC 9700", "OAuth 2.1", "FAPI 2.0"
	URL  string
}

// The documents the catalog cites. Sections are cited with Doc.S; every
// citation carries one (TestEveryCitationHasASection).
var (
	RFC6749  = rfc("6749")  // OAuth 2.0
	RFC7523  = rfc("7523")  // JWT profile for client auth and grants
	RFC7591  = rfc("7591")  // Dynamic client registration
	RFC7636  = rfc("7636")  // PKCE
	RFC8252  = rfc("8252")  // OAuth for native apps
	RFC8414  = rfc("8414")  // AS metadata
	RFC8628  = rfc("8628")  // Device authorization grant
	RFC8693  = rfc("8693")  // Token exchange
	RFC8705  = rfc("8705")  // mTLS
	RFC9101  = rfc("9101")  // JAR
	RFC9126  = rfc("9126")  // PAR
	RFC9207  = rfc("9207")  // iss in the authorization response
	RFC9449  = rfc("9449")  // DPoP
	RFC9700  = rfc("9700")  // OAuth 2.0 Security BCP
	RFC10017 = rfc("10017") // OAuth 2.0 for browser-based applications
	RFC8707  = rfc("8707")  // Resource indicators
	RFC9728  = rfc("9728")  // Protected resource metadata
	OAuth21  = Doc{"OAuth 2.1", "https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1-16"}
	FAPI2    = Doc{"FAPI 2.0", "https://openid.net/specs/fapi-security-profile-2_0-final.html"}
	// FAPICIBA is the FAPI profile of CIBA (sections as in its
	// Implementer's Draft: §5.2.2 authorization server, §5.2.3 client).
	FAPICIBA  = Doc{"FAPI-CIBA", "https://openid.net/specs/openid-financial-api-ciba-ID1.html"}
	CIBACore  = Doc{"OpenID CIBA Core 1.0", "https://openid.net/specs/openid-client-initiated-backchannel-authentication-core-1_0.html"}
	OIDCCore  = Doc{"OpenID Connect Core 1.0", "https://openid.net/specs/openid-connect-core-1_0.html"}
	OIDCDisco = Doc{"OpenID Connect Discovery 1.0", "https://openid.net/specs/openid-connect-discovery-1_0.html"}
	// CrossDevice is draft-ietf-oauth-cross-device-security-16.
	CrossDevice = Doc{"Cross-Device Flows BCP", "https://datatracker.ietf.org/doc/html/draft-ietf-oauth-cross-device-security-16"}
	// FirstPartyApps is draft-ietf-oauth-first-party-apps-03 (FiPA).
	FirstPartyApps = Doc{"OAuth 2.0 for First-Party Apps (draft)", "https://datatracker.ietf.org/doc/html/draft-ietf-oauth-first-party-apps-03"}
	// CIMD is draft-ietf-oauth-client-id-metadata-document-00, the revision
	// the MCP authorization specification (2025-11-25) cites.
	CIMD = Doc{"OAuth Client ID Metadata Document (draft)", "https://datatracker.ietf.org/doc/html/draft-ietf-oauth-client-id-metadata-document-00"}
	// MCPAuth and MCPSecurity are the Model Context Protocol's authorization
	// specification and security best practices, revision 2025-11-25.
	// Sections are numbered as the published pages number them (the spec
	// sources switch numbering on with enable-section-numbers): authorization
	// §4 server discovery, §5 client registration, §8 resource parameter, §9
	// token usage, §11 security considerations; best practices §2.1 confused
	// deputy, §2.2 token passthrough, §2.3 SSRF, §2.6 authorization URL
	// validation.
	MCPAuth     = Doc{"MCP Authorization (2025-11-25)", "https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization"}
	MCPSecurity = Doc{"MCP Security Best Practices (2025-11-25)", "https://modelcontextprotocol.io/specification/2025-11-25/basic/security_best_practices"}
	SeedGuide   = Doc{"Gravitee AM: Which Flow Should I Use?", "https://documentation.gravitee.io/am/guides/auth-protocols/oauth-2.0/which-flow-should-i-use"}
)

func rfc(n string) Doc {
	return Doc{Name: "RFC " + n, URL: "https://www.rfc-editor.org/rfc/rfc" + n}
}

// Ref cites a section of a document.
type Ref struct {
	Doc     Doc
	Section string // "2.1.2"; empty only for a link to a documentation page
}

// S cites section sec of d.
func (d Doc) S(sec string) Ref { return Ref{Doc: d, Section: sec} }

// Whole links to d as a page: for vendor documentation a format or gap
// points at, never for a standard's citation (the citation test refuses
// those).
func (d Doc) Whole() Ref { return Ref{Doc: d} }

// String is the citation as printed everywhere: "RFC 9700 §2.1.2".
func (r Ref) String() string {
	if r.Section == "" {
		return r.Doc.Name
	}
	return r.Doc.Name + " §" + r.Section
}

// MarshalText makes a Ref a JSON string: the citation as String prints it.
func (r Ref) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText reads a citation as MarshalText writes it, for programs
// that decode `advise --format json`; a document the catalog does not cite
// keeps its name and no URL.
func (r *Ref) UnmarshalText(b []byte) error {
	name, sec, _ := strings.Cut(string(b), " §")
	*r = Ref{Doc: Doc{Name: name}, Section: sec}
	for _, d := range citedDocs {
		if d.Name == name {
			r.Doc = d
		}
	}
	return nil
}

// citedDocs are the documents above, for UnmarshalText.
var citedDocs = []Doc{RFC6749, RFC7523, RFC7591, RFC7636, RFC8252, RFC8414, RFC8628, RFC8693, RFC8705,
	RFC9101, RFC9126, RFC9207, RFC9449, RFC9700, RFC10017, OAuth21, FAPI2, FAPICIBA, CIBACore, OIDCCore,
	OIDCDisco, CrossDevice, FirstPartyApps, SeedGuide, SuppressionDocs, RFC8707, RFC9728, CIMD, MCPAuth, MCPSecurity}

// URL links to the section where the document's site supports anchors.
func (r Ref) URL() string {
	if r.Section == "" {
		return r.Doc.URL
	}
	if strings.HasPrefix(r.Doc.URL, "https://www.rfc-editor.org/") || strings.Contains(r.Doc.URL, "datatracker.ietf.org/doc/html/") {
		return r.Doc.URL + "#section-" + r.Section
	}
	return r.Doc.URL
}

// RefStrings renders refs as citations, for JSON output.
func RefStrings(refs []Ref) []string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = r.String()
	}
	return out
}

// JoinRefs renders refs as one comma-separated citation list.
func JoinRefs(refs []Ref) string { return strings.Join(RefStrings(refs), ", ") }
