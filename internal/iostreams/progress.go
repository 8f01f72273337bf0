package iostreams

import (
	"fmt"
	"sync"
	"time"
)

// progressDelay keeps quick operations free of flicker: the spinner only
// appears once a wait is noticeable.
const progressDelay = 150 * time.Millisecond

var spinnerFrames = []string{"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"}

// StartProgress shows a spinner with label on stderr while a slow operation
// runs, only when stderr is a terminal (never in logs or pipes). The
// returned stop clears it and is safe to call more than once.
func (s *IOStreams) StartProgress(label string) (stop func()) {
	if !s.stderrTTY {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		select {
		case <-done:
			return
		case <-time.After(progressDelay):
		}
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for i := 0; ; i++ {
			fmt.Fprintf(s.ErrOut, "\r%s %s", spinnerFrames[i%len(spinnerFrames)], label)
			select {
			case <-done:
				fmt.Fprint(s.ErrOut, "\r\x1b[K")
				return
			case <-tick.C:
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			close(done)
			wg.Wait()
		})
	}
}
