package flows

import (
	"embed"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/rogpeppe/go-internal/txtar"
)

// Rank orders lint severities (the values of --fail-on and SARIF levels):
// error 3, warning 2, note 1, anything else 0.
func (s Severity) Rank() int {
	switch s {
	case SeverityError:
		return 3
	case SeverityWarning:
		return 2
	case SeverityNote:
		return 1
	}
	return 0
}

// Example is one good or bad configuration snippet for a rule, in one
// format's own syntax. Bad examples make the rule fire; good ones do not.
type Example struct {
	Format Format
	Good   bool
	// Name is a file name with the format's usual extension
	// ("realm.json", "main.tf", "application.yml"), so the example can be
	// fed to the reader as it is.
	Name string
	Text string
	// WantLine and WantCol are where a bad example makes the rule fire
	// (1-based; WantCol 0 when only the line is pinned), written in the
	// txtar header as `-- FORMAT/bad.EXT want LINE[:COL] --`, like
	// analysistest's `// want`. The tests check the finding is there.
	WantLine, WantCol int
}

// Rule is a lint rule: metadata here, the check itself in internal/lint,
// keyed by ID.
type Rule struct {
	// ID is the stable kebab-case identifier used in findings, suppressions
	// and --format json. IDs are never reused.
	ID    string
	Title string
	// Severity is the rule's default (and, today, only) severity.
	Severity Severity
	// Caveat names the advice caveat the rule enforces, if any: its text
	// opens the rationale and its references lead the rule's, so advice,
	// lint and docs change together.
	Caveat CaveatID
	// Rationale says why the configuration is a problem (after the
	// caveat's text, when there is one).
	Rationale string
	// Remediation says what to change; it ends with a period.
	Remediation string
	Refs        []Ref
	// Scope is what the rule's findings are about: one client, a realm or
	// tenant, or (rules the engine raises itself) a file or a suppression.
	Scope Scope
	// Formats are the input formats the rule applies to.
	Formats []Format
	// ScopeIn gives a format's scopes where they differ from Scope: a rule
	// about one concern may check a realm-level setting in one format and a
	// client's in another (refresh-reuse-allowed: the Keycloak realm, the
	// Auth0 client), or both in one (weak-signing-alg in Keycloak). See
	// ScopesIn.
	ScopeIn map[Format][]Scope
	// Profile is the profile the rule belongs to: standard rules run in
	// every profile, high (FAPI 2.0) rules only with `lint --profile high`.
	Profile Profile
	// Flowless: the rule applies also to clients that start no OAuth flow
	// (Keycloak bearer-only clients), which every other rule skips.
	Flowless bool
	// Examples are loaded from rules/<ID>.txtar.
	Examples []Example
}

// ExamplesFor returns the rule's good and bad examples in format f.
func (r Rule) ExamplesFor(f Format) (good, bad []Example) {
	for _, e := range r.Examples {
		if e.Format != f {
			continue
		}
		if e.Good {
			good = append(good, e)
		} else {
			bad = append(bad, e)
		}
	}
	return good, bad
}

// Scope is what a rule's findings are about.
type Scope string

const (
	// ScopeClient rules check one client registration.
	ScopeClient Scope = "client"
	// ScopeRealm rules check a realm or tenant's settings (Keycloak realm,
	// terraform keycloak_realm, Auth0 tenant); the finding's client is the
	// realm's name.
	ScopeRealm Scope = "realm"
	// ScopeFile rules are raised by the lint engine itself about a file
	// (invalid-config) or a suppression; no check runs them per client.
	ScopeFile Scope = "file"
)

// Profile is a lint rule profile, the values of `lint --profile`.
type Profile string

const (
	ProfileStandard Profile = "standard"
	ProfileHigh     Profile = "high"
)

// Profiles lists the profiles, weakest first.
func Profiles() []Profile { return []Profile{ProfileStandard, ProfileHigh} }

// Includes reports whether a run with profile p runs the rules of profile
// q: every profile runs the standard rules, high adds its own.
func (p Profile) Includes(q Profile) bool { return q == ProfileStandard || q == p }

