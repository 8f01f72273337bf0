package lint

import (
	"cmp"
	"encoding/hex"
	"slices"

	"github.com/whichflow/whichflow/flows"
)

// A findingPack holds one file's findings from the checks until they are
// handed on. Every finding of a file must be held at once (the report
// sorts them by line, and a default "not in the file" sits at 1:1 whatever
// client it concerns), while the file's tree is still alive: a finding-dense
// file (a realm of 20k clients, seven findings each) held as Findings took
// more than the tree itself and broke DESIGN §6's bound. So a finding is
// kept as 24 bytes of indexes: its message and client in a table of the
// pack's distinct strings (most messages repeat: "the password grant is
// enabled"), its rule, severity, scope, file and refs in a small table of
// their combinations, and its fingerprint computed when it is handed on.
// Records sit in fixed chunks: no slice of them is ever copied to grow.
type findingPack struct {
	chunks [][]packed
	n      int
	strs   []string
	sups   []*Suppression
	metas  []packMeta
	// While findings are added: what is already in the tables (drop
	// loses only sharing, never a finding).
	strIndex  map[string]int32
	metaIndex map[metaKey]int32 // first meta of each key (refs chain through next)
	last      int32             // meta of the last finding added (+1; 0: none)
}

// packed is one finding as indexes into its pack's tables.
type packed struct {
	msg, client int32 // in strs
	sup         int32 // in sups, +1 (0: not suppressed)
	meta        int32
	line, col   int32
}

type metaKey struct {
	rule, file string
	severity   flows.Severity
	scope      flows.Scope
}

type packMeta struct {
	metaKey
	refs []string
	next int32 // another meta with the same key and other refs (+1; 0: none)
}

const packChunk = 1024

func (p *findingPack) len() int {
	if p == nil {
		return 0
	}
	return p.n
}

func (p *findingPack) rec(i int) *packed { return &p.chunks[i/packChunk][i%packChunk] }

// add keeps f (its Fingerprint is not kept: finding recomputes it).
func (p *findingPack) add(f *Finding) {
	if p.n%packChunk == 0 {
		// The first chunk grows as appends do (most files have a few
		// findings); the others are whole.
		size := packChunk
		if p.n == 0 {
			size = 4
		}
		p.chunks = append(p.chunks, make([]packed, 0, size))
	}
	c := &p.chunks[len(p.chunks)-1]
	*c = append(*c, packed{msg: p.str(f.Message), client: p.str(f.Client), sup: p.sup(f.Suppressed),
		line: int32(f.Line), col: int32(f.Column), meta: p.metaOf(f)})
	p.n++
}

func (p *findingPack) str(s string) int32 {
	if p.strIndex == nil {
		p.strIndex = map[string]int32{}
	}
	if i, ok := p.strIndex[s]; ok {
		return i
	}
	i := int32(len(p.strs))
	p.strs = append(p.strs, s)
	p.strIndex[s] = i
	return i
}

func (p *findingPack) sup(s *Suppression) int32 {
	if s == nil {
		return 0
	}
	if n := len(p.sups); n > 0 && p.sups[n-1] == s { // an entry's, shared
		return int32(n)
	}
	p.sups = append(p.sups, s)
	return int32(len(p.sups))
}

// suppressed is finding i's suppression, nil if none.
func (p *findingPack) suppressed(i int) *Suppression {
	if k := p.rec(i).sup; k > 0 {
		return p.sups[k-1]
	}
	return nil
}

// suppress sets finding i's suppression.
func (p *findingPack) suppress(i int, s *Suppression) { p.rec(i).sup = p.sup(s) }

// done drops the indexes once no more findings come from the checks (a
// pack that takes more later starts them afresh).
func (p *findingPack) done() { p.strIndex, p.metaIndex, p.last = nil, nil, 0 }

func (p *findingPack) metaOf(f *Finding) int32 {
	k := metaKey{rule: f.Rule, file: f.File, severity: f.Severity, scope: f.Scope}
	if p.last > 0 && p.metas[p.last-1].metaKey == k && sameRefs(p.metas[p.last-1].refs, f.Refs) {
		return p.last - 1
	}
	if p.metaIndex == nil {
		p.metaIndex = map[metaKey]int32{}
	}
	at, ok := p.metaIndex[k]
	for ok {
		m := &p.metas[at]
		if sameRefs(m.refs, f.Refs) {
			p.last = at + 1
			return at
		}
		if m.next == 0 {
			break
		}
		at = m.next - 1
	}
	id := int32(len(p.metas))
	p.metas = append(p.metas, packMeta{metaKey: k, refs: f.Refs})
	if ok {
		p.metas[at].next = id + 1
	} else {
		p.metaIndex[k] = id
	}
	p.last = id + 1
	return id
}

