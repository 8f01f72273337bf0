package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

// enumValue is a string flag limited to a set of values; the values appear
// in the usage text and in shell completion (gh's StringEnumFlag).
type enumValue struct {
	p      *string
	values []string
}

func (e *enumValue) String() string { return *e.p }
func (e *enumValue) Type() string   { return "string" }
func (e *enumValue) Set(v string) error {
	if !slices.Contains(e.values, v) {
		return fmt.Errorf("valid values are %s%s", strings.Join(e.values, ", "), didYouMean(v, e.values))
	}
	*e.p = v
	return nil
}

// enumFlag adds --name with allowed values to cmd.
func enumFlag(cmd *cobra.Command, p *string, name, def string, values []string, usage string) {
	*p = def
	cmd.Flags().Var(&enumValue{p: p, values: values}, name, fmt.Sprintf("%s: %s", usage, strings.Join(values, ", ")))
	_ = cmd.RegisterFlagCompletionFunc(name, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	})
}