// Target is what a rule may run on. Zero fields mean "any": the docs ask
// about a format alone, SARIF about a profile, lint about one client.
type Target struct {
	Format Format `json:"format,omitempty"`
	// Scope: ScopeClient for a client, ScopeRealm for a realm.
	Scope Scope `json:"scope,omitempty"`
	// Profile is the run's profile.
	Profile Profile `json:"profile,omitempty"`
	// Flowless marks a client that starts no OAuth flow (Keycloak
	// bearer-only): only Flowless rules apply to it.
	Flowless bool `json:"flowless,omitempty"`
}

// ScopesIn are the scopes the rule checks in format f: ScopeIn's entry for
// f, else Scope.
func (r Rule) ScopesIn(f Format) []Scope {
	if s, ok := r.ScopeIn[f]; ok {
		return s
	}
	return []Scope{r.Scope}
}

// hasScope reports whether the rule checks scope s in some format (f "")
// or in format f.
func (r Rule) hasScope(f Format, s Scope) bool {
	if f != "" {
		return slices.Contains(r.ScopesIn(f), s)
	}
	if len(r.Formats) == 0 {
		return r.Scope == s
	}
	for _, g := range r.Formats {
		if slices.Contains(r.ScopesIn(g), s) {
			return true
		}
	}
	return false
}

// AppliesTo is the one decision of where a rule applies: lint runs a
// rule's check on a client or realm only where it says so, and SARIF
// rules, JUnit cases, `whichflow rules` and the docs list what it says.
func (r Rule) AppliesTo(t Target) bool {
	if t.Format != "" && !slices.Contains(r.Formats, t.Format) && !slices.Contains(r.Formats, dialectOf[t.Format]) {
		return false
	}
	if t.Scope != "" && !r.hasScope(t.Format, t.Scope) {
		return false
	}
	if t.Profile != "" && !t.Profile.Includes(r.Profile) {
		return false
	}
	return !t.Flowless || r.Flowless
}

// dialectOf maps a format read with another's semantics to that format,
// whose rules (and examples) apply to it as well: a client ID metadata
// document is RFC 7591 metadata.
var dialectOf = map[Format]Format{FormatClientMetadata: FormatRFC7591}

// RulesFor lists the rules that apply to t, in catalog order.
func RulesFor(t Target) []Rule {
	var out []Rule
	for _, r := range loadRules() {
		if r.AppliesTo(t) {
			out = append(out, r)
		}
	}
	return out
}

// Rule IDs the lint engine refers to.
const (
	RuleImplicitGrant            = "implicit-grant"
	RuleROPC                     = "ropc"
	RulePublicClientNoPKCE       = "public-client-no-pkce"
	RuleConfidentialClientNoPKCE = "confidential-client-no-pkce"
	RuleRedirectWildcard         = "redirect-wildcard"
	RuleRedirectHTTP             = "redirect-http-non-loopback"
	RuleCCOnPublicClient         = "client-credentials-on-public-client"
	RuleCommittedSecret          = "committed-secret"
	RuleAmbiguousClientType      = "ambiguous-client-type"
	RulePublicRefreshNoRotation  = "public-refresh-no-rotation"
	RuleKindMismatch             = "kind-mismatch"
	RuleInvalidConfig            = "invalid-config"
	RuleSuppressionNoReason      = "suppression-without-reason"
	RuleSuppressionExpired       = "suppression-expired"
	RuleSuppressionUnknownRule   = "suppression-unknown-rule"
	RuleFAPIPAR                  = "fapi-par-required"
	RuleFAPIClientAuth           = "fapi-client-auth"
	RuleFAPIPublicClient         = "fapi-public-client"
	RuleFAPISenderConstrained    = "fapi-sender-constrained"
	RuleFAPIPKCES256             = "fapi-pkce-s256"
	RuleClientMetadataSecret     = "client-metadata-shared-secret"
)

