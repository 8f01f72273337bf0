package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/MakeNowJust/heredoc"
	"github.com/spf13/cobra"

	"github.com/whichflow/whichflow/advisor"
	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/discovery"
	"github.com/whichflow/whichflow/internal/iostreams"
	"github.com/whichflow/whichflow/internal/prompt"
	"github.com/whichflow/whichflow/internal/snippet"
)

// asker asks one question; the huh adapter in internal/prompt satisfies it
// (and is an io.Closer: closing restores the terminal).
type asker interface {
	Ask(f flows.Facet) (string, error)
}

// AnswerOptions are the questionnaire's inputs, shared by every command
// that takes the answer flags (advise, scaffold).
type AnswerOptions struct {
	IO     *iostreams.IOStreams
	Prompt func(ctx context.Context) asker

	Answers     advisor.Answers // from flags
	AnswersFile string
	Issuer      string
	// Resource is the resource the client's tokens are for (RFC 8707);
	// without Issuer, its metadata names the server (RFC 9728).
	Resource   string
	Accessible bool
	// Lang is the language of the starter snippet shown with text and
	// markdown advice.
	Lang string

	values map[string]*string
}

// AdviseOptions are advise's inputs.
type AdviseOptions struct {
	AnswerOptions
	// Metadata reads the issuer's discovery document; only called with
	// --issuer, once: its checks and the snippet share the result.
	Metadata func(ctx context.Context, issuer string) (discovery.Metadata, error)
	// FindServer finds the server from --resource (without --issuer), once.
	FindServer func(ctx context.Context, resource string) (discovery.Found, error)
	Format     string
	NoPager    bool
}

// addAnswerFlags registers one flag per facet plus --answers, --issuer and
// --accessible on cmd. Call opts.collect in RunE.
func addAnswerFlags(cmd *cobra.Command, opts *AnswerOptions) {
	opts.Answers = advisor.Answers{}
	opts.values = map[string]*string{}
	opts.Prompt = func(ctx context.Context) asker {
		return prompt.New(ctx, opts.IO, opts.Accessible || opts.IO.Accessible())
	}
	for _, facet := range flows.Facets() {
		p := new(string)
		opts.values[facet.ID] = p
		if facet.Bool {
			cmd.Flags().Var(&boolString{p: p}, facet.ID, facet.Help)
			cmd.Flags().Lookup(facet.ID).NoOptDefVal = "true"
		} else {
			enumFlag(cmd, p, facet.ID, "", facet.Values(), facet.Help)
		}
		if facet.Default != "" {
			// Asked on a terminal; the default is what nobody answering means.
			cmd.Flags().Lookup(facet.ID).Usage += " (default when not asked: " + facet.Default + ")"
		}
	}
	cmd.Flags().StringVar(&opts.AnswersFile, "answers", "", "read answers from a YAML or JSON `FILE` with the same keys as the flags (- for standard input)")
	cmd.Flags().StringVar(&opts.Issuer, "issuer", "", "check the advice against this issuer's discovery document (`URL`)")
	cmd.Flags().StringVar(&opts.Resource, "resource", "", "the resource (`URL`) the client's tokens are for (RFC 8707); without --issuer, check the advice against the server its metadata names (RFC 9728)")
	cmd.Flags().BoolVar(&opts.Accessible, "accessible", false, "ask questions in plain numbered prompts for screen readers (also ACCESSIBLE=1)")
}

// collect copies the facet flags the user set into opts.Answers.
func (opts *AnswerOptions) collect(cmd *cobra.Command) {
	for id, p := range opts.values {
		if cmd.Flags().Changed(id) {
			opts.Answers[id] = *p
		}
	}
}

// Output formats of advise.
var adviseFormats = []string{"text", "json", "markdown"}

