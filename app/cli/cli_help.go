package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

const rootLong = `AffDesk calls tracker APIs, chains the calls into automations and runs
them. With no command it opens its window; with one it runs headless on
the same data folder.

Data lives in --data-dir, else $AFFDESK_DATA_DIR, else the user config
folder. Exit status: 0 success, 1 failure, 2 usage error; affdesk run
adds 3 (completed with errors, or a write's outcome is unknown) and 4
(waiting for approval): see affdesk run --help.`

// rootUsage is the root's usage: every command with its arguments.
// Subcommands keep the library's layout.
const rootUsage = `Usage:
  affdesk [--data-dir DIR] [COMMAND]

Commands:
{{commandTree .}}
Flags:
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}

Run "affdesk help COMMAND" or "affdesk COMMAND --help" for more about a command.
`

// treeWidth is where the descriptions of the command tree start.
const treeWidth = 34

func init() {
	cobra.AddTemplateFunc("commandTree", commandTree)
}

// setHelp gives the root its usage and drops the generic "[flags]" from
// every command's usage line (each Use names its flags).
func setHelp(root *cobra.Command) {
	def := (&cobra.Command{}).UsageTemplate()
	root.SetUsageTemplate("{{if .HasParent}}" + def + "{{else}}" + rootUsage + "{{end}}")
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.DisableFlagsInUseLine = true
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// commandTree lists every runnable command under c, one line each: its
// path, its arguments and flags, and what it does.
func commandTree(c *cobra.Command) string {
	var b strings.Builder
	for _, sub := range c.Commands() {
		writeTree(&b, sub, "")
	}
	return b.String()
}

func writeTree(b *strings.Builder, c *cobra.Command, prefix string) {
	if !c.IsAvailableCommand() {
		return
	}
	if c.Name() == "completion" {
		treeLine(b, "completion bash|zsh|fish|powershell", "print a shell completion script")
		return
	}
	if c.HasAvailableSubCommands() {
		for _, sub := range c.Commands() {
			writeTree(b, sub, prefix+c.Name()+" ")
		}
		return
	}
	treeLine(b, prefix+c.Use, c.Short)
}

func treeLine(b *strings.Builder, use, short string) {
	if len(use) >= treeWidth-2 {
		fmt.Fprintf(b, "  %s\n  %s%s\n", use, strings.Repeat(" ", treeWidth-2), short)
		return
	}
	fmt.Fprintf(b, "  %-*s%s\n", treeWidth-2, use, short)
}
