package flows

import (
	"embed"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

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
	// RefText is Refs as citations, made once when the catalog loads:
	// every finding of the rule shares it, so it is read-only.
	RefText []string
}

// Examples are the rule's good and bad examples, from rules/<ID>.txtar.
// They are parsed the first time any rule's are asked for, not with the
// catalog: lint never reads them, and parsing them was ~15% of the start-up
// of `whichflow lint` (TestStartupBuildsOnlyWhatItUses).
func (r Rule) Examples() []Example { return loadExamples()[r.ID] }

// ExamplesFor returns the rule's good and bad examples in format f.
func (r Rule) ExamplesFor(f Format) (good, bad []Example) {
	for _, e := range r.Examples() {
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

// Rule IDs of the second round (DESIGN §3).
const (
	RuleFrontChannelIDToken     = "front-channel-id-token"
	RuleRedirectFragment        = "redirect-fragment"
	RuleRedirectDangerousScheme = "redirect-dangerous-scheme"
	RuleRedirectLocalhost       = "redirect-localhost"
	RuleRedirectCustomScheme    = "redirect-custom-scheme"
	RuleMixedClientRoles        = "mixed-client-roles"
	RuleCrossOriginAuth         = "cross-origin-auth"
	RuleDynamicRegistrationOpen = "dynamic-registration-open"
	RuleOpenAPIOAuthURLInsecure = "openapi-oauth-url-insecure"
	RuleFAPISigningAlg          = "fapi-signing-alg"
	RuleFAPIResponseType        = "fapi-response-type"
	RuleFAPIRefreshRotation     = "fapi-refresh-rotation"
)

// Second-round rule IDs (DESIGN §3) with Keycloak forms.
const (
	RuleSSLRequiredNone     = "ssl-required-none"
	RuleRefreshReuseAllowed = "refresh-reuse-allowed"
	RuleRefreshNoExpiry     = "refresh-no-expiry"
	RuleTokenLifetimeLong   = "token-lifetime-long"
	RuleWeakSigningAlg      = "weak-signing-alg"
	RuleWebOriginsWildcard  = "web-origins-wildcard"
	RulePostLogoutUnsafe    = "post-logout-redirect-unsafe"
	RuleFullScopeAllowed    = "full-scope-allowed"
	RuleIssResponseDisabled = "iss-response-disabled"
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
			"forks, CI logs and backups, for as long as the history exists. Placeholders of every common template style " +
			"(`${VAR}`, `$VAR`, `{{ x }}`, `@@KEY@@`, `##KEY##`, `#{X}#`, `?X?`, `__X__`, `<x>`), values such as " +
			"`your-…` or `changeme`, and Keycloak's `**********` mask are not reported.",
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
			FormatSpring, FormatGravitee, FormatTerraformGravitee, FormatWhichflow},
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
		Formats:     []Format{FormatRFC7591, FormatKeycloak, FormatTerraformKeycloak, FormatGravitee},
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
		Formats:     []Format{FormatRFC7591, FormatKeycloak, FormatTerraformKeycloak, FormatGravitee, FormatTerraformGravitee},
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
		ID:       RuleFrontChannelIDToken,
		Title:    "ID token returned from the authorization endpoint (response type id_token)",
		Severity: SeverityNote,
		Scope:    ScopeClient,
		Profile:  ProfileStandard,
		Rationale: "The `id_token` response type is OpenID Connect's implicit login: the ID token travels in the " +
			"redirect's fragment, through the browser's history and every script on the page, and only the `nonce` " +
			"stands between the client and a replayed token. No access token is issued there, so it is not " +
			"implicit-grant's finding, but the code flow with PKCE (and `nonce`) gives the same login without a " +
			"token in the front channel.",
		Remediation: "Register the `code` response type (and the authorization_code grant) instead of `id_token`; " +
			"validate the ID token from the token response and keep checking `nonce`.",
		Refs:    []Ref{RFC9700.S("2.1.2"), OIDCCore.S("3.2"), OIDCCore.S("3.1")},
		Formats: []Format{FormatRFC7591, FormatTerraformOkta, FormatWhichflow, FormatGravitee, FormatTerraformGravitee},
	},
	{
		ID:       RuleRedirectFragment,
		Title:    "Redirect URI contains a fragment",
		Severity: SeverityError,
		Scope:    ScopeClient,
		Profile:  ProfileStandard,
		Rationale: "RFC 6749 forbids a fragment in a redirect URI: the authorization server appends its response to " +
			"the URI, and a fragment already there makes the response land where the client does not read it, or " +
			"where a script on the page can. Servers that compare redirect URIs exactly either reject the request or " +
			"behave differently from each other. Deploy-time placeholders (`##KEY##`, `#{X}#`) are not fragments.",
		Remediation: "Remove the `#…` part from the registered redirect URI (single-page routers: register the plain " +
			"path, e.g. `https://app.example.com/callback`, and route after the code exchange).",
		Refs:    []Ref{RFC6749.S("3.1.2"), RFC9700.S("4.1")},
		Formats: redirectFormats,
	},
	{
		ID:       RuleRedirectDangerousScheme,
		Title:    "Redirect URI with a javascript:, data:, vbscript: or file: scheme",
		Severity: SeverityError,
		Scope:    ScopeClient,
		Profile:  ProfileStandard,
		Rationale: "These schemes do not deliver the authorization response to a client: a `javascript:` or " +
			"`vbscript:` URI runs code in the authorization server's origin when the browser follows the redirect, a " +
			"`data:` URI renders attacker-chosen content, and `file:` reads the user's disk. A registration that " +
			"allows them turns the authorization endpoint into a cross-site scripting vector.",
		Remediation: "Register only https redirect URIs, loopback `http://127.0.0.1:{port}` redirects for native apps, " +
			"or a private-use scheme in reverse-DNS form; remove the URI with this scheme.",
		Refs:    []Ref{RFC9700.S("4.1"), RFC6749.S("3.1.2"), RFC8252.S("7")},
		Formats: redirectFormats,
	},
	{
		ID:       RuleRedirectLocalhost,
		Title:    "Loopback redirect names localhost instead of 127.0.0.1 or [::1]",
		Severity: SeverityNote,
		Scope:    ScopeClient,
		Profile:  ProfileStandard,
		Rationale: "`localhost` is a name that a resolver, a hosts file or a firewall may send somewhere other than " +
			"the loopback interface, and a client may listen on one interface while the browser connects to the " +
			"other. RFC 8252 recommends the loopback IP literal for loopback redirects and says `localhost` is NOT " +
			"RECOMMENDED.",
		Remediation: "Register `http://127.0.0.1:{port}/…` (or `http://[::1]:{port}/…`) and have the client listen " +
			"on that address; development setups can register both while migrating.",
		Refs:    []Ref{RFC8252.S("8.3"), RFC8252.S("7.3")},
		Formats: redirectFormats,
	},
	{
		ID:       RuleRedirectCustomScheme,
		Title:    "Private-use redirect scheme not in reverse-DNS form",
		Severity: SeverityNote,
		Scope:    ScopeClient,
		Profile:  ProfileStandard,
		Rationale: "Any app on the device can register a private-use URI scheme, and short names such as `myapp:` " +
			"collide: another app that claims the same scheme receives the authorization code. RFC 8252 requires a " +
			"private-use scheme to be based on a domain name the app controls, in reverse order (`com.example.app:`), " +
			"and prefers claimed https redirects, which the operating system verifies.",
		Remediation: "Use a reverse-DNS scheme for a domain you own (`com.example.app:/oauth2redirect`) or a claimed " +
			"https redirect (Android App Links, iOS Universal Links), and keep PKCE on.",
		Refs:    []Ref{RFC8252.S("7.1"), RFC8252.S("7.2"), RFC8252.S("8.6")},
		Formats: redirectFormats,
	},
	{
		ID:       RuleMixedClientRoles,
		Title:    "Client acts for itself and for users",
		Severity: SeverityNote,
		Scope:    ScopeClient,
		Profile:  ProfileStandard,
		Rationale: "A client with client credentials (a service account) and a user-facing grant (authorization " +
			"code, implicit, device, CIBA, password) gets tokens in its own name and in its users' with the same " +
			"credentials: whoever obtains them gets both, the service account's roles are often broad, and audit " +
			"logs cannot tell a user's action from the service's. Keeping the two roles in two registrations " +
			"restricts each token to the privileges it needs.",
		Remediation: "Split the registration: one confidential client with client credentials (Keycloak: service " +
			"account) for machine access, another with the authorization code grant for users (Auth0: give each its " +
			"own `grant_types`; absent `grant_types` get both by default).",
		Refs:    []Ref{RFC9700.S("2.3"), RFC6749.S("4.4")},
		Formats: redirectFormats,
	},
	{
		ID:       RuleCrossOriginAuth,
		Title:    "Auth0 cross-origin authentication on a client that signs users in",
		Severity: SeverityWarning,
		Scope:    ScopeClient,
		Profile:  ProfileStandard,
		Rationale: "Cross-origin authentication is Auth0's embedded login: the user types credentials into the " +
			"application's own page and the page posts them to Auth0 from another origin. Users learn to enter " +
			"passwords outside the authorization server, the app sees them, third-party-cookie blocking breaks the " +
			"flow in current browsers, and the server's phishing and MFA protections are bypassed. RFC 9700 forbids " +
			"the password grant this login amounts to, and RFC 10017 requires browser-based apps to use a " +
			"redirect-based flow: the authorization server's own login page.",
		Remediation: "Turn cross-origin authentication off (Dashboard: Applications > the app > Settings > Advanced " +
			"Settings > OAuth > Allow Cross-Origin Authentication; `cross_origin_authentication: false` in the " +
			"tenant file, `cross_origin_auth = false` in Terraform) and use Universal Login.",
		Refs:    []Ref{RFC9700.S("2.4"), RFC10017.S("7.3")},
		Formats: []Format{FormatAuth0, FormatTerraformAuth0},
	},
	{
		ID:       RuleDynamicRegistrationOpen,
		Title:    "Open dynamic client registration",
		Severity: SeverityNote,
		Scope:    ScopeRealm,
		Profile:  ProfileStandard,
		Rationale: "With open dynamic registration anyone can create a client in the tenant without an initial " +
			"access token (RFC 7591 §3). That is what MCP clients and other agents need, but each such client is " +
			"third-party: unless registration policies restrict redirect URIs, grants and scopes, and users see a " +
			"consent screen, a registered client can phish users with the tenant's own login page.",
		Remediation: "Keep it only where clients must register themselves: make the dynamically registered " +
			"clients third-party with consent required (Auth0: Applications > Advanced > Dynamic Client " +
			"Registration, and the connections promoted to domain level), restrict their redirect URIs and scopes, " +
			"or turn `flags.enable_dynamic_client_registration` off.",
		Refs:    []Ref{RFC7591.S("3"), RFC7591.S("5"), RFC9700.S("4.1")},
		Formats: []Format{FormatAuth0, FormatTerraformAuth0, FormatGravitee, FormatTerraformGravitee},
	},
	{
		ID:       RuleOpenAPIOAuthURLInsecure,
		Title:    "OpenAPI OAuth endpoint URL uses plain http",
		Severity: SeverityWarning,
		Scope:    ScopeClient,
		Profile:  ProfileStandard,
		Rationale: "Clients generated from the document, and API consoles such as Swagger UI, send users and " +
			"credentials to these URLs: over plain http the authorization request, the code and the token " +
			"response (client secrets, tokens) are readable and changeable on the network. RFC 6749 requires TLS for " +
			"both endpoints. Loopback hosts (local development) are not reported.",
		Remediation: "Use https for `authorizationUrl`, `tokenUrl` and `refreshUrl` in the oauth2 security scheme.",
		Refs:        []Ref{RFC6749.S("3.1"), RFC6749.S("3.2"), RFC9700.S("2.6")},
		Formats:     []Format{FormatOpenAPI},
	},
	{
		ID:       RuleFAPISigningAlg,
		Title:    "FAPI 2.0: signing algorithm other than PS256, ES256 or EdDSA",
		Severity: SeverityError,
		Scope:    ScopeClient,
		Profile:  ProfileHigh,
		Rationale: "FAPI 2.0 allows PS256, ES256 and EdDSA for client assertions, ID tokens and request objects. " +
			"RS256 (PKCS#1 v1.5) is excluded, and HMAC (`HS*`, `client_secret_jwt`) or `none` mean the signature " +
			"proves nothing beyond a shared secret.",
		Remediation: "Declare PS256 or ES256 (`id_token_signed_response_alg`, `request_object_signing_alg`, " +
			"`token_endpoint_auth_signing_alg`; Auth0 `jwt_configuration.alg: PS256`) and authenticate with " +
			"`private_key_jwt` or mTLS instead of `client_secret_jwt`.",
		Refs:    []Ref{FAPI2.S("5.4"), RFC7523.S("2.2")},
		Formats: []Format{FormatRFC7591, FormatAuth0, FormatTerraformAuth0, FormatKeycloak, FormatTerraformKeycloak},
	},
	{
		ID:          RuleFAPIResponseType,
		Title:       "FAPI 2.0: response type other than code",
		Severity:    SeverityError,
		Scope:       ScopeClient,
		Profile:     ProfileHigh,
		Rationale:   "FAPI 2.0 allows only the `code` response type: every other one returns tokens from the authorization endpoint, in the front channel.",
		Remediation: "Register only `response_types: [\"code\"]` (Okta `response_types = [\"code\"]`).",
		Refs:        []Ref{FAPI2.S("5.3.2.2"), RFC9700.S("2.1.2")},
		Formats:     []Format{FormatRFC7591, FormatTerraformOkta, FormatGravitee, FormatTerraformGravitee},
	},
	{
		ID:       RuleFAPIRefreshRotation,
		Title:    "FAPI 2.0: refresh token rotation for a confidential client",
		Severity: SeverityWarning,
		Scope:    ScopeClient,
		Profile:  ProfileHigh,
		Rationale: "FAPI 2.0 servers do not rotate refresh tokens except in extraordinary circumstances: its clients " +
			"are confidential and their tokens sender-constrained, so rotation adds little, while a lost token " +
			"response leaves the client with a refresh token that no longer works. Rotation is RFC 9700's defence " +
			"for public clients.",
		Remediation: "Turn rotation off for the confidential client (Auth0 `rotation_type: non-rotating`, Okta " +
			"`refresh_token_rotation = \"STATIC\"`, Spring Authorization Server `token.reuse-refresh-tokens: true`, " +
			"Keycloak realm `revokeRefreshToken: false`) and sender-constrain its tokens with DPoP or mTLS.",
		Refs:    []Ref{FAPI2.S("5.3.2.1"), RFC9700.S("2.2.2")},
		Formats: []Format{FormatKeycloak, FormatTerraformOkta, FormatTerraformAuth0, FormatAuth0, FormatSpring},
	},
	{
		ID:       RuleSSLRequiredNone,
		Title:    "Realm does not require TLS",
		Severity: SeverityError,
		Scope:    ScopeRealm,
		Profile:  ProfileStandard,
		Rationale: "With `sslRequired: none` Keycloak serves the login page, the authorization endpoint and the token " +
			"endpoint over plain http from any address, so passwords, authorization codes, tokens and session cookies " +
			"cross the network readable and changeable by anyone on the path. OAuth 2.0 requires TLS at both endpoints.",
		Remediation: "Set Realm settings → General → Require SSL to `external requests` or `all requests` (realm export `sslRequired: \"external\"`, terraform `keycloak_realm` `ssl_required = \"external\"`).",
		Refs:        []Ref{RFC6749.S("3.1"), RFC6749.S("3.2"), RFC9700.S("2.6")},
		Formats:     []Format{FormatKeycloak, FormatTerraformKeycloak},
	},
	{
		ID:       RuleRefreshReuseAllowed,
		Title:    "Rotated refresh tokens stay valid after use",
		Severity: SeverityWarning,
		Scope:    ScopeClient,
		ScopeIn:  map[Format][]Scope{FormatKeycloak: {ScopeRealm}, FormatTerraformKeycloak: {ScopeRealm}},
		Profile:  ProfileStandard,
		Rationale: "Refresh token rotation detects theft only if a used refresh token is refused: the attacker and the " +
			"client cannot both keep refreshing. A token that stays valid for several more uses (Keycloak " +
			"`refreshTokenMaxReuse` > 0) or for longer than a short retry grace (Auth0 `leeway` over 60 s) lets a " +
			"stolen token be replayed unnoticed.",
		Remediation: "Keep rotation and refuse reuse: Keycloak Realm settings → Tokens → Refresh tokens → Refresh Token Max Reuse `0` (realm `refreshTokenMaxReuse: 0`); Auth0 `refresh_token.leeway` of at most 60 seconds.",
		Refs:        []Ref{RFC9700.S("4.14.2"), RFC9700.S("2.2.2"), OAuth21.S("4.3")},
		Formats:     []Format{FormatKeycloak, FormatTerraformKeycloak, FormatAuth0, FormatTerraformAuth0},
	},
	{
		ID:       RuleRefreshNoExpiry,
		Title:    "Refresh tokens without an absolute lifetime",
		Severity: SeverityWarning,
		Scope:    ScopeClient,
		ScopeIn:  map[Format][]Scope{FormatKeycloak: {ScopeRealm}},
		Profile:  ProfileStandard,
		Rationale: "A refresh token with no maximum lifetime works for as long as it is used: once stolen, it grants " +
			"access indefinitely. Keycloak offline tokens live without limit unless the realm turns on the offline " +
			"session maximum (`offlineSessionMaxLifespanEnabled`, off by default), and any client whose scopes include " +
			"`offline_access` (the realm's default optional scope) can obtain one. The finding is a warning when a " +
			"public client can get such tokens, a note when only confidential clients can.",
		Remediation: "Give refresh tokens an absolute lifetime: Keycloak Realm settings → Sessions → Offline Session Max Limited on with an Offline Session Max (realm `offlineSessionMaxLifespanEnabled: true`, `offlineSessionMaxLifespan`), or remove `offline_access` from the clients' scopes; Auth0 `refresh_token.expiration_type: expiring` with a `token_lifetime`.",
		Refs:        []Ref{RFC9700.S("4.14.2"), RFC10017.S("6.3")},
		Formats:     []Format{FormatKeycloak, FormatAuth0, FormatTerraformAuth0},
	},
	{
		ID:       RuleTokenLifetimeLong,
		Title:    "Access tokens or authorization codes live long",
		Severity: SeverityNote,
		Scope:    ScopeClient,
		ScopeIn:  map[Format][]Scope{FormatKeycloak: {ScopeClient, ScopeRealm}, FormatTerraformKeycloak: {ScopeClient, ScopeRealm}},
		Profile:  ProfileStandard,
		Rationale: "A bearer access token can be replayed by whoever holds it until it expires, and cannot be recalled " +
			"at most resource servers; RFC 6749 recommends authorization codes live at most 10 minutes. Lifetimes over " +
			"an hour for access tokens (10 hours for ID tokens) or 10 minutes for codes widen the window a leaked token " +
			"or code is good for.",
		Remediation: "Shorten the lifetimes: Keycloak Realm settings → Tokens → Access Token Lifespan (realm `accessTokenLifespan`, at most 3600) and Client login timeout (`accessCodeLifespan`, at most 600), client Advanced → Access Token Lifespan (attribute `access.token.lifespan`, terraform `access_token_lifespan`); Spring Authorization Server `token.access-token-time-to-live` / `authorization-code-time-to-live`; Auth0 `jwt_configuration.lifetime_in_seconds`. Use refresh tokens for long sessions.",
		Refs:        []Ref{RFC6749.S("4.1.2"), RFC6749.S("10.3"), RFC6819.S("5.1.5.3")},
		Formats:     []Format{FormatKeycloak, FormatTerraformKeycloak, FormatAuth0, FormatTerraformAuth0, FormatSpring},
	},
	{
		ID:       RuleWeakSigningAlg,
		Title:    "Unsigned or HMAC-signed tokens or client assertions",
		Severity: SeverityWarning,
		Scope:    ScopeClient,
		ScopeIn:  map[Format][]Scope{FormatKeycloak: {ScopeClient, ScopeRealm}, FormatTerraformKeycloak: {ScopeClient, ScopeRealm}},
		Profile:  ProfileStandard,
		Rationale: "`none` means no signature at all: anyone can forge the token. An HMAC algorithm (`HS256` ...) signs " +
			"with a shared secret, so every party that can verify the token can also mint one, and the secret (the " +
			"client secret for ID tokens and `client_secret_jwt` assertions) is only as strong as its storage. " +
			"Asymmetric algorithms (RS256, PS256, ES256, EdDSA) keep signing with the issuer.",
		Remediation: "Sign with an asymmetric algorithm (PS256, ES256 or RS256): Keycloak Realm settings → Tokens → Default Signature Algorithm (`defaultSignatureAlgorithm`), client Advanced → Fine grain OpenID Connect configuration (attributes `id.token.signed.response.alg`, `user.info.response.signature.alg`, `request.object.signature.alg`, `token.endpoint.auth.signing.alg`), and authenticate with `private_key_jwt` (Keycloak \"Signed JWT\", `client-jwt`) instead of `client_secret_jwt`; Auth0 `jwt_configuration.alg: RS256`; RFC 7591 `*_signed_response_alg` / `*_signing_alg`.",
		Refs:        []Ref{RFC8725.S("3.1"), RFC8725.S("3.2"), OIDCCore.S("10.1"), RFC9700.S("2.5")},
		Formats:     []Format{FormatKeycloak, FormatTerraformKeycloak, FormatRFC7591, FormatAuth0, FormatTerraformAuth0, FormatWhichflow},
	},
	{
		ID:       RuleWebOriginsWildcard,
		Title:    "CORS allows any origin or a plain-http origin",
		Severity: SeverityWarning,
		Scope:    ScopeClient,
		Profile:  ProfileStandard,
		Rationale: "The client's allowed web origins decide which sites' JavaScript may call the token, userinfo and " +
			"logout endpoints and read the answers. `*` lets every site do so in the user's browser; a plain-http " +
			"origin can be impersonated by anyone on the network path. Keycloak's `+` (the origins of the redirect " +
			"URIs) is no wildcard and is not reported.",
		Remediation: "List the exact https origins the app runs on (Keycloak client → Settings → Web origins, realm export `webOrigins`, terraform `web_origins`; Auth0 Allowed Web Origins / Allowed Origins (CORS), `web_origins` / `allowed_origins`), or `+` in Keycloak to allow the redirect URIs' origins.",
		Refs:        []Ref{Fetch.S("3.2"), RFC9700.S("2.6"), RFC10017.S("6.3")},
		Formats:     []Format{FormatKeycloak, FormatTerraformKeycloak, FormatAuth0, FormatTerraformAuth0},
	},
	{
		ID:       RulePostLogoutUnsafe,
		Title:    "Post-logout redirect URI with a wildcard or plain http",
		Severity: SeverityWarning,
		Scope:    ScopeClient,
		Profile:  ProfileStandard,
		Rationale: "After logout the server sends the browser to the `post_logout_redirect_uri` the request names, if it " +
			"matches a registered one. A wildcard turns the logout endpoint into an open redirector for phishing, and a " +
			"plain-http target can be rewritten on the way. Keycloak's `+` (the same as the redirect URIs) is reported " +
			"by the redirect rules, not here.",
		Remediation: "Register exact https post-logout redirect URIs (Keycloak client → Settings → Valid post logout redirect URIs, attribute `post.logout.redirect.uris`, terraform `valid_post_logout_redirect_uris`; Auth0 Allowed Logout URLs, `allowed_logout_urls`; Okta `post_logout_redirect_uris`; RFC 7591 `post_logout_redirect_uris`).",
		Refs:        []Ref{OIDCRPLogout.S("2"), OIDCRPLogout.S("3"), RFC9700.S("4.11.2")},
		Formats:     []Format{FormatKeycloak, FormatTerraformKeycloak, FormatRFC7591, FormatTerraformOkta, FormatAuth0, FormatTerraformAuth0, FormatWhichflow},
	},
	{
		ID:       RuleFullScopeAllowed,
		Title:    "Client tokens carry every role the user has",
		Severity: SeverityNote,
		Scope:    ScopeClient,
		Profile:  ProfileStandard,
		Rationale: "With Full Scope Allowed (`fullScopeAllowed`, on by default) Keycloak puts every realm and client role " +
			"of the user, or of the service account, into this client's tokens, whatever the client needs. A leaked " +
			"token then works at every resource server that trusts those roles: tokens should carry the least " +
			"privilege.",
		Remediation: "Turn off Full Scope Allowed (client → Client scopes → Dedicated scope → Scope, realm export `fullScopeAllowed: false`, terraform `full_scope_allowed = false`) and map only the roles the client needs.",
		Refs:        []Ref{RFC9700.S("2.3")},
		Formats:     []Format{FormatKeycloak, FormatTerraformKeycloak},
	},
	{
		ID:       RuleIssResponseDisabled,
		Title:    "Authorization responses omit the issuer (iss)",
		Severity: SeverityWarning,
		Scope:    ScopeClient,
		Profile:  ProfileStandard,
		Rationale: "Keycloak adds the RFC 9207 `iss` parameter to authorization responses so that a client using " +
			"several authorization servers can tell which one answered, the defence against mix-up attacks. " +
			"`exclude.issuer.from.auth.response: \"true\"` removes it for this client.",
		Remediation: "Turn off Exclude Issuer From Authentication Response (client → Advanced → OpenID Connect Compatibility Modes; attribute `exclude.issuer.from.auth.response: \"false\"`, terraform `exclude_issuer_from_auth_response = false`) and have the client check `iss`.",
		Refs:        []Ref{RFC9207.S("2"), RFC9207.S("2.4"), RFC9700.S("4.4")},
		Formats:     []Format{FormatKeycloak, FormatTerraformKeycloak},
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
		Formats:     []Format{FormatGravitee, FormatTerraformGravitee},
	},
}

