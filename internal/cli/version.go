package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// version is set at link time by `make build` from `git describe --tags`
// (-ldflags "-X github.com/whichflow/whichflow/internal/cli.version=v1.2.3");
// without it the Go toolchain's own stamp (module version or VCS
// pseudo-version) is used.
var version = ""

// commit is set at link time by `make build` (git rev-parse HEAD) where the
// toolchain does not stamp VCS information itself (-buildvcs=false).
var commit = ""

// develVersion is reported when nothing stamped the binary (go test, go run
// outside a repository): a valid semantic version, so that consumers such as
// SARIF viewers do not reject it.
const develVersion = "v0.0.0-devel"

// BuildInfo is what `whichflow version` reports.
type BuildInfo struct {
	Version   string
	Commit    string // VCS revision, "" when unknown
	Modified  bool   // the work tree had uncommitted changes
	GoVersion string
}

// ReadBuildInfo reads the version stamped into the binary.
func ReadBuildInfo() BuildInfo {
	info := BuildInfo{Version: version, Commit: commit, GoVersion: runtime.Version()}
	bi, ok := debug.ReadBuildInfo()
	if ok {
		if info.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			info.Version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				if info.Commit == "" {
					info.Commit = s.Value
				}
			case "vcs.modified":
				info.Modified = s.Value == "true"
			}
		}
	}
	if info.Version == "" {
		info.Version = develVersion
	}
	return info
}

// Version returns whichflow's version.
func Version() string { return ReadBuildInfo().Version }

// String is the one line `whichflow version` and `--version` print.
func (b BuildInfo) String() string {
	var extra []string
	if b.Commit != "" {
		c := "commit " + b.Commit
		if b.Modified {
			c += " (modified)"
		}
		extra = append(extra, c)
	}
	extra = append(extra, b.GoVersion, runtime.GOOS+"/"+runtime.GOARCH)
	return fmt.Sprintf("whichflow %s (%s)", b.Version, strings.Join(extra, ", "))
}

// NewCmdVersion prints the version.
func NewCmdVersion(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print whichflow's version and commit",
		Example: "  $ whichflow version\n  $ whichflow --version",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintln(f.IOStreams.Out, f.versionLine())
			return err
		},
	}
}
