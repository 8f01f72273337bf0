package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/lint"
	"github.com/whichflow/whichflow/internal/safetext"
)

// githubPrinter prints GitHub Actions workflow commands, one annotation per
// finding. SARIF upload to code scanning is the richer route; this format
// is for workflows without it.
type githubPrinter struct{ w io.Writer }

// escapeData escapes a workflow command's message.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command property value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

func (p *githubPrinter) Print(res *lint.Result) error {
	bw := bufio.NewWriter(p.w)
	for _, f := range visible(res.Findings) {
		cmd := "notice"
		switch f.Severity {
		case flows.SeverityError:
			cmd = "error"
		case flows.SeverityWarning:
			cmd = "warning"
		}
		title := f.Rule
		if who := subject(f); who != "" {
			title += " (" + who + ")"
		}
		msg := f.Message
		if len(f.Refs) > 0 {
			msg += " [" + strings.Join(f.Refs, "; ") + "]"
		}
		// Control characters from the file (ANSI escapes) are shown, not
		// sent to the log; newlines are the command's own %0A.
		fmt.Fprintf(bw, "::%s file=%s,line=%d,col=%d,title=%s::%s\n", cmd, escapeProperty(safetext.Line(f.File)), f.Line, f.Column,
			escapeProperty(safetext.Line(title)), escapeData(safetext.Lines(msg)))
	}
	return bw.Flush()
}
