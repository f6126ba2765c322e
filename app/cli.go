package app

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// RunCLI runs a subcommand and returns its exit code. It needs no GUI
// libraries. Standard input is the process's.
func RunCLI(args []string, dataDir string, stdout, stderr io.Writer) int {
	return RunCLIInput(args, dataDir, os.Stdin, stdout, stderr)
}

// RunCLIInput is RunCLI reading what a subcommand needs (a secret) from
// stdin. dataDir is the folder used unless the arguments hold --data-dir.
func RunCLIInput(args []string, dataDir string, stdin io.Reader, stdout, stderr io.Writer) int {
	return execute(&cliEnv{dataDir: dataDir, stdin: stdin, stdout: stdout, stderr: stderr}, args)
}

// printJSON opens the data folder (reading no secret), gets a value and
// prints it as indented JSON. Exit status 2 for an EINVALID error found
// before any value (a data file of a newer AffDesk), 1 for other errors.
func (env *cliEnv) printJSON(get func(*Services) (any, error)) error {
	out, err := env.openData(get)
	if err != nil {
		fmt.Fprintln(env.stderr, "affdesk:", core.ErrorMessage(err))
		if core.ErrorCode(err) == core.EINVALID && out == nil {
			return exitError(ExitUsage)
		}
		return exitError(ExitFailed)
	}
	enc := json.NewEncoder(env.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(env.stderr, "affdesk:", err)
		return exitError(ExitFailed)
	}
	return nil
}

// openData opens the data folder with no secret store and runs get.
func (env *cliEnv) openData(get func(*Services) (any, error)) (any, error) {
	dataDir, err := dataDirOr(env.dataDir)
	if err != nil {
		return nil, err
	}
	svc, err := Open(Config{DataDir: dataDir, Secrets: noSecrets{}})
	if err != nil {
		return nil, withHolder(dataDir, err)
	}
	defer svc.Close()
	return get(svc)
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
		fmt.Fprintln(stderr, "affdesk:", core.ErrorMessage(withHolder(dataDir, err)))
		return 1
	}
	defer svc.Close()
	return f(svc)
}
