// Command release holds the steps of `make release` and `make release-check`
// that need more than a shell line: version strings for Debian and Windows,
// the hicolor icon set, the installer's .ico, and checks of the built Windows and Linux binaries.
//
//	go run ./build/release debversion VERSION
//	go run ./build/release winversion VERSION
//	go run ./build/release icons SRC.png DIR
//	go run ./build/release ico SRC.png OUT.ico
//	go run ./build/release check-exe FILE.exe VERSION
//	go run ./build/release check-elf FILE amd64|arm64
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one subcommand and returns the exit status: 0 on success,
// 1 when the step or check failed, 2 on a usage error.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: release debversion|winversion|icons|ico|check-exe|check-elf ARGS")
		return 2
	}
	cmd, ok := commands[args[0]]
	if !ok || len(args)-1 != cmd.args {
		fmt.Fprintf(stderr, "usage: release %s\n", usageOf(args[0]))
		return 2
	}
	out, err := cmd.run(args[1:])
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", args[0], err)
		return 1
	}
	if out != "" {
		fmt.Fprintln(stdout, out)
	}
	return 0
}

// command is one subcommand: how many arguments it takes and what it does.
type command struct {
	args  int
	usage string
	run   func(args []string) (string, error)
}

var commands = map[string]command{
	"debversion": {1, "debversion VERSION", func(a []string) (string, error) { return DebianVersion(a[0]) }},
	"winversion": {1, "winversion VERSION", func(a []string) (string, error) { return WindowsVersion(a[0]), nil }},
	"icons":      {2, "icons SRC.png DIR", func(a []string) (string, error) { return "", WriteIconSet(a[0], a[1], IconSizes) }},
	"ico":        {2, "ico SRC.png OUT.ico", func(a []string) (string, error) { return "", WriteIco(a[0], a[1], IcoSizes) }},
	"check-exe":  {2, "check-exe FILE.exe VERSION", func(a []string) (string, error) { return CheckWindowsGUI(a[0], a[1]) }},
	"check-elf":  {2, "check-elf FILE amd64|arm64", func(a []string) (string, error) { return CheckStaticELF(a[0], a[1]) }},
}

func usageOf(name string) string {
	if c, ok := commands[name]; ok {
		return c.usage
	}
	return "debversion|winversion|icons|ico|check-exe|check-elf ARGS"
}