// SuppressionDocs is whichflow's own page on suppressing findings, cited by
// the suppression hygiene rules.
var SuppressionDocs = Doc{"whichflow lint: suppressions", "https://github.com/whichflow/whichflow/blob/main/docs/lint.md#suppressions"}

// Format groups used by several rules.
var (
	allFormats = []Format{FormatRFC7591, FormatKeycloak, FormatTerraformKeycloak, FormatTerraformOkta,
		FormatTerraformAuth0, FormatAuth0, FormatSpring, FormatGravitee, FormatOpenAPI, FormatWhichflow,
		FormatTerraformGravitee}
	// registrationFormats describe registrations with redirect URIs,
	// client types and secrets (everything but OpenAPI).
	registrationFormats = []Format{FormatRFC7591, FormatKeycloak, FormatTerraformKeycloak, FormatTerraformOkta,
		FormatTerraformAuth0, FormatAuth0, FormatSpring, FormatGravitee, FormatWhichflow}
	// commentFormats can carry inline `whichflow:ignore` comments (YAML, HCL).
	commentFormats = []Format{FormatRFC7591, FormatTerraformKeycloak, FormatTerraformOkta, FormatTerraformAuth0,
		FormatAuth0, FormatSpring, FormatOpenAPI, FormatWhichflow, FormatTerraformGravitee}
	// redirectFormats describe registrations with redirect URIs and client
	// types: registrationFormats, and graviteeam_application, which holds
	// no secret (AM computes client_secret).
	redirectFormats = append(slices.Clip(registrationFormats), FormatTerraformGravitee)
)

