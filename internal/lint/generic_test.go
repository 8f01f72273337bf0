package lint

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/whichflow/whichflow/internal/corpus"
)

// lintCorpusFile lints one file of the real-file corpus and returns its
// unsuppressed findings as rule -> client -> message.
func lintCorpusFile(t *testing.T, rel string, profile string) map[string]map[string]string {
	t.Helper()
	res, err := Run(context.Background(), Options{Paths: []string{filepath.Join(corpus.Dir(t), rel)}, Profile: profile, Now: testNow, Config: os.DevNull})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]string{}
	for _, f := range res.Findings {
		if f.Suppressed != nil {
			continue
		}
		if out[f.Rule] == nil {
			out[f.Rule] = map[string]string{}
		}
		out[f.Rule][f.Client] = f.Message
	}
	return out
}

// TestPlaceholdersInRealFiles: both placeholder styles of the corpus keep a
// literal wildcard a wildcard (helsinki's ${X}/*, ceai-cqen's ?ROOTURL?
// root under /*), and ceai-cqen's ?UUID? secrets are placeholders.
func TestPlaceholdersInRealFiles(t *testing.T) {
	h := lintCorpusFile(t, "keycloak/helsinki-notification-service-realm.json", "")
	if _, ok := h["redirect-wildcard"]["${KEYCLOAK_CLIENT_NAME}"]; !ok {
		t.Errorf("helsinki: ${KEYCLOAK_CLIENT_REDIRECT_URL}/* not reported as a wildcard: %v", h)
	}
	c := lintCorpusFile(t, "keycloak/ceai-cqen-example-realm-template.json", "")
	if _, ok := c["redirect-wildcard"]["example-app"]; !ok {
		t.Errorf("ceai-cqen: ?ROOTURL?/* not reported as a wildcard: %v", c)
	}
	if m, ok := c["committed-secret"]; ok {
		t.Errorf("ceai-cqen: ?UUID? reported as a committed secret: %v", m)
	}
}
