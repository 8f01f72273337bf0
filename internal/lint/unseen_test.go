package lint

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/whichflow/whichflow/internal/corpus"
)

// TestUnseenRealFiles pins findings that real configurations collected after
// the rules were written showed missing (unseen track, labels in
// testdata/labels). Each case is a real corpus file or module directory.
func TestUnseenRealFiles(t *testing.T) {
	root := corpus.Dir(t)
	cases := []struct {
		path, client, rule string
	}{
		// response_types ["code", "token", "id_token"]: the id_token
		// response type is registered whatever else is; implicit-grant
		// reports the token one.
		{"terraform/oktadev-multi-org-applications", "okta_app_oauth.okta_super_widget", "front-channel-id-token"},
		// Hydra import file: response_types ["token", "code", "id_token"].
		{"client-metadata/oauth-hydra-idp-clients.json", "myclient", "front-channel-id-token"},
	}
	for _, tc := range cases {
		t.Run(tc.path+"/"+tc.rule, func(t *testing.T) {
			res, err := Run(context.Background(), Options{Paths: []string{filepath.Join(root, tc.path)}, Now: testNow, Config: os.DevNull})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range res.Findings {
				if f.Client == tc.client && f.Rule == tc.rule {
					return
				}
			}
			var got []string
			for _, f := range res.Findings {
				got = append(got, f.Rule+" "+f.Client)
			}
			t.Errorf("no %s on %s; findings: %q", tc.rule, tc.client, got)
		})
	}
}
