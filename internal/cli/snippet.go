package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/MakeNowJust/heredoc"
	"github.com/spf13/cobra"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/discovery"
	"github.com/whichflow/whichflow/internal/iostreams"
	"github.com/whichflow/whichflow/internal/snippet"
)

// SnippetOptions are snippet's inputs.
type SnippetOptions struct {
	IO *iostreams.IOStreams
	// Metadata reads the issuer's discovery document; only called with --issuer.
	Metadata func(ctx context.Context, issuer string) (discovery.Metadata, error)
	// FindServer finds the authorization server from the resource; only
	// called with --resource and without --issuer.
	FindServer func(ctx context.Context, resource string) (discovery.Found, error)

	Flow        string
	Lang        string
	Provider    string
	Issuer      string
	ClientID    string
	RedirectURI string
	Scope       string
	Audience    string
	LoginHint   string
	Resource    string
	KeyAuth     bool
	Security    string
	Format      string
	// Params are the provider endpoint template values (--realm, ...).
	Params map[string]string
}

var snippetFormats = []string{"text", "markdown"}

// NewCmdSnippet builds `whichflow snippet`.
func NewCmdSnippet(f *Factory, runF func(*SnippetOptions) error) *cobra.Command {
	opts := &SnippetOptions{IO: f.IOStreams, Params: map[string]string{}}
	opts.Metadata = func(ctx context.Context, issuer string) (discovery.Metadata, error) {
		return fetchMetadata(ctx, f, issuer)
	}
	opts.FindServer = func(ctx context.Context, resource string) (discovery.Found, error) {
		return fetchResource(ctx, f, resource)
	}
	params := map[string]*string{}
	cmd := &cobra.Command{
		Use:   "snippet --flow FLOW",
		Short: "Print a starter request for a flow (curl, httpie, Go, JavaScript, Python)",
		Long: heredoc.Doc(`
			Print a starter program that performs a flow against a real server: a
			runnable POSIX sh script for curl and httpie, a Go program using
			golang.org/x/oauth2, a Node (>= 20) module using fetch, or a Python 3
			script using only the standard library.

			Secrets are never flag values: snippets read CLIENT_SECRET, key files and
			tokens from the environment, and say which. Authorization code snippets
			create the PKCE verifier and challenge (S256) and state, print the
			authorization URL and read the redirect URL from standard input; device
			and CIBA snippets poll with the server's interval and handle slow_down.

			Endpoints come from the server's discovery document with --issuer, else
			from the --provider's documented endpoint templates (with --realm,
			--tenant, --domain, ... filled in; placeholders when absent). Without
			--issuer or --resource, snippet makes no network access.

			--resource URL sends that resource indicator on the authorization request
			and every token request (RFC 8707), so the token is for that resource
			only. Without --issuer, the authorization server is found from the
			resource itself, as an MCP client does: its 401 WWW-Authenticate
			resource_metadata or its well-known protected resource metadata (RFC 9728),
			whose resource must be the one given, then that server's discovery
			document with the --issuer checks. Without --scope, the scope is the
			resource's (its 401 challenge's, else its scopes_supported).

			--security high adds pushed authorization requests (PAR), private_key_jwt
			client authentication and DPoP-bound tokens.
		`),
		Example: heredoc.Doc(`
			# client credentials against Keycloak, run at once
			$ whichflow snippet --flow client-credentials --provider keycloak --base-url https://id.example.com --realm main --client-id batch | CLIENT_SECRET=... sh

			# a CLI's login, endpoints from discovery
			$ whichflow snippet --flow authorization-code --issuer https://id.example.com --client-id my-cli --lang python > login.py

			# FAPI-style: PAR + private_key_jwt + DPoP, for a design doc
			$ whichflow snippet --flow authorization-code --security high --lang js --format markdown

			# an MCP client: the server found from the resource, a token for it alone
			$ whichflow snippet --flow authorization-code --resource https://mcp.example.com/mcp --client-id https://app.example.com/oauth/client-metadata.json --redirect-uri http://127.0.0.1/callback --lang python
		`),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			for name, p := range params {
				if cmd.Flags().Changed(name) {
					opts.Params[name] = *p
				}
			}
			if opts.Flow == "" {
				return FlagErrorf("--flow is required: one of %s", strings.Join(flows.FlowIDs(), ", "))
			}
			if runF != nil {
				return runF(opts)
			}
			return snippetRun(cmd.Context(), opts)
		},
	}
	enumFlag(cmd, &opts.Flow, "flow", "", flows.FlowIDs(), "the flow")
	enumFlag(cmd, &opts.Lang, "lang", flows.LangCurl, flows.SnippetLangs(), "language")
	enumFlag(cmd, &opts.Provider, "provider", "", flows.ProviderIDs(), "authorization server product: fills its endpoints and states its gaps")
	cmd.Flags().StringVar(&opts.Issuer, "issuer", "", "read endpoints from this issuer's discovery document (`URL`)")
	cmd.Flags().StringVar(&opts.ClientID, "client-id", "", "the client ID (default \""+snippet.DefaultClientID+"\")")
	cmd.Flags().StringVar(&opts.RedirectURI, "redirect-uri", "", "the registered redirect URI (default \""+snippet.DefaultRedirectURI+"\")")
	cmd.Flags().StringVar(&opts.Scope, "scope", "", "space-separated scopes to request")
	cmd.Flags().StringVar(&opts.Audience, "audience", "", "the API the token is for (token exchange; Auth0's API identifier)")
	cmd.Flags().StringVar(&opts.LoginHint, "login-hint", "", "the user to authenticate (CIBA)")
	cmd.Flags().StringVar(&opts.Resource, "resource", "", "the resource the token is for (`URL`, RFC 8707); without --issuer, its metadata names the server (RFC 9728)")
	cmd.Flags().BoolVar(&opts.KeyAuth, "private-key-jwt", false, "authenticate the client with private_key_jwt (CLIENT_KEY_FILE), as a hosted agent does; --security high and CIBA imply it")
	enumFlag(cmd, &opts.Security, "security", flows.SecurityStandard, []string{flows.SecurityStandard, flows.SecurityHigh}, "high adds PAR, private_key_jwt and DPoP")
	enumFlag(cmd, &opts.Format, "format", "text", snippetFormats, "output format")
	addTimeoutFlag(cmd, f)
	for _, name := range flows.ParamNames() {
		p := new(string)
		params[name] = p
		cmd.Flags().StringVar(p, name, "", paramHelp(name))
	}
	return cmd
}

