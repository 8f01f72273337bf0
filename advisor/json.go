package advisor

import (
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/whichflow/whichflow/flows"
)

// MarshalJSON writes the `advise --format json` document by hand: the
// reflection-based encoder spends more time building its encoders on first
// use than the rest of `advise` takes, and start-up is a target (DESIGN §6).
// TestMarshalJSONMatchesReflection keeps the two encodings identical.
func (d Decision) MarshalJSON() ([]byte, error) { return d.appendJSON(""), nil }

// IndentedJSON is the document as `advise --format json` prints it:
// indented by two spaces, ending in a newline, exactly what encoding/json's
// Encoder with SetIndent("", "  ") writes, without its compact-then-indent
// passes.
func (d Decision) IndentedJSON() []byte { return append(d.appendJSON("  "), '\n') }

func (d Decision) appendJSON(indent string) []byte {
	w := jsonWriter{indent: indent}
	w.open('{')
	w.key("schema_version")
	w.value()
	w.buf = strconv.AppendInt(w.buf, int64(d.SchemaVersion), 10)
	w.key("answers")
	w.open('{')
	keys := make([]string, 0, len(d.Answers))
	for k := range d.Answers {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		w.key(k)
		switch v := d.Answers[k].(type) {
		case bool:
			w.bool(v)
		case string:
			w.str(v)
		default:
			w.str("")
		}
	}
	w.close('}')
	w.key("assumed")
	w.strs(d.Assumed)

	r := d.Recommendation
	w.key("recommendation")
	w.open('{')
	w.field("flow", string(r.Flow))
	w.field("name", r.Name)
	w.field("grant_type", r.GrantType)
	w.field("status", string(r.Status))
	w.field("client_type", r.ClientType)
	w.key("pkce")
	w.bool(r.PKCE)
	w.field("client_authentication", r.ClientAuthentication)
	w.key("extensions")
	w.strs(r.Extensions)
	w.field("summary", r.Summary)
	w.close('}')

	w.key("alternatives")
	w.open('[')
	for _, a := range d.Alternatives {
		w.open('{')
		w.field("flow", string(a.Flow))
		w.field("grant_type", a.GrantType)
		if len(a.Extensions) > 0 {
			w.key("extensions")
			w.strs(a.Extensions)
		}
		w.field("when", a.When)
		w.close('}')
	}
	w.close(']')

	w.key("rejected")
	w.open('[')
	for _, x := range d.Rejected {
		w.open('{')
		w.field("flow", string(x.Flow))
		w.field("grant_type", x.GrantType)
		w.field("reason", x.Reason)
		w.key("refs")
		w.refs(x.Refs)
		w.close('}')
	}
	w.close(']')

	w.key("caveats")
	w.open('[')
	for _, c := range d.Caveats {
		w.open('{')
		w.field("id", string(c.ID))
		w.field("severity", string(c.Severity))
		w.field("text", c.Text)
		w.key("refs")
		w.refs(c.Refs)
		if c.SeedDiffers != "" {
			w.field("seed_differs", c.SeedDiffers)
		}
		w.close('}')
	}
	w.close(']')

	w.key("registration")
	w.registration(d.Registration)
	w.key("next")
	w.strs(d.Next)
	if d.Discovery != nil {
		w.key("discovery")
		w.open('{')
		w.field("issuer", d.Discovery.Issuer)
		w.field("url", d.Discovery.URL)
		w.key("grant_types_supported")
		w.strs(d.Discovery.GrantTypesSupported)
		w.key("code_challenge_methods_supported")
		w.strs(d.Discovery.CodeChallengeMethodsSupported)
		w.key("client_id_metadata_document_supported")
		w.bool(d.Discovery.ClientIDMetadataDocumentSupported)
		if d.Discovery.RegistrationEndpoint != "" {
			w.field("registration_endpoint", d.Discovery.RegistrationEndpoint)
		}
		if d.Discovery.Resource != "" {
			w.field("resource", d.Discovery.Resource)
		}
		if d.Discovery.ResourceMetadataURL != "" {
			w.field("resource_metadata_url", d.Discovery.ResourceMetadataURL)
		}
		if len(d.Discovery.AuthorizationServers) > 0 {
			w.key("authorization_servers")
			w.strs(d.Discovery.AuthorizationServers)
		}
		w.close('}')
	}
	w.close('}')
	return w.buf
}

