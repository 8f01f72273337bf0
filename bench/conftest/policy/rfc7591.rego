# The rules `whichflow lint` applies to RFC 7591 / OIDC Dynamic Client
# Registration JSON, in Rego, for the DESIGN §6 benchmark against conftest
# (`go run ./bench`). Each deny message starts with the whichflow rule ID.
#
# Semantics follow internal/lint/checks.go over internal/clientconfig's RFC
# 7591 reader: absent grant_types means ["authorization_code"], absent
# response_types ["code"], absent token_endpoint_auth_method
# "client_secret_basic"; a client is public when its method is "none";
# a member whose value is null counts as absent; values holding deploy-time
# substitutions (${X}, @@X@@, ##X##, {{...}})
# are unresolved and never make a rule fire. See bench/conftest/README.md
# for the differences that remain.
package main

import rego.v1

rfc_keys := {"redirect_uris", "grant_types", "response_types", "token_endpoint_auth_method"}

is_client(o) if {
	is_object(o)
	some k in rfc_keys
	present(o, k)
}

present(o, k) if {
	k in object.keys(o)
	o[k] != null
}

# One client object, an array of them (Hydra clients.json), or {clients: [...]}.
clients contains input if is_client(input)

clients contains c if {
	is_array(input)
	some c in input
	is_client(c)
}

clients contains c if {
	is_object(input)
	not is_client(input)
	is_array(input.clients)
	some c in input.clients
	is_client(c)
}

client_name(c) := c.client_id if {
	is_string(c.client_id)
	c.client_id != ""
} else := c.client_name if {
	is_string(c.client_name)
} else := ""

# --- values ------------------------------------------------------------------

# The placeholder styles of internal/clientconfig/placeholder.go: ${X}, $(X),
# $NAME (upper-case, on word boundaries), {{ x }}, @@X@@, ##X##, #{X}#, ?X?,
# __X__, <x>.
placeholder_re := `\$\{[^}\n]*\}|\$\([A-Za-z0-9_.]+\)|\{\{|@@[A-Za-z0-9_.-]+@@|##[A-Za-z0-9_.-]+##|#\{[^{}\n]+\}#?|\?[A-Za-z][A-Za-z0-9_]*\?|__[A-Za-z0-9][A-Za-z0-9_.-]*?__|<[A-Za-z][A-Za-z0-9_. :/-]*>`

shell_var_re := `(^|[^A-Za-z0-9])\$[A-Z][A-Z0-9_]+($|[^A-Za-z0-9_])`

unresolved(s) if regex.match(placeholder_re, s)

unresolved(s) if regex.match(shell_var_re, s)

# literal is what lint reads of a value known in part: every placeholder
# replaced by one NUL (String.Literal).
literal_text(s) := regex.replace(regex.replace(regex.replace(s, `\{\{.*?(\}\}|$)`, "\u0000"), placeholder_re, "\u0000"), shell_var_re, "${1}\u0000${2}")

# literal_items are the literal texts of a list member's string items.
literal_items(v) := [literal_text(s) | some s in v; is_string(s); s != ""] if is_array(v)

literal_items(v) := [literal_text(v)] if {
	is_string(v)
	v != ""
}

literal_items(v) := [] if {
	not is_array(v)
	not is_string(v)
}

resolved(s) if {
	is_string(s)
	not unresolved(s)
}

# items are the resolved strings of a list member (a string is a one-item list).
items(v) := [s | some s in v; resolved(s)] if is_array(v)

items(v) := [v] if {
	resolved(v)
	v != ""
}

items(v) := [] if {
	not is_array(v)
	not resolved(v)
}

items(v) := [] if v == ""

grant_types(c) := items(c.grant_types) if present(c, "grant_types")

grant_types(c) := ["authorization_code"] if not present(c, "grant_types")

response_types(c) := items(c.response_types) if present(c, "response_types")

response_types(c) := ["code"] if not present(c, "response_types")

redirect_uris(c) := items(object.get(c, "redirect_uris", []))

redirect_literals(c) := literal_items(object.get(c, "redirect_uris", []))

post_logout_literals(c) := literal_items(object.get(c, "post_logout_redirect_uris", []))

auth_method(c) := object.get(c, "token_endpoint_auth_method", "client_secret_basic")

public(c) if auth_method(c) == "none"

redirect_flow(c) if "authorization_code" in grant_types(c)

redirect_flow(c) if "implicit" in grant_types(c)

redirect_flow(c) if {
	some rt in response_types(c)
	trim_space(rt) != ""
}

# --- secrets -------------------------------------------------------------------

placeholder_prefixes := [
	"your-", "your_", "yourclient", "your-app", "replace-", "replace_", "replaceme", "replace-me",
	"change-me", "changeme", "change_me", "changethis", "todo", "tbd", "fixme", "placeholder", "<", "$(", "%(", "{{",
]

placeholder(s) if trim_space(s) == ""

placeholder(s) if unresolved(trim_space(s))

placeholder(s) if {
	t := trim_space(s)
	startswith(t, "<")
	endswith(t, ">")
}