// paramHelp lists which providers use an endpoint template parameter.
func paramHelp(name string) string {
	var uses []string
	for _, p := range flows.Providers() {
		for _, x := range p.Params {
			if x.Name == name {
				uses = append(uses, fmt.Sprintf("%s: %s", p.ID, x.Help))
			}
		}
	}
	return "endpoint template value (" + strings.Join(uses, "; ") + ")"
}

func snippetRun(ctx context.Context, opts *SnippetOptions) error {
	in := snippetInput(opts)
	if err := discoverServer(ctx, &in, opts.Issuer, opts.Metadata, opts.FindServer); err != nil {
		return err
	}
	req, err := snippet.Resolve(in)
	if err != nil {
		return snippetError(err)
	}
	out, err := snippet.Render(req)
	if err != nil {
		return snippetError(err)
	}
	_, err = opts.IO.Out.Write([]byte(out))
	return err
}

// snippetInput is the flags as a snippet.Input (without the metadata).
func snippetInput(opts *SnippetOptions) snippet.Input {
	return snippet.Input{
		Flow: flows.FlowID(opts.Flow), Lang: opts.Lang, Markdown: opts.Format == "markdown",
		Provider: opts.Provider, Params: opts.Params,
		ClientID: opts.ClientID, RedirectURI: opts.RedirectURI, Scope: opts.Scope,
		Audience: opts.Audience, LoginHint: opts.LoginHint, High: opts.Security == flows.SecurityHigh,
		Resource: opts.Resource, KeyAuth: opts.KeyAuth,
	}
}

// snippetError makes a request snippet cannot serve (a bad value, a
// provider gap) a usage error: exit 2.
func snippetError(err error) error {
	var bad *snippet.Error
	var gap *snippet.UnsupportedError
	if errors.As(err, &bad) || errors.As(err, &gap) {
		return &FlagError{Err: err}
	}
	return err
}

// discoveryError is exit 130 when the user interrupted the fetch, else exit
// 2: the issuer is unusable (unreachable, mismatched, unsafe endpoints).
func discoveryError(err error) error {
	if errors.Is(err, context.Canceled) {
		return ErrCancel
	}
	return &FlagError{Err: err}
}
