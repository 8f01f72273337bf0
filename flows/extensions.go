package flows

// Extension describes one of the recommendation's `extensions`.
type Extension struct {
	ID   string
	Name string
	Refs []Ref
}

var extensions = []Extension{
	{ExtPAR, "Pushed authorization requests", []Ref{RFC9126.Whole()}},
	{ExtDPoP, "DPoP sender-constrained tokens", []Ref{RFC9449.Whole()}},
	{ExtMTLS, "Mutual-TLS client authentication and certificate-bound tokens", []Ref{RFC8705.Whole()}},
	{ExtPrivateKeyJWT, "private_key_jwt client authentication", []Ref{RFC7523.S("2.2"), RFC9700.S("2.5")}},
	{ExtBFF, "Backend-for-frontend", []Ref{RFC10017.S("6.1")}},
	{ExtLoopback, "Loopback redirect for native apps and CLIs", []Ref{RFC8252.S("7.3")}},
	{ExtJAR, "JWT-secured authorization requests", []Ref{RFC9101.Whole()}},
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

// Refs cites the standard behind a gap: the missing flow's or extension's.
func (g Gap) Refs() []Ref {
	if f, ok := FlowByID(g.Flow); ok {
		return f.Refs[:1]
	}
	if e, ok := ExtensionByID(g.Extension); ok {
		return e.Refs
	}
	return nil
}
