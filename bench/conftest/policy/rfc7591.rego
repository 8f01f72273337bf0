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

unresolved(s) if contains(s, "{{")

unresolved(s) if regex.match(`\$\{[^}]*\}|@@[A-Za-z0-9_.-]+@@|##[A-Za-z0-9_.-]+##`, s)

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

# http_host is the lower-cased host of an http:// URI (wildcards tolerated).
http_host(u) := host if {
	t := trim_space(u)
	count(t) >= 7
	lower(substring(t, 0, 7)) == "http://"
	authority := regex.split(`[/?#]`, substring(t, 7, -1))[0]
	at := split(authority, "@")
	host := host_of(at[count(at) - 1])
}

host_of(hp) := lower(substring(hp, 1, indexof(hp, "]") - 1)) if {
	startswith(hp, "[")
	indexof(hp, "]") >= 0
} else := lower(hp) if {
	startswith(hp, "[")
} else := lower(trim_suffix(split(hp, ":")[0], "."))

loopback := {"localhost", "127.0.0.1", "::1"}

# --- the rules ---------------------------------------------------------------

deny contains msg if {
	some c in clients
	"implicit" in grant_types(c)
	msg := sprintf("implicit-grant: %s: the implicit grant is enabled", [client_name(c)])
}

deny contains msg if {
	some c in clients
	not "implicit" in grant_types(c)
	some rt in response_types(c)
	"token" in regex.split(`\s+`, trim_space(rt))
	msg := sprintf("implicit-grant: %s: response types return access tokens from the authorization endpoint", [client_name(c)])
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
	bad := [u | some u in redirect_uris(c); contains(u, "*")]
	count(bad) > 0
	msg := sprintf("redirect-wildcard: %s: redirect URIs contain a wildcard: %v", [client_name(c), bad])
}

deny contains msg if {
	some c in clients
	redirect_flow(c)
	bad := [u | some u in redirect_uris(c); h := http_host(u); not h in loopback]
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
