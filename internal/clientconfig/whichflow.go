package clientconfig

import (
	"github.com/whichflow/whichflow/flows"
)

// whichflow's own whichflow.yaml: RFC 7591 client metadata (snake_case, same
// defaults) plus `kind:`, one of the `--client` values. A file holds one
// client or a `clients:` list.

// isKind reports whether s is a `kind:` value: one of advise's --client
// values, taken from the catalog.
func isKind(s string) bool {
	f, ok := flows.FacetByID(flows.FacetClient)
	return ok && f.Allows(s)
}

func isWhichflowClient(m Node) bool {
	return isMap(m) && !has(m, "apiVersion") && isKind(scalar(m, "kind"))
}

func init() { registerTree(20, readWhichflow, anyWord("kind")) }

func readWhichflow(docs []Node) (*File, bool) {
	objs := collect(docs, isWhichflowClient, "clients")
	if len(objs) == 0 {
		return nil, false
	}
	f, room := newFile(flows.FormatWhichflow, docs[0], len(objs))
	if !room {
		return f, true
	}
	for _, o := range objs {
		c := rfcClient(o, false, flows.FormatWhichflow)
		c.Kind = strKey(o, "kind")
		f.Clients = append(f.Clients, c)
	}
	return f, true
}
