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

	bw    *bufio.Writer
	shown int    // findings printed
	last  string // the file of the last one
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

func (p *textPrinter) Print(res *lint.Result) error { return printStreamed(p, res) }

func (p *textPrinter) Begin() error {
	p.bw, p.shown, p.last = streamBuf(p.w), 0, ""
	return nil
}

func (p *textPrinter) Finding(f lint.Finding) error {
	if f.Suppressed != nil {
		return nil
	}
	bw := p.bw
	if p.shown > 0 && f.File != p.last {
		bw.WriteByte('\n')
	}
	p.shown++
	p.last = f.File
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
	_, err := fmt.Fprintf(bw, "%s %s %s%s: %s\n", loc, sev, p.paint(ansiDim, safetext.Line(f.Rule)), client, safetext.Line(f.Message))
	return err
}

func (p *textPrinter) End(res *lint.Result) error {
	bw := p.bw
	s := res.Summary()
	if p.shown > 0 {
		fmt.Fprintln(bw)
	}
	line := fmt.Sprintf("%s, %s: %s, %s, %s", plural(s.Files, "file", "files"), plural(s.Clients, "client", "clients"),
		plural(s.Errors, "error", "errors"), plural(s.Warnings, "warning", "warnings"), plural(s.Notes, "note", "notes"))
	if n := res.Suppressed(); n > 0 {
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
