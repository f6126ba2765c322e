package gui

import (
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/affdesk/affdesk/app/service"
)

// OpenWindow opens the data folder (the default one when dataDir is
// empty) and the window on it, and returns the exit code; a data file
// that cannot be opened is shown in the window.
func OpenWindow(assets fs.FS, icon []byte, dataDir string, stderr io.Writer) int {
	dataDir, err := windowDataDir(dataDir)
	if err != nil {
		fmt.Fprintln(stderr, "affdesk:", err)
		return 1
	}
	svc, openErr := service.Open(service.Config{DataDir: dataDir, DailyBackup: !generatingBindings})
	if openErr != nil {
		openErr = service.WithHolder(dataDir, openErr)
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
	return service.DataDirOr(dir)
}
