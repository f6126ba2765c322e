// Package cli is AffDesk's command line (cobra): every subcommand, `serve`
// (schedules and webhook triggers without a window) included, over
// app/service. It imports no GUI library, so the CGO-free build has every
// subcommand; Main opens the window only through the function main.go
// hands it.
package cli

import (
	"io"
	"os"
)

// Main runs AffDesk with the command-line arguments (without the program
// name) and returns the exit code: a subcommand when one is given, else
// window, which opens the window on a data folder ("" for the default)
// and returns its exit code. With a nil window (a build without one) the
// bare command prints its help.
func Main(args []string, window func(dataDir string) int, stdout, stderr io.Writer) int {
	env := &cliEnv{stdin: os.Stdin, stdout: stdout, stderr: stderr, window: window}
	return execute(env, args)
}
