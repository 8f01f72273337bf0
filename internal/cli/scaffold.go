package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/MakeNowJust/heredoc"
	"github.com/spf13/cobra"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/atomicfile"
	"github.com/whichflow/whichflow/internal/scaffold"
)

// ScaffoldOptions are scaffold's inputs.
type ScaffoldOptions struct {
	AnswerOptions

	Format       string
	Name         string
	ClientID     string
	JWKSURI      string
	RedirectURIs []string
	Write        string
	Force        bool
}

// NewCmdScaffold builds `whichflow scaffold`.
func NewCmdScaffold(f *Factory, runF func(*ScaffoldOptions) error) *cobra.Command {
	opts := &ScaffoldOptions{AnswerOptions: AnswerOptions{IO: f.IOStreams}}
	cmd := &cobra.Command{
		Use:   "scaffold --as FORMAT",
		Short: "Write the client registration for the recommendation, as config-as-code",
		Long: heredoc.Docf(`
			Print the client registration for the recommended flow in your own
			config-as-code format, secure by construction: exact redirect URIs
			(placeholders when none are given), PKCE S256 enforced where the format
			can say so, no implicit or password grant, rotating refresh tokens for
			public clients, private_key_jwt and PAR for --security high. Secrets never
			appear: the output references variables (var.client_secret,
			${CLIENT_SECRET_BCRYPT}, ##CLIENT_SECRET##) or lets the server generate them.

			The answer flags and questions are advise's. A format that cannot express
			the recommendation exits 2 and says what to do instead. Notes about
			settings a format cannot declare per client go to stderr.

			Formats (--as):%s
		`, describeScaffoldFormats()),
		Example: heredoc.Doc(`
			# a browser-only SPA as a Keycloak client
			$ whichflow scaffold --as keycloak --client spa --redirect-uri https://app.example.com/callback

			# a machine client for Terraform, written to a file
			$ whichflow scaffold --as terraform-okta --client machine --write okta/machine.tf

			# FAPI-style web app registered dynamically (RFC 7591)
			$ whichflow scaffold --as rfc7591 --client web --security high

			# an MCP client's client ID metadata document, to publish at its client_id
			$ whichflow scaffold --as client-metadata --client agent --client-id https://app.example.com/oauth/client-metadata.json --redirect-uri http://127.0.0.1/callback
		`),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.collect(cmd)
			if opts.Format == "" {
				return FlagErrorf("--as is required: one of %s", strings.Join(flows.ScaffoldFormatIDs(), ", "))
			}
			if opts.Force && opts.Write == "" {
				return FlagErrorf("--force only applies with --write FILE")
			}
			if err := providerFromFormat(opts); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return scaffoldRun(cmd.Context(), opts)
		},
	}
	addAnswerFlags(cmd, &opts.AnswerOptions)
	// Discovery checks the advice, not the registration: advise --issuer.
	_ = cmd.Flags().MarkHidden("issuer")
	_ = cmd.Flags().MarkHidden("resource")
	enumFlag(cmd, &opts.Format, "as", "", flows.ScaffoldFormatIDs(), "configuration format to write")
	cmd.Flags().StringVar(&opts.Name, "name", "", "display name of the client (default from --client)")
	cmd.Flags().StringVar(&opts.ClientID, "client-id", "", "client identifier (default my-<client>; for --as client-metadata, required: the https URL the document is served at)")
	cmd.Flags().StringVar(&opts.JWKSURI, "jwks-uri", "", "where a private_key_jwt client publishes its public keys (https `URL`; default a placeholder)")
	cmd.Flags().StringArrayVar(&opts.RedirectURIs, "redirect-uri", nil, "exact redirect `URI` (repeatable; default: a placeholder)")
	cmd.Flags().StringVar(&opts.Write, "write", "", "write to `FILE` atomically instead of stdout")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "with --write, overwrite an existing file")
	return cmd
}

// providerFromFormat answers the provider question from --as: a Keycloak
// or Auth0 format is for that server, so it is not asked, and another
// --provider is a contradiction.
func providerFromFormat(opts *ScaffoldOptions) error {
	sf, ok := flows.ScaffoldFormatByID(flows.Format(opts.Format))
	if !ok || sf.Provider == "" {
		return nil
	}
	if p, set := opts.Answers[flows.FacetProvider]; set && p != sf.Provider {
		return FlagErrorf("--as %s writes a registration for %s: --provider %s contradicts it (drop --provider, or choose a format for %s)", opts.Format, sf.Provider, p, p)
	}
	opts.Answers[flows.FacetProvider] = sf.Provider
	return nil
}

func describeScaffoldFormats() string {
	var b strings.Builder
	for _, sf := range flows.ScaffoldFormats() {
		fmt.Fprintf(&b, "\n  %-19s %s", sf.Format, sf.Name)
	}
	return b.String()
}

func scaffoldRun(ctx context.Context, opts *ScaffoldOptions) error {
	d, err := decide(ctx, &opts.AnswerOptions)
	if err != nil {
		return err
	}
	format := flows.Format(opts.Format)
	params := scaffold.Params{Name: opts.Name, ClientID: opts.ClientID, RedirectURIs: opts.RedirectURIs, JWKSURI: opts.JWKSURI}
	out, err := scaffold.Render(d, format, params)
	if err != nil {
		if scaffold.IsUnsupported(err) {
			return &FlagError{Err: err}
		}
		return err
	}
	// Notes follow a successful write: a refused --write prints only why.
	if opts.Write != "" {
		if err := writeFileNoClobber(opts.Write, out, opts.Force); err != nil {
			return err
		}
	}
	for _, n := range scaffold.Notes(d, format, params) {
		fmt.Fprintf(opts.IO.ErrOut, "note: %s\n", n)
	}
	if opts.Write == "" {
		_, err := opts.IO.Out.Write(out)
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "✓ wrote %s\n", opts.Write)
	return nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// writeFileNoClobber writes data atomically; without force an existing file
// is refused.
func writeFileNoClobber(path string, data []byte, force bool) error {
	write := atomicfile.WriteNew
	if force {
		write = atomicfile.Write
	}
	err := write(path, data)
	switch {
	case errors.Is(err, fs.ErrExist):
		return FlagErrorf("%s already exists: use --force to overwrite it", path)
	case err != nil:
		return FlagErrorf("cannot write %s: %v", path, unwrapPath(err))
	}
	return nil
}
