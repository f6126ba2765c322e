// Command affdesk is AffDesk: a desktop app for affiliate-network teams
// that connects trackers, defines action templates and runs automations,
// all on the user's machine. With a subcommand it runs headless.
package main

import (
	"embed"
	"io/fs"
	"os"

	"github.com/affdesk/affdesk/app/cli"
	"github.com/affdesk/affdesk/app/gui"
)

//go:embed all:frontend/dist
var assets embed.FS

//go:embed build/appicon.png
var icon []byte

func main() {
	dist, err := fs.Sub(assets, "frontend/dist")
	if err != nil {
		panic(err) // the embed pattern above guarantees the folder
	}
	window := func(dataDir string) int { return gui.OpenWindow(dist, icon, dataDir, os.Stderr) }
	os.Exit(cli.Main(os.Args[1:], window, os.Stdout, os.Stderr))
}
