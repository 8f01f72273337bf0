package clientconfig

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/whichflow/whichflow/flows"
)

// Spring Boot configuration (application.yml with nested or dotted keys,
// `---` profile documents, and application.properties):
//
//   - Spring Authorization Server registrations under
//     spring.security.oauth2.authorizationserver.client.<key>.
//     (OAuth2AuthorizationServerProperties): registration.client-id,
//     client-secret, client-authentication-methods (default
//     client_secret_basic, RegisteredClient.Builder), authorization-grant-types,
//     redirect-uris; require-proof-key (default false); token.reuse-refresh-tokens
//     (default true = no rotation). A client that may authenticate with
//     `none` always needs PKCE with S256 in SAS, so PKCE is S256 for it.
//   - Spring Security client registrations under
//     spring.security.oauth2.client.registration.<id>. (the application's own
//     credentials): client-secret counts as a committed secret;
//     client-authentication-method defaults to none for authorization_code
//     without a secret, else client_secret_basic (ClientRegistration.Builder);
//     redirect-uri templates have {registrationId} substituted and are
//     unresolved when other template variables ({baseUrl}...) remain. PKCE is
//     the authorization server's policy here: not declarable.
//
// Property names use Spring's relaxed binding (client-id = clientId =
// client_id). ${...} placeholders are unresolved. Later profile documents
// override earlier ones key by key; secrets are collected from all of them.

var (
	springASPrefix     = []string{"spring", "security", "oauth2", "authorizationserver", "client"}
	springClientPrefix = []string{"spring", "security", "oauth2", "client", "registration"}
)

type springEntry struct {
	raw   []string
	canon []string
	keys  []*yaml.Node // per part: the key node it came from
	key   *yaml.Node   // the leaf key, for positions
	val   *yaml.Node
}

func canonProp(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '-' || c == '_':
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return string(b)
}

func splitProp(k string) (raw, canon []string) {
	// At most maxDepth parts (the last keeps the rest): a key of a million
	// dots must not make a million-part path for every lookup to walk.
	for _, p := range strings.SplitN(k, ".", maxDepth) {
		// Indexed list items: redirect-uris[0]
		if i := strings.IndexByte(p, '['); i > 0 && strings.HasSuffix(p, "]") {
			p = p[:i]
		}
		raw = append(raw, p)
		canon = append(canon, canonProp(p))
	}
	return raw, canon
}

// flattenSpring turns a YAML document into dotted entries.
func flattenSpring(n *yaml.Node, raw, canon []string, keys []*yaml.Node, key *yaml.Node, out *[]springEntry, depth int) {
	n = deref(n)
	if n == nil || depth > maxDepth || len(*out) > 100000 {
		return
	}
	if n.Kind == yaml.MappingNode {
		for _, kv := range pairs(n) {
			if kv[0].Kind != yaml.ScalarNode {
				continue
			}
			r, c := splitProp(kv[0].Value)
			ks := append([]*yaml.Node{}, keys...)
			for range r {
				ks = append(ks, kv[0])
			}
			flattenSpring(kv[1], append(append([]string{}, raw...), r...), append(append([]string{}, canon...), c...), ks, kv[0], out, depth+1)
		}
		return
	}
	if key != nil {
		*out = append(*out, springEntry{raw: raw, canon: canon, keys: keys, key: key, val: n})
	}
}

func hasPrefix(canon, prefix []string) bool {
	if len(canon) <= len(prefix) {
		return false
	}
	for i, p := range prefix {
		if canon[i] != p {
			return false
		}
	}
	return true
}

func readSpringDocs(docs []*yaml.Node) (*File, bool) {
	var entries []springEntry
	for _, d := range docs {
		// Only the spring subtree matters; skip everything else cheaply.
		for _, kv := range pairs(d) {
			if kv[0].Kind != yaml.ScalarNode {
				continue
			}
			head, _, _ := strings.Cut(kv[0].Value, ".")
			if canonProp(head) != "spring" {
				continue
			}
			r, c := splitProp(kv[0].Value)
			ks := make([]*yaml.Node, len(r))
			for i := range ks {
				ks[i] = kv[0]
			}
			flattenSpring(kv[1], r, c, ks, kv[0], &entries, 1)
		}
	}
	return springFromEntries(entries)
}

// springClient accumulates one registration's properties.
type springClient struct {
	key      string
	server   bool
	first    *yaml.Node
	end      int
	props    map[string]springEntry
	lists    map[string][]springEntry // indexed properties (properties files)
	secrets  []Secret
	declared SecretField
}

