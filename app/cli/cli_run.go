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
	"github.com/affdesk/affdesk/backend/engine"
	"github.com/spf13/cobra"
)

// Exit codes of `affdesk run`.
const (
	ExitOK         = 0 // completed, or stopped by a condition
	ExitFailed     = 1 // failed, cancelled or interrupted
	ExitUsage      = 2 // a usage or configuration error: nothing ran
	ExitWithErrors = 3 // completed with errors, or a write's outcome is unknown
	ExitWaiting    = 4 // waiting for approval: approve or reject it in the app
)

const runLong = `Runs a saved automation headless and prints its step log. SIGINT or
SIGTERM cancels the run cleanly: it is recorded as Cancelled, with the
outcome of every write it made.

With --bundle FILE it runs from an automations export instead of the
data folder, for schedulers such as Kubernetes: the file is imported into
a throw-away data folder (removed afterwards), each connection's secrets
come from environment variables (docs/scale-out.md), and the run record
is printed as JSON.

Exit status:
  0  Completed, or Stopped by a condition
  1  Failed, Cancelled or Interrupted
  2  a usage or configuration error: no name, an unknown flag, no such
     automation, two automations with that name, a step needing setup,
     a secret's environment variable missing (--bundle)
  3  Completed with errors, or a write's outcome is unknown: check the
     tracker before running it again
  4  Waiting for approval: approve or reject it in the app`

// runArgs are the parsed arguments of `affdesk run`.
type runArgs struct {
	ref    string
	dry    bool
	bundle string
}

// newRunCmd is `affdesk run NAME|ID [--dry-run] [--bundle FILE]`.
func newRunCmd(env *cliEnv) *cobra.Command {
	var ra runArgs
	cmd := &cobra.Command{Use: "run NAME|ID [--dry-run] [--bundle FILE]", Short: "run an automation headless and print its step log",
		Long: runLong, Args: runArgsCheck,
		ValidArgsFunction: env.completeAutomations,
		RunE: func(_ *cobra.Command, args []string) error {
			ra.ref = args[0]
			if ra.bundle != "" {
				return exitWith(runBundle(ra, env.stdout, env.stderr))
			}
			return exitWith(withServices(env.dataDir, env.stderr, func(s *service.Services) int { return runCommand(s, ra, env.stdout, env.stderr) }))
		}}
	cmd.Flags().BoolVar(&ra.dry, "dry-run", false, "send no write and no email; show what would be sent")
	cmd.Flags().StringVar(&ra.bundle, "bundle", "", "run from this automations export in a throw-away data folder")
	return cmd
}

// runArgsCheck wants exactly one automation.
func runArgsCheck(_ *cobra.Command, args []string) error {
	switch {
	case len(args) == 0:
		return usagef("run needs an automation name or ID")
	case len(args) > 1:
		return usagef("run takes one automation, got %q and %q", args[0], args[1])
	}
	return nil
}

// runCommand runs an automation to its end, printing each step, and
// returns the exit code (see runUsage). SIGINT and SIGTERM cancel it.
func runCommand(s *service.Services, ra runArgs, stdout, stderr io.Writer) int {
	a, err := s.FindAutomation(ra.ref)
	if err != nil {
		fmt.Fprintln(stderr, "affdesk:", core.ErrorMessage(err))
		return setupExit(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	s.OnEvent(printWaits(stderr))
	run, err := s.RunNow(ctx, a.ID, ra.dry, "cli")
	if err != nil {
		fmt.Fprintln(stderr, "affdesk:", core.ErrorMessage(err))
		return setupExit(err)
	}
	if full, gerr := s.DB.GetRun(run.ID); gerr == nil {
		run = full
	}
	printRun(stdout, run, s.LoopItems(run.ID))
	return RunExitCode(run)
}

// printWaits shows a headless run's waits for rate limits and retries on
// stderr, so a run that waits minutes never looks hung.
func printWaits(stderr io.Writer) func(engine.Event) {
	return func(ev engine.Event) {
		if ev.Wait {
			fmt.Fprintln(stderr, "affdesk:", ev.Message)
		}
	}
}

// setupExit is the exit code of an error before a run began.
func setupExit(err error) int {
	switch core.ErrorCode(err) {
	case core.EINVALID, core.ENOTFOUND, core.ECONFLICT:
		return ExitUsage
	}
	return ExitFailed
}

// RunExitCode maps a run that ended or paused to the exit code of
// `affdesk run`. A write whose outcome is unknown gives ExitWithErrors
// whatever the status, so a script never takes it for a plain failure to
// retry; a run paused for approval gives ExitWaiting.
func RunExitCode(run core.Run) int {
	if hasUnknown(run) {
		return ExitWithErrors
	}
	switch run.Status {
	case core.RunCompleted, core.RunStopped:
		return ExitOK
	case core.RunCompletedErrors:
		return ExitWithErrors
	case core.RunWaiting:
		return ExitWaiting
	}
	return ExitFailed
}

func hasUnknown(run core.Run) bool {
	if run.Writes != nil && run.Writes.Unknown > 0 {
		return true
	}
	for _, st := range run.Steps {
		if st.Status == core.StepUnknown || (st.Items != nil && st.Items.Unknown > 0) {
			return true
		}
	}
	return false
}
