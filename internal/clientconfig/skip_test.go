package clientconfig

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/whichflow/whichflow/internal/benchcorpus"
)

// readBothWays reads data with and without skipping root-level subtrees and
// fails unless both give the same result.
func readBothWays(t *testing.T, path string, data []byte) (*File, error) {
	t.Helper()
	f1, err1 := Read(path, data)
	skipJSONSubtrees = false
	f2, err2 := Read(path, data)
	skipJSONSubtrees = true
	if (err1 == nil) != (err2 == nil) || (err1 != nil && err1.Error() != err2.Error()) {
		t.Fatalf("%s: error with skipping %v, without %v", path, err1, err2)
	}
	if !reflect.DeepEqual(f1, f2) {
		t.Fatalf("%s: skipping subtrees changed the result:\n%+v\nvs\n%+v", path, f1, f2)
	}
	return f1, err1
}

var skipSeeds = []string{
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

// TestSkippedSubtreesAreInvisible: leaving a realm export's users, roles and
// the like out of the tree changes nothing Read returns, errors included.
func TestSkippedSubtreesAreInvisible(t *testing.T) {
	for _, s := range skipSeeds {
		readBothWays(t, "c.json", []byte(s))
	}
	ents, _ := os.ReadDir(filepath.Join("testdata", "cases"))
	for _, e := range ents {
		data, err := os.ReadFile(filepath.Join("testdata", "cases", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		readBothWays(t, e.Name(), data)
	}
	realm := filepath.Join(t.TempDir(), "realm.json")
	if err := benchcorpus.WriteRealm(realm, 256<<10); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(realm)
	if err != nil {
		t.Fatal(err)
	}
	f, err := readBothWays(t, "realm.json", data)
	if err != nil || len(f.Clients) != 400 {
		t.Fatalf("realm: %v, %d clients", err, len(f.Clients))
	}
	// The users subtree was skipped, not built.
	doc, perr := parseJSONDoc(data, true)
	if perr != nil || !doc.Skipped() || bytes.Count(data, []byte(`"username"`)) == 0 {
		t.Fatalf("realm export: nothing skipped (%v)", perr)
	}
	if _, u := get(doc.Root, "users"); u == nil || len(u.Content) != 0 {
		t.Fatalf("users built: %v", u)
	}
}
