package cli

import (
	"fmt"
	"os"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/whichflow/whichflow/advisor"
	"github.com/whichflow/whichflow/flows"
)

// answersFileKeys are the keys an --answers file may hold besides facets.
const answersKeyIssuer = "issuer"

// readAnswersFile reads an --answers file (YAML or JSON: JSON is YAML) into
// answers. Every problem names the file and line and says what is allowed.
func readAnswersFile(path string) (advisor.Answers, string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, "", FlagErrorf("cannot read --answers file: %v", err)
	}
	if len(data) > 1<<20 {
		return nil, "", FlagErrorf("%s: answers file is larger than 1 MiB", path)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, "", FlagErrorf("%s: not valid YAML or JSON: %v", path, err)
	}
	if len(doc.Content) == 0 {
		return advisor.Answers{}, "", nil
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil, "", FlagErrorf("%s:%d: expected a mapping of answers such as \"client: spa\"", path, m.Line)
	}
	answers := advisor.Answers{}
	issuer := ""
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Value == answersKeyIssuer {
			issuer = v.Value
			continue
		}
		f, ok := flows.FacetByID(k.Value)
		if !ok {
			return nil, "", FlagErrorf("%s:%d:%d: unknown key %q: allowed keys are %s, %s", path, k.Line, k.Column, k.Value, strings.Join(facetIDs(), ", "), answersKeyIssuer)
		}
		if v.Kind != yaml.ScalarNode {
			return nil, "", FlagErrorf("%s:%d:%d: %s must be a single value: one of %s", path, v.Line, v.Column, k.Value, strings.Join(f.Values(), ", "))
		}
		val := v.Value
		if f.Bool {
			val = strings.ToLower(val)
		}
		if !f.Allows(val) {
			return nil, "", FlagErrorf("%s:%d:%d: invalid value %q for %s: allowed values are %s", path, v.Line, v.Column, v.Value, k.Value, strings.Join(f.Values(), ", "))
		}
		answers[f.ID] = val
	}
	return answers, issuer, nil
}

func facetIDs() []string {
	var ids []string
	for _, f := range flows.Facets() {
		ids = append(ids, f.ID)
	}
	return ids
}

func describeValues(f flows.Facet) string {
	var b strings.Builder
	for _, o := range f.Options {
		fmt.Fprintf(&b, "\n  %-12s %s", o.Value, o.Description)
	}
	return b.String()
}
