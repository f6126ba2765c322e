package app

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/affdesk/affdesk/backend/core"
)

// runBundle runs `affdesk run --bundle FILE NAME|ID`: it imports the
// automations export into a throw-away data folder, gives each connection
// the automation uses its secrets from the environment (kept in memory
// only), runs the automation and prints the run record as JSON. The exit
// codes are those of `affdesk run`.
func runBundle(ra runArgs, stdout, stderr io.Writer) int {
	plan, err := planBundle(ra.bundle, ra.ref, os.LookupEnv)
	if err != nil {
		fmt.Fprintln(stderr, "affdesk:", core.ErrorMessage(err))
		return setupExit(err)
	}
	dir, err := os.MkdirTemp("", "affdesk-bundle-")
	if err != nil {
		fmt.Fprintln(stderr, "affdesk: make a throw-away data folder:", err)
		return ExitFailed
	}
	defer os.RemoveAll(dir)
	s, err := Open(Config{DataDir: dir, Secrets: newMemorySecrets()})
	if err != nil {
		fmt.Fprintln(stderr, "affdesk:", core.ErrorMessage(err))
		return ExitFailed
	}
	defer s.Close()
	return s.runPlan(plan, ra.dry, stdout, stderr)
}

// runPlan imports the plan's bundle, stores its secrets in memory, runs
// its automation and prints the run as JSON.
func (s *Services) runPlan(p bundlePlan, dry bool, stdout, stderr io.Writer) int {
	id, err := s.importPlan(p)
	if err != nil {
		fmt.Fprintln(stderr, "affdesk:", core.ErrorMessage(err))
		return setupExit(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	s.OnEvent(printWaits(stderr))
	run, err := s.RunNow(ctx, id, dry, "cli")
	if err != nil {
		fmt.Fprintln(stderr, "affdesk:", core.ErrorMessage(err))
		return setupExit(err)
	}
	if full, gerr := s.FullRun(run.ID); gerr == nil {
		run = full
	}
	env := &cliEnv{stdout: stdout, stderr: stderr}
	if env.writeJSON(run) != nil {
		return ExitFailed
	}
	return RunExitCode(run)
}

// importPlan imports the bundle into the empty data folder, then stores
// the secrets and the email account the plan read from the environment.
// It returns the stored ID of the automation to run. In an empty folder
// records are stored in the file's order, so the n-th of the file is the
// n-th stored.
func (s *Services) importPlan(p bundlePlan) (uint64, error) {
	if _, err := s.ImportBundle(bytes.NewReader(p.raw), ClashRename); err != nil {
		return 0, err
	}
	conns, err := s.DB.ListConnections()
	if err != nil {
		return 0, err
	}
	autos, err := s.DB.ListAutomations()
	if err != nil || len(conns) != len(p.file.Connections) || len(autos) != len(p.file.Automations) {
		return 0, fmt.Errorf("the bundle's records were not stored one for one: %v", err)
	}
	for i, c := range p.file.Connections {
		for field, v := range p.secrets[c.ID] {
			if err := s.Secrets.SetSecret(core.SecretKey(conns[i].ID, field), v); err != nil {
				return 0, err
			}
		}
	}
	if p.smtp != nil {
		if err := s.SaveSMTP(*p.smtp); err != nil {
			return 0, err
		}
	}
	return autos[p.automation].ID, nil
}
