package flows

// Extension describes one of the recommendation's `extensions`.
type Extension struct {
	ID   string
	Name string
	Refs []Ref
}

var extensions = []Extension{
	{ExtPAR, "Pushed authorization requests", []Ref{RFC9126.S("2"), RFC9126.S("4")}},
	{ExtDPoP, "DPoP sender-constrained tokens", []Ref{RFC9449.S("4"), RFC9449.S("5")}},
	{ExtMTLS, "Mutual-TLS client authentication and certificate-bound tokens", []Ref{RFC8705.S("2"), RFC8705.S("3")}},
	{ExtPrivateKeyJWT, "private_key_jwt client authentication", []Ref{RFC7523.S("2.2"), RFC9700.S("2.5")}},
	{ExtBFF, "Backend-for-frontend", []Ref{RFC10017.S("6.1")}},
	{ExtLoopback, "Loopback redirect for native apps and CLIs", []Ref{RFC8252.S("7.3")}},
	{ExtJAR, "JWT-secured authorization requests", []Ref{RFC9101.S("4"), RFC9101.S("5")}},
	{ExtResourceIndicators, "Resource indicators: the resource on the authorization and token requests", []Ref{RFC8707.S("2"), MCPAuth.S("8")}},
	{ExtClientIDMetadataDocument, "Client ID metadata document: the client_id is the https URL of the client's metadata", []Ref{CIMD.S("3"), CIMD.S("4.1"), MCPAuth.S("5.1")}},
}

// Extensions returns the extensions a recommendation can carry.
func Extensions() []Extension { return extensions }

// ExtensionByID looks an extension up.
func ExtensionByID(id string) (Extension, bool) {
	for _, e := range extensions {
		if e.ID == id {
			return e, true
		}
	}
	return Extension{}, false
}

// Refs cites the standard behind a gap: its own Cites, else the missing
// flow's or extension's.
func (g Gap) Refs() []Ref {
	if len(g.Cites) > 0 {
		return g.Cites
	}
	if f, ok := FlowByID(g.Flow); ok {
		return f.Refs[:1]
	}
	if e, ok := ExtensionByID(g.Extension); ok {
		return e.Refs
	}
	return nil
}
