package report

import (
	"bufio"
	"fmt"
	"io"

	"github.com/whichflow/whichflow/flows"
	"github.com/whichflow/whichflow/internal/lint"
	"github.com/whichflow/whichflow/internal/safetext"
)

// textPrinter prints `file:line:col: severity rule client: message`, a blank
// line between files, and a summary line.
type textPrinter struct {
	w     io.Writer
	color bool
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiDim    = "\x1b[2m"
)

func (p *textPrinter) paint(code, s string) string {
	if !p.color {
		return s
	}
	return code + s + ansiReset
}

func (p *textPrinter) Print(res *lint.Result) error {
	bw := bufio.NewWriter(p.w)
	fs := visible(res.Findings)
	last := ""
	for i, f := range fs {
		if i > 0 && f.File != last {
			fmt.Fprintln(bw)
		}
		last = f.File
		sev := string(f.Severity)
		switch f.Severity {
		case flows.SeverityError:
			sev = p.paint(ansiRed+ansiBold, sev)
		case flows.SeverityWarning:
			sev = p.paint(ansiYellow, sev)
		default:
			sev = p.paint(ansiCyan, sev)
		}
		loc := p.paint(ansiBold, fmt.Sprintf("%s:%d:%d:", safetext.Line(f.File), f.Line, f.Column))
		client := ""
		if who := subject(f); who != "" {
			client = " " + safetext.Line(who)
		}
		fmt.Fprintf(bw, "%s %s %s%s: %s\n", loc, sev, p.paint(ansiDim, safetext.Line(f.Rule)), client, safetext.Line(f.Message))
	}
	s := res.Summary()
	if len(fs) > 0 {
		fmt.Fprintln(bw)
	}
	line := fmt.Sprintf("%s, %s: %s, %s, %s", plural(s.Files, "file", "files"), plural(s.Clients, "client", "clients"),
		plural(s.Errors, "error", "errors"), plural(s.Warnings, "warning", "warnings"), plural(s.Notes, "note", "notes"))
	if n := len(res.Findings) - len(fs); n > 0 {
		line += fmt.Sprintf(" (%d suppressed)", n)
	}
	for _, a := range res.AllRules {
		line += fmt.Sprintf(" (%d by %s, which suppresses every rule)", a.Suppressed, safetext.Line(a.Location))
	}
	if res.Baselined > 0 {
		line += fmt.Sprintf(" (%d in baseline)", res.Baselined)
	}
	fmt.Fprintln(bw, line)
	return bw.Flush()
}
