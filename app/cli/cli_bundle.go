package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
)

// runBundle runs `affdesk run --bundle FILE NAME|ID`: it imports the
// automations export into a throw-away data folder, gives each connection
// the automation uses its secrets from the environment (kept in memory
// only), runs the automation and prints the run record as JSON. The exit
// codes are those of `affdesk run`.
func runBundle(ra runArgs, stdout, stderr io.Writer) int {
	plan, err := service.PlanBundle(ra.bundle, ra.ref, os.LookupEnv)
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
	s, err := service.Open(service.Config{DataDir: dir, Secrets: service.NewMemorySecrets()})
	if err != nil {
		fmt.Fprintln(stderr, "affdesk:", core.ErrorMessage(err))
		return ExitFailed
	}
	defer s.Close()
	return runPlan(s, plan, ra.dry, stdout, stderr)
}

// runPlan imports the plan's bundle, stores its secrets in memory, runs
// its automation and prints the run as JSON.
func runPlan(s *service.Services, p service.BundlePlan, dry bool, stdout, stderr io.Writer) int {
	id, err := s.ImportBundlePlan(p)
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