// sameRefs: equal lists, and nil only for nil (JSON tells null from []).
func sameRefs(a, b []string) bool { return (a == nil) == (b == nil) && slices.Equal(a, b) }

// finding i as a Finding, without its fingerprint.
func (p *findingPack) bare(i int) Finding {
	r := p.rec(i)
	m := &p.metas[r.meta]
	return Finding{Rule: m.rule, Severity: m.severity, File: m.file, Line: int(r.line), Column: int(r.col), Client: p.strs[r.client],
		Scope: m.scope, Message: p.strs[r.msg], Refs: m.refs, Suppressed: p.suppressed(i)}
}

// finding i as a Finding.
func (p *findingPack) finding(i int) Finding {
	f := p.bare(i)
	f.Fingerprint = Fingerprint(f)
	return f
}

// addPack takes q's findings after p's.
func (p *findingPack) addPack(q *findingPack) {
	for i := 0; i < q.len(); i++ {
		f := q.bare(i)
		p.add(&f)
	}
}

// all are the findings in the order they were added.
func (p *findingPack) all() []Finding {
	out := make([]Finding, 0, p.len())
	for i := 0; i < p.len(); i++ {
		out = append(out, p.finding(i))
	}
	return out
}

// sorted are the indexes of the findings in findingLess order, ties in
// the order they were added (what a stable sort of Findings gives).
func (p *findingPack) sorted() []int32 {
	order := make([]int32, p.len())
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int {
		a, b := p.rec(int(i)), p.rec(int(j))
		ma, mb := &p.metas[a.meta], &p.metas[b.meta]
		if c := cmp.Compare(ma.file, mb.file); c != 0 {
			return c
		}
		if c := cmp.Compare(a.line, b.line); c != 0 {
			return c
		}
		if c := cmp.Compare(a.col, b.col); c != 0 {
			return c
		}
		if c := cmp.Compare(ma.rule, mb.rule); c != 0 {
			return c
		}
		if c := cmp.Compare(p.strs[a.client], p.strs[b.client]); c != 0 {
			return c
		}
		return cmp.Compare(i, j)
	})
	return order
}

// CompactFindings holds a report's findings compactly, for a printer that
// must keep them all before it writes (SARIF: what precedes the results
// depends on the whole run): the records of findingPack, and each
// fingerprint as its 16 bytes. Add them in report order (by file), read
// them back by index.
type CompactFindings struct {
	p    findingPack
	file string
	fps  [][16]byte
	odd  map[int]string // fingerprints that are not 32 lowercase hex digits, as given
}

// Add keeps f.
func (c *CompactFindings) Add(f Finding) {
	if f.File != c.file {
		c.p.done() // a file's strings are shared within the file
		c.file = f.File
	}
	var fp [16]byte
	if !packFingerprint(&fp, f.Fingerprint) {
		if c.odd == nil {
			c.odd = map[int]string{}
		}
		c.odd[c.p.n] = f.Fingerprint
	}
	c.fps = append(c.fps, fp)
	c.p.add(&f)
}

// Len counts the findings.
func (c *CompactFindings) Len() int { return c.p.len() }

// At is finding i as it was added.
func (c *CompactFindings) At(i int) Finding {
	f := c.p.bare(i)
	if s, ok := c.odd[i]; ok {
		f.Fingerprint = s
	} else {
		f.Fingerprint = hex.EncodeToString(c.fps[i][:])
	}
	return f
}

// Bare is At without the fingerprint, for a printer that does not show it.
func (c *CompactFindings) Bare(i int) Finding { return c.p.bare(i) }

// packFingerprint stores s in fp when it is 32 lowercase hex digits (as
// Fingerprint makes them).
func packFingerprint(fp *[16]byte, s string) bool {
	if len(s) != 32 {
		return false
	}
	if _, err := hex.Decode(fp[:], []byte(s)); err != nil {
		return false
	}
	var back [32]byte
	hex.Encode(back[:], fp[:])
	return string(back[:]) == s
}
