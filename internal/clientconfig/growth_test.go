package clientconfig

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

// growthShapes build a file of n units in one format: many clients, long
// lists, many documents. Each must grow linearly in time and allocation.
var growthShapes = []struct {
	name, path string
	build      func(n int) string
}{
	{"rfc7591 array", "clients.json", func(n int) string {
		return "[" + join(n, ",", func(i int) string {
			return fmt.Sprintf(`{"client_id":"c%d","grant_types":["authorization_code"],"redirect_uris":["https://a%d.example.com/cb"],"token_endpoint_auth_method":"none"}`, i, i)
		}) + "]"
	}},
	{"rfc7591 long list", "client.json", func(n int) string {
		return `{"client_id":"c","redirect_uris":[` + join(n, ",", func(i int) string { return fmt.Sprintf(`"https://a%d.example.com/cb"`, i) }) + `]}`
	}},
	{"keycloak realm", "realm.json", func(n int) string {
		return `{"realm":"r","enabled":true,"clients":[` + join(n, ",", func(i int) string {
			return fmt.Sprintf(`{"clientId":"c%d","publicClient":true,"redirectUris":["/cb"],"rootUrl":"https://a%d","attributes":{"pkce.code.challenge.method":"S256"}}`, i, i)
		}) + `],"users":[` + join(n, ",", func(i int) string { return fmt.Sprintf(`{"username":"u%d","attributes":{"a":["b"]}}`, i) }) + `]}`
	}},
	{"auth0 tenant", "tenant.yaml", func(n int) string {
		return "tenant:\n  friendly_name: t\nclients:\n" + join(n, "", func(i int) string {
			return fmt.Sprintf("  - name: app%d\n    app_type: spa\n    callbacks:\n      - https://a%d.example.com/cb\n    grant_types: [authorization_code, '@@G@@']\n", i, i)
		})
	}},
	{"terraform", "main.tf", func(n int) string {
		return join(n, "", func(i int) string {
			return fmt.Sprintf("resource \"keycloak_openid_client\" \"k%d\" {\n  access_type = \"PUBLIC\"\n  standard_flow_enabled = true\n  valid_redirect_uris = [\"https://a%d/cb\", var.x]\n}\nresource \"okta_app_oauth\" \"o%d\" {\n  type = \"browser\"\n  label = \"${var.l}-%d\"\n}\nresource \"auth0_client\" \"a%d\" {\n  app_type = \"spa\"\n}\nresource \"auth0_client_credentials\" \"a%d\" {\n  client_id = auth0_client.a%d.id\n  authentication_method = \"none\"\n}\n", i, i, i, i, i, i, i)
		})
	}},
	{"spring yaml", "application.yml", func(n int) string {
		return "spring:\n  security:\n    oauth2:\n      authorizationserver:\n        client:\n" + join(n, "", func(i int) string {
			return fmt.Sprintf("          c%d:\n            registration:\n              client-id: c%d\n              client-authentication-methods: [none]\n              authorization-grant-types: [authorization_code]\n              redirect-uris: [\"https://a%d/cb\"]\n", i, i, i)
		})
	}},
	{"spring profiles", "application.yml", func(n int) string {
		return join(n, "---\n", func(i int) string {
			return fmt.Sprintf("spring.security.oauth2.client.registration.c%d.client-id: c%d\nspring.security.oauth2.client.registration.c%d.client-secret: ${S}\n", i%50, i, i%50)
		})
	}},
	{"spring properties", "application.properties", func(n int) string {
		return join(n, "", func(i int) string {
			return fmt.Sprintf("spring.security.oauth2.client.registration.c%d.client-id=c%d\nspring.security.oauth2.client.registration.c%d.redirect-uri=https://a\\\n  /cb\\u0031\n", i, i, i)
		})
	}},
	{"openapi", "openapi.json", func(n int) string {
		return `{"openapi":"3.0.0","paths":{},"components":{"securitySchemes":{` + join(n, ",", func(i int) string {
			return fmt.Sprintf(`"s%d":{"type":"oauth2","flows":{"implicit":{"authorizationUrl":"https://a/%d","scopes":{}}}}`, i, i)
		}) + `}}}`
	}},
	{"gravitee", "apps.json", func(n int) string {
		return `{"applications":[` + join(n, ",", func(i int) string {
			return fmt.Sprintf(`{"name":"a%d","type":"browser","settings":{"oauth":{"grantTypes":["authorization_code"],"redirectUris":["https://a%d/cb"],"forcePKCE":true}}}`, i, i)
		}) + `]}`
	}},
	{"whichflow", "whichflow.yaml", func(n int) string {
		return "clients:\n" + join(n, "", func(i int) string {
			return fmt.Sprintf("  - kind: spa\n    client_id: c%d\n    grant_types: [authorization_code]\n    redirect_uris: [\"https://a%d/cb\"]\n", i, i)
		})
	}},
	{"hydra crd documents", "hydra.yaml", func(n int) string {
		return join(n, "---\n", func(i int) string {
			return fmt.Sprintf("apiVersion: hydra.ory.sh/v1alpha1\nkind: OAuth2Client\nmetadata:\n  name: c%d\nspec:\n  grantTypes: [client_credentials]\n  secretName: s%d\n---\nkind: Secret\nmetadata:\n  name: s%d\ndata:\n  client_secret: eA==\n", i, i, i)
		})
	}},
}

func join(n int, sep string, unit func(int) string) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = unit(i)
	}
	return strings.Join(parts, sep)
}

// TestGrowthLinear: 16 times the input may take up to 100 times as long
// and allocate up to 24 times as much (a quadratic path takes 256 times);
// ratios of the best of four runs, not wall-clock bounds, retried twice,
// so a loaded machine does not make it flaky.
func TestGrowthLinear(t *testing.T) {
	for _, s := range growthShapes {
		t.Run(s.name, func(t *testing.T) {
			n := 256
			if strings.HasSuffix(s.path, ".tf") {
				n = 64 // hclsyntax is the slowest reader
			}
			small, large := []byte(s.build(n)), []byte(s.build(16*n))
			checkRead(t, s.path, small)
			if f, err := Read(s.path, large); err != nil || len(f.Clients) == 0 {
				t.Fatalf("16x input: %v", err)
			}
			// Time is measured up to three times: a quadratic path is slow
			// every time, a loaded machine only now and then.
			var ts, tl time.Duration
			var as, al uint64
			for attempt := 0; attempt < 3; attempt++ {
				ts, as = growthCost(t, s.path, small)
				tl, al = growthCost(t, s.path, large)
				if tl <= 100*max(ts, 2*time.Millisecond) {
					break
				}
			}
			if limit := 100 * max(ts, 2*time.Millisecond); tl > limit {
				t.Errorf("%d bytes read in %v, %d bytes in %v (three tries): time grows faster than linear", len(small), ts, len(large), tl)
			}
			if limit := 24*as + 1<<20; al > limit {
				t.Errorf("%d bytes allocate %d, %d bytes %d: allocation grows faster than linear", len(small), as, len(large), al)
			}
		})
	}
}

// growthCost is the faster of two Reads of data and what one allocates.
func growthCost(t *testing.T, path string, data []byte) (time.Duration, uint64) {
	var ms0, ms1 runtime.MemStats
	runtime.ReadMemStats(&ms0)
	readTime(t, path, path, data[:len(data):len(data)])
	runtime.ReadMemStats(&ms1)
	best := min(readTime(t, path, path, data), readTime(t, path, path, data))
	return best, (ms1.TotalAlloc - ms0.TotalAlloc) / 2
}
