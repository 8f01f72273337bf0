package iostreams

import "testing"

func TestColorAllowed(t *testing.T) {
	tests := []struct {
		env  map[string]string
		tty  bool
		want bool
	}{
		{map[string]string{"TERM": "xterm"}, true, true},
		{map[string]string{"TERM": "xterm"}, false, false},
		{map[string]string{"TERM": "xterm", "NO_COLOR": "1"}, true, false},
		{map[string]string{"TERM": "xterm", "NO_COLOR": ""}, true, true}, // no-color.org: present and not empty
		{map[string]string{"TERM": "xterm", "CLICOLOR": "0"}, true, false},
		{map[string]string{"TERM": "dumb"}, true, false},
		{map[string]string{"CLICOLOR_FORCE": "1"}, false, true},
		{map[string]string{"CLICOLOR_FORCE": "1", "NO_COLOR": "1"}, false, false},
	}
	for _, tt := range tests {
		for _, k := range []string{"TERM", "NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE"} {
			t.Setenv(k, tt.env[k])
		}
		if got := colorAllowed(tt.tty); got != tt.want {
			t.Errorf("env %v tty %v: colour %v, want %v", tt.env, tt.tty, got, tt.want)
		}
	}
}

func TestCanPrompt(t *testing.T) {
	s, _, _, _ := Test()
	if s.CanPrompt() {
		t.Error("test streams are not terminals")
	}
	s.SetStdinTTY(true)
	s.SetStderrTTY(true)
	if !s.CanPrompt() {
		t.Error("stdin and stderr terminals: a human can answer (stdout may be redirected)")
	}
	s.SetNeverPrompt(true)
	if s.CanPrompt() {
		t.Error("never-prompt must win")
	}
	s2, _, _, _ := Test()
	s2.SetAccessible(true)
	if !s2.CanPrompt() {
		t.Error("accessible mode reads piped answers")
	}
}
