package clientconfig

import (
	"slices"
	"strconv"
	"strings"

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
//     (default true = no rotation). A client that authenticates with `none`
//     only always needs PKCE with S256 in SAS, so PKCE is S256 for it; one
//     that may also use a secret is confidential (PKCE per require-proof-key).
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

// springDefault names the Spring defaults this adapter applies, checked
// against spring-projects/spring-authorization-server (b90fb093):
// RegisteredClient.Builder.build() adds client_secret_basic when no method
// is given; ClientSettings.builder() requireProofKey(false);
// TokenSettings.builder() authorization code and access token 5 minutes,
// reuseRefreshTokens(true) (no rotation), ID tokens RS256. Spring Security's
// ClientRegistration.Builder deduces none for authorization_code without a
// secret, else client_secret_basic.
const springDefault = "Spring Security's default"

func init() {
	registerTree(40, readSpringDocs, may{test: maySpring}, "authorizationserver", "oauth2.client", "registration")
}

type springEntry struct {
	raw   []string
	canon []string
	first Node // the key the registration id came from
	key   Node // the leaf key, for positions
	val   Node
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

// maxSpringEntries bounds what flattening keeps.
const maxSpringEntries = 100000

// springFlattener turns the spring subtree of a document into dotted
// entries under the two registration prefixes. The path is one stack,
// copied only into entries kept; subtrees off both prefixes are not
// walked. Aliases are followed: the YAML reader bounds their expansion.
type springFlattener struct {
	raw, canon []string
	keys       []Node // per part: the key node it came from
	out        []springEntry
}

// onPrefix reports whether canon can still lead to a registration.
func onPrefix(canon []string) bool {
	for _, pre := range [][]string{springASPrefix, springClientPrefix} {
		n := min(len(canon), len(pre))
		if slices.Equal(canon[:n], pre[:n]) {
			return true
		}
	}
	return false
}

func (fl *springFlattener) walk(k, n Node, depth int) {
	n = deref(n)
	if !n.ok() || depth > maxDepth || len(fl.out) >= maxSpringEntries {
		return
	}
	r, c := splitProp(text(k))
	base := len(fl.raw)
	fl.raw, fl.canon = append(fl.raw, r...), append(fl.canon, c...)
	for range r {
		fl.keys = append(fl.keys, k)
	}
	defer func() { fl.raw, fl.canon, fl.keys = fl.raw[:base], fl.canon[:base], fl.keys[:base] }()
	if !onPrefix(fl.canon) {
		return
	}
	if n.kind() == kindMap {
		eachPair(n, func(k, v Node) bool {
			fl.walk(k, v, depth+1)
			return true
		})
		return
	}
	pre := len(springClientPrefix) // both prefixes have this length
	if len(fl.canon) <= pre+1 {
		return
	}
	fl.out = append(fl.out, springEntry{raw: slices.Clone(fl.raw), canon: slices.Clone(fl.canon), first: fl.keys[pre], key: k, val: n})
}

func hasPrefix(canon, prefix []string) bool {
	return len(canon) > len(prefix) && slices.Equal(canon[:len(prefix)], prefix)
}

func readSpringDocs(docs []Node) (*File, bool) {
	var fl springFlattener
	for _, d := range docs {
		// Only the spring subtree matters; skip everything else cheaply
		// (keys that cannot be spring..., before reading them).
		for _, kv := range pairs(d, func(k Node) bool {
			b := k.rawText()
			return len(b) >= 6 && (b[0] == 's' || b[0] == 'S')
		}) {
			head, _, _ := strings.Cut(text(kv[0]), ".")
			if canonProp(head) != "spring" {
				continue
			}
			fl.walk(kv[0], kv[1], 1)
		}
	}
	return springFromEntries(fl.out)
}

// maySpring is Spring's may test (treeFormat): a top-level key whose first
// segment is spring under relaxed binding (canonProp: any case, - and _
// anywhere) has the letters of "spring" in order with only - and _
// between them.
func maySpring(data []byte) bool {
	const word = "spring"
	for i, c := range data {
		if c|0x20 == word[0] && springFrom(data[i+1:], word[1:]) {
			return true
		}
	}
	return false
}

// springFrom reports whether data starts with the letters of rest in
// order, in any case, with only - and _ between them.
func springFrom(data []byte, rest string) bool {
	for _, b := range data {
		switch {
		case rest == "":
			return true
		case b == '-' || b == '_':
		case b|0x20 == rest[0]:
			rest = rest[1:]
		default:
			return false
		}
	}
	return rest == ""
}

// propertiesFormats are the adapters a .properties tree (one flat mapping
// of dotted keys) is offered to: only Spring OAuth keys make it a client
// configuration.
var propertiesFormats = []treeFormat{{read: readSpringDocs}}

// springClient accumulates one registration's properties.
type springClient struct {
	key      string
	server   bool
	first    Node
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
		first := e.first
		mk := map[bool]string{true: "as:", false: "client:"}[server] + id
		sc := byKey[mk]
		if sc == nil {
			sc = &springClient{key: id, server: server, first: first, props: map[string]springEntry{}, lists: map[string][]springEntry{}}
			byKey[mk] = sc
			order = append(order, sc)
		}
		if pos(first).Line < pos(sc.first).Line {
			sc.first = first
		}
		if l := endLine(e.val); l > sc.end {
			sc.end = l
		}
		prop := strings.Join(e.canon[n+1:], ".")
		if strings.HasSuffix(text(e.key), "]") {
			sc.lists[prop] = append(sc.lists[prop], e)
		} else {
			sc.props[prop] = e
		}
		if prop == "registration.clientsecret" || (!server && prop == "clientsecret") {
			if s, ok := secretAt(strings.Join(e.raw, "."), e.val); ok && !(server && springHashedSecret(s.Value)) {
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
	f := &File{Format: flows.FormatSpring} // at most maxSpringEntries clients
	for _, sc := range order {
		f.Clients = append(f.Clients, sc.client())
	}
	return f, true
}

func (sc *springClient) str(prop, def string) String {
	e, ok := sc.props[prop]
	if !ok {
		s := String{Value: def, Pos: pos(sc.first)}
		if def != "" {
			s.Default = springDefault
		}
		return s
	}
	return str(e.val)
}

// list reads a list property: a YAML sequence, a comma-separated string, or
// indexed properties (prop[0], prop[1], ...).
func (sc *springClient) list(prop string) List {
	if e, ok := sc.props[prop]; ok {
		l := List{Pos: pos(e.key), Set: true}
		v := deref(e.val)
		if v.kind() == kindSeq {
			return strItems(e.key, v)
		}
		s := str(v)
		if s.Unresolved && onlyPlaceholder(s.Value) {
			l.Unresolved = true
			return l
		}
		for _, part := range strings.Split(s.Value, ",") {
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
		c.GrantTypes = defaultList(c.Pos, springDefault, flows.GrantAuthorizationCode)
	}
	secret := sc.str("clientsecret", "")
	c.AuthMethod = sc.str("clientauthenticationmethod", "")
	if !c.AuthMethod.Set {
		c.AuthMethod.Value, c.AuthMethod.Default = flows.AuthClientSecretBasic, springDefault
		if c.GrantTypes.Has(flows.GrantAuthorizationCode) && secret.Value == "" && !secret.Unresolved {
			c.AuthMethod.Value = flows.AuthNone
		}
	}
	c.AuthMethods = List{Pos: c.AuthMethod.Pos, Set: c.AuthMethod.Set, Items: []String{c.AuthMethod}}
	c.Public = Bool{Value: c.AuthMethod.Value == flows.AuthNone, Pos: c.AuthMethod.Pos, Set: c.AuthMethod.Set, Unresolved: c.AuthMethod.Unresolved, Default: c.AuthMethod.Default}
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
		c.AuthMethods = defaultList(c.AuthMethods.Pos, springDefault, flows.AuthClientSecretBasic)
	}
	if len(c.AuthMethods.Items) > 0 {
		c.AuthMethod = c.AuthMethods.Items[0]
	} else {
		c.AuthMethod = String{Pos: c.AuthMethods.Pos, Set: true, Unresolved: true}
	}
	// SAS requires PKCE of a request authenticated with none only: a client
	// that may also authenticate with a secret is confidential on that path,
	// and its code flow is PKCE-bound only by require-proof-key
	// (ambiguous-client-type reports the mix).
	none, public := c.AuthMethods.Find(flows.AuthNone)
	for _, m := range c.AuthMethods.Items {
		if m.Value != flows.AuthNone {
			public = false
		}
	}
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

	// Token lifetimes: Spring Boot's OAuth2AuthorizationServerProperties.Token
	// and Spring Authorization Server's TokenSettings.builder() default both
	// to 5 minutes.
	c.AccessTokenLifetime = springDuration(sc.str("token.accesstokentimetolive", "5m"))
	c.CodeLifetime = springDuration(sc.str("token.authorizationcodetimetolive", "5m"))

	reuse := sc.str("token.reuserefreshtokens", "true")
	rv, ok := parseBool(reuse.Value)
	c.RefreshRotation = Declarable{Declarable: true, Value: String{Value: boolString(ok && !rv), Pos: reuse.Pos, Set: reuse.Set, Unresolved: reuse.Unresolved || !ok, Default: reuse.Default}}
	return c
}

// springDuration reads a Spring Boot Duration property as seconds: ISO-8601
// (PT1H, P1DT2H), Boot's simple form (10s, 5m, 1h, 2d, 500ms, 10us, 10ns)
// or a bare number, which Boot binds as milliseconds
// (DurationStyle.detectAndParse, no @DurationUnit on these properties).
// Anything else is unresolved.
func springDuration(s String) Int {
	n := Int{Pos: s.Pos, Set: s.Set, Unresolved: s.Unresolved, Default: s.Default}
	if s.Unresolved {
		return n
	}
	v, ok := parseSpringDuration(strings.TrimSpace(s.Value))
	if !ok {
		n.Unresolved = true
		return n
	}
	n.Value = v
	return n
}

func parseSpringDuration(t string) (int64, bool) {
	if t == "" {
		return 0, false
	}
	if t[0] == 'P' || t[0] == 'p' || ((t[0] == '-' || t[0] == '+') && len(t) > 1 && (t[1] == 'P' || t[1] == 'p')) {
		return parseISODuration(t)
	}
	i := 0
	if t[0] == '-' || t[0] == '+' {
		i = 1
	}
	j := i
	for j < len(t) && t[j] >= '0' && t[j] <= '9' {
		j++
	}
	if j == i || j-i > 15 {
		return 0, false
	}
	num, _ := strconv.ParseInt(t[i:j], 10, 64)
	if t[0] == '-' {
		num = -num
	}
	unit := strings.ToLower(t[j:])
	switch unit {
	case "", "ms":
		return num / 1000, true
	case "ns":
		return num / 1e9, true
	case "us":
		return num / 1e6, true
	case "s":
		return num, true
	case "m":
		return num * 60, true
	case "h":
		return num * 3600, true
	case "d":
		return num * 86400, true
	}
	return 0, false
}

// parseISODuration reads java.time.Duration.parse's form, PnDTnHnMn.nS, in
// whole seconds.
func parseISODuration(t string) (int64, bool) {
	neg := false
	if t[0] == '-' || t[0] == '+' {
		neg, t = t[0] == '-', t[1:]
	}
	t = strings.ToUpper(t[1:]) // after P
	var total float64
	inTime, any := false, false
	for len(t) > 0 {
		if t[0] == 'T' {
			if inTime {
				return 0, false
			}
			inTime, t = true, t[1:]
			continue
		}
		j := 0
		for j < len(t) && (t[j] >= '0' && t[j] <= '9' || t[j] == '.' || t[j] == '-') {
			j++
		}
		if j == 0 || j == len(t) || j > 18 {
			return 0, false
		}
		v, err := strconv.ParseFloat(t[:j], 64)
		if err != nil {
			return 0, false
		}
		switch {
		case t[j] == 'D' && !inTime:
			total += v * 86400
		case t[j] == 'H' && inTime:
			total += v * 3600
		case t[j] == 'M' && inTime:
			total += v * 60
		case t[j] == 'S' && inTime:
			total += v
		default:
			return 0, false
		}
		any, t = true, t[j+1:]
	}
	if !any {
		return 0, false
	}
	if neg {
		total = -total
	}
	return int64(total), true
}

// springHashedSecret reports an authorization server registration's
// client-secret stored as a password hash: "{id}hash" with a
// DelegatingPasswordEncoder id other than noop ({bcrypt}, {pbkdf2},
// {scrypt}, {argon2}, {sha256} ...). Spring Authorization Server keeps the
// verifier, not the credential, so it is no committed secret (a judgement:
// a hash of a weak secret can be cracked; {noop}secret stays a literal).
// It still declares a secret (ambiguous-client-type reads that).
func springHashedSecret(v string) bool {
	v = strings.TrimSpace(v)
	if !strings.HasPrefix(v, "{") {
		return false
	}
	end := strings.IndexByte(v, '}')
	if end < 2 || end == len(v)-1 {
		return false
	}
	id := strings.ToLower(v[1:end])
	return id != "noop" && !strings.ContainsAny(id, " ${")
}
