package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/affdesk/affdesk/app/service"
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
func (env *cliEnv) printJSON(get func(*service.Services) (any, error)) error {
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
func (env *cliEnv) openData(get func(*service.Services) (any, error)) (any, error) {
	dataDir, err := service.DataDirOr(env.dataDir)
	if err != nil {
		return nil, err
	}
	svc, err := service.Open(service.Config{DataDir: dataDir, Secrets: service.NoSecrets{}})
	if err != nil {
		return nil, service.WithHolder(dataDir, err)
	}
	defer svc.Close()
	return get(svc)
}

func commitSuffix() string {
	if service.Commit == "" {
		return ""
	}
	return " (" + service.Commit + ")"
}

// withServices opens the data folder with the real secret store (runs
// need credentials) and runs f.
func withServices(dataDir string, stderr io.Writer, f func(*service.Services) int) int {
	dataDir, err := service.DataDirOr(dataDir)
	if err != nil {
		fmt.Fprintln(stderr, "affdesk:", err)
		return 1
	}
	svc, err := service.Open(service.Config{DataDir: dataDir, DailyBackup: true})
	if err != nil {
		fmt.Fprintln(stderr, "affdesk:", core.ErrorMessage(service.WithHolder(dataDir, err)))
		return 1
	}
	defer svc.Close()
	return f(svc)
}
