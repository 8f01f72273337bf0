package clientconfig

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// The DESIGN §6 target: lint on 10,000 one-client RFC 7591 JSON files within
// 1.5x of a program that only reads and json.Unmarshals them. These two
// benchmarks share the files; compare ns/op (go test -bench 'RFC7591|Baseline').

const benchFiles = 10000

func benchCorpus(b *testing.B) []string {
	b.Helper()
	dir := b.TempDir()
	paths := make([]string, benchFiles)
	for i := range paths {
		doc := fmt.Sprintf(`{
  "client_id": "client-%d",
  "client_name": "Client %d",
  "redirect_uris": ["https://app%d.example.com/callback", "http://localhost:%d/cb"],
  "grant_types": ["authorization_code", "refresh_token"],
  "response_types": ["code"],
  "token_endpoint_auth_method": "client_secret_basic",
  "client_secret": "secret-%08x",
  "scope": "openid profile email",
  "application_type": "web",
  "contacts": ["ops@example.com"],
  "dpop_bound_access_tokens": false
}
`, i, i, i, 3000+i%1000, i*2654435761)
		paths[i] = filepath.Join(dir, fmt.Sprintf("c%05d.json", i))
		if err := os.WriteFile(paths[i], []byte(doc), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return paths
}

func BenchmarkJSONUnmarshalBaseline(b *testing.B) {
	paths := benchCorpus(b)
	b.ResetTimer()
	for b.Loop() {
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			var v map[string]any
			if err := json.Unmarshal(data, &v); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkReadRFC7591(b *testing.B) {
	paths := benchCorpus(b)
	b.ResetTimer()
	for b.Loop() {
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			f, err := Read(p, data)
			if err != nil || len(f.Clients) != 1 {
				b.Fatal(err)
			}
		}
	}
}

// In-memory variants isolate parsing from file system cost.
func BenchmarkParseOnlyBaseline(b *testing.B) {
	data, _ := os.ReadFile(benchCorpus(b)[0])
	for b.Loop() {
		var v map[string]any
		if err := json.Unmarshal(data, &v); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseOnlyRead(b *testing.B) {
	data, _ := os.ReadFile(benchCorpus(b)[0])
	for b.Loop() {
		if _, err := Read("c.json", data); err != nil {
			b.Fatal(err)
		}
	}
}
