package cli

import (
	"github.com/MakeNowJust/heredoc"
	"github.com/spf13/cobra"
)

// commands are the subcommands in help order, each built on demand; those
// that read the whole command tree (docs) always get it.
var commands = []struct {
	name      string
	build     func(f *Factory) *cobra.Command
	wantsTree bool
}{
	{"advise", func(f *Factory) *cobra.Command { return NewCmdAdvise(f, nil) }, false},
	{"flows", func(f *Factory) *cobra.Command { return NewCmdFlows(f, nil) }, false},
	{"scaffold", func(f *Factory) *cobra.Command { return NewCmdScaffold(f, nil) }, false},
	{"snippet", func(f *Factory) *cobra.Command { return NewCmdSnippet(f, nil) }, false},
	{"docs", func(f *Factory) *cobra.Command { return NewCmdDocs(f, nil) }, true},
	{"lint", func(f *Factory) *cobra.Command { return NewCmdLint(f, nil) }, false},
	{"rules", func(f *Factory) *cobra.Command { return NewCmdRules(f, nil) }, false},
	{"version", func(f *Factory) *cobra.Command { return NewCmdVersion(f) }, false},
}

// NewCmdRoot builds the whole command tree. Without a subcommand, whichflow
// is `advise`: on a terminal that means the questionnaire.
func NewCmdRoot(f *Factory) *cobra.Command { return newRoot(f, "") }

// commandNamed returns the subcommand a command line starts with, if any.
func commandNamed(args []string) string {
	if len(args) == 0 {
		return ""
	}
	for _, c := range commands {
		if c.name == args[0] && !c.wantsTree {
			return c.name
		}
	}
	return ""
}

// newRoot builds the root command with every subcommand, or with only the
// one named: a command line that names its command does not pay for
// building the others (start-up is measured, DESIGN §6).
func newRoot(f *Factory, only string) *cobra.Command {
	var advise *cobra.Command
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
			if advise == nil {
				advise = NewCmdAdvise(f, nil)
			}
			return advise.RunE(advise, args)
		},
	}
	root.SetFlagErrorFunc(flagErrorFunc)
	root.SetVersionTemplate("whichflow {{.Version}}\n")
	root.CompletionOptions.HiddenDefaultCmd = false

	for _, c := range commands {
		if only != "" && c.name != only {
			continue
		}
		cmd := c.build(f)
		if c.name == "advise" {
			advise = cmd
		}
		root.AddCommand(cmd)
	}
	// cobra builds its completion command lazily; in the full tree, build it
	// now to give it examples too.
	if only == "" {
		root.InitDefaultCompletionCmd()
	} else {
		// A command line that names its command never needs completion;
		// cobra would otherwise build that subtree on every run.
		root.CompletionOptions.DisableDefaultCmd = true
	}
	if c, _, err := root.Find([]string{"completion"}); err == nil && c != root {
		c.Example = "  $ source <(whichflow completion bash)\n  $ whichflow completion zsh > \"${fpath[1]}/_whichflow\"\n  $ whichflow completion fish > ~/.config/fish/completions/whichflow.fish"
	}
	return root
}
