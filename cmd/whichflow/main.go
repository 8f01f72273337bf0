// Command whichflow recommends, checks and scaffolds OAuth 2.0 / OpenID
// Connect flows.
package main

import (
	"os"

	"github.com/whichflow/whichflow/internal/cli"
)

func main() { os.Exit(cli.Main()) }
