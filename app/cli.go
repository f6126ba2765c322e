package app

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

const usage = `Usage: affdesk [--data-dir DIR] [COMMAND]

With no command, AffDesk opens its window.

Commands:
  version                  print the version
  run NAME|ID [--dry-run]  run an automation headless and print its step log;
                           exit status 0 completed, 1 failed or cancelled,
                           2 usage error, 3 completed with errors or an
                           unknown outcome (affdesk run --help)
  automations list         print the automations as JSON
  automations export       print every automation, with its templates and
                           connections, as JSON (no secrets)
  automations import FILE [--on-clash rename|replace|skip]
                           import an automations or templates export, all or
                           nothing; a name already in use is renamed "Name (2)"
                           (default), replaced (keeping its ID and secrets) or
                           skipped (the stored record is used); secrets are
                           entered again in the app
  connections list         print the connections as JSON (which secrets are
                           set, masked; never a secret)
  connections set-secret NAME|ID FIELD
                           store a connection's secret read from standard
                           input (pipe it; never put it on the command line)
  templates list           print the action templates as JSON
  templates show ID        print one template as JSON
  templates export         print every template and its connection as JSON (no secrets)
  backup [FILE]            write a consistent copy of the data file to FILE (a
                           folder: a dated file in it), else to a dated file in
                           DIR/backups; works only while no window has it open
  restore FILE             replace the data file with the backup FILE, after
                           checking it and keeping the current data file in
                           DIR/backups; close AffDesk first

Data lives in DIR, else $AFFDESK_DATA_DIR, else the user config folder.
`

// RunCLI runs a subcommand and returns its exit code. It needs no GUI
// libraries. Standard input is the process's.
func RunCLI(args []string, dataDir string, stdout, stderr io.Writer) int {
	return RunCLIInput(args, dataDir, os.Stdin, stdout, stderr)
}

// RunCLIInput is RunCLI reading what a subcommand needs (a secret) from stdin.
func RunCLIInput(args []string, dataDir string, stdin io.Reader, stdout, stderr io.Writer) int {
	switch args[0] {
	case "version", "--version":
		fmt.Fprintf(stdout, "%s %s%s\n", Name, Version, commitSuffix())
		return 0
	case "help", "--help", "-h":
		fmt.Fprint(stdout, usage)
		return 0
	case "connections", "templates", "automations", "run":
	case "backup", "restore":
		return backupCLI(args, dataDir, time.Now, stdout, stderr)
	default:
		fmt.Fprintf(stderr, "affdesk: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	if args[0] == "connections" && len(args) > 1 && args[1] == "set-secret" {
		return setSecretCommand(args[2:], dataDir, stdin, stdout, stderr)
	}
	if args[0] == "run" {
		ra, code := parseRunArgs(args[1:], stdout, stderr)
		if code >= 0 {
			return code
		}
		return withServices(dataDir, stderr, func(s *Services) int { return s.runCommand(ra, stdout, stderr) })
	}
	if args[0] == "automations" && len(args) > 1 && args[1] == "import" {
		return withServices(dataDir, stderr, func(s *Services) int { return s.importCommand(args[2:], stdout, stderr) })
	}
	out, err := runData(args, dataDir)
	if err != nil {
		fmt.Fprintln(stderr, "affdesk:", core.ErrorMessage(err))
		if core.ErrorCode(err) == core.EINVALID && out == nil {
			return 2
		}
		return 1
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(stderr, "affdesk:", err)
		return 1
	}
	return 0
}

// runData opens the data file and runs a data subcommand.
func runData(args []string, dataDir string) (any, error) {
	dataDir, err := dataDirOr(dataDir)
	if err != nil {
		return nil, err
	}
	svc, err := Open(Config{DataDir: dataDir, Secrets: noSecrets{}})
	if err != nil {
		return nil, err
	}
	defer svc.Close()
	return svc.command(args)
}

func (s *Services) command(args []string) (any, error) {
	sub := ""
	if len(args) > 1 {
		sub = args[1]
	}
	switch args[0] + " " + sub {
	case "connections list":
		return s.ConnectionListing()
	case "templates list":
		return s.DB.ListTemplates()
	case "templates show":
		if len(args) < 3 {
			return nil, core.Errorf(core.EINVALID, "templates show needs a template ID.")
		}
		id, err := strconv.ParseUint(args[2], 10, 64)
		if err != nil {
			return nil, core.Errorf(core.EINVALID, "%q is not a template ID (a whole number).", args[2])
		}
		return s.DB.GetTemplate(id)
	case "templates export":
		return s.ExportTemplates()
	case "automations list":
		return s.ShownAutomations()
	case "automations export":
		return s.ExportAutomations()
	}
	return nil, core.Errorf(core.EINVALID, "unknown command %q: see affdesk help.", args[0]+" "+sub)
}

// noSecrets is the secret store of listings, which never read a secret.
type noSecrets struct{}

func (noSecrets) SetSecret(string, string) error {
	return core.Errorf(core.EUNAVAILABLE, "secrets are not available here")
}
func (noSecrets) GetSecret(string) (string, error) {
	return "", core.Errorf(core.EUNAVAILABLE, "secrets are not available here")
}
func (noSecrets) DeleteSecret(string) error {
	return core.Errorf(core.EUNAVAILABLE, "secrets are not available here")
}
func (noSecrets) Backend() string { return "none" }

// Export is the documented JSON format of `affdesk templates export`: the
// templates and the connections they use, never a secret (nor a masked
// hint of one).
type Export struct {
	Format      string                `json:"format"` // "affdesk.templates"
	Version     int                   `json:"version"`
	ExportedAt  time.Time             `json:"exportedAt"`
	AppVersion  string                `json:"appVersion"`
	Connections []core.Connection     `json:"connections"`
	Templates   []core.ActionTemplate `json:"templates"`
}

// ExportTemplates gathers every template and the connections they use.
func (s *Services) ExportTemplates() (Export, error) {
	tpls, err := s.DB.ListTemplates()
	if err != nil {
		return Export{}, err
	}
	conns, err := s.DB.ListConnections()
	if err != nil {
		return Export{}, err
	}
	used := map[uint64]bool{}
	for _, t := range tpls {
		used[t.ConnectionID] = true
	}
	out := Export{Format: "affdesk.templates", Version: 1, ExportedAt: s.Now().UTC(), AppVersion: Version,
		Templates: tpls, Connections: []core.Connection{}}
	for _, c := range conns {
		if used[c.ID] {
			c.SecretMasks = nil
			out.Connections = append(out.Connections, c)
		}
	}
	return out, nil
}

func commitSuffix() string {
	if Commit == "" {
		return ""
	}
	return " (" + Commit + ")"
}

// withServices opens the data folder with the real secret store (runs
// need credentials) and runs f.
func withServices(dataDir string, stderr io.Writer, f func(*Services) int) int {
	dataDir, err := dataDirOr(dataDir)
	if err != nil {
		fmt.Fprintln(stderr, "affdesk:", err)
		return 1
	}
	svc, err := Open(Config{DataDir: dataDir, DailyBackup: true})
	if err != nil {
		fmt.Fprintln(stderr, "affdesk:", core.ErrorMessage(err))
		return 1
	}
	defer svc.Close()
	return f(svc)
}
