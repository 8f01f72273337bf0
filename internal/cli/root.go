package cli

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/MakeNowJust/heredoc"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
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

// builtinCommands are the ones cobra adds to the full tree.
var builtinCommands = []string{"help", "completion"}

// NewCmdRoot builds the whole command tree. Without a subcommand, whichflow
// is `advise`: on a terminal that means the questionnaire.
func NewCmdRoot(f *Factory) *cobra.Command { return newRoot(f, "") }

// rootOnly is commandNamed's answer for a command line that runs the root
// itself (whichflow --client spa): only advise is built.
const rootOnly = "advise"

// versionOnly is commandNamed's answer for `whichflow --version` (or -v)
// alone: the root prints its version and needs no subcommand, so advise,
// whose flags cost ~4% of that start-up, is not built.
const versionOnly = "--version"

// commandNamed returns the only subcommand a command line needs: the one it
// starts with, advise when it names none (the root runs advise), none for
// the version flag alone, or "" (the whole tree) for help, completion and
// docs.
func commandNamed(args []string) string {
	if len(args) == 0 {
		return rootOnly
	}
	if len(args) == 1 && (args[0] == "--version" || args[0] == "-v") {
		return versionOnly
	}
	for _, c := range commands {
		if c.name == args[0] {
			if c.wantsTree {
				return ""
			}
			return c.name
		}
	}
	for _, a := range args {
		switch {
		case a == "-h", a == "--help", a == "--", slices.Contains(builtinCommands, a), strings.HasPrefix(a, "__complete"):
			return ""
		}
	}
	return rootOnly
}

// newRoot builds the root command with every subcommand, or with only the
// one named: a command line that names its command does not pay for
// building the others (start-up is measured, DESIGN §6).
func newRoot(f *Factory, only string) *cobra.Command {
	var advise *cobra.Command
	root := &cobra.Command{
		Use:   "whichflow [advise flags]",
		Short: "Choose, configure and keep an OAuth 2.0 / OpenID Connect flow correct",
		Long: heredoc.Doc(`
			whichflow asks a few questions about an OAuth client and recommends the flow
			that today's standards (RFC 9700, OAuth 2.1, RFC 8252, RFC 10017) say to use,
			explains what is deprecated and why, prints starter requests, lints the client
			configurations you keep in Git, and scaffolds new ones.

			Run without a command, whichflow is 'whichflow advise' and takes its flags; on a
			terminal it asks its questions one at a time.
		`),
		Example: heredoc.Doc(`
			$ whichflow
			$ whichflow --client spa
			$ whichflow advise --client spa --format json
			$ whichflow flows
		`),
		Version:       f.versionLine(),
		SilenceErrors: true,
		SilenceUsage:  true,
		Args:          rootArgs,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			return validateFlags(cmd)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			advise.SetContext(cmd.Context())
			return advise.RunE(advise, args)
		},
	}
	root.SetFlagErrorFunc(flagErrorFunc)
	root.SetVersionTemplate("{{.Version}}\n")
	root.CompletionOptions.HiddenDefaultCmd = false

	for _, c := range commands {
		if only != "" && c.name != only {
			continue
		}
		cmd := c.build(f)
		if c.name == rootOnly {
			advise = cmd
			// The root takes every advise flag (DESIGN §2: whichflow [advise
			// flags]); the flags are shared, so advise sees what was set.
			root.Flags().AddFlagSet(cmd.Flags())
		}
		root.AddCommand(cmd)
	}
	if only == "" {
		root.SetHelpCommand(newCmdHelp(root))
		// cobra builds its completion command lazily; in the full tree,
		// build it now to type its errors and give it examples.
		root.InitDefaultCompletionCmd()
		if c, _, err := root.Find([]string{"completion"}); err == nil && c != root {
			typeCompletionCmd(c)
		}
	} else {
		// A command line that names its command never needs completion;
		// cobra would otherwise build that subtree on every run.
		root.CompletionOptions.DisableDefaultCmd = true
	}
	typeArgsErrors(root)
	polishHelp(root, func() int { return f.IOStreams.TerminalWidth(helpWidth) }, only == "")
	return root
}

