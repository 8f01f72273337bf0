package cli

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// A server that never answers: Ctrl-C during the fetch is exit 130 (not
// "check the issuer URL", exit 2), and --timeout bounds the wait.
func TestFetchInterruptAndTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)

	t.Run("interrupt", func(t *testing.T) {
		f, _, out, errOut := testFactory()
		f.HTTPClient = srv.Client
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(100*time.Millisecond, cancel) // what signal.NotifyContext does on SIGINT
		start := time.Now()
		code := Run(ctx, f, []string{"advise", "--client", "machine", "--issuer", srv.URL})
		if code != ExitCancelled {
			t.Errorf("exit %d, want %d; stderr %q", code, ExitCancelled, errOut)
		}
		if out.Len() != 0 || strings.Contains(errOut.String(), "check the issuer") {
			t.Errorf("stdout %q stderr %q", out, errOut)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("took %s", d)
		}
	})
	t.Run("timeout", func(t *testing.T) {
		f, _, _, errOut := testFactory()
		f.HTTPClient = srv.Client
		start := time.Now()
		code := Run(context.Background(), f, []string{"snippet", "--flow", "client-credentials", "--issuer", srv.URL, "--timeout", "200ms"})
		if code != ExitUsage {
			t.Errorf("exit %d, want %d", code, ExitUsage)
		}
		if !strings.Contains(errOut.String(), "within 200ms") || !strings.Contains(errOut.String(), "--timeout") {
			t.Errorf("stderr %q", errOut)
		}
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("--timeout 200ms took %s", d)
		}
	})
	t.Run("resource timeout", func(t *testing.T) {
		f, _, _, errOut := testFactory()
		f.HTTPClient = srv.Client
		code := Run(context.Background(), f, []string{"advise", "--client", "agent", "--resource", srv.URL + "/mcp", "--timeout", "200ms"})
		if code != ExitUsage {
			t.Errorf("exit %d, want %d; stderr %q", code, ExitUsage, errOut)
		}
		if !strings.Contains(errOut.String(), "did not answer within 200ms (wait longer with --timeout") {
			t.Errorf("stderr %q", errOut)
		}
	})
}