placeholder(s) if trim(trim_space(s), "*") == ""

placeholder(s) if trim(trim_space(s), "xX") == ""

placeholder(s) if trim(trim_space(s), ".") == ""

placeholder(s) if {
	l := lower(trim_space(s))
	some p in placeholder_prefixes
	startswith(l, p)
}

placeholder(s) if regex.match(`^(?:\$\{[^}]*\}|\$[A-Z_][A-Z0-9_]*|<[^>]*>|@@[^@]+@@|##[^#]+##|\{\{.*\}\}|\*+|var\..+)$`, trim_space(s))

# scalar_text is a JSON scalar as whichflow's reader sees it.
scalar_text(v) := v if is_string(v)

scalar_text(v) := sprintf("%v", [v]) if {
	not is_string(v)
	not is_array(v)
	not is_object(v)
}

literal(v) if {
	v != null
	t := scalar_text(v)
	not placeholder(t)
}

# secret_fields are the literal secrets of a client: client_secret, and the
# private members of inline JWKs (first of d, k, p, q per key).
secret_fields(c) := array.concat(
	[f | f := "client_secret"; literal(c.client_secret)],
	[sprintf("jwks.keys[%d].%s", [i, m]) |
		is_array(c.jwks.keys)
		some i, jwk in c.jwks.keys
		m := first_private(jwk)
	],
)

# first_private is the first of d, k, p, q that holds a literal.
first_private(jwk) := privs[0] if {
	is_object(jwk)
	privs := [p | some p in ["d", "k", "p", "q"]; p in object.keys(jwk); literal(jwk[p])]
}

# declared: a non-empty client_secret, placeholder or not.
secret_declared(c) if {
	v := c.client_secret
	v != null
	not is_string(v)
}

secret_declared(c) if trim_space(c.client_secret) != ""

# --- URIs --------------------------------------------------------------------

# uri_scheme is the lower-case scheme of a literal URI text (uriScheme):
# "localhost:3000" has none.
uri_scheme(u) := lower(m[1]) if {
	m := regex.find_all_string_submatch_n(`^\s*([A-Za-z][A-Za-z0-9+.-]*):(.?)`, u, 1)[0]
	not port_like(m[1], m[2])
}

port_like(scheme, next) if {
	regex.match(`^[0-9]$`, next)
	not contains(scheme, ".")
}

# http_host is the lower-cased host of an http:// URI's literal text
# (wildcards tolerated), undefined when a placeholder is in the host.
http_host(u) := host if {
	uri_scheme(u) == "http"
	t := trim_space(u)
	startswith(substring(t, 5, 2), "//")
	authority := regex.split(`[/?#]`, substring(t, 7, -1))[0]
	at := split(authority, "@")
	host := host_of(at[count(at) - 1])
	host != ""
	not contains(host, "\u0000")
}

host_of(hp) := lower(substring(hp, 1, indexof(hp, "]") - 1)) if {
	startswith(hp, "[")
	indexof(hp, "]") >= 0
} else := lower(hp) if {
	startswith(hp, "[")
} else := lower(trim_suffix(split(hp, ":")[0], "."))

loopback := {"localhost", "127.0.0.1", "::1"}

# --- the rules ---------------------------------------------------------------

token_type(rt) if "token" in regex.split(`\s+`, trim_space(rt))

# The declared response types rule out tokens from the authorization
# endpoint (hybrid code id_token, id_token): the implicit grant is there for
# ID tokens only.
response_types_exclude(c) if {
	present(c, "response_types")
	is_array(c.response_types)
	count(c.response_types) > 0
	count(items(c.response_types)) == count(c.response_types)
	not some_token_type(c)
}

response_types_exclude(c) if {
	is_string(c.response_types)
	resolved(c.response_types)
	c.response_types != ""
	not token_type(c.response_types)
}

some_token_type(c) if {
	some rt in response_types(c)
	token_type(rt)
}

implicit_fires(c) if {
	"implicit" in grant_types(c)
	not response_types_exclude(c)
}

implicit_fires(c) if some_token_type(c)

deny contains msg if {
	some c in clients
	implicit_fires(c)
	msg := sprintf("implicit-grant: %s: access tokens from the authorization endpoint", [client_name(c)])
}

deny contains msg if {
	some c in clients
	some rt in response_types(c)
	regex.split(`\s+`, trim_space(rt)) == ["id_token"]
	msg := sprintf("front-channel-id-token: %s: response type id_token", [client_name(c)])
}

deny contains msg if {
	some c in clients
	some g in grant_types(c)
	g in {"password", "http://auth0.com/oauth/grant-type/password-realm"}
	msg := sprintf("ropc: %s: the password grant is enabled", [client_name(c)])
}

deny contains msg if {
	some c in clients
	redirect_flow(c)
	bad := [u | some u in redirect_literals(c); contains(u, "*")]
	count(bad) > 0
	msg := sprintf("redirect-wildcard: %s: redirect URIs contain a wildcard: %v", [client_name(c), bad])
}

