package clientconfig

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/whichflow/whichflow/internal/benchcorpus"
)

// FuzzJSONDifferential: the JSON reader accepts exactly what encoding/json's
// Valid accepts (RFC 8259), and where both accept, the values are equal.
// Excluded: the one extension (@@KEY@@ tokens), a BOM, and invalid UTF-8
// (Read refuses the file before parsing; encoding/json replaces it).
func FuzzJSONDifferential(f *testing.F) {
	for _, s := range []string{`{}`, `[1,2]`, `01`, `-01`, `1.`, `1.e5`, `1e999`, `-0`, `"\u00e9\ud83d\ude00\ud800"`,
		`{"a":1,"a":2}`, `[1,]`, `{"a" 1}`, ` [ true , false , null ] `, `"\/\b\f\n\r\t\\\""`, `"\x"`, "\"\x01\"", `1 2`,
		`[` + strings.Repeat(`[`, 300) + strings.Repeat(`]`, 300) + `]`, `{"a":{"b":[{"c":"d"}]}}`, `0.5E+3`, `1E`, `--1`} {
		f.Add([]byte(s))
	}
	for _, s := range jsonSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if bytes.Contains(data, []byte("@@")) || bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) || !utf8.Valid(data) {
			return
		}
		root, perr := parseJSON(data)
		valid := json.Valid(data)
		if (perr == nil) != valid {
			// Nesting past maxDepth is ours to refuse.
			if valid && strings.Contains(perr.Msg, "nesting deeper") {
				return
			}
			t.Fatalf("parseJSON err=%v, json.Valid=%v for %q", perr, valid, data)
		}
		if !valid {
			return
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		var want any
		if err := dec.Decode(&want); err != nil {
			t.Fatal(err)
		}
		lazy := endLine(root) // scans what is not built
		if got := toAny(root); !equalJSON(got, want) {
			t.Fatalf("value differs for %q:\n got %#v\nwant %#v", data, got, want)
		}
		if built := endLine(root); built != lazy {
			t.Fatalf("endLine %d by scanning, %d once built, for %q", lazy, built, data)
		}
	})
}

// toAny is the tree as encoding/json would decode it (UseNumber; the last
// of duplicate keys wins).
func toAny(n Node) any {
	n = deref(n)
	switch n.kind() {
	case kindMap:
		m := map[string]any{}
		for _, kv := range pairs(n) {
			m[text(kv[0])] = toAny(kv[1])
		}
		return m
	case kindSeq:
		out := []any{}
		n.children(func(c Node) bool { out = append(out, toAny(c)); return true })
		return out
	}
	switch n.tag() {
	case tagNull:
		return nil
	case tagBool:
		return text(n) == "true"
	case tagNumber:
		return json.Number(text(n))
	}
	return text(n)
}

func equalJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

// hostileSeeds are the shapes of issue #9 and #13, scaled down for fuzzing.
func hostileSeeds(f *testing.F) {
	for _, h := range benchcorpus.HostileInputs() {
		data := h.Data()
		if len(data) > 64<<10 {
			data = append(data[:32<<10:32<<10], data[len(data)-1024:]...)
		}
		f.Add(h.Name, data)
	}
}

// fuzzAdapter fuzzes Read on inputs shaped like one format: seeds, the
// hostile shapes, and large/deep variants of the seeds (the fuzzer grows
// them further). Read must not panic and must return a File or one of its
// error types.
func fuzzAdapter(f *testing.F, name string, seeds ...string) {
	for _, s := range seeds {
		f.Add(name, []byte(s))
		f.Add(name, bytes.Repeat([]byte(s), 64))
		f.Add(name, []byte(strings.Repeat("[", 200)+s+strings.Repeat("]", 200)))
	}
	hostileSeeds(f)
	f.Fuzz(func(t *testing.T, path string, data []byte) {
		if len(path) > 32 {
			path = path[:32]
		}
		checkRead(t, path, data)
		checkMay(t, path, data)
	})
}

