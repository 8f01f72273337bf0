package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/whichflow/whichflow/flows"
)

// clientPrompt is accessible mode's prompt for the first question: one
// number per client situation in the catalog.
var clientPrompt = func() string {
	f, _ := flows.FacetByID(flows.FacetClient)
	return fmt.Sprintf("Enter a number between 1 and %d", len(f.Options))
}()

// TestTerminal drives the questionnaire in a real terminal (tmux), where
// the behaviours no pipe can show live: Esc and Ctrl-C exit 130, keys typed
// in a burst all arrive, accessible mode honours Ctrl-C. tmux ships with
// the project's machine image; without it the test cannot run.
func TestTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: no terminal sessions")
	}
	tmuxBin, err := exec.LookPath("tmux")
	if err != nil {
		t.Skip("tmux is not installed (apt-get install tmux)")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "whichflow")
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	// testscript.Main runs cli.Main when the test binary is called whichflow.
	if err := os.Symlink(self, bin); err != nil {
		t.Fatal(err)
	}
	socket := fmt.Sprintf("whichflow-test-%d", os.Getpid())
	tmux := func(args ...string) string {
		out, err := exec.Command(tmuxBin, append([]string{"-L", socket}, args...)...).CombinedOutput()
		if err != nil {
			return fmt.Sprintf("(tmux %v: %v: %s)", args, err, out)
		}
		return string(out)
	}
	tmux("-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", "80", "-y", "40", "sleep 600")
	defer exec.Command(tmuxBin, "-L", socket, "kill-server").Run()
	tmux("set-option", "-s", "escape-time", "0")

	// run starts command in a new window; it writes its exit status to a file.
	run := func(name, command string) (status, stdout string) {
		status, stdout = filepath.Join(dir, name+".status"), filepath.Join(dir, name+".out")
		// The shell traps INT (a handler, not an ignore, so whichflow gets
		// the signal as usual) to outlive the Ctrl-C sent to the window.
		script := fmt.Sprintf("trap : INT; cd %q && env -u NO_COLOR -u ACCESSIBLE -u WHICHFLOW_PAGER PAGER=cat %s >%q; echo $? >%q; sleep 600", dir, command, stdout, status)
		tmux("new-window", "-d", "-n", name, "sh", "-c", script)
		return status, stdout
	}
	waitScreen := func(t *testing.T, name, want string) {
		deadline := time.Now().Add(20 * time.Second)
		for {
			screen := tmux("capture-pane", "-p", "-t", name)
			if strings.Contains(screen, want) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: %q never appeared; screen:\n%s\nwindows:\n%s", name, want, screen, tmux("list-windows"))
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	waitStatus := func(t *testing.T, name, file string) string {
		deadline := time.Now().Add(20 * time.Second)
		for {
			if b, err := os.ReadFile(file); err == nil && strings.HasSuffix(string(b), "\n") {
				return strings.TrimSpace(string(b))
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s did not exit; screen:\n%s", name, tmux("capture-pane", "-p", "-t", name))
			}
			time.Sleep(50 * time.Millisecond)
		}
	}

	t.Run("Esc exits 130 with nothing on stdout", func(t *testing.T) {
		status, out := run("esc", bin+" advise")
		waitScreen(t, "esc", "What kind of client is it?")
		tmux("send-keys", "-t", "esc", "Escape")
		if got := waitStatus(t, "esc", status); got != "130" {
			t.Errorf("exit %s, want 130", got)
		}
		if b, _ := os.ReadFile(out); len(b) != 0 {
			t.Errorf("stdout %q", b)
		}
	})
	t.Run("Ctrl-C exits 130", func(t *testing.T) {
		status, _ := run("ctrlc", bin+" advise")
		waitScreen(t, "ctrlc", "What kind of client is it?")
		tmux("send-keys", "-t", "ctrlc", "C-c")
		if got := waitStatus(t, "ctrlc", status); got != "130" {
			t.Errorf("exit %s, want 130", got)
		}
	})
	t.Run("keys typed in a burst all arrive", func(t *testing.T) {
		status, out := run("burst", bin+" advise --format json")
		waitScreen(t, "burst", "What kind of client is it?")
		// Command-line tool, then No (no browser), then the defaults.
		tmux("send-keys", "-t", "burst", "Down", "Down", "Down", "Down", "Enter", "Down", "Enter", "Enter", "Enter")
		if got := waitStatus(t, "burst", status); got != "0" {
			t.Fatalf("exit %s; screen:\n%s", got, tmux("capture-pane", "-p", "-t", "burst"))
		}
		b, _ := os.ReadFile(out)
		if !strings.Contains(string(b), `"client": "cli"`) || !strings.Contains(string(b), `"browser": false`) {
			t.Errorf("answers lost in the burst:\n%.400s", b)
		}
	})
	t.Run("accessible mode honours Ctrl-C", func(t *testing.T) {
		status, _ := run("acc", bin+" advise --accessible")
		waitScreen(t, "acc", clientPrompt)
		tmux("send-keys", "-t", "acc", "5", "Enter")
		waitScreen(t, "acc", "Enter a number between 1 and 2")
		tmux("send-keys", "-t", "acc", "C-c")
		if got := waitStatus(t, "acc", status); got != "130" {
			t.Errorf("exit %s, want 130", got)
		}
	})
	t.Run("accessible mode: end of input is exit 2", func(t *testing.T) {
		status, _ := run("eof", bin+" advise --accessible")
		waitScreen(t, "eof", clientPrompt)
		tmux("send-keys", "-t", "eof", "C-d")
		if got := waitStatus(t, "eof", status); got != "2" {
			t.Errorf("exit %s, want 2", got)
		}
	})
}
