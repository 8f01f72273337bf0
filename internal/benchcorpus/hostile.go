package benchcorpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Hostile is one input built to break a reader: huge, deep, dense or
// duplicated. Want says what lint must make of it.
type Hostile struct {
	Name string // file name, its extension as lint sees it
	Want string
	Data func() []byte
}

// HostileInputs are the shapes of issue #9 and #13 that once crashed lint or
// took memory or time out of proportion to the file; `make bench` and the
// clientconfig tests run them.
func HostileInputs() []Hostile {
	return []Hostile{
		{"numbers-12mb.json", "unrecognised, bounded memory", func() []byte { return []byte("[" + strings.Repeat("1,", 6<<20-1) + "1]") }},
		{"numbers-64mib.json", "unrecognised, bounded memory", func() []byte { return []byte("[" + strings.Repeat("1,", 32<<20-2) + "1]") }},
		{"spring-anchors.yml", "invalid-config: alias expansion too large", springAnchors},
		{"auth0-tokens.yaml", "read, bounded memory", func() []byte {
			return []byte("clients:\n  - name: a\n    app_type: spa\n    callbacks: [" + strings.Repeat("@@A@@, ", 2<<20) + "@@A@@]\ntenant: {}\n")
		}},
		{"auth0-tokens.json", "read, bounded memory", func() []byte {
			return []byte(`{"name":"a","app_type":"spa","callbacks":[` + strings.Repeat("@@A@@,", (14<<20)/6) + `@@A@@]}`)
		}},
		{"splat.tf", "invalid-config: too deeply nested", func() []byte {
			return []byte("resource \"okta_app_oauth\" \"x\" {\n type = a" + strings.Repeat("[*]", 200000) + "\n}\n")
		}},
		{"equals-chain.tf", "invalid-config: too deeply nested", func() []byte {
			return []byte("resource \"okta_app_oauth\" \"x\" {\n type = 0" + strings.Repeat("==0", 1<<20) + "\n}\n")
		}},
		{"heredoc.tf", "read in linear time", func() []byte {
			return []byte("resource \"okta_app_oauth\" \"x\" {\n label = <<EOT\n" + strings.Repeat("a\n", 200000) + "EOT\n}\n")
		}},
		{"heredoc-unterminated.tf", "invalid-config at once: unterminated heredoc", func() []byte {
			return []byte("resource \"okta_app_oauth\" \"x\" {\n label = <<EOT\n" + strings.Repeat("a\n", 200000) + "}\n")
		}},
		{"attributes-1m-keys.json", "read, bounded memory (a million attribute keys)", func() []byte {
			var b strings.Builder
			b.WriteString(`{"clientId":"a","publicClient":true,"attributes":{`)
			for i := 0; i < 1000000; i++ {
				if i > 0 {
					b.WriteByte(',')
				}
				fmt.Fprintf(&b, `"k%d":"v"`, i)
			}
			b.WriteString("}}")
			return []byte(b.String())
		}},
		{"splat-in.properties", "invalid-config: too deeply nested (HCL content, whatever the name)", func() []byte {
			return []byte("resource \"okta_app_oauth\" \"x\" {\n type = a" + strings.Repeat("[*]", 200000) + "\n}\n")
		}},
		{"padded.TF", "invalid-config: over the Terraform cap", func() []byte {
			return []byte("resource \"okta_app_oauth\" \"x\" {\n type = \"web\"\n}\n" + strings.Repeat("# pad\n", (9<<20)/6))
		}},
	}
}

// springAnchors is a 25 KB-class Spring YAML whose anchors nest ten wide
// and thirty deep under spring: (10^30 nodes when expanded), one of
// them under a registration.
func springAnchors() []byte {
	var b strings.Builder
	b.WriteString("spring:\n  a0: &a0 {k0: x, k1: x, k2: x, k3: x, k4: x, k5: x, k6: x, k7: x, k8: x, k9: x}\n")
	for i := 1; i < 30; i++ {
		fmt.Fprintf(&b, "  a%d: &a%d {", i, i)
		for k := 0; k < 10; k++ {
			if k > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "k%d: *a%d", k, i-1)
		}
		b.WriteString("}\n")
	}
	b.WriteString("  security:\n    oauth2:\n      client:\n        registration:\n          x:\n            client-id: a\n            provider: *a29\n")
	return []byte(b.String())
}

// WriteHostile writes every HostileInputs file into dir.
func WriteHostile(dir string) error {
	for _, h := range HostileInputs() {
		if err := os.WriteFile(filepath.Join(dir, h.Name), h.Data(), 0o644); err != nil {
			return err
		}
	}
	return nil
}