func springFromEntries(entries []springEntry) (*File, bool) {
	var order []*springClient
	byKey := map[string]*springClient{}
	for _, e := range entries {
		var server bool
		switch {
		case hasPrefix(e.canon, springASPrefix) && len(e.canon) > len(springASPrefix)+1:
			server = true
		case hasPrefix(e.canon, springClientPrefix) && len(e.canon) > len(springClientPrefix)+1:
		default:
			continue
		}
		n := len(springClientPrefix)
		if server {
			n = len(springASPrefix)
		}
		id := e.raw[n]
		first := e.key
		if n < len(e.keys) {
			first = e.keys[n]
		}
		mk := map[bool]string{true: "as:", false: "client:"}[server] + id
		sc := byKey[mk]
		if sc == nil {
			sc = &springClient{key: id, server: server, first: first, props: map[string]springEntry{}, lists: map[string][]springEntry{}}
			byKey[mk] = sc
			order = append(order, sc)
		}
		if first.Line < sc.first.Line {
			sc.first = first
		}
		if l := endLine(e.val); l > sc.end {
			sc.end = l
		}
		prop := strings.Join(e.canon[n+1:], ".")
		if strings.HasSuffix(e.key.Value, "]") {
			sc.lists[prop] = append(sc.lists[prop], e)
		} else {
			sc.props[prop] = e
		}
		if prop == "registration.clientsecret" || (!server && prop == "clientsecret") {
			if s, ok := secretAt(strings.Join(e.raw, "."), e.val); ok {
				sc.secrets = append(sc.secrets, s)
			}
			if d := declaredSecret(strings.Join(e.raw, "."), e.val); d.Declared() {
				sc.declared = d // later documents override earlier ones
			}
		}
	}
	if len(order) == 0 {
		return nil, false
	}
	f := newFile(flows.FormatSpring)
	for _, sc := range order {
		f.Clients = append(f.Clients, sc.client())
	}
	return f, true
}

func (sc *springClient) str(prop, def string) String {
	e, ok := sc.props[prop]
	if !ok {
		return String{Value: def, Pos: pos(sc.first)}
	}
	return str(e.val)
}

// list reads a list property: a YAML sequence, a comma-separated string, or
// indexed properties (prop[0], prop[1], ...).
func (sc *springClient) list(prop string) List {
	if e, ok := sc.props[prop]; ok {
		l := List{Pos: pos(e.key), Set: true}
		v := deref(e.val)
		if v.Kind == yaml.SequenceNode {
			for _, it := range items(v) {
				l.Items = append(l.Items, str(it))
			}
			return l
		}
		s := str(v)
		if s.Unresolved && strings.TrimSpace(v.Value) == firstMatch(strings.TrimSpace(v.Value)) {
			l.Unresolved = true
			return l
		}
		for _, part := range strings.Split(v.Value, ",") {
			if part = strings.TrimSpace(part); part != "" {
				it := s
				it.Value = part
				it.Unresolved = unresolvedText(part)
				l.Items = append(l.Items, it)
			}
		}
		return l
	}
	if es := sc.lists[prop]; len(es) > 0 {
		l := List{Pos: pos(es[0].key), Set: true}
		for _, e := range es {
			l.Items = append(l.Items, str(e.val))
		}
		return l
	}
	return List{Pos: pos(sc.first)}
}

var springTemplateVars = []string{"{baseUrl}", "{baseScheme}", "{baseHost}", "{basePort}", "{basePath}", "{action}"}

func (sc *springClient) client() Client {
	c := Client{Format: flows.FormatSpring, Pos: pos(sc.first), End: sc.end, Secrets: sc.secrets, SecretDeclared: sc.declared}
	if sc.server {
		return sc.serverClient(c)
	}
	c.ID = sc.key
	c.Name = sc.str("clientname", "").Value
	c.GrantTypes = sc.list("authorizationgranttype")
	if !c.GrantTypes.Set {
		c.GrantTypes = defaultList(c.Pos, flows.GrantAuthorizationCode)
	}
	secret := sc.str("clientsecret", "")
	c.AuthMethod = sc.str("clientauthenticationmethod", "")
	if !c.AuthMethod.Set {
		c.AuthMethod.Value = flows.AuthClientSecretBasic
		if c.GrantTypes.Has(flows.GrantAuthorizationCode) && secret.Value == "" && !secret.Unresolved {
			c.AuthMethod.Value = flows.AuthNone
		}
	}
	c.AuthMethods = List{Pos: c.AuthMethod.Pos, Set: c.AuthMethod.Set, Items: []String{c.AuthMethod}}
	c.Public = Bool{Value: c.AuthMethod.Value == flows.AuthNone, Pos: c.AuthMethod.Pos, Set: c.AuthMethod.Set, Unresolved: c.AuthMethod.Unresolved}
	if ru := sc.str("redirecturi", ""); ru.Set {
		ru.Value = strings.ReplaceAll(ru.Value, "{registrationId}", sc.key)
		for _, v := range springTemplateVars {
			if strings.Contains(ru.Value, v) {
				ru.Unresolved = true
			}
		}
		c.RedirectURIs = List{Pos: ru.Pos, Set: true, Items: []String{ru}}
	} else {
		c.RedirectURIs = List{Pos: c.Pos}
	}
	return c
}

