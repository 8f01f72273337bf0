package clientconfig

import (
	"strings"

	"github.com/whichflow/whichflow/flows"
)

// Ory Hydra Maester CRD (`kind: OAuth2Client`, apiVersion hydra.ory.sh/*):
// RFC 7591 metadata in camelCase under `spec` (rfcClient), with the
// Kubernetes Secret it names in spec.secretName reported as committed
// secrets on that client.

func init() { registerTree(10, readHydraCRD, anyWord("OAuth2Client"), "OAuth2Client") }

func isHydraCRD(d Node) bool {
	return isMap(d) && scalar(d, "kind") == "OAuth2Client" && strings.HasPrefix(scalar(d, "apiVersion"), "hydra.ory.sh/")
}

func readHydraCRD(docs []Node) (*File, bool) {
	var crds []Node
	secrets := map[string]Node{}
	for _, d := range docs {
		d = deref(d)
		if isHydraCRD(d) {
			crds = append(crds, d)
		} else if isMap(d) && scalar(d, "kind") == "Secret" {
			_, md := get(d, "metadata")
			if name := scalar(md, "name"); name != "" {
				secrets[name] = d
			}
		}
	}
	if len(crds) == 0 {
		return nil, false
	}
	f, room := newFile(flows.FormatRFC7591, docs[0], len(crds))
	if !room {
		return f, true
	}
	for _, d := range crds {
		_, spec := get(d, "spec")
		if !spec.ok() {
			spec = emptyMap(d)
		}
		c := rfcClient(spec, true, flows.FormatRFC7591)
		c.Pos, c.End = pos(d), endLine(d)
		_, md := get(d, "metadata")
		if c.ID == "" {
			c.ID = scalar(md, "name")
		}
		if c.Name == "" {
			c.Name = scalar(md, "name")
		}
		if name := scalar(spec, "secretName"); name != "" {
			if sec := secrets[name]; sec.ok() {
				c.Secrets = append(c.Secrets, k8sSecretData(sec, name)...)
			}
		}
		f.Clients = append(f.Clients, c)
	}
	return f, true
}

// k8sSecretData reports every value under a Secret's data / stringData as
// committed (base64 is an encoding, not protection). Values are kept as
// written (base64 for data).
func k8sSecretData(sec Node, name string) []Secret {
	var out []Secret
	for _, key := range []string{"data", "stringData"} {
		_, m := get(sec, key)
		for _, kv := range pairs(m) {
			if n := strings.ToLower(text(kv[0])); n == "client_id" || n == "clientid" {
				continue // an identifier, not a credential
			}
			if s, ok := secretAt("Secret "+name+" "+key+"."+text(kv[0]), kv[1]); ok {
				out = append(out, s)
			}
		}
	}
	return out
}