deny contains msg if {
	some c in clients
	redirect_flow(c)
	bad := [u | some u in redirect_literals(c); h := http_host(u); not h in loopback]
	count(bad) > 0
	msg := sprintf("redirect-http-non-loopback: %s: plain-http redirect URIs on a non-loopback host: %v", [client_name(c), bad])
}

deny contains msg if {
	some c in clients
	public(c)
	"client_credentials" in grant_types(c)
	msg := sprintf("client-credentials-on-public-client: %s: public client has the client credentials grant enabled", [client_name(c)])
}

deny contains msg if {
	some c in clients
	fields := secret_fields(c)
	count(fields) > 0
	msg := sprintf("committed-secret: %s: literal secret in the file: %v", [client_name(c), fields])
}

deny contains msg if {
	some c in clients
	public(c)
	count(secret_fields(c)) > 0
	msg := sprintf("ambiguous-client-type: %s: client authenticates with \"none\" (public) but has a client secret", [client_name(c)])
}

deny contains msg if {
	some c in clients
	public(c)
	count(secret_fields(c)) == 0
	secret_declared(c)
	msg := sprintf("ambiguous-client-type: %s: client authenticates with \"none\" (public) but declares a client secret", [client_name(c)])
}

redirect_finding(c, rule, bad) := sprintf("%s: %s: redirect URIs %v", [rule, client_name(c), bad])

deny contains msg if {
	some c in clients
	redirect_flow(c)
	bad := [u | some u in redirect_literals(c); contains(u, "#")]
	count(bad) > 0
	msg := redirect_finding(c, "redirect-fragment", bad)
}

deny contains msg if {
	some c in clients
	redirect_flow(c)
	bad := [u | some u in redirect_literals(c); uri_scheme(u) in {"javascript", "data", "vbscript", "file"}]
	count(bad) > 0
	msg := redirect_finding(c, "redirect-dangerous-scheme", bad)
}

deny contains msg if {
	some c in clients
	redirect_flow(c)
	bad := [u | some u in redirect_literals(c); http_host(u) == "localhost"]
	count(bad) > 0
	msg := redirect_finding(c, "redirect-localhost", bad)
}

assigned_schemes := {"http", "https", "urn", "chrome-extension", "moz-extension", "ms-browser-extension", "safari-web-extension",
	"javascript", "data", "vbscript", "file"}

deny contains msg if {
	some c in clients
	redirect_flow(c)
	bad := [u | some u in redirect_literals(c); s := uri_scheme(u); not contains(s, "."); not s in assigned_schemes]
	count(bad) > 0
	msg := redirect_finding(c, "redirect-custom-scheme", bad)
}

user_facing := {"authorization_code", "implicit", "urn:ietf:params:oauth:grant-type:device_code",
	"urn:openid:params:grant-type:ciba", "password", "http://auth0.com/oauth/grant-type/password-realm"}

deny contains msg if {
	some c in clients
	"client_credentials" in grant_types(c)
	some g in grant_types(c)
	g in user_facing
	msg := sprintf("mixed-client-roles: %s: client credentials and a user-facing grant", [client_name(c)])
}

deny contains msg if {
	some c in clients
	bad := [u | some u in post_logout_literals(c); unsafe_logout(u)]
	count(bad) > 0
	msg := sprintf("post-logout-redirect-unsafe: %s: %v", [client_name(c), bad])
}

unsafe_logout(u) if contains(u, "*")

unsafe_logout(u) if {
	h := http_host(u)
	not h in loopback
}

# --- weak-signing-alg: none / HS* for ID tokens, userinfo, request objects
# and (when the client sends assertions) client assertions; client_secret_jwt.

alg_fields := ["id_token_signed_response_alg", "userinfo_signed_response_alg", "request_object_signing_alg"]

weak_alg(v) if lower(trim_space(v)) == "none"

weak_alg(v) if {
	t := trim_space(v)
	count(t) > 2
	upper(substring(t, 0, 2)) == "HS"
}

alg_value(c, f) := scalar_text(c[f]) if {
	present(c, f)
	not is_array(c[f])
	not is_object(c[f])
	resolved(scalar_text(c[f]))
}

assertion_auth(c) if {
	not public(c)
	auth_method(c) in {"private_key_jwt", "client_secret_jwt", ""}
}

assertion_auth(c) if {
	not public(c)
	is_string(auth_method(c))
	unresolved(auth_method(c))
}

weak_signing(c) if {
	some f in alg_fields
	weak_alg(alg_value(c, f))
}

weak_signing(c) if {
	assertion_auth(c)
	weak_alg(alg_value(c, "token_endpoint_auth_signing_alg"))
}

weak_signing(c) if {
	present(c, "token_endpoint_auth_method")
	c.token_endpoint_auth_method == "client_secret_jwt"
}

deny contains msg if {
	some c in clients
	weak_signing(c)
	msg := sprintf("weak-signing-alg: %s: unsigned or HMAC signing", [client_name(c)])
}