func checkRead(t *testing.T, path string, data []byte) {
	t.Helper()
	file, err := Read(path, data)
	var pe *ParseError
	var tl *TooLargeError
	switch {
	case err == nil:
		if file == nil {
			t.Fatal("nil File without error")
		}
	case errors.Is(err, ErrUnrecognised), errors.As(err, &tl):
	case errors.As(err, &pe):
		if strings.HasPrefix(pe.Msg, "internal error") {
			t.Fatalf("recovered panic: %v", pe)
		}
	default:
		t.Fatalf("untyped error %T: %v", err, err)
	}
}

func FuzzKeycloak(f *testing.F) {
	fuzzAdapter(f, "realm.json", `{"realm":"r","clients":[{"clientId":"a","publicClient":true,"implicitFlowEnabled":true,"redirectUris":["/*"],"rootUrl":"${x}","attributes":{"pkce.code.challenge.method":"S256"}}],"revokeRefreshToken":true}`,
		`{"clientId":"a","bearerOnly":"true","secret":"**********","redirectUris":["https://a/*"]}`)
}

func FuzzAuth0(f *testing.F) {
	fuzzAdapter(f, "tenant.yaml", "tenant:\n  friendly_name: t\nclients:\n  - name: a\n    app_type: spa\n    callbacks: [@@CB@@]\n    grant_types:\n      - http://auth0.com/oauth/grant-type/password-realm\n    client_secret: '##S##'\n")
}

func FuzzTerraform(f *testing.F) {
	fuzzAdapter(f, "main.tf", "resource \"keycloak_openid_client\" \"a\" {\n  access_type = \"PUBLIC\"\n  standard_flow_enabled = true\n  valid_redirect_uris = [\"/*\", var.x]\n  extra_config = { \"dpop.bound.access.tokens\" = \"true\" }\n}\n",
		"resource \"okta_app_oauth\" \"b\" {\n  type = \"browser\"\n  label = <<-EOT\n    x ${var.y}\n  EOT\n}\n",
		"resource \"auth0_client\" \"c\" {\n  app_type = \"spa\"\n  refresh_token {\n    rotation_type = \"rotating\"\n  }\n}\nresource \"auth0_client_credentials\" \"c\" {\n  client_id = auth0_client.c.id\n  client_secret = \"s3cr3t\"\n}\n",
		"resource \"graviteeam_application\" \"d\" {\n  type = \"WEB\"\n  oauth_settings {\n    grant_types = [\"authorization_code\", var.g]\n  }\n  settings_json = jsonencode({ oauth = { forcePKCE = true, \"tokenEndpointAuthMethod\" = null, grantTypes = var.x } })\n}\nresource \"graviteeam_application\" \"e\" {\n  type = var.t\n  settings_json = \"{\\\"oauth\\\":{\\\"grantTypes\\\":[\\\"password\\\"]}}\"\n}\n")
}

func FuzzSpring(f *testing.F) {
	fuzzAdapter(f, "application.yml", "spring:\n  security:\n    oauth2:\n      authorizationserver:\n        client:\n          a:\n            registration:\n              client-id: a\n              client-authentication-methods: [none]\n              authorization-grant-types: authorization_code,refresh_token\n---\nspring.security.oauth2.client.registration.b.client-secret: x\n")
	f.Add("application.properties", []byte("spring.security.oauth2.client.registration.x.client\\-secret=s\\u0033cret\\\n  more\n! c\n"))
}

func FuzzRFC7591(f *testing.F) {
	fuzzAdapter(f, "client.json", `{"client_id":"a","grant_types":["implicit"],"redirect_uris":["https://a/cb"],"jwks":{"keys":[{"d":"x"}]}}`,
		"apiVersion: hydra.ory.sh/v1alpha1\nkind: OAuth2Client\nmetadata: {name: a}\nspec: {grantTypes: [implicit], secretName: s}\n---\nkind: Secret\nmetadata: {name: s}\ndata: {client_secret: eA==}\n")
}

func FuzzOpenAPI(f *testing.F) {
	fuzzAdapter(f, "openapi.yaml", "openapi: 3.0.0\ncomponents:\n  securitySchemes:\n    o:\n      type: oauth2\n      flows:\n        implicit: {authorizationUrl: 'http://x'}\n",
		`{"swagger":"2.0","securityDefinitions":{"o":{"type":"oauth2","flow":"accessCode"}}}`)
}

