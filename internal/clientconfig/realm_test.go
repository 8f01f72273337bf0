package clientconfig

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whichflow/whichflow/internal/benchcorpus"
)

var jsonSeeds = []string{
	`{"realm":"r","clients":[{"clientId":"a","publicClient":true}],"users":[{"username":"u","attributes":{"x":["\u00e9\"\\n"]}}],"revokeRefreshToken":true}`,
	`{"realm":"r","users":[{"a":1,}],"clients":[{"clientId":"a","publicClient":true}]}`,
	"{\"realm\":\"r\",\n\"roles\":{\"realm\":[{\"name\":\"é\",\"x\":[1e5,-0.5,true,null,@@X@@]}]},\n\"users\":[\"\\ud83d\\ude00\", 1e999]}",
	`{"realm":"r","clients":[],"users":[` + strings.Repeat("[", 300) + strings.Repeat("]", 300) + `]}`,
	`{"realm":"r","clients":[{"clientId":"a","secret":"s3cr3t-value"}],"groups":[{"name":"g"}],"users":[{"u":"` + "\xff" + `"}]}`,
	`{"openapi":"3.0.0","components":{"securitySchemes":{"o":{"type":"oauth2","flows":{"implicit":{"authorizationUrl":"https://x","scopes":{}}}}}},"clients":[{"clientId":"a","publicClient":true}]}`,
	`{"clientId":"a","publicClient":true,"redirectUris":["/x"],"roles":{"client":{"a":[]}},"protocolMappers":[]}`,
	`{"client_id":"a","grant_types":["implicit"],"users":[{"x":1}],"redirect_uris":["https://x"]}`,
	`{"realm":"r","clients":{"clientId":"a"},"users":[]}`,
	`{"realm":"r","clients":[{"clientId":"a","publicClient":true}],"users":[{"username":"u"}`,
	`{"realm":"r","clients":[{"clientId":"a","publicClient":true}],"users":[{"username":"u"}]} x`,
	`{"kind":"OAuth2Client","apiVersion":"hydra.ory.sh/v1alpha1","spec":{"grantTypes":["implicit"]},"users":[1]}`,
}

// TestRealmExport reads a generated realm export (clients, then a large
// users subtree no adapter reads) and every seed without an internal error.
func TestRealmExport(t *testing.T) {
	for _, s := range jsonSeeds {
		if _, err := Read("c.json", []byte(s)); err != nil && strings.Contains(err.Error(), "internal error") {
			t.Fatal(err)
		}
	}
	realm := filepath.Join(t.TempDir(), "realm.json")
	if err := benchcorpus.WriteRealm(realm, 256<<10); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(realm)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Read("realm.json", data)
	if err != nil || len(f.Clients) != 400 {
		t.Fatalf("realm: %v, %d clients", err, len(f.Clients))
	}
}