var rules = []Rule{
	{
		ID:       RuleImplicitGrant,
		Title:    "Implicit grant or a token-bearing response type is enabled",
		Severity: SeverityError,
		Scope:    ScopeClient,
		Profile:  ProfileStandard,
		Caveat:   "implicit-removed",
		Rationale: "Browser history, Referer headers, logs and injected scripts can read the fragment, and nothing " +
			"binds the token to the client that asked for it. Every response type that issues access tokens at the " +
			"authorization endpoint (`token`, `id_token token`, `code token`) carries the same risk, and RFC 10017 " +
			"forbids them for browser-based apps.",
		Remediation: "Disable the implicit grant and any `token` / `id_token token` response type; use the authorization code grant with PKCE S256 (behind a backend-for-frontend for sensitive single-page apps).",
		Refs:        []Ref{RFC9700.S("2.1.2"), OAuth21.S("10"), RFC10017.S("7.2")},
		Formats: []Format{FormatRFC7591, FormatKeycloak, FormatTerraformKeycloak, FormatTerraformOkta,
			FormatTerraformAuth0, FormatAuth0, FormatGravitee, FormatOpenAPI, FormatWhichflow, FormatTerraformGravitee},
	},
	{
		ID:       RuleROPC,
		Title:    "Resource owner password credentials grant is enabled",
		Severity: SeverityError,
		Scope:    ScopeClient,
		Profile:  ProfileStandard,
		Caveat:   "password-must-not",
		Rationale: "It also trains users to type their password outside the authorization server. Every switch that " +
			"turns the grant on counts: Keycloak's Direct Access Grants, Auth0's password-realm grant.",
		Remediation: "Turn the password grant off (Keycloak: Direct Access Grants) and sign users in with the authorization code grant and PKCE; for machine access use client credentials.",
		Refs:        []Ref{RFC9700.S("2.4"), OAuth21.S("10"), RFC10017.S("7.3")},
		Formats:     allFormats,
	},
	{
		ID:       RulePublicClientNoPKCE,
		Title:    "Public client uses the code flow without enforced PKCE S256",
		Severity: SeverityError,
		Scope:    ScopeClient,
		Profile:  ProfileStandard,
		Rationale: "A public client cannot authenticate at the token endpoint, so an intercepted authorization code " +
			"can be redeemed by anyone unless PKCE binds it to the client's verifier. RFC 9700 says public clients " +
			"MUST use PKCE, and `plain` exposes the verifier; where the configuration can enforce S256, it should.",
		Remediation: "Enforce PKCE with the S256 method for this client (Keycloak attribute `pkce.code.challenge.method: S256`, Terraform `pkce_code_challenge_method = \"S256\"`, Okta `pkce_required = true`, Gravitee `forcePKCE` and `forceS256CodeChallengeMethod`).",
		Refs:        []Ref{RFC9700.S("2.1.1"), OAuth21.S("4.1.1"), RFC7636.S("4.2"), RFC8252.S("6")},
		Formats:     []Format{FormatKeycloak, FormatTerraformKeycloak, FormatTerraformOkta, FormatGravitee, FormatTerraformGravitee},
	},
	{
		ID:       RuleConfidentialClientNoPKCE,
		Title:    "Confidential client uses the code flow without PKCE",
		Severity: SeverityNote,
		Scope:    ScopeClient,
		Profile:  ProfileStandard,
		Caveat:   "pkce-for-confidential",
		Rationale: "RFC 9700 recommends PKCE for confidential clients and OAuth 2.1 requires it unless the server " +
			"is sure the client checks `nonce`.",
		Remediation: "Require PKCE S256 for this client too (Keycloak `pkce.code.challenge.method: S256`, Spring Authorization Server `require-proof-key: true`, Okta `pkce_required = true`, Gravitee `forcePKCE`).",
		Refs:        []Ref{RFC9700.S("2.1.1"), OAuth21.S("7.5.1")},
		Formats:     []Format{FormatKeycloak, FormatTerraformKeycloak, FormatTerraformOkta, FormatSpring, FormatGravitee, FormatTerraformGravitee},
	},
	{
		ID:       RuleRedirectWildcard,
		Title:    "Redirect URI contains a wildcard",
		Severity: SeverityError,
		Scope:    ScopeClient,
		Profile:  ProfileStandard,
		Caveat:   "exact-redirect-uris",
		Rationale: "Authorization servers must compare redirect URIs exactly. A wildcard lets an attacker choose a " +
			"redirect target the pattern happens to match (`https://example.com*` matches `https://example.com.evil.io`), " +
			"and receive codes or tokens there.",
		Remediation: "Register every redirect URI exactly, one entry per environment; loopback ports are the only part that may vary (RFC 8252 §7.3).",
		Refs:        []Ref{RFC9700.S("2.1"), RFC9700.S("4.1.3"), OAuth21.S("4.1.1")},
		Formats:     redirectFormats,
	},
	{
		ID:       RuleRedirectHTTP,
		Title:    "Plain-http redirect URI on a host other than loopback",
		Severity: SeverityError,
		Scope:    ScopeClient,
		Profile:  ProfileStandard,
		Caveat:   "exact-redirect-uris",
		Rationale: "Authorization responses carry codes and sometimes tokens; over plain http anyone on the path can " +
			"read them. RFC 9700 forbids http redirect URIs except loopback redirects of native apps.",
		Remediation: "Use https for every redirect URI; native apps and CLIs use `http://127.0.0.1:{port}` or `http://[::1]:{port}` loopback redirects.",
		Refs:        []Ref{RFC9700.S("2.6"), RFC8252.S("7.3"), RFC8252.S("8.3")},
		Formats:     redirectFormats,
	},
	{
		ID:       RuleCCOnPublicClient,
		Title:    "Client credentials grant on a public client",
		Severity: SeverityError,
		Scope:    ScopeClient,
		Profile:  ProfileStandard,
		Caveat:   "client-credentials-confidential-only",
		Rationale: "The grant authenticates the client itself; a public client has no credentials, so anyone who " +
			"knows its client ID could get its tokens.",
		Remediation: "Register machine-to-machine access as a separate confidential client (preferably with `private_key_jwt` or mTLS) and remove client credentials / service accounts from the public client.",
		Refs:        []Ref{RFC6749.S("4.4"), RFC6749.S("2.1")},
		Formats:     redirectFormats,
	},
	{
		ID:       RuleCommittedSecret,
		Title:    "Client secret or key committed in the configuration",
		Severity: SeverityWarning,
		Scope:    ScopeClient,
		Profile:  ProfileStandard,
		Flowless: true,
		Rationale: "A secret in a file in version control is readable by everyone with access to the repository, its " +
			"forks, CI logs and backups, for as long as the history exists. Placeholders such as `${VAR}`, `@@KEY@@`, " +
			"`##KEY##`, `<...>` and Keycloak's `**********` mask are not reported.",
		Remediation: "Replace the literal with a reference resolved at deploy time (environment variable, Terraform variable, vault lookup), rotate the exposed secret, and prefer `private_key_jwt` or mTLS over shared secrets.",
		Refs:        []Ref{RFC6749.S("10.1"), RFC9700.S("2.5")},
		Formats:     registrationFormats,
	},
	{
		ID:       RuleAmbiguousClientType,
		Title:    "Registration is both public and secret-authenticated",
		Severity: SeverityWarning,
		Scope:    ScopeClient,
		Profile:  ProfileStandard,
		Rationale: "A client is either public or confidential. A registration that allows `none` as well as a " +
			"secret-based method lets anyone act as the client without its secret, so the secret protects nothing, " +
			"while readers of the configuration believe the client is confidential.",
		Remediation: "Decide the client type: for a public client keep only `none` and drop the secret; for a confidential client remove `none` (and the public switch).",
		Refs:        []Ref{RFC6749.S("2.1"), RFC7591.S("2"), RFC10017.S("6.3")},
		Formats: []Format{FormatRFC7591, FormatKeycloak, FormatTerraformKeycloak, FormatTerraformAuth0, FormatAuth0,
			FormatSpring, FormatGravitee, FormatWhichflow},
	},
	{
		ID:       RulePublicRefreshNoRotation,
		Title:    "Public client gets refresh tokens without rotation or sender constraint",
		Severity: SeverityWarning,
		Scope:    ScopeClient,
		Profile:  ProfileStandard,
		Caveat:   "public-refresh-rotation",
		Rationale: "Otherwise a refresh token leaked from a public client works for anyone until it expires, and " +
			"nobody notices the reuse of a stolen one.",
		Remediation: "Turn on refresh token rotation for this client (Auth0 `rotation_type: rotating`, Okta `refresh_token_rotation = \"ROTATE\"`, Keycloak realm `revokeRefreshToken: true`, Gravitee: leave rotation enabled) or bind refresh tokens with DPoP.",
		Refs:        []Ref{RFC9700.S("2.2.2"), RFC9700.S("4.14.2"), OAuth21.S("4.3")},
		Formats:     []Format{FormatKeycloak, FormatAuth0, FormatTerraformAuth0, FormatTerraformOkta, FormatGravitee, FormatTerraformGravitee},
	},
	{
		ID:       RuleKindMismatch,
		Title:    "Declared grants do not fit the client's kind",
		Severity: SeverityError,
		Scope:    ScopeClient,
		Profile:  ProfileStandard,
		Rationale: "whichflow.yaml states what kind of client this is (`kind:`, the `advise --client` values). A " +
			"declared grant that `whichflow advise` rejects for that kind (implicit for a spa, password for a " +
			"trusted app, client credentials for a service acting for users) contradicts the team's own decision.",
		Remediation: "Remove the rejected grant and register what `whichflow advise --client KIND` recommends, or correct `kind:` if the client is something else.",
		Refs:        []Ref{RFC9700.S("2.1.2"), RFC9700.S("2.4"), RFC8693.S("1.1")},
		Formats:     []Format{FormatWhichflow},
	},
	{
		ID:       RuleInvalidConfig,
		Title:    "Configuration file cannot be read",
		Severity: SeverityError,
		Scope:    ScopeFile,
		Profile:  ProfileStandard,
		Rationale: "The file looks like a client configuration whichflow reads, but it does not parse (or is too " +
			"large to read safely), so none of its clients were checked and the deployment tool will probably " +
			"reject it too.",
		Remediation: "Fix the syntax error at the reported line (or split the file below the size cap) and run `whichflow lint` again.",
		Refs:        []Ref{RFC7591.S("2")},
		Formats:     allFormats,
	},
	{
		ID:       RuleSuppressionNoReason,
		Title:    "Suppression without a reason",
		Severity: SeverityWarning,
		Scope:    ScopeFile,
		Profile:  ProfileStandard,
		Rationale: "A suppression hides a finding from everyone after its author; without a reason nobody can tell " +
			"later whether it is still justified. The suppression still applies; this finding asks for the reason.",
		Remediation: "Add `reason=\"...\"` to the `whichflow:ignore` comment (or `reason:` to the `.whichflow.yaml` entry), and an `expires=YYYY-MM-DD` date if the exception is temporary.",
		Refs:        []Ref{SuppressionDocs.S("reasons")},
		Formats:     commentFormats,
	},
	{
		ID:       RuleSuppressionExpired,
		Title:    "Suppression has expired",
		Severity: SeverityNote,
		Scope:    ScopeFile,
		Profile:  ProfileStandard,
		Rationale: "A suppression carried an `expires` date that has passed, so it no longer hides the findings it " +
			"named; they are reported again.",
		Remediation: "Fix the findings the suppression covered, or renew it with a new `expires` date and an updated reason.",
		Refs:        []Ref{SuppressionDocs.S("expiry")},
		Formats:     commentFormats,
	},
	{
		ID:       RuleSuppressionUnknownRule,
		Title:    "Suppression names a rule that does not exist",
		Severity: SeverityWarning,
		Scope:    ScopeFile,
		Profile:  ProfileStandard,
		Rationale: "A suppression matches findings by rule ID. An ID whichflow does not have, usually a typo, " +
			"suppresses nothing, so the finding its author meant to silence is still reported while the comment " +
			"suggests it was dealt with.",
		Remediation: "Correct the rule ID (`whichflow rules` lists them) or remove the suppression.",
		Refs:        []Ref{SuppressionDocs.S("suppressions")},
		Formats:     commentFormats,
	},
	{
		ID:       RuleFAPIPAR,
		Title:    "FAPI 2.0: pushed authorization requests not required",
		Severity: SeverityError,
		Scope:    ScopeClient,
		Profile:  ProfileHigh,
		Rationale: "FAPI 2.0 requires every authorization request to be pushed (PAR) and client-authenticated, so " +
			"request parameters cannot be tampered with in the browser and the server knows the client before the " +
			"user sees a login page.",
		Remediation: "Require PAR for the client (`require_pushed_authorization_requests: true`, Keycloak attribute `require.pushed.authorization.requests`, Gravitee `requireParRequest`).",
		Refs:        []Ref{FAPI2.S("5.3.2.2"), RFC9126.S("6")},
		Formats:     []Format{FormatRFC7591, FormatKeycloak, FormatGravitee},
	},
	{
		ID:       RuleFAPIClientAuth,
		Title:    "FAPI 2.0: client authenticates with a shared secret",
		Severity: SeverityError,
		Scope:    ScopeClient,
		Profile:  ProfileHigh,
		Rationale: "FAPI 2.0 allows only asymmetric client authentication: mTLS (RFC 8705) or `private_key_jwt`. " +
			"Shared secrets can be replayed by anyone who reads them.",
		Remediation: "Authenticate the client with `private_key_jwt` (Keycloak `client-jwt`) or mTLS (`tls_client_auth`, Keycloak `client-x509`).",
		Refs:        []Ref{FAPI2.S("5.3.2.1"), RFC8705.S("2"), RFC7523.S("2.2"), RFC9700.S("2.5")},
		Formats:     []Format{FormatRFC7591, FormatKeycloak, FormatTerraformKeycloak, FormatGravitee, FormatTerraformGravitee},
	},
	{
		ID:       RuleFAPIPublicClient,
		Title:    "FAPI 2.0: public client",
		Severity: SeverityError,
		Scope:    ScopeClient,
		Profile:  ProfileHigh,
		Rationale: "FAPI 2.0 authorization servers accept confidential clients only; a browser app at that level " +
			"uses a backend-for-frontend that is the confidential client.",
		Remediation: "Make the client confidential with `private_key_jwt` or mTLS authentication, moving the OAuth client into a backend (BFF) for browser apps.",
		Refs:        []Ref{FAPI2.S("5.3.2.1"), RFC10017.S("6.1")},
		Formats:     []Format{FormatRFC7591, FormatKeycloak, FormatTerraformKeycloak, FormatGravitee, FormatTerraformGravitee},
	},
	{
		ID:       RuleFAPISenderConstrained,
		Title:    "FAPI 2.0: access tokens are not sender-constrained",
		Severity: SeverityError,
		Scope:    ScopeClient,
		Profile:  ProfileHigh,
		Rationale: "FAPI 2.0 accepts only sender-constrained access tokens, bound to a DPoP key or the client's TLS " +
			"certificate, so a leaked token is useless without the key.",
		Remediation: "Bind tokens to the client: `dpop_bound_access_tokens: true` or `tls_client_certificate_bound_access_tokens: true` (Keycloak attributes `dpop.bound.access.tokens` / `tls.client.certificate.bound.access.tokens`).",
		Refs:        []Ref{FAPI2.S("5.3.2.1"), RFC9449.S("5.2"), RFC8705.S("3")},
		Formats:     []Format{FormatRFC7591, FormatKeycloak, FormatGravitee, FormatTerraformGravitee},
	},
	{
		ID:          RuleFAPIPKCES256,
		Title:       "FAPI 2.0: PKCE S256 not enforced",
		Severity:    SeverityError,
		Scope:       ScopeClient,
		Profile:     ProfileHigh,
		Rationale:   "FAPI 2.0 requires PKCE with S256 on every authorization request, confidential clients included.",
		Remediation: "Enforce PKCE S256 for the client (Keycloak `pkce.code.challenge.method: S256`, Terraform `pkce_code_challenge_method = \"S256\"`, Gravitee `forcePKCE` and `forceS256CodeChallengeMethod`).",
		Refs:        []Ref{FAPI2.S("5.3.2.2"), RFC7636.S("4.2")},
		Formats:     []Format{FormatKeycloak, FormatTerraformKeycloak, FormatGravitee, FormatTerraformGravitee},
	},
	{
		ID:       RuleClientMetadataSecret,
		Title:    "Client ID metadata document declares a shared secret",
		Severity: SeverityError,
		Scope:    ScopeClient,
		Profile:  ProfileStandard,
		Rationale: "A client ID metadata document is fetched by authorization servers the client has never met, " +
			"so no secret can have been shared with them: the draft forbids client_secret, client_secret_expires_at " +
			"and every authentication method based on a shared secret (client_secret_basic, client_secret_post, " +
			"client_secret_jwt). A server that supports the documents refuses such a client, and a secret written " +
			"into a public document is no secret. An absent token_endpoint_auth_method is the same mistake: RFC 7591 " +
			"§2 defaults it to client_secret_basic.",
		Remediation: "Declare token_endpoint_auth_method none for a public client, or private_key_jwt with a jwks_uri " +
			"for a confidential one (keep the private key with the client), and remove client_secret.",
		Refs:    []Ref{CIMD.S("4.1"), CIMD.S("6.2"), RFC7591.S("2"), MCPAuth.S("5.1.1")},
		Formats: []Format{FormatClientMetadata},
	},
	{
		// Gravitee AM 4.12.4: OIDCSettings.defaultSettings sets
		// redirectUriStrictMatching false; ParamUtils.redirectMatches then
		// compares scheme, host and port and requires only that the
		// requested path starts with the registered one.
		ID:       RuleRedirectPrefixMatch,
		Title:    "Redirect URIs match by prefix, not exactly",
		Severity: SeverityWarning,
		Scope:    ScopeRealm,
		Profile:  ProfileStandard,
		Caveat:   CaveatExactRedirects,
		Rationale: "Gravitee AM compares redirect URIs loosely unless the security domain turns strict matching on " +
			"(`oidc.redirectUriStrictMatching`, off by default): a requested redirect URI only has to share scheme, host " +
			"and port with a registered one, and its path only has to start with the registered path, so every registered " +
			"URI works like a wildcard (`https://app.example.com/cb` accepts `https://app.example.com/cb-evil` and " +
			"`https://app.example.com/cb/../open-redirect`), and the query string is not compared. An open redirector or a " +
			"page an attacker controls anywhere under that path receives the authorization codes.",
		Remediation: "Turn strict matching on for the domain: `PATCH /management/organizations/{org}/environments/{env}/domains/{domain}` with `{\"oidc\":{\"redirectUriStrictMatching\":true}}` (console: Settings > OpenID > Client Registration > Settings), or run the domain with the FAPI profile, which matches exactly.",
		Refs:        []Ref{RFC9700.S("4.1.3"), RFC9700.S("2.1"), OAuth21.S("4.1.1")},
		Formats:     []Format{FormatGravitee},
	},
}

