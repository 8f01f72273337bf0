package prompt

import (
	"bytes"
	"errors"
	"io"
	"sync"
	"time"

	"github.com/muesli/cancelreader"
)

// input is the questionnaire's one reader of standard input. Every question
// reads from it, so keys typed ahead (a burst of answers, or Enter pressed
// twice) wait for the next question instead of being lost with the form
// that happened to read them. Closing it stops the read, so nothing is
// taken from the terminal after the questions (a pager reads it next).
type input struct {
	src    io.Reader
	cancel func() bool
	chunks chan chunk
	stop   chan struct{}
	once   sync.Once

	mu      sync.Mutex
	pending []byte
	err     error // the source's error (io.EOF) once pending is drained
}

type chunk struct {
	b   []byte
	err error
}

// errDone ends a read whose consumer (a finished form) went away.
var errDone = errors.New("prompt: reader closed")

func newInput(r io.Reader) *input {
	in := &input{src: r, cancel: func() bool { return false }, chunks: make(chan chunk), stop: make(chan struct{})}
	if cr, err := cancelreader.NewReader(r); err == nil {
		in.src, in.cancel = cr, cr.Cancel
	}
	go in.loop()
	return in
}

func (in *input) loop() {
	buf := make([]byte, 4096)
	for {
		n, err := in.src.Read(buf)
		c := chunk{b: bytes.Clone(buf[:n]), err: err}
		if errors.Is(err, cancelreader.ErrCanceled) {
			return
		}
		select {
		case in.chunks <- c:
		case <-in.stop:
			return
		}
		if err != nil {
			return
		}
	}
}

// close stops reading standard input.
func (in *input) close() {
	in.once.Do(func() {
		in.cancel()
		close(in.stop)
	})
}

// wait blocks until there is pending input or the source ended (nil), or
// done is closed (errDone).
func (in *input) wait(done <-chan struct{}) error {
	for {
		in.mu.Lock()
		ready := len(in.pending) > 0 || in.err != nil
		in.mu.Unlock()
		if ready {
			return nil
		}
		select {
		case c := <-in.chunks:
			in.mu.Lock()
			in.pending = append(in.pending, c.b...)
			if c.err != nil {
				in.err = c.err
			}
			in.mu.Unlock()
		case <-done:
			return errDone
		}
	}
}

// take removes and returns up to max pending bytes, stopping after the
// first byte for which stop is true; with nothing pending it returns the
// source's error.
func (in *input) take(max int, stop func(byte) bool) ([]byte, error) {
	in.mu.Lock()
	defer in.mu.Unlock()
	if len(in.pending) == 0 {
		return nil, in.err
	}
	n := 0
	for n < len(in.pending) && n < max {
		n++
		if stop(in.pending[n-1]) {
			break
		}
	}
	out := bytes.Clone(in.pending[:n])
	in.pending = in.pending[n:]
	return out, nil
}

// readLine reads one line (without its end), waiting until done is closed.
// At the end of input it returns what is left, then io.EOF.
func (in *input) readLine(done <-chan struct{}) (string, error) {
	var line []byte
	for {
		if err := in.wait(done); err != nil {
			return "", err
		}
		b, err := in.take(1<<16, func(c byte) bool { return c == '\n' })
		line = append(line, b...)
		if n := len(line); n > 0 && line[n-1] == '\n' {
			return string(bytes.TrimRight(line, "\r\n")), nil
		}
		if err != nil {
			if len(line) > 0 {
				return string(line), nil
			}
			return "", err
		}
		if len(line) > 1<<16 {
			return string(line), nil // an absurd line is an answer, and a wrong one
		}
	}
}

// enterGate is how long a form's reader holds back the keys after an Enter
// while the form decides whether that Enter ended it. A form that ends
// closes its reader at once, leaving the keys for the next question; one
// that goes on (an Enter in the filter) gets them after this pause.
const enterGate = 150 * time.Millisecond

// formReader is one form's view of the input. It hands bytes over up to and
// including an Enter, so that what follows an answer is not read, and then
// dropped, by the form that answer ends.
type formReader struct {
	in    *input
	done  chan struct{}
	once  sync.Once
	gated bool
}

func (in *input) forForm() *formReader { return &formReader{in: in, done: make(chan struct{})} }

func (r *formReader) finish() { r.once.Do(func() { close(r.done) }) }

func isEnter(c byte) bool { return c == '\r' || c == '\n' }

func (r *formReader) Read(p []byte) (int, error) {
	select {
	case <-r.done:
		return 0, io.EOF
	default:
	}
	if r.gated {
		select {
		case <-r.done:
			return 0, io.EOF
		case <-time.After(enterGate):
		}
		r.gated = false
	}
	if err := r.in.wait(r.done); err != nil {
		return 0, io.EOF
	}
	select {
	case <-r.done: // finished while waiting: the bytes stay for the next form
		return 0, io.EOF
	default:
	}
	b, err := r.in.take(len(p), isEnter)
	if len(b) == 0 {
		if err == nil {
			err = io.EOF
		}
		return 0, err
	}
	r.gated = isEnter(b[len(b)-1])
	return copy(p, b), nil
}