// NewCmdAdvise builds `whichflow advise`.
func NewCmdAdvise(f *Factory, runF func(*AdviseOptions) error) *cobra.Command {
	opts := &AdviseOptions{AnswerOptions: AnswerOptions{IO: f.IOStreams}}
	opts.Metadata = func(ctx context.Context, issuer string) (discovery.Metadata, error) {
		return fetchMetadata(ctx, f, issuer)
	}
	opts.FindServer = func(ctx context.Context, resource string) (discovery.Found, error) {
		return fetchResource(ctx, f, resource)
	}
	cmd := &cobra.Command{
		Use:   "advise",
		Short: "Recommend an OAuth 2.0 / OIDC flow for a client",
		Long: heredoc.Docf(`
			Recommend a flow from a few answers about the client, with the reasons,
			the caveats and their RFC references, the tempting flows that are rejected
			and why, and the client metadata to register (RFC 7591).

			On a terminal, missing answers are asked one question at a time. Elsewhere
			--client is required and the other answers take their defaults, which the
			output lists as assumed.

			Client situations (--client):%s
		`, describeValues(mustFacet(flows.FacetClient))),
		Example: heredoc.Doc(`
			# ask the questions
			$ whichflow advise

			# a browser-only single-page app, for scripts
			$ whichflow advise --client spa --format json

			# a CLI that runs over SSH, checked against a real server
			$ whichflow advise --client cli --browser=false --issuer https://id.example.com/realms/main

			# an MCP client, checked against the server the MCP server names
			$ whichflow advise --client agent --resource https://mcp.example.com/mcp

			# answers kept in a file
			$ whichflow advise --answers client.yaml --format markdown > docs/auth.md
		`),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.collect(cmd)
			if runF != nil {
				return runF(opts)
			}
			return adviseRun(cmd.Context(), opts)
		},
	}
	addAnswerFlags(cmd, &opts.AnswerOptions)
	enumFlag(cmd, &opts.Format, "format", "text", adviseFormats, "output format")
	enumFlag(cmd, &opts.Lang, "lang", flows.LangCurl, flows.SnippetLangs(), "language of the starter snippet shown with text and markdown advice")
	cmd.Flags().BoolVar(&opts.NoPager, "no-pager", false, "never page the advice (on a terminal, tall advice goes through $WHICHFLOW_PAGER, $PAGER or less -FRX)")
	addTimeoutFlag(cmd, f)
	return cmd
}

func mustFacet(id string) flows.Facet {
	f, ok := flows.FacetByID(id)
	if !ok {
		panic("unknown facet " + id)
	}
	return f
}

// boolString is a boolean flag stored as "true"/"false" so that answers from
// flags, files and prompts share one representation.
type boolString struct{ p *string }

func (b *boolString) String() string { return *b.p }
func (b *boolString) Type() string   { return "bool" }
func (b *boolString) IsBoolFlag() bool {
	return true
}
func (b *boolString) Set(v string) error {
	switch strings.ToLower(v) {
	case "true", "1", "yes":
		*b.p = "true"
	case "false", "0", "no":
		*b.p = "false"
	default:
		return fmt.Errorf("expected true or false")
	}
	return nil
}

// gatherAnswers merges the answers file, flags and, when a human can answer,
// the questionnaire. Flags win over the file.
func gatherAnswers(ctx context.Context, opts *AnswerOptions) (advisor.Answers, error) {
	answers := advisor.Answers{}
	if opts.AnswersFile != "" {
		fromFile, servers, err := readAnswersFile(opts.AnswersFile, opts.IO.In)
		if err != nil {
			return nil, err
		}
		answers = fromFile
		// Flags win over the file, as for the facets.
		if opts.Issuer == "" {
			opts.Issuer = servers.Issuer
		}
		if opts.Resource == "" {
			opts.Resource = servers.Resource
		}
	}
	for k, v := range opts.Answers {
		answers[k] = v
	}
	if err := advisor.Validate(answers); err != nil {
		return nil, &FlagError{Err: err}
	}
	if opts.Issuer != "" || opts.Resource != "" {
		if _, ok := answers[flows.FacetProvider]; !ok {
			// endpoints and capabilities come from discovery instead.
			answers[flows.FacetProvider] = flows.ProviderGeneric
		}
	}
	// --answers - has read standard input: nobody is left to answer there.
	if (opts.IO.CanPrompt() || opts.Accessible) && opts.AnswersFile != answersStdin {
		if err := ask(ctx, opts, answers); err != nil {
			return nil, err
		}
	}
	if answers[flows.FacetClient] == "" {
		return nil, FlagErrorf("--client is required when whichflow cannot ask (not a terminal): one of %s\n(or give an answers file with --answers FILE)",
			strings.Join(mustFacet(flows.FacetClient).Values(), ", "))
	}
	return answers, nil
}

