package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/MakeNowJust/heredoc"
	"github.com/spf13/cobra"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/atomicfile"
	"github.com/whichflow/whichflow/internal/iostreams"
	"github.com/whichflow/whichflow/internal/lint"
	"github.com/whichflow/whichflow/internal/report"
	"github.com/whichflow/whichflow/internal/safetext"
)

// LintOptions are the inputs of `whichflow lint`.
type LintOptions struct {
	IO      *iostreams.IOStreams
	Version string

	Paths          []string
	Format         string
	Output         string
	FailOn         string
	Profile        string
	IncludeBuiltin bool
	Baseline       string
	WriteBaseline  string
	Verbose        bool
	Config         string
	StdinFilename  string
	// Explain is a rule ID to explain instead of linting (staticcheck's
	// -explain): the same text as 'whichflow rules RULE'.
	Explain string
}

// stdinPath is the path that means standard input (lint -).
const stdinPath = "-"

var failOnValues = []string{"error", "warning", "note", "never"}

// NewCmdLint builds `whichflow lint`.
func NewCmdLint(f *Factory, runF func(*LintOptions) error) *cobra.Command {
	opts := &LintOptions{IO: f.IOStreams, Version: f.Version}
	cmd := &cobra.Command{
		Use:   "lint [PATH...]",
		Short: "Lint OAuth client configurations",
		Long: heredoc.Doc(`
			Lint OAuth 2.0 / OIDC client configurations: Keycloak realm exports, Auth0
			Deploy CLI files, Terraform (keycloak, okta, auth0, graviteeam), Spring, RFC 7591
			/ Hydra clients, OpenAPI security schemes, Gravitee AM applications and domains,
			and whichflow.yaml.

			Directories are searched (skipping .git, node_modules and vendor); files in
			formats whichflow does not read are skipped (listed with -v). Each finding
			names the file, line, client and rule; 'whichflow rules RULE' explains a rule.

			Suppress a finding with a comment where the format allows one
			  # whichflow:ignore redirect-wildcard reason="preview envs" expires=2027-03-01
			or with an entry in .whichflow.yaml:
			  ignore: [{rule: redirect-wildcard, client: "preview-*", path: "keycloak/*.json", reason: "..."}]

			Exit status: 0 when nothing is at or above --fail-on, 1 when something is,
			2 for usage errors and unreadable paths.
		`),
		Example: heredoc.Doc(`
			$ whichflow lint
			$ whichflow lint keycloak/realm.json terraform/
			$ whichflow lint --format sarif --output whichflow.sarif .
			$ whichflow lint --fail-on warning --profile high
			$ kubectl get secret realm -o jsonpath='{.data.realm\.json}' | base64 -d | whichflow lint - --stdin-filename realm.json
			$ whichflow lint --write-baseline .whichflow-baseline.json && whichflow lint --baseline .whichflow-baseline.json
			$ whichflow lint --explain redirect-wildcard
		`),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if opts.Explain != "" {
				if len(args) > 0 {
					return FlagErrorf("--explain prints a rule's explanation and lints nothing: give no path")
				}
				return rulesRun(&RulesOptions{IO: opts.IO, Rule: opts.Explain, Format: "text"})
			}
			if slices.Contains(args, stdinPath) && len(args) > 1 {
				return FlagErrorf("lint - reads one configuration from standard input: give no other path")
			}
			if opts.StdinFilename != "" && !slices.Contains(args, stdinPath) {
				return FlagErrorf("--stdin-filename names standard input: use it with lint -")
			}
			if runF != nil {
				return runF(opts)
			}
			return lintRun(cmd, opts)
		},
	}
	enumFlag(cmd, &opts.Format, "format", "text", report.Formats, "output format")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write the report to `FILE` instead of standard output")
	enumFlag(cmd, &opts.FailOn, "fail-on", "error", failOnValues, "exit 1 when a finding is at or above this severity")
	enumFlag(cmd, &opts.Profile, "profile", lint.ProfileStandard, []string{lint.ProfileStandard, lint.ProfileHigh}, "rule profile (high adds the FAPI 2.0 rules)")
	cmd.Flags().BoolVar(&opts.IncludeBuiltin, "include-builtin", false, "also lint Keycloak's built-in clients (account, admin-cli, ...)")
	cmd.Flags().StringVar(&opts.Baseline, "baseline", "", "ignore findings recorded in this baseline `FILE`")
	cmd.Flags().StringVar(&opts.WriteBaseline, "write-baseline", "", "record the current findings in a baseline `FILE`")
	cmd.Flags().BoolVarP(&opts.Verbose, "verbose", "v", false, "list skipped files on standard error")
	cmd.Flags().StringVar(&opts.StdinFilename, "stdin-filename", "", "with lint -, the `NAME` of the configuration read from standard input (in reports, and to recognise its format)")
	cmd.Flags().StringVar(&opts.Explain, "explain", "", "explain the rule `ID` (as 'whichflow rules ID') instead of linting")
	_ = cmd.RegisterFlagCompletionFunc("explain", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return flows.RuleIDs(), cobra.ShellCompDirectiveNoFileComp
	})
	cmd.Flags().StringVar(&opts.Config, "config", "", "suppressions `FILE` for every path (default: the nearest .whichflow.yaml from each linted path up to the repository root)")
	return cmd
}

