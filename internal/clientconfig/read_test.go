package clientconfig

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/whichflow/whichflow/internal/corpus"
	goldenfile "github.com/whichflow/whichflow/internal/golden"
)

// summary is the reviewed, compact normal form of a client in golden files.
// A value is written "value" when the file states it, "value*" when it is
// the format default, "?" when unresolved; positions are line:col.
func summary(c Client) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %q @%d:%d-%d", c.Format, c.ID, c.Pos.Line, c.Pos.Col, c.End)
	if c.Name != "" && c.Name != c.ID {
		fmt.Fprintf(&b, " name=%q", c.Name)
	}
	if c.Kind.Set {
		fmt.Fprintf(&b, " kind=%s", sv(c.Kind))
	}
	if c.Protocol != "" {
		fmt.Fprintf(&b, " protocol=%s", c.Protocol)
	}
	if c.ApplicationType.Value != "" || c.ApplicationType.Unresolved {
		fmt.Fprintf(&b, " app=%s", sv(c.ApplicationType))
	}
	if c.Flowless() && !c.BearerOnly {
		// Another protocol (Keycloak SAML): read for its secrets only.
		writeSecrets(&b, c)
		return b.String()
	}
	if !c.GrantsOnly {
		fmt.Fprintf(&b, " public=%s auth=%s", bv(c.Public), sv(c.AuthMethod))
		if len(c.AuthMethods.Items) > 1 {
			fmt.Fprintf(&b, " auths=%s", lv(c.AuthMethods))
		}
	}
	fmt.Fprintf(&b, " grants=%s", lv(c.GrantTypes))
	if c.ResponseTypes.Set || len(c.ResponseTypes.Items) > 0 {
		fmt.Fprintf(&b, " responses=%s", lv(c.ResponseTypes))
	}
	if c.RedirectURIs.Set || len(c.RedirectURIs.Items) > 0 {
		fmt.Fprintf(&b, " redirects=%s", lv(c.RedirectURIs))
	}
	if c.PKCE.Declarable {
		fmt.Fprintf(&b, " pkce=%s", sv(c.PKCE.Value))
	}
	if c.RefreshRotation.Declarable {
		fmt.Fprintf(&b, " rotation=%s", sv(c.RefreshRotation.Value))
	}
	if c.DPoPBound.Value || c.DPoPBound.Unresolved {
		fmt.Fprintf(&b, " dpop=%s", bv(c.DPoPBound))
	}
	if c.MTLSBound.Value || c.MTLSBound.Unresolved {
		fmt.Fprintf(&b, " mtls=%s", bv(c.MTLSBound))
	}
	if c.PARRequired.Value || c.PARRequired.Unresolved {
		fmt.Fprintf(&b, " par=%s", bv(c.PARRequired))
	}
	b.WriteString(fieldsSummary(c))
	writeSecrets(&b, c)
	if c.BearerOnly {
		b.WriteString(" bearer-only")
	}
	if c.Builtin {
		b.WriteString(" builtin")
	}
	if c.GrantsOnly {
		b.WriteString(" grants-only")
	}
	return b.String()
}

func writeSecrets(b *strings.Builder, c Client) {
	for _, s := range c.Secrets {
		fmt.Fprintf(b, " secret{%s=%s @%d:%d}", s.Field, redact(s.Value), s.Pos.Line, s.Pos.Col)
	}
	if d := c.SecretDeclared; d.Declared() {
		u := ""
		if d.Unresolved {
			u = "?"
		}
		fmt.Fprintf(b, " declares{%s%s @%d:%d}", u, d.Field, d.Pos.Line, d.Pos.Col)
	}
}

// realmSummary is the golden normal form of a realm, in summary's notation.
func realmSummary(r Realm) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s realm %q @%d:%d-%d ssl=%s revoke=%s reuse=%s offline-max=%s access=%s code=%s alg=%s",
		r.Format, r.Name, r.Pos.Line, r.Pos.Col, r.End, sv(r.SSLRequired), bv(r.RevokeRefreshToken), iv(r.RefreshTokenMaxReuse),
		bv(r.OfflineSessionMaxLifespanEnabled), iv(r.AccessTokenLifespan), iv(r.AccessCodeLifespan), sv(r.DefaultSignatureAlgorithm))
	if s := r.RedirectStrictMatching; s.Set || s.Unresolved || s.Default != "" {
		fmt.Fprintf(&b, " strict-redirects=%s", bv(s))
	}
	if r.DynamicRegistration.Value || r.DynamicRegistration.Unresolved {
		fmt.Fprintf(&b, " dynamic-registration=%s", bv(r.DynamicRegistration))
	}
	if len(r.OfflineTokenClients) > 0 {
		var ids []string
		for _, c := range r.OfflineTokenClients {
			id := strconv.Quote(c.ID)
			if c.Public {
				id += "(public)"
			}
			ids = append(ids, id)
		}
		fmt.Fprintf(&b, " offline-clients=[%s]", strings.Join(ids, " "))
	}
	return b.String()
}