// ask asks the questions that still matter, one at a time.
func ask(ctx context.Context, opts *AnswerOptions, answers advisor.Answers) error {
	var a asker
	defer func() {
		if c, ok := a.(io.Closer); ok {
			c.Close()
		}
	}()
	for {
		facet, more := advisor.Next(answers)
		if !more {
			return nil
		}
		if a == nil {
			a = opts.Prompt(ctx)
		}
		v, err := a.Ask(facet)
		var noAnswer *prompt.NoAnswerError
		switch {
		case errors.As(err, &noAnswer):
			return FlagErrorf("%s: answer it with --%s (one of %s)", err, facet.ID, strings.Join(facet.Values(), ", "))
		case errors.Is(err, prompt.ErrAborted):
			return ErrCancel
		case err != nil:
			return err
		}
		answers[facet.ID] = v
	}
}

func adviseRun(ctx context.Context, opts *AdviseOptions) error {
	d, err := decide(ctx, &opts.AnswerOptions)
	if err != nil {
		return err
	}
	in := snippet.Input{Resource: opts.Resource}
	if err := discoverServer(ctx, &in, opts.Issuer, opts.Metadata, opts.FindServer); err != nil {
		return err
	}
	switch {
	case in.Metadata != nil:
		disc := in.Metadata.Discovery()
		disc.Resource = opts.Resource
		d.ApplyDiscovery(disc)
	case in.Found != nil:
		d.ApplyDiscovery(in.Found.Discovery())
	}
	// The next snippet command is the starter printed below, in --lang.
	starter := d.Snippet(opts.Lang)
	d.Next[0] = starter.Command()
	var out bytes.Buffer
	writeAdvice(&out, opts.IO.ColorEnabled(), opts.Format, d)
	if opts.Format != "json" {
		writeAdviceSnippet(&out, opts, d, starter, in)
	}
	if opts.NoPager {
		opts.IO.SetPager("")
	}
	return opts.IO.WritePaged(out.Bytes())
}

// writeAdviceSnippet appends the starter snippet for the recommendation
// (the same as `whichflow snippet`, see d.Next) to text and markdown advice.
// in carries what discovery found.
func writeAdviceSnippet(w *bytes.Buffer, opts *AdviseOptions, d advisor.Decision, starter advisor.SnippetArgs, in snippet.Input) {
	in.Flow, in.Lang, in.Markdown = starter.Flow, starter.Lang, opts.Format == "markdown"
	in.Provider, in.High, in.RedirectURI, in.ClientID = starter.Provider, starter.Security == flows.SecurityHigh, starter.RedirectURI, starter.ClientID
	in.KeyAuth = starter.KeyAuth
	var out string
	req, err := snippet.Resolve(in)
	if err == nil {
		out, err = snippet.Render(req)
	}
	if err != nil {
		out = "No starter snippet: " + err.Error() + "\n"
	}
	if opts.Format == "markdown" {
		out = "\n### Starter request\n\n" + out
	} else {
		out = "\nStarter request (" + opts.Lang + "; the same as: " + d.Next[0] + ")\n\n" + out
	}
	w.WriteString(out)
}

// decide gathers the answers (asking when a human can answer) and returns
// the advisor's decision.
func decide(ctx context.Context, opts *AnswerOptions) (advisor.Decision, error) {
	answers, err := gatherAnswers(ctx, opts)
	if err != nil {
		return advisor.Decision{}, err
	}
	d, err := advisor.Decide(answers)
	if err != nil {
		return advisor.Decision{}, &FlagError{Err: err}
	}
	return d, nil
}

func writeAdvice(w *bytes.Buffer, color bool, format string, d advisor.Decision) {
	switch format {
	case "json":
		w.Write(d.IndentedJSON())
	case "markdown":
		w.WriteString(adviceMarkdown(d))
	default:
		w.WriteString(adviceText(d, newStyles(color)))
	}
}
