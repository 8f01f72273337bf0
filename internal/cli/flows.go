package cli

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

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
		Example: "  $ whichflow flows\n  $ whichflow flows --format json | jq -r '.[] | select(.status==\"deprecated\") | .id'",
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
		var out []flowJSON
		for _, fl := range flows.Flows() {
			out = append(out, flowJSON{fl.ID, fl.Name, fl.GrantType, fl.Status, fl.Summary, fl.WhenToUse, flows.RefStrings(fl.Refs)})
		}
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	s := newStyles(opts.IO.ColorEnabled())
	tw := tabwriter.NewWriter(opts.IO.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "FLOW\tSTATUS\tGRANT TYPE")
	for _, fl := range flows.Flows() {
		status := string(fl.Status)
		switch fl.Status {
		case flows.Deprecated:
			status = s.bad(status)
		case flows.Recommended:
			status = s.good(status)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", fl.ID, status, fl.GrantType)
	}
	return tw.Flush()
}
