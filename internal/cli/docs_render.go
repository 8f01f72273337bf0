package cli

import (
	"errors"

	"github.com/whichflow/whichflow/advisor"
	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/docgen"
	"github.com/whichflow/whichflow/internal/scaffold"
	"github.com/whichflow/whichflow/internal/snippet"
)

// docsSnippets gives docgen the snippet renderer `whichflow snippet` uses:
// the same request building (provider endpoint templates, quirks and gaps)
// and the same templates, with placeholder values and no network.
func docsSnippets() *docgen.Snippets {
	var providers []string
	for _, id := range flows.ProviderIDs() {
		if id != flows.ProviderGeneric {
			providers = append(providers, id)
		}
	}
	return &docgen.Snippets{
		Langs:     flows.SnippetLangs(),
		Providers: providers,
		Render: func(flow flows.FlowID, lang, provider string) (string, bool, error) {
			if !snippet.Available(flow, lang) {
				return "", false, nil
			}
			req, err := snippet.Resolve(snippet.Input{Flow: flow, Lang: lang, Provider: provider})
			var gap *snippet.UnsupportedError
			if errors.As(err, &gap) {
				return "", false, nil // the provider cannot do this flow
			} else if err != nil {
				return "", false, err
			}
			out, err := snippet.Render(req)
			var snipErr *snippet.Error
			if errors.As(err, &snipErr) {
				return "", false, nil
			}
			return out, err == nil, err
		},
	}
}

// docsScaffolds gives docgen the registration renderer `whichflow scaffold`
// uses, with placeholder names and redirect URIs.
func docsScaffolds() *docgen.Scaffolds {
	var formats []flows.Format
	for _, id := range flows.ScaffoldFormatIDs() {
		formats = append(formats, flows.Format(id))
	}
	return &docgen.Scaffolds{
		Formats: formats,
		Render: func(a advisor.Answers, format flows.Format) (string, bool, error) {
			d, err := advisor.Decide(a)
			if err != nil {
				return "", false, err
			}
			var p scaffold.Params
			if sf, _ := flows.ScaffoldFormatByID(format); sf.MetadataDocument {
				p.ClientID = advisor.PlaceholderClientMetadataURL // it is required
			}
			out, err := scaffold.Render(d, format, p)
			if scaffold.IsUnsupported(err) {
				return "", false, nil // the format cannot express it
			}
			return string(out), err == nil, err
		},
		Notes: func(a advisor.Answers, format flows.Format) []string {
			d, err := advisor.Decide(a)
			if err != nil {
				return nil
			}
			return scaffold.Notes(d, format, scaffold.Params{})
		},
	}
}
