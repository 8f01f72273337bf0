package cli

import "github.com/whichflow/whichflow/internal/docgen"

// docsSnippets gives docgen the snippet renderer `whichflow snippet` uses.
func docsSnippets() *docgen.Snippets { return nil }

// docsScaffolds gives docgen the registration renderer `whichflow scaffold`
// uses.
func docsScaffolds() *docgen.Scaffolds { return nil }
