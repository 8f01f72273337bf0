package lint

import (
	"fmt"
	"regexp"
	"strings"
	"sync/atomic"
)

// maxGlobLen bounds a .whichflow.yaml glob: a pattern is a path or a client
// name, and a huge one would make regexp compilation the bottleneck (or
// fail) instead of an error naming the entry.
const maxGlobLen = 1024

// glob is a compiled .whichflow.yaml pattern. One dialect for client and
// path alike: `*` is any run of characters but `/`, `**` any run including
// `/` (`**/` also matches no directory), `?` one character but `/`; every
// other character is literal.
type glob struct{ re *regexp.Regexp }

// compileGlob compiles pattern. A path pattern matches the whole path or
// any trailing part of it that starts after a `/` ("*.json" matches
// "keycloak/realm.json"); a client pattern matches the whole name.
func compileGlob(pattern string, isPath bool) (*glob, error) {
	if len(pattern) > maxGlobLen {
		return nil, fmt.Errorf("pattern is %d bytes, over the %d-byte limit", len(pattern), maxGlobLen)
	}
	var b strings.Builder
	if isPath {
		pattern = strings.TrimPrefix(pattern, "./")
		b.WriteString(`(?s)(?:^|/)`)
	} else {
		b.WriteString(`(?s)^`)
	}
	for i := 0; i < len(pattern); i++ {
		switch c := pattern[i]; c {
		case '*':
			if i+1 < len(pattern) && pattern[i+1] == '*' {
				i++
				if i+1 < len(pattern) && pattern[i+1] == '/' {
					i++
					b.WriteString(`(?:.*/)?`)
				} else {
					b.WriteString(`.*`)
				}
			} else {
				b.WriteString(`[^/]*`)
			}
		case '?':
			b.WriteString(`[^/]`)
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString(`$`)
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil, fmt.Errorf("pattern %q cannot be compiled: %v", pattern, err)
	}
	return &glob{re: re}, nil
}

func (g *glob) match(s string) bool { return g.re.MatchString(s) }

// counter is a count shared by the workers.
type counter struct{ n atomic.Int64 }

func (c *counter) add(n int64) { c.n.Add(n) }
func (c *counter) load() int64 { return c.n.Load() }
