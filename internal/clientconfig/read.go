package clientconfig

import (
	"errors"
	"fmt"
)

// ErrUnrecognised is returned by Read for a file in no format whichflow knows;
// lint skips such files (listing them with -v).
var ErrUnrecognised = errors.New("not a client configuration whichflow recognises")

// ParseError is returned for a recognised file that cannot be read; lint turns
// it into an invalid-config finding.
type ParseError struct {
	Path   string
	Format string
	Pos    Pos
	Msg    string
}

func (e *ParseError) Error() string {
	if e.Pos.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Pos.Line, e.Pos.Col, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// Read sniffs the format of data (by content; the path's extension is a hint)
// and returns its clients. It never panics and bounds its own work: callers
// cap the size of data before calling.
func Read(path string, data []byte) (*File, error) {
	return nil, ErrUnrecognised // adapters arrive with issue 4
}