// MarshalJSON writes the registration metadata in RFC 7591 order.
func (r Registration) MarshalJSON() ([]byte, error) {
	var w jsonWriter
	w.registration(r)
	return w.buf, nil
}

func (w *jsonWriter) registration(r Registration) {
	w.open('{')
	if r.ClientID != "" {
		w.field("client_id", r.ClientID)
	}
	if r.ApplicationType != "" {
		w.field("application_type", r.ApplicationType)
	}
	w.key("grant_types")
	w.strs(r.GrantTypes)
	w.key("response_types")
	w.strs(r.ResponseTypes)
	if len(r.RedirectURIs) > 0 {
		w.key("redirect_uris")
		w.strs(r.RedirectURIs)
	}
	w.field("token_endpoint_auth_method", r.TokenEndpointAuthMethod)
	if r.JWKSURI != "" {
		w.field("jwks_uri", r.JWKSURI)
	}
	if r.JWKS != "" {
		w.field("jwks", r.JWKS)
	}
	if r.DPoPBoundAccessTokens {
		w.key("dpop_bound_access_tokens")
		w.bool(true)
	}
	if r.RequirePAR {
		w.key("require_pushed_authorization_requests")
		w.bool(true)
	}
	if r.BackchannelTokenDeliveryMode != "" {
		w.field("backchannel_token_delivery_mode", r.BackchannelTokenDeliveryMode)
	}
	w.close('}')
}

// jsonWriter appends JSON, compact or indented like encoding/json's
// Indent. comma is true once the current object or array has a member;
// afterKey is true between an object key and its value.
type jsonWriter struct {
	buf      []byte
	indent   string
	depth    int
	comma    bool
	afterKey bool
}

// value starts a value: a separator and, when indenting, a new line.
func (w *jsonWriter) value() {
	if w.afterKey {
		w.afterKey = false
		w.comma = true
		return
	}
	if w.comma {
		w.buf = append(w.buf, ',')
	}
	w.newline(w.depth)
	w.comma = true
}

func (w *jsonWriter) newline(depth int) {
	if w.indent == "" || depth == 0 {
		return
	}
	w.buf = append(w.buf, '\n')
	for i := 0; i < depth; i++ {
		w.buf = append(w.buf, w.indent...)
	}
}

func (w *jsonWriter) open(c byte) {
	w.value()
	w.buf = append(w.buf, c)
	w.depth++
	w.comma = false
}

func (w *jsonWriter) close(c byte) {
	w.depth--
	if w.comma && w.indent != "" { // a non-empty container ends on its own line
		w.buf = append(w.buf, '\n')
		for i := 0; i < w.depth; i++ {
			w.buf = append(w.buf, w.indent...)
		}
	}
	w.buf = append(w.buf, c)
	w.comma = true
}

// key writes an object key; the value that follows takes no separator.
func (w *jsonWriter) key(k string) {
	w.value()
	w.buf = appendJSONString(w.buf, k)
	w.buf = append(w.buf, ':')
	if w.indent != "" {
		w.buf = append(w.buf, ' ')
	}
	w.afterKey = true
}

func (w *jsonWriter) field(k, v string) {
	w.key(k)
	w.str(v)
}

func (w *jsonWriter) str(v string) {
	w.value()
	w.buf = appendJSONString(w.buf, v)
}

func (w *jsonWriter) bool(v bool) {
	w.value()
	w.buf = strconv.AppendBool(w.buf, v)
}

// refs writes citations as strings (flows.Ref.MarshalText).
func (w *jsonWriter) refs(rs []flows.Ref) {
	w.open('[')
	for _, r := range rs {
		w.str(r.String())
	}
	w.close(']')
}

func (w *jsonWriter) strs(vs []string) {
	w.open('[')
	for _, v := range vs {
		w.str(v)
	}
	w.close(']')
}

// appendJSONString quotes s as encoding/json does with HTML escaping off.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}