func FuzzGravitee(f *testing.F) {
	fuzzAdapter(f, "app.json", `{"name":"a","type":"browser","settings":{"oauth":{"grantTypes":["authorization_code","urn:x~1"],"forcePKCE":true,"clientSecret":"s"}}}`,
		`{"name":"a","type":"WEB","clientId":"c","clientSecret":"s","redirectUris":["https://a/cb"]}`,
		`{"settings":{"oauth":{"grantTypes":[],"responseTypes":null,"tokenEndpointAuthMethod":null}}}`,
		`{"id":"1","domain":"d","type":"SERVICE","settings":{"oauth":{"grantTypes":["authorization_code"]}}}`,
		`[{"oidc":{"redirectUriStrictMatching":false,"securityProfileSettings":{"enablePlainFapi":true}}},{"name":"x","type":"AGENT","kind":"USER_EMBEDDED"}]`)
}

func FuzzWhichflow(f *testing.F) {
	fuzzAdapter(f, "whichflow.yaml", "kind: spa\nclient_id: a\ngrant_types: [implicit]\nredirect_uris: ['https://a/cb']\n")
}

// FuzzModule fuzzes a Terraform module directory: a declarations file and
// a resources file read together (variables, locals, .tfvars, cycles,
// chains, templates over locals). Neither may panic, and the module's
// evaluation stays bounded.
func FuzzModule(f *testing.F) {
	main := "resource \"keycloak_openid_client\" \"a\" {\n  access_type = local.t\n  valid_redirect_uris = [\"${local.base}/cb\", var.u]\n  standard_flow_enabled = local.m.on\n}\n" +
		"resource \"graviteeam_application\" \"g\" {\n  type = var.t\n  settings_json = local.js\n}\n"
	for _, decl := range []string{
		"locals {\n  t = \"PUBLIC\"\n  base = \"https://${local.h}\"\n  h = \"x\"\n  m = { on = true, r = keycloak_realm.r.id }\n  js = \"{\\\"oauth\\\":{\\\"grantTypes\\\":[\\\"implicit\\\"]}}\"\n}\nvariable \"u\" { default = \"*\" }\nvariable \"t\" {}\n",
		"locals {\n  a = local.b\n  b = local.a\n  t = [for x in local.a : x]\n  base = \"${local.base}${local.base}\"\n}\n",
		"locals {\n  l0 = \"xx\"\n  l1 = \"${local.l0}${local.l0}\"\n  l2 = \"${local.l1}${local.l1}\"\n  t = local.l2\n  m = local.m\n}\n",
		"variable \"u\" {\n  default = [for a in [1,2,3] : [for b in [1,2,3] : \"${a}${b}\"]]\n}\nlocals { t = upper(var.u[0]) }\n",
	} {
		f.Add([]byte(decl), []byte(main), []byte("u = \"x\"\n"))
	}
	f.Fuzz(func(t *testing.T, decl, res, tfvars []byte) {
		mod := NewModule([]ModuleFile{{Path: "m/locals.tf", Data: decl}, {Path: "m/main.tf", Data: res}, {Path: "m/terraform.tfvars", Data: tfvars}})
		for _, name := range []string{"m/locals.tf", "m/main.tf"} {
			data := decl
			if name == "m/main.tf" {
				data = res
			}
			file, err := ReadInModule(name, data, mod)
			var pe *ParseError
			var tl *TooLargeError
			switch {
			case err == nil:
				if file == nil {
					t.Fatal("nil File without error")
				}
			case errors.Is(err, ErrUnrecognised), errors.Is(err, ErrModuleFile), errors.As(err, &tl):
			case errors.As(err, &pe):
				if strings.HasPrefix(pe.Msg, "internal error") {
					t.Fatalf("recovered panic: %v", pe)
				}
			default:
				t.Fatalf("untyped error %T: %v", err, err)
			}
		}
	})
}