func (sc *springClient) serverClient(c Client) Client {
	id := sc.str("registration.clientid", "")
	c.ID = sc.key
	if id.Set && !id.Unresolved && id.Value != "" {
		c.ID = id.Value
	}
	c.Name = sc.str("registration.clientname", "").Value
	c.GrantTypes = sc.list("registration.authorizationgranttypes")
	c.RedirectURIs = sc.list("registration.redirecturis")
	c.AuthMethods = sc.list("registration.clientauthenticationmethods")
	if !c.AuthMethods.Set || (len(c.AuthMethods.Items) == 0 && !c.AuthMethods.Unresolved) {
		c.AuthMethods = defaultList(c.AuthMethods.Pos, flows.AuthClientSecretBasic)
	}
	if len(c.AuthMethods.Items) > 0 {
		c.AuthMethod = c.AuthMethods.Items[0]
	} else {
		c.AuthMethod = String{Pos: c.AuthMethods.Pos, Set: true, Unresolved: true}
	}
	none, public := c.AuthMethods.Find(flows.AuthNone)
	c.Public = Bool{Value: public, Pos: c.AuthMethods.Pos, Set: c.AuthMethods.Set, Unresolved: c.AuthMethods.Unresolved}
	if public {
		c.Public.Pos = none.Pos
	}

	rpk := sc.str("requireproofkey", "false")
	pk := String{Pos: rpk.Pos, Set: rpk.Set, Unresolved: rpk.Unresolved}
	if v, ok := parseBool(rpk.Value); ok && v {
		pk.Value = "S256" // SAS supports S256 only
	} else if !ok && rpk.Set {
		pk.Unresolved = true
	}
	if public && pk.Value == "" && !pk.Unresolved {
		pk = String{Value: "S256", Pos: none.Pos}
	}
	c.PKCE = Declarable{Declarable: true, Value: pk}

	reuse := sc.str("token.reuserefreshtokens", "true")
	rv, ok := parseBool(reuse.Value)
	c.RefreshRotation = Declarable{Declarable: true, Value: String{Value: boolString(ok && !rv), Pos: reuse.Pos, Set: reuse.Set, Unresolved: reuse.Unresolved || !ok}}
	return c
}

// --- .properties ----------------------------------------------------------------

// readProperties reads a Java properties file into entries; only Spring
// OAuth keys make it a client configuration.
func readProperties(data []byte) (*File, error) {
	var entries []springEntry
	line := 0
	rest := data
	for len(rest) > 0 && len(entries) < 100000 {
		line++
		var l []byte
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			l, rest = rest[:i], rest[i+1:]
		} else {
			l, rest = rest, nil
		}
		startLine := line
		// Continuation lines end with an odd number of backslashes.
		// Joined in a buffer: += on a string is quadratic in a long run of
		// continuation lines.
		joined := bytes.TrimRight(l, "\r")
		if bytes.HasSuffix(joined, []byte(`\`)) && !bytes.HasSuffix(joined, []byte(`\\`)) && len(rest) > 0 {
			joined = append([]byte(nil), joined...)
		}
		for bytes.HasSuffix(joined, []byte(`\`)) && !bytes.HasSuffix(joined, []byte(`\\`)) && len(rest) > 0 {
			joined = joined[:len(joined)-1]
			line++
			var nx []byte
			if i := bytes.IndexByte(rest, '\n'); i >= 0 {
				nx, rest = rest[:i], rest[i+1:]
			} else {
				nx, rest = rest, nil
			}
			joined = append(joined, bytes.TrimLeft(bytes.TrimRight(nx, "\r"), " \t\f")...)
		}
		full := string(joined)
		trim := strings.TrimLeft(full, " \t\f")
		indent := utf8.RuneCountInString(full) - utf8.RuneCountInString(trim)
		if trim == "" || trim[0] == '#' || trim[0] == '!' {
			continue
		}
		sep := strings.IndexAny(trim, "=: \t")
		key, val := trim, ""
		if sep >= 0 {
			key = trim[:sep]
			val = strings.TrimLeft(trim[sep:], " \t\f")
			if val != "" && (val[0] == '=' || val[0] == ':') {
				val = strings.TrimLeft(val[1:], " \t\f")
			}
		}
		valCol := indent + utf8.RuneCountInString(trim) - utf8.RuneCountInString(val) + 1
		kn := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: startLine, Column: indent + 1}
		vn := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: val, Line: startLine, Column: valCol}
		raw, canon := splitProp(key)
		keys := make([]*yaml.Node, len(raw))
		for i := range keys {
			keys[i] = kn
		}
		entries = append(entries, springEntry{raw: raw, canon: canon, keys: keys, key: kn, val: vn})
	}
	f, ok := springFromEntries(entries)
	if !ok {
		return nil, ErrUnrecognised
	}
	f.Directives = scanDirectives(data, false)
	return f, nil
}
