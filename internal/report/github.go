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
type githubPrinter struct {
	w  io.Writer
	bw *bufio.Writer
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// escapeData escapes a workflow command's message.
func escapeData(s string) string { return dataEscaper.Replace(s) }

// escapeProperty escapes a workflow command property value.
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }

func (p *githubPrinter) Print(res *lint.Result) error { return printStreamed(p, res) }

func (p *githubPrinter) Begin() error {
	p.bw = streamBuf(p.w)
	return nil
}

func (p *githubPrinter) Finding(f lint.Finding) error {
	if f.Suppressed != nil {
		return nil
	}
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
	_, err := fmt.Fprintf(p.bw, "::%s file=%s,line=%d,col=%d,title=%s::%s\n", cmd, escapeProperty(safetext.Line(f.File)), f.Line, f.Column,
		escapeProperty(safetext.Line(title)), escapeData(safetext.Lines(msg)))
	return err
}

func (p *githubPrinter) End(*lint.Result) error { return p.bw.Flush() }