// RuleRedirectPrefixMatch is the realm-scope rule for servers that match
// redirect URIs by prefix (Gravitee AM's default).
const RuleRedirectPrefixMatch = "redirect-prefix-match"

//go:embed rules/*.txtar
var ruleExamples embed.FS

var loadRules = sync.OnceValue(func() []Rule {
	out := make([]Rule, len(rules))
	for i, r := range rules {
		ex, err := parseExamples(r.ID)
		if err != nil {
			panic(err) // the catalog is compiled in; its test catches this
		}
		r.Examples = ex
		if c, ok := CaveatByID(r.Caveat); ok {
			r.Rationale = c.Text + " " + r.Rationale
			r.Refs = mergeRefs(c.Refs, r.Refs)
		}
		out[i] = r
	}
	return out
})

// mergeRefs returns a followed by the refs of b it lacks.
func mergeRefs(a, b []Ref) []Ref {
	out := append([]Ref(nil), a...)
	for _, r := range b {
		dup := false
		for _, x := range out {
			if x == r {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, r)
		}
	}
	return out
}

func parseExamples(id string) ([]Example, error) {
	data, err := ruleExamples.ReadFile("rules/" + id + ".txtar")
	if err != nil {
		return nil, nil // the catalog test reports rules without examples
	}
	ar := txtar.Parse(data)
	var out []Example
	for _, f := range ar.Files {
		header, want, hasWant := strings.Cut(f.Name, " want ")
		dir, base := path.Split(strings.TrimSpace(header))
		format := Format(strings.TrimSuffix(dir, "/"))
		var good bool
		switch {
		case strings.HasPrefix(base, "good"):
			good = true
		case strings.HasPrefix(base, "bad"):
		default:
			return nil, fmt.Errorf("rules/%s.txtar: %s: name must be FORMAT/good*.EXT or FORMAT/bad*.EXT", id, f.Name)
		}
		name := base
		if i := strings.IndexByte(base, '.'); i >= 0 {
			name = "client"
			if fi, ok := FormatByID(format); ok {
				name = fi.ExampleName
			}
			name += base[i:]
		}
		e := Example{Format: format, Good: good, Name: name, Text: string(f.Data)}
		if hasWant {
			if good {
				return nil, fmt.Errorf("rules/%s.txtar: %s: a good example fires nothing, so it has no want", id, f.Name)
			}
			l, c, _ := strings.Cut(strings.TrimSpace(want), ":")
			var err error
			if e.WantLine, err = strconv.Atoi(l); err == nil && c != "" {
				e.WantCol, err = strconv.Atoi(c)
			}
			if err != nil || e.WantLine < 1 || e.WantCol < 0 {
				return nil, fmt.Errorf("rules/%s.txtar: %s: want LINE or LINE:COL, got %q", id, f.Name, want)
			}
		}
		out = append(out, e)
	}
	return out, nil
}

// Rules returns the lint rules in catalog order.
func Rules() []Rule { return loadRules() }

// RuleByID looks a rule up by its ID.
func RuleByID(id string) (Rule, bool) {
	for _, r := range loadRules() {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// RuleIDs lists the rule IDs, for completion and flag help.
func RuleIDs() []string {
	rs := loadRules()
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}
