package cli

import (
	"context"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/spf13/cobra"
)

func newApproveCmd(env *cliEnv) *cobra.Command {
	var reason string
	cmd := &cobra.Command{Use: "approve ID [--reason TEXT]", Short: "approve a run waiting for approval; it goes on here",
		Long: `Approves a run waiting for approval. The run goes on in this process
and its step log is printed; the exit status is that of affdesk run.
SIGINT or SIGTERM cancels it cleanly. A run that is not waiting (already
decided elsewhere, say) is an error with exit status 1.`,
		Args: oneArg("runs approve needs a run ID"),
		RunE: func(_ *cobra.Command, args []string) error {
			return env.decide(args[0], true, reason)
		}}
	cmd.Flags().StringVar(&reason, "reason", "", "a note kept in the run's log (optional)")
	return cmd
}

func newRejectCmd(env *cliEnv) *cobra.Command {
	var reason string
	cmd := &cobra.Command{Use: "reject ID --reason TEXT", Short: "reject a run waiting for approval, saying why",
		Long: `Rejects a run waiting for approval: it ends as Cancelled with the reason
in its log, and nothing after the approval step is sent. Exit status 0
once rejected; 1 when the run is not waiting; 2 without a reason.`,
		Args: oneArg("runs reject needs a run ID"),
		RunE: func(_ *cobra.Command, args []string) error {
			if strings.TrimSpace(reason) == "" {
				return usagef("runs reject needs --reason TEXT: say why the run is rejected")
			}
			return env.decide(args[0], false, reason)
		}}
	cmd.Flags().StringVar(&reason, "reason", "", "why the run is rejected (required)")
	return cmd
}

// decide approves or rejects the run and prints its log. Approving
// returns the resumed run's exit code; rejecting returns 0.
func (env *cliEnv) decide(rawID string, approved bool, reason string) error {
	id, err := parseID("run", rawID)
	if err != nil {
		return err
	}
	return env.withData(func(s *service.Services) error {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		s.OnEvent(printWaits(env.stderr))
		run, err := s.DecideApprovalContext(ctx, id, approved, reason)
		if err != nil {
			return env.reportErr(err, core.EINVALID)
		}
		if full, gerr := s.FullRun(run.ID); gerr == nil {
			run = full
		}
		printRun(env.stdout, run, nil)
		if !approved {
			return nil
		}
		return exitWith(RunExitCode(run))
	})
}

// statusNames lists the stored run statuses, sorted.
func statusNames() []string {
	out := make([]string, 0, len(statusWords))
	for s := range statusWords {
		out = append(out, string(s))
	}
	sort.Strings(out)
	return out
}

func statusList() string { return strings.Join(statusNames(), ", ") }