func iv(n Int) string {
	return sv(String{Value: fmt.Sprint(n.Value), Set: n.Set, Unresolved: n.Unresolved})
}

func redact(s string) string {
	if len(s) <= 4 {
		return "****"
	}
	return s[:2] + "…" + fmt.Sprint(len(s))
}

func sv(s String) string {
	switch {
	case s.Unresolved:
		return "?" + s.Value
	case !s.Set:
		return s.Value + "*"
	}
	if s.Value == "" {
		return `""`
	}
	return s.Value
}

func bv(b Bool) string {
	return sv(String{Value: fmt.Sprint(b.Value), Set: b.Set, Unresolved: b.Unresolved})
}

func lv(l List) string {
	if l.Unresolved {
		return "?"
	}
	var parts []string
	for _, it := range l.Items {
		p := it.Value
		if it.Unresolved {
			p = "?" + p
		} else if !it.Set {
			p += "*"
		}
		parts = append(parts, fmt.Sprintf("%s@%d", p, it.Pos.Line))
	}
	s := "[" + strings.Join(parts, " ") + "]"
	if !l.Set {
		s += "*"
	}
	return s
}

type golden struct {
	Format     string   `json:"format"`
	Clients    []string `json:"clients"`
	Realms     []string `json:"realms,omitempty"`
	Directives []string `json:"directives,omitempty"`
}

func goldenOf(f *File) golden {
	g := golden{Format: string(f.Format), Clients: []string{}}
	for _, c := range f.Clients {
		g.Clients = append(g.Clients, summary(c))
	}
	for _, r := range f.Realms {
		g.Realms = append(g.Realms, realmSummary(r))
	}
	for _, d := range f.Directives {
		g.Directives = append(g.Directives, fmt.Sprintf("%d:%d %s", d.Pos.Line, d.Pos.Col, d.Text))
	}
	return g
}

func marshalGolden(g golden) []byte {
	var b bytes.Buffer
	b.WriteString("{\"format\": ")
	j, _ := json.Marshal(g.Format)
	b.Write(j)
	b.WriteString(",\n \"clients\": [")
	for i, c := range g.Clients {
		if i > 0 {
			b.WriteString(",")
		}
		j, _ := json.Marshal(c)
		b.WriteString("\n  ")
		b.Write(j)
	}
	b.WriteString("]")
	if len(g.Realms) > 0 {
		b.WriteString(",\n \"realms\": [")
		for i, r := range g.Realms {
			if i > 0 {
				b.WriteString(",")
			}
			j, _ := json.Marshal(r)
			b.WriteString("\n  ")
			b.Write(j)
		}
		b.WriteString("]")
	}
	if len(g.Directives) > 0 {
		j, _ := json.Marshal(g.Directives)
		b.WriteString(",\n \"directives\": ")
		b.Write(j)
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// TestCorpus reads every real configuration in testdata/corpus: each must be
// recognised and parse, and its normal form must match the reviewed golden.
func TestCorpus(t *testing.T) {
	dir := corpus.Dir(t)
	var files []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && !strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	if len(files) < 40 {
		t.Fatalf("corpus has %d files, want 40", len(files))
	}
	for _, p := range files {
		rel, _ := filepath.Rel(dir, p)
		t.Run(rel, func(t *testing.T) {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			// A Terraform file is read in its module directory, as lint
			// reads it; a module file without clients is part of it.
			var mod *Module
			if strings.HasSuffix(p, ".tf") {
				mod = moduleOfDir(t, filepath.Dir(p))
			} else if IsModuleFile(p) {
				return // terraform.tfvars: read with the module's .tf files
			}
			f, err := ReadInModule(rel, data, mod)
			if errors.Is(err, ErrModuleFile) {
				return
			}
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if len(f.Clients)+len(f.Realms) == 0 {
				t.Fatalf("no clients or realms read")
			}
			for _, c := range f.Clients {
				if c.ID == "" {
					t.Errorf("client at %d:%d has no ID", c.Pos.Line, c.Pos.Col)
				}
				if c.Pos.Line == 0 || c.End < c.Pos.Line {
					t.Errorf("client %s: bad extent %v-%d", c.ID, c.Pos, c.End)
				}
			}
			goldenfile.Check(t, filepath.Join("testdata", "golden", "corpus", strings.ReplaceAll(rel, string(filepath.Separator), "__")+".golden"), marshalGolden(goldenOf(f)))
		})
	}
}

// moduleOfDir is the Terraform module of dir's files.
func moduleOfDir(t *testing.T, dir string) *Module {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []ModuleFile
	for _, e := range entries {
		if IsModuleFile(e.Name()) {
			data, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, ModuleFile{Path: filepath.Join(dir, e.Name()), Data: data})
		}
	}
	return NewModule(files)
}

func TestErrorsAreTyped(t *testing.T) {
	_, err := Read("x.json", []byte(`{"name": "not oauth"}`))
	if !errors.Is(err, ErrUnrecognised) {
		t.Fatalf("got %v, want ErrUnrecognised", err)
	}
}
