package cli

import (
	"github.com/MakeNowJust/heredoc"
	"github.com/spf13/cobra"
)

// NewCmdRoot builds the whole command tree. Without a subcommand, whichflow
// is `advise`: on a terminal that means the questionnaire.
func NewCmdRoot(f *Factory) *cobra.Command {
	advise := NewCmdAdvise(f, nil)
	root := &cobra.Command{
		Use:   "whichflow",
		Short: "Choose, configure and keep an OAuth 2.0 / OpenID Connect flow correct",
		Long: heredoc.Doc(`
			whichflow asks a few questions about an OAuth client and recommends the flow
			that today's standards (RFC 9700, OAuth 2.1, RFC 8252, RFC 10017) say to use,
			explains what is deprecated and why, prints starter requests, lints the client
			configurations you keep in Git, and scaffolds new ones.

			Run without a command on a terminal, whichflow asks its questions one at a time.
		`),
		Example: heredoc.Doc(`
			$ whichflow
			$ whichflow advise --client spa --format json
			$ whichflow flows
		`),
		Version:       f.Version,
		SilenceErrors: true,
		SilenceUsage:  true,
		Args:          cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return advise.RunE(advise, args)
		},
	}
	root.SetFlagErrorFunc(flagErrorFunc)
	root.SetVersionTemplate("whichflow {{.Version}}\n")
	root.CompletionOptions.HiddenDefaultCmd = false

	root.AddCommand(advise)
	root.AddCommand(NewCmdFlows(f, nil))
	root.AddCommand(NewCmdScaffold(f, nil))
	root.AddCommand(NewCmdSnippet(f, nil))
	root.AddCommand(NewCmdDocs(f, nil))
	root.AddCommand(NewCmdLint(f, nil))
	root.AddCommand(NewCmdRules(f, nil))
	root.AddCommand(NewCmdVersion(f))
	return root
}
