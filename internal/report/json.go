package report

import (
	"encoding/json"
	"io"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/lint"
)

// jsonPrinter prints DESIGN §2's stable lint JSON (schema_version 1).
// Suppressed findings are left out, as they are from the summary.
type jsonPrinter struct{ w io.Writer }

type jsonFinding struct {
	Rule     string   `json:"rule"`
	Severity string   `json:"severity"`
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	Client   string   `json:"client"`
	Scope    string   `json:"scope"`
	Message  string   `json:"message"`
	Refs     []string `json:"refs"`
}

type jsonReport struct {
	SchemaVersion int           `json:"schema_version"`
	Findings      []jsonFinding `json:"findings"`
	Summary       lint.Summary  `json:"summary"`
}

func (p *jsonPrinter) Print(res *lint.Result) error {
	out := jsonReport{SchemaVersion: 1, Findings: []jsonFinding{}, Summary: res.Summary()}
	for _, f := range visible(res.Findings) {
		refs := f.Refs
		if refs == nil {
			refs = []string{}
		}
		out.Findings = append(out.Findings, jsonFinding{Rule: f.Rule, Severity: string(f.Severity), File: f.File,
			Line: f.Line, Column: f.Column, Client: f.Client, Scope: string(scopeOf(f)), Message: f.Message, Refs: refs})
	}
	enc := json.NewEncoder(p.w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// scopeOf is the finding's scope, "client" unless lint said realm.
func scopeOf(f lint.Finding) flows.Scope {
	if f.Scope == flows.ScopeRealm {
		return flows.ScopeRealm
	}
	return flows.ScopeClient
}
