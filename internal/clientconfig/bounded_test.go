package clientconfig

import (
	"strings"
	"testing"
	"time"
)

// boundedShapes were quadratic in Read (or, for HCL operator chains, a fatal
// stack overflow in hclsyntax): head + unit repeated to about 1 MiB + tail.
var boundedShapes = []struct{ name, path, head, unit, tail string }{
	{"yaml @@ tokens on one line", "a.yaml", "callbacks: [", "@@X@@, ", "@@Y@@]\nname: a\napp_type: spa\n"},
	{"yaml @@ tokens on many lines", "a.yaml", "clients:\n  - name: a\n    app_type: spa\n    callbacks:\n", "      - @@X@@\n", "tenant: {}\n"},
	{"properties continuation lines", "a.properties", "spring.security.oauth2.client.registration.x.client-id=", "a\\\n", "b\n"},
	{"properties key of dots", "a.properties", "spring.security.oauth2.client.registration", ".", "=x\n"},
	{"hcl unary chain", "a.tf", "resource \"okta_app_oauth\" \"x\" {\n type = ", "!", "true\n}\n"},
	{"hcl negation chain", "a.tf", "resource \"okta_app_oauth\" \"x\" {\n type = ", "-", "1\n}\n"},
	{"hcl conditional chain", "a.tf", "resource \"okta_app_oauth\" \"x\" {\n type = ", "a ? b : ", "c\n}\n"},
	{"hcl binary chain", "a.tf", "resource \"okta_app_oauth\" \"x\" {\n type = 1", " + 1", "\n}\n"},
	{"hcl template escapes", "a.tf", "resource \"okta_app_oauth\" \"x\" {\n type = \"", "$${", "\"\n}\n"},
	{"hcl unclosed template ifs", "a.tf", "resource \"okta_app_oauth\" \"x\" {\n type = \"", "%{if a}x", "\"\n}\n"},
}

// TestReadBoundedTime: Read grows about linearly on each shape (before the
// fix: quadratic, tens of seconds at 1 MiB, or a crash). It compares 1 MiB
// with 64 KiB rather than timing against a wall-clock bound, so a loaded
// machine or the race detector does not make it flaky: 16 times the input
// may take up to 64 times as long; quadratic growth takes 256 times.
func TestReadBoundedTime(t *testing.T) {
	for _, s := range boundedShapes {
		small := readTime(t, s.name, s.path, []byte(s.head+strings.Repeat(s.unit, (64<<10)/len(s.unit))+s.tail))
		large := readTime(t, s.name, s.path, []byte(s.head+strings.Repeat(s.unit, (1<<20)/len(s.unit))+s.tail))
		if limit := 64 * max(small, 5*time.Millisecond); large > limit {
			t.Errorf("%s: 64 KiB read in %v but 1 MiB in %v (more than %v): growth is not linear", s.name, small, large, limit)
		}
	}
}

// readTime is the faster of two Reads of data, failing the test if one hangs.
func readTime(t *testing.T, name, path string, data []byte) time.Duration {
	t.Helper()
	var best time.Duration
	for i := 0; i < 2; i++ {
		done := make(chan struct{})
		start := time.Now()
		go func() { _, _ = Read(path, data); close(done) }()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			t.Fatalf("%s: Read of %d bytes still running after 30s", name, len(data))
		}
		if d := time.Since(start); i == 0 || d < best {
			best = d
		}
	}
	return best
}

// TestHCLChainsRejected: operator chains hclsyntax would recurse on are an
// invalid-config error, not a crash; ordinary expressions are not.
func TestHCLChainsRejected(t *testing.T) {
	for _, s := range boundedShapes {
		if !strings.HasPrefix(s.path, "a.tf") {
			continue
		}
		_, err := Read(s.path, []byte(s.head+strings.Repeat(s.unit, 300)+s.tail))
		if pe, ok := err.(*ParseError); !ok || !strings.Contains(pe.Msg, "too deeply nested") {
			t.Errorf("%s: %v", s.name, err)
		}
	}
	ok := "resource \"okta_app_oauth\" \"x\" {\n type = var.a ? \"web\" : \"native\"\n label = \"${var.x}-${var.y}\"\n" +
		strings.Repeat(" grant_types = [\"a-b-c\", !var.x ? \"d\" : \"e\", \"$${x}\", -1]\n", 1) +
		strings.Repeat(" # - - - - - - - - - - - - - - - - - - - - - -\n", 50) + "}\n" +
		strings.Repeat("resource \"okta_app_oauth\" \"y\" {\n type = \"${var.t}\"\n label = <<-EOT\n  ${var.l} - %{if true}x%{endif}\n  EOT\n}\n", 100)
	if _, err := Read("a.tf", []byte(ok)); err != nil {
		if pe, isPE := err.(*ParseError); isPE && strings.Contains(pe.Msg, "nesting") {
			t.Fatalf("ordinary HCL rejected: %v", err)
		}
	}
}