// rootArgs refuses positional arguments with a suggestion: a mistyped
// command (whichflow lnt) or a boolean value given apart (--browser false).
func rootArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	names := slices.Clone(builtinCommands)
	for _, c := range commands {
		names = append(names, c.name)
	}
	return &FlagError{Usage: true, Err: fmt.Errorf("unknown command %q for %q%s%s", args[0], cmd.CommandPath(), didYouMean(args[0], names), boolHint(cmd, args[0]))}
}

// typeArgsErrors makes every command's argument errors FlagErrors (exit 2
// with a usage hint), adding the boolean-value hint to cobra's own.
func typeArgsErrors(c *cobra.Command) {
	if c.Args != nil && c.HasParent() {
		validate := c.Args
		c.Args = func(cmd *cobra.Command, args []string) error {
			err := validate(cmd, args)
			if err == nil {
				return nil
			}
			msg := err.Error()
			if len(args) > 0 {
				msg += boolHint(cmd, args[len(args)-1])
			}
			return &FlagError{Usage: true, Err: fmt.Errorf("%s", msg)}
		}
	}
	for _, sub := range c.Commands() {
		typeArgsErrors(sub)
	}
}

// boolHint explains a stray "true" or "false": a boolean flag takes its
// value only after "=" (pflag reads "--browser false" as --browser and an
// argument "false").
func boolHint(cmd *cobra.Command, arg string) string {
	if _, err := strconv.ParseBool(arg); err != nil {
		return ""
	}
	var set []string
	cmd.Flags().Visit(func(fl *pflag.Flag) {
		if fl.NoOptDefVal != "" && fl.Value.Type() == "bool" {
			set = append(set, fl.Name)
		}
	})
	if len(set) == 1 {
		return fmt.Sprintf("; a boolean flag takes its value after '=': --%s=%s", set[0], arg)
	}
	return fmt.Sprintf("; a boolean flag takes its value after '=' (--flag=%s)", arg)
}

// newCmdHelp is cobra's help command with an unknown topic as an error
// (exit 2, with a suggestion) instead of help and exit 0.
func newCmdHelp(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		Long:  "Help provides help for any command in the application.\nSimply type whichflow help [path to command] for full details.",
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			cmd, _, err := root.Find(args)
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var out []string
			for _, sub := range cmd.Commands() {
				if sub.IsAvailableCommand() && strings.HasPrefix(sub.Name(), toComplete) {
					out = append(out, sub.Name()+"\t"+sub.Short)
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := root.Find(args)
			if err != nil || len(rest) > 0 {
				var names []string
				for _, sub := range cmd.Commands() {
					names = append(names, sub.Name())
				}
				topic := strings.Join(args, " ")
				if len(rest) > 0 {
					topic = rest[0]
				}
				return &FlagError{Usage: true, Err: fmt.Errorf("unknown help topic %q%s", topic, didYouMean(topic, names))}
			}
			return cmd.Help()
		},
	}
}

// typeCompletionCmd makes `completion SHELL` with an unknown shell exit 2
// (cobra prints the help and exits 0), and gives the command examples.
func typeCompletionCmd(c *cobra.Command) {
	c.Example = "  $ source <(whichflow completion bash)\n  $ whichflow completion zsh > \"${fpath[1]}/_whichflow\"\n  $ whichflow completion fish > ~/.config/fish/completions/whichflow.fish"
	c.Args = cobra.ArbitraryArgs
	c.RunE = func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return cmd.Help()
		}
		var shells []string
		for _, sub := range cmd.Commands() {
			shells = append(shells, sub.Name())
		}
		return &FlagError{Usage: true, Err: fmt.Errorf("unknown shell %q: whichflow completes %s%s", args[0], strings.Join(shells, ", "), didYouMean(args[0], shells))}
	}
}
