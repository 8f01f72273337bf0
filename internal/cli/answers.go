package cli

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/whichflow/whichflow/advisor"
	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/lint"
)

// Keys an --answers file may hold besides facets: the same as the
// --issuer and --resource flags.
const (
	answersKeyIssuer   = "issuer"
	answersKeyResource = "resource"
)

// answersServers are the discovery inputs an answers file names.
type answersServers struct {
	Issuer, Resource string
}

// answersStdin is the --answers value that reads standard input.
const answersStdin = "-"

// maxAnswersSize caps an answers file: a real one is a few lines.
const maxAnswersSize = 1 << 20

// readAnswersBytes reads an --answers file, or standard input for "-",
// never more than maxAnswersSize: a larger file is refused before it is
// read, a longer stream as soon as it passes the cap. Only regular files are
// opened, and without blocking: a FIFO or a device (/dev/zero) named
// explicitly would otherwise hang or fill memory.
func readAnswersBytes(path string, stdin io.Reader) ([]byte, error) {
	name := path
	var r io.Reader = stdin
	if path == answersStdin {
		name = "standard input"
	} else {
		f, err := openNoBlock(path)
		if err != nil {
			return nil, FlagErrorf("cannot read --answers file: %v", err)
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return nil, FlagErrorf("cannot read --answers file: %v", err)
		}
		if !st.Mode().IsRegular() {
			return nil, FlagErrorf("--answers %s: %s, not a regular file (use --answers - to read standard input)", path, lint.FileKind(st.Mode()))
		}
		if st.Size() > maxAnswersSize {
			return nil, FlagErrorf("--answers %s: answers file is larger than 1 MiB (%d bytes)", path, st.Size())
		}
		r = f
	}
	var buf bytes.Buffer
	n, err := buf.ReadFrom(io.LimitReader(r, maxAnswersSize+1))
	if err != nil {
		return nil, FlagErrorf("cannot read --answers %s: %v", name, err)
	}
	if n > maxAnswersSize {
		return nil, FlagErrorf("--answers %s: answers are larger than 1 MiB", name)
	}
	return buf.Bytes(), nil
}

// readAnswersFile reads an --answers file (YAML or JSON: JSON is YAML) into
// answers. Every problem names the file and line and says what is allowed.
func readAnswersFile(path string, stdin io.Reader) (advisor.Answers, answersServers, error) {
	data, err := readAnswersBytes(path, stdin)
	if err != nil {
		return nil, answersServers{}, err
	}
	if path == answersStdin {
		path = "<stdin>"
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, answersServers{}, FlagErrorf("%s: not valid YAML or JSON: %v", path, err)
	}
	if len(doc.Content) == 0 {
		return advisor.Answers{}, answersServers{}, nil
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil, answersServers{}, FlagErrorf("%s:%d: expected a mapping of answers such as \"client: spa\"", path, m.Line)
	}
	answers := advisor.Answers{}
	var servers answersServers
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if url := serverKey(&servers, k.Value); url != nil {
			if v.Kind != yaml.ScalarNode {
				return nil, answersServers{}, FlagErrorf("%s:%d:%d: %s must be a single URL", path, v.Line, v.Column, k.Value)
			}
			*url = v.Value
			continue
		}
		f, ok := flows.FacetByID(k.Value)
		if !ok {
			return nil, answersServers{}, FlagErrorf("%s:%d:%d: unknown key %q%s: allowed keys are %s, %s", path, k.Line, k.Column, k.Value, didYouMean(k.Value, append(facetIDs(), answersKeyIssuer, answersKeyResource)), strings.Join(facetIDs(), ", "), answersKeyIssuer+", "+answersKeyResource)
		}
		if v.Kind != yaml.ScalarNode {
			return nil, answersServers{}, FlagErrorf("%s:%d:%d: %s must be a single value: one of %s", path, v.Line, v.Column, k.Value, strings.Join(f.Values(), ", "))
		}
		val := v.Value
		if f.Bool {
			val = strings.ToLower(val)
		}
		if !f.Allows(val) {
			return nil, answersServers{}, FlagErrorf("%s:%d:%d: invalid value %q for %s%s: allowed values are %s", path, v.Line, v.Column, v.Value, k.Value, didYouMean(v.Value, f.Values()), strings.Join(f.Values(), ", "))
		}
		answers[f.ID] = val
	}
	return answers, servers, nil
}

// serverKey is where the answers-file key k is kept, nil for a facet.
func serverKey(s *answersServers, k string) *string {
	switch k {
	case answersKeyIssuer:
		return &s.Issuer
	case answersKeyResource:
		return &s.Resource
	}
	return nil
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
