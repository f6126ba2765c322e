package app

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

// Main runs AffDesk with the command-line arguments (without the program
// name) and returns the exit code: a subcommand when one is given, else
// the window.
func Main(args []string, assets fs.FS, icon []byte, stdout, stderr io.Writer) int {
	dataDir, rest, err := splitDataDir(args)
	if err != nil {
		fmt.Fprintln(stderr, "affdesk:", err)
		return 2
	}
	if len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		return RunCLI(rest, dataDir, stdout, stderr)
	}
	if dataDir, err = windowDataDir(dataDir); err != nil {
		fmt.Fprintln(stderr, "affdesk:", err)
		return 1
	}
	svc, openErr := Open(Config{DataDir: dataDir, DailyBackup: !generatingBindings})
	if openErr != nil {
		fmt.Fprintln(stderr, "affdesk:", openErr)
		svc = nil
	}
	if err := RunGUI(assets, icon, dataDir, svc, openErr); err != nil {
		fmt.Fprintln(stderr, "affdesk:", err)
		return 1
	}
	return 0
}

// windowDataDir returns the folder the window opens: the one given, else
// the default; a fresh temporary one when generating bindings, so that
// build never touches a user's data.
func windowDataDir(dir string) (string, error) {
	switch {
	case generatingBindings:
		return os.MkdirTemp("", "affdesk-bindings-")
	}
	return dataDirOr(dir)
}

// dataDirOr returns dir, or the default data folder when dir is empty.
func dataDirOr(dir string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	return DefaultDataDir()
}

// splitDataDir takes --data-dir DIR (or --data-dir=DIR) out of args.
func splitDataDir(args []string) (string, []string, error) {
	var dir string
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--data-dir" || a == "-data-dir":
			if i+1 >= len(args) || args[i+1] == "" {
				return "", nil, fmt.Errorf("--data-dir needs a folder")
			}
			dir = args[i+1]
			i++
		case strings.HasPrefix(a, "--data-dir="):
			dir = strings.TrimPrefix(a, "--data-dir=")
		default:
			rest = append(rest, a)
		}
	}
	return dir, rest, nil
}
