package report

import (
	"bufio"
	"io"

	"github.com/whichflow/whichflow/internal/lint"
)

// A Streamer writes its report as the findings come, in the order lint
// hands them on (lint.Options.Stream), so that memory does not grow with
// the number of files: text, JSON and GitHub. Print is the same three
// steps over a finished result, so both ways write the same bytes.
type Streamer interface {
	Printer
	// Begin starts the report.
	Begin() error
	// Finding writes one finding (a suppressed one is counted, not shown).
	Finding(f lint.Finding) error
	// End writes what follows the findings (the summary) and flushes.
	End(res *lint.Result) error
}

// NeedsLinted reports whether p, streamed, needs lint.Result.Linted at
// End (lint.Options.KeepLinted): JUnit lists the cases that passed.
func NeedsLinted(p Printer) bool {
	_, ok := p.(interface{ usesLinted() })
	return ok
}

// printStreamed is Print for a Streamer.
func printStreamed(s Streamer, res *lint.Result) error {
	if err := s.Begin(); err != nil {
		return err
	}
	for _, f := range res.Findings {
		if err := s.Finding(f); err != nil {
			return err
		}
	}
	return s.End(res)
}

// streamBuf is the buffered writer a streaming printer writes through.
func streamBuf(w io.Writer) *bufio.Writer { return bufio.NewWriterSize(w, 64<<10) }
