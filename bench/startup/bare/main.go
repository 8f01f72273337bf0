// Command bare is the start-up yardstick from the issue: a binary that only
// links cobra, huh and lipgloss and prints a JSON document.
package main

import (
	"os"

	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
	"github.com/spf13/cobra"
)

var _ = huh.NewForm
var _ = lipgloss.NewStyle

func main() {
	cmd := &cobra.Command{Use: "bare", Run: func(*cobra.Command, []string) { os.Stdout.WriteString("{\"ok\": true}\n") }}
	if cmd.Execute() != nil {
		os.Exit(1)
	}
}
