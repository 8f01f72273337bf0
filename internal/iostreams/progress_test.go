package iostreams

import (
	"strings"
	"testing"
	"time"
)

func TestStartProgress(t *testing.T) {
	s, _, _, errOut := Test()
	s.StartProgress("waiting")()
	if errOut.Len() != 0 {
		t.Errorf("not a terminal: stderr %q", errOut)
	}

	s.SetStderrTTY(true)
	s.StartProgress("quick")()
	if errOut.Len() != 0 {
		t.Errorf("a quick operation shows nothing: %q", errOut)
	}

	stop := s.StartProgress("reading")
	time.Sleep(progressDelay + 250*time.Millisecond)
	stop()
	stop() // idempotent
	got := errOut.String()
	if !strings.Contains(got, "\r⠋ reading") || !strings.HasSuffix(got, "\r\x1b[K") {
		t.Errorf("spinner output %q", got)
	}
}
