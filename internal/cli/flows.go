package cli

import (
	"encoding/json"

	"github.com/spf13/cobra"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/iostreams"
)

// FlowsOptions are the inputs of `whichflow flows`.
type FlowsOptions struct {
	IO     *iostreams.IOStreams
	Format string
}

// NewCmdFlows builds `whichflow flows`.
func NewCmdFlows(f *Factory, runF func(*FlowsOptions) error) *cobra.Command {
	opts := &FlowsOptions{IO: f.IOStreams}
	cmd := &cobra.Command{
		Use:     "flows",
		Short:   "List the flows whichflow knows, with their status",
		Example: "  $ whichflow flows\n  $ whichflow flows --format json | jq -r '.flows[] | select(.status==\"deprecated\") | .id'",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return flowsRun(opts)
		},
	}
	enumFlag(cmd, &opts.Format, "format", "text", []string{"text", "json"}, "output format")
	return cmd
}

// schemaVersion is the version of every JSON document whichflow prints
// (DESIGN §2); it changes only when a field changes meaning or goes away.
const schemaVersion = 1

// flowsJSON is `flows --format json`: {"schema_version": 1, "flows": [...]}.
type flowsJSON struct {
	SchemaVersion int        `json:"schema_version"`
	Flows         []flowJSON `json:"flows"`
}

type flowJSON struct {
	ID        flows.FlowID `json:"id"`
	Name      string       `json:"name"`
	GrantType string       `json:"grant_type"`
	Status    flows.Status `json:"status"`
	Summary   string       `json:"summary"`
	WhenToUse string       `json:"when_to_use"`
	Refs      []string     `json:"refs"`
}

func flowsRun(opts *FlowsOptions) error {
	if opts.Format == "json" {
		out := flowsJSON{SchemaVersion: schemaVersion, Flows: []flowJSON{}}
		for _, fl := range flows.Flows() {
			out.Flows = append(out.Flows, flowJSON{fl.ID, fl.Name, fl.GrantType, fl.Status, fl.Summary, fl.WhenToUse, flows.RefStrings(fl.Refs)})
		}
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	s := newStyles(opts.IO.ColorEnabled())
	rows := [][]cell{{plain("FLOW"), plain("STATUS"), plain("GRANT TYPE")}}
	for _, fl := range flows.Flows() {
		status := plain(string(fl.Status))
		switch fl.Status {
		case flows.Deprecated:
			status.style = s.bad
		case flows.Recommended:
			status.style = s.good
		}
		rows = append(rows, []cell{plain(string(fl.ID)), status, plain(fl.GrantType)})
	}
	return writeTable(opts.IO.Out, rows)
}
