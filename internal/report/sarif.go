package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/lint"
)

// sarifPrinter prints SARIF 2.1.0 with the rule catalog as
// tool.driver.rules, suppressed findings as results with suppressions, and
// partialFingerprints from the lint fingerprint. Written by hand, as
// golangci-lint does, rather than through a SARIF library.
type sarifPrinter struct {
	w       io.Writer
	version string
	workDir string
	held    *lint.CompactFindings
}

const (
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	toolInfoURI  = "https://github.com/whichflow/whichflow"
	rulesDocsURI = "https://github.com/whichflow/whichflow/blob/main/docs/rules.md#"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                `json:"tool"`
	Invocations        []sarifInvocation        `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifact `json:"originalUriBaseIds,omitempty"`
	Results            []sarifResult            `json:"results"`
}

// sarifInvocation says the run completed; files that could not be linted
// are its notifications.
type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	Name                 string          `json:"name"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      sarifText       `json:"fullDescription"`
	Help                 sarifText       `json:"help"`
	HelpURI              string          `json:"helpUri"`
	DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
	Properties           sarifRuleProps  `json:"properties"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags []string `json:"tags"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	Properties          *sarifResultProps  `json:"properties,omitempty"`
}

type sarifResultProps struct {
	Client string   `json:"client,omitempty"`
	Scope  string   `json:"scope,omitempty"`
	Refs   []string `json:"refs,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Status        string `json:"status"`
	Justification string `json:"justification,omitempty"`
}

// sarifLevel maps a severity to a SARIF level, falling back to warning.
func sarifLevel(s flows.Severity) string {
	switch s {
	case flows.SeverityError, flows.SeverityWarning, flows.SeverityNote:
		return string(s)
	}
	return "warning"
}

// sarifName is the rule's name, PascalCase from its title ("Redirect URI
// contains a wildcard" → RedirectUriContainsAWildcard). SARIF wants a name
// that differs from the id (the Multitool's SARIF1001 compares them
// case-insensitively, so the id in PascalCase is not enough).
func sarifName(r flows.Rule) string {
	var b strings.Builder
	for _, word := range strings.FieldsFunc(strings.ReplaceAll(r.Title, "'", ""), func(c rune) bool {
		return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
	}) {
		if len(word) == 1 && (word[0] < '0' || word[0] > '9') {
			continue // "a": two capitals in a row are not Pascal case (SARIF2012)
		}
		b.WriteString(strings.ToUpper(word[:1]) + strings.ToLower(word[1:]))
	}
	name := b.String()
	if name == "" || strings.EqualFold(strings.ReplaceAll(name, "-", ""), strings.ReplaceAll(r.ID, "-", "")) {
		name += "Rule"
	}
	return name
}

// srcRoot is the uriBaseId of relative paths: GitHub code scanning and the
// SARIF Multitool resolve them against the checkout (originalUriBaseIds
// says where that was for this run).
const srcRoot = "%SRCROOT%"

// sarifArtifactOf turns a path as given on the command line into an
// artifact location: a relative path (or an absolute one inside workDir) a
// relative reference from %SRCROOT%, any other absolute path a file:// URI.
func sarifArtifactOf(p, workDir string) sarifArtifact {
	if workDir != "" && filepath.IsAbs(p) {
		if rel, err := filepath.Rel(workDir, p); err == nil && !strings.HasPrefix(rel, "..") {
			p = rel
		}
	}
	p = filepath.ToSlash(p)
	if filepath.IsAbs(p) || strings.HasPrefix(p, "/") {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // C:/x → /C:/x
		}
		return sarifArtifact{URI: (&url.URL{Scheme: "file", Path: p}).String()}
	}
	p = strings.TrimPrefix(p, "./")
	parts := strings.Split(p, "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	return sarifArtifact{URI: strings.Join(parts, "/"), URIBaseID: srcRoot}
}

// dirURI is dir as a file:// URI ending in a slash (SARIF §3.14.14).
func dirURI(dir string) string {
	p := filepath.ToSlash(dir)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// sarifVersion is the tool version as SARIF wants it, starting with a
// digit (the Multitool's SARIF2005): "v1.2.3" is "1.2.3", and a build
// without a version ("dev") is "0.0.0-dev".
func sarifVersion(v string) string {
	v = strings.TrimPrefix(v, "v")
	if v == "" || v[0] < '0' || v[0] > '9' {
		if v == "" {
			v = "dev"
		}
		v = "0.0.0-" + v
	}
	return v
}

func sarifRuleOf(r flows.Rule) sarifRule {
	var refsText, refsMD []string
	for _, ref := range r.Refs {
		refsText = append(refsText, ref.String()+" <"+ref.URL()+">")
		refsMD = append(refsMD, fmt.Sprintf("- [%s](%s)", ref.String(), ref.URL()))
	}
	help := r.Remediation + "\n\nReferences: " + strings.Join(refsText, "; ") + "\n\nDocs: " + rulesDocsURI + r.ID
	helpMD := fmt.Sprintf("**%s**\n\n%s\n\n%s\n\n**References**\n\n%s\n\n[Rule documentation](%s%s)",
		r.Title, r.Rationale, r.Remediation, strings.Join(refsMD, "\n"), rulesDocsURI, r.ID)
	tags := []string{"security", "oauth"}
	if r.Profile == flows.ProfileHigh {
		tags = append(tags, "fapi-2.0")
	}
	return sarifRule{
		ID:                   r.ID,
		Name:                 sarifName(r),
		ShortDescription:     sarifText{Text: r.Title},
		FullDescription:      sarifText{Text: r.Rationale},
		Help:                 sarifText{Text: help, Markdown: helpMD},
		HelpURI:              rulesDocsURI + r.ID,
		DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(r.Severity)},
		Properties:           sarifRuleProps{Tags: tags},
	}
}

func (p *sarifPrinter) Print(res *lint.Result) error { return printStreamed(p, res) }

// Begin writes nothing yet: what precedes the results (the rules, and the
// invocation's notifications of skipped files) is known only at the end
// of the run. Until then the findings are held compactly, not as a SARIF
// tree (that took about 6x the report).
func (p *sarifPrinter) Begin() error {
	p.held = &lint.CompactFindings{}
	return nil
}

func (p *sarifPrinter) Finding(f lint.Finding) error {
	p.held.Add(f)
	return nil
}

// End writes the log: the document around an empty results array
// through encoding/json, and each result encoded alone into the indented
// bytes it has inside that document.
func (p *sarifPrinter) End(res *lint.Result) error {
	held := p.held
	p.held = nil
	driver := sarifDriver{Name: "whichflow", Version: sarifVersion(p.version), InformationURI: toolInfoURI, Rules: []sarifRule{}}
	index := map[string]int{}
	addRule := func(r flows.Rule) {
		index[r.ID] = len(driver.Rules)
		driver.Rules = append(driver.Rules, sarifRuleOf(r))
	}
	for _, r := range runRules(res) {
		addRule(r)
	}
	for i := 0; i < held.Len(); i++ {
		f := held.At(i)
		if _, ok := index[f.Rule]; !ok {
			// A finding of a rule outside the run's list is still
			// reported, never dropped.
			r, known := flows.RuleByID(f.Rule)
			if !known {
				r = flows.Rule{ID: f.Rule, Title: f.Rule, Severity: f.Severity}
			}
			addRule(r)
		}
	}
	inv := sarifInvocation{ExecutionSuccessful: true}
	for _, sk := range res.Skipped {
		if sk.Notable {
			inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{Level: "warning",
				Message: sarifText{Text: "skipped " + sk.Path + ": " + sk.Reason}})
		}
	}
	run := sarifRun{Tool: sarifTool{Driver: driver}, Invocations: []sarifInvocation{inv}, Results: []sarifResult{}}
	if p.workDir != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifact{srcRoot: {URI: dirURI(p.workDir)}}
	}
	var doc bytes.Buffer
	enc := json.NewEncoder(&doc)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}}); err != nil {
		return err
	}
	// "results": [] is the run's last member, and these bytes cannot occur
	// inside an encoded string (its quotes would be escaped).
	const empty = `"results": []`
	at := bytes.LastIndex(doc.Bytes(), []byte(empty))
	if held.Len() == 0 || at < 0 {
		_, err := p.w.Write(doc.Bytes())
		return err
	}
	bw := streamBuf(p.w)
	bw.Write(doc.Bytes()[:at+len(empty)-1])
	var one bytes.Buffer
	renc := json.NewEncoder(&one)
	renc.SetIndent(sarifResultIndent, "  ")
	renc.SetEscapeHTML(false)
	var artifact sarifArtifact
	artifactOf := ""
	for i := 0; i < held.Len(); i++ {
		f := held.At(i)
		if i == 0 || f.File != artifactOf {
			artifact, artifactOf = sarifArtifactOf(f.File, p.workDir), f.File
		}
		one.Reset()
		if err := renc.Encode(p.result(f, index[f.Rule], artifact)); err != nil {
			return err
		}
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n" + sarifResultIndent)
		bw.Write(bytes.TrimSuffix(one.Bytes(), []byte("\n")))
	}
	bw.WriteString("\n      ")
	bw.Write(doc.Bytes()[at+len(empty)-1:])
	return bw.Flush()
}

// sarifResultIndent is where a result sits in the log: runs[0].results[i].
const sarifResultIndent = "        "

func (p *sarifPrinter) result(f lint.Finding, idx int, artifact sarifArtifact) sarifResult {
	line, col := max(f.Line, 1), max(f.Column, 1) // SARIF §3.30.5: 1-based
	msg := f.Message
	if who := subject(f); who != "" {
		msg = who + ": " + msg
	}
	r := sarifResult{
		RuleID:    f.Rule,
		RuleIndex: idx,
		Level:     sarifLevel(f.Severity),
		Message:   sarifText{Text: msg},
		Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
			ArtifactLocation: artifact,
			Region:           sarifRegion{StartLine: line, StartColumn: col},
		}}},
		PartialFingerprints: map[string]string{"whichflowFingerprint/v1": f.Fingerprint},
		Properties:          &sarifResultProps{Client: f.Client, Scope: string(scopeOf(f)), Refs: f.Refs},
	}
	if s := f.Suppressed; s != nil {
		r.Suppressions = []sarifSuppression{{Kind: s.Kind, Status: "accepted", Justification: s.Reason}}
	}
	return r
}