// RuleRedirectPrefixMatch is the realm-scope rule for servers that match
// redirect URIs by prefix (Gravitee AM's default).
const RuleRedirectPrefixMatch = "redirect-prefix-match"

//go:embed rules/*.txtar
var ruleExamples embed.FS

var loadRules = sync.OnceValue(func() []Rule {
	catalogBuilt.Store(true)
	out := make([]Rule, len(rules))
	for i, r := range rules {
		if c, ok := CaveatByID(r.Caveat); ok {
			r.Rationale = c.Text + " " + r.Rationale
			r.Refs = mergeRefs(c.Refs, r.Refs)
		}
		r.RefText = RefStrings(r.Refs)
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

// loadExamples parses every rule's examples, by rule ID.
var loadExamples = sync.OnceValue(func() map[string][]Example {
	examplesParsed.Store(true)
	out := make(map[string][]Example, len(rules))
	for _, r := range rules {
		ex, err := parseExamples(r.ID)
		if err != nil {
			panic(err) // the catalog is compiled in; its test catches this
		}
		out[r.ID] = ex
	}
	return out
})

// examplesParsed and catalogBuilt record that loadExamples and loadRules
// ran, for the test that keeps them out of the start-up of the commands
// that do not need them.
var examplesParsed, catalogBuilt atomic.Bool

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