func lintRun(cmd *cobra.Command, opts *LintOptions) error {
	lo := lint.Options{Paths: opts.Paths, Profile: opts.Profile, IncludeBuiltin: opts.IncludeBuiltin, Config: opts.Config,
		SoftMemoryLimit: true}
	if opts.Baseline != "" {
		f, err := os.Open(opts.Baseline)
		if err != nil {
			return FlagErrorf("--baseline: %v", err)
		}
		b, err := lint.ReadBaseline(f)
		f.Close()
		if err != nil {
			return FlagErrorf("--baseline %s: %v", opts.Baseline, err)
		}
		lo.Baseline = b
	}
	if len(opts.Paths) == 1 && opts.Paths[0] == stdinPath {
		in, err := readStdinConfig(opts)
		if err != nil {
			return err
		}
		lo.Paths, lo.Stdin = nil, in
	}
	toStdout := opts.Output == "" || opts.Output == "-"
	wd, _ := os.Getwd()
	var out io.Writer = opts.IO.Out
	var file *lazyFile
	if !toStdout {
		file = &lazyFile{path: opts.Output}
		defer file.abort()
		out = file
	}
	p, err := report.New(opts.Format, out, report.Options{Color: toStdout && opts.IO.ColorEnabled(), Version: opts.Version, WorkDir: wd})
	if err != nil {
		return &FlagError{Err: err}
	}
	// Text, JSON and GitHub reports are written while lint runs, so memory
	// does not grow with the number of files; SARIF and JUnit need the
	// whole result, and so does a baseline being written.
	st, streaming := p.(report.Streamer)
	streaming = streaming && opts.WriteBaseline == ""
	if streaming {
		if err := st.Begin(); err != nil {
			return err
		}
		lo.Stream = st.Finding
	}
	res, err := lint.Run(cmd.Context(), lo)
	var pe *lint.PathError
	var ce *lint.ConfigError
	if errors.As(err, &pe) || errors.As(err, &ce) {
		return &FlagError{Err: err}
	}
	if err != nil {
		return err
	}
	for _, s := range res.Skipped {
		if opts.Verbose || s.Notable {
			fmt.Fprintf(opts.IO.ErrOut, "skipped %s: %s\n", safetext.Line(s.Path), safetext.Line(s.Reason))
		}
	}
	for _, a := range res.AllRules {
		fmt.Fprintf(opts.IO.ErrOut, "note: %s suppresses every rule (rule: \"*\", reason: %s): %d findings suppressed\n",
			safetext.Line(a.Location), safetext.Line(a.Reason), a.Suppressed)
	}

	if streaming {
		err = st.End(res)
	} else {
		err = p.Print(res)
	}
	if err != nil {
		return err
	}
	if file != nil {
		if err := file.commit(); err != nil {
			return err
		}
	}

	if opts.WriteBaseline != "" {
		var b bytes.Buffer
		if err := lint.WriteBaseline(&b, res.Findings); err != nil {
			return err
		}
		if err := atomicfile.Write(opts.WriteBaseline, b.Bytes()); err != nil {
			return err
		}
		fmt.Fprintf(opts.IO.ErrOut, "wrote %s (%d findings)\n", safetext.Line(opts.WriteBaseline), len(res.Findings)-countSuppressed(res.Findings))
		return nil
	}
	if res.Fails(opts.FailOn) {
		return &ExitError{Code: ExitFindings}
	}
	return nil
}

// readStdinConfig reads lint -'s configuration, never more than lint reads
// of a file.
func readStdinConfig(opts *LintOptions) (*lint.Input, error) {
	name := opts.StdinFilename
	if name == "" {
		name = "<stdin>"
	}
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(io.LimitReader(opts.IO.In, lint.DefaultMaxFileSize+1)); err != nil {
		return nil, FlagErrorf("lint -: cannot read standard input: %v", err)
	}
	if buf.Len() > lint.DefaultMaxFileSize {
		return nil, FlagErrorf("lint -: standard input is larger than %d MiB, the most lint reads of a configuration", lint.DefaultMaxFileSize>>20)
	}
	return &lint.Input{Name: name, Data: buf.Bytes()}, nil
}

// lazyFile is --output's file: created (atomically, in its directory) on
// the first write, so a run that fails before writing leaves no trace,
// and moved into place by commit.
type lazyFile struct {
	path string
	w    *atomicfile.Writer
}

func (f *lazyFile) Write(p []byte) (int, error) {
	if f.w == nil {
		w, err := atomicfile.Create(f.path)
		if err != nil {
			return 0, err
		}
		f.w = w
	}
	return f.w.Write(p)
}

func (f *lazyFile) commit() error {
	if f.w == nil { // nothing was written: an empty report file
		if _, err := f.Write(nil); err != nil {
			return err
		}
	}
	return f.w.Commit()
}

func (f *lazyFile) abort() {
	if f.w != nil {
		f.w.Abort()
	}
}

func countSuppressed(fs []lint.Finding) int {
	n := 0
	for _, f := range fs {
		if f.Suppressed != nil {
			n++
		}
	}
	return n
}
