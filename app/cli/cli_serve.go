package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"

	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/engine"
	"github.com/spf13/cobra"
)

// newServeCmd is `affdesk serve`: the schedules and webhook triggers of
// the data folder, with no window, until SIGINT or SIGTERM.
func newServeCmd(env *cliEnv) *cobra.Command {
	return &cobra.Command{Use: "serve", Short: "run the schedules and webhook triggers without a window",
		Long: `Runs the data folder's schedules and webhook triggers with no window, until
SIGINT (Ctrl-C) or SIGTERM, printing each run as it starts and ends. The
window and serve cannot hold one data folder together: the second says
which process holds it and exits with status 1, and so do the other
commands while serve runs (runs list, runs approve…). Runs in progress
when it stops are cancelled and recorded.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return env.withData(func(s *service.Services) error {
				ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
				defer stop()
				return env.serve(ctx, s)
			})
		}}
}

// serve starts the listener and the scheduler and waits for ctx to end.
func (env *cliEnv) serve(ctx context.Context, s *service.Services) error {
	s.OnEvent(printServeEvent(env))
	if err := s.StartHooks(ctx); err != nil {
		env.say("webhook triggers: %s", core.ErrorMessage(err))
	}
	if st, err := s.HookStatus(); err == nil && st.Running {
		exposed := ""
		if st.Exposed {
			exposed = " (beyond this machine: only triggers with a shared secret answer)"
		}
		fmt.Fprintf(env.stdout, "Webhook triggers listen at %s<token>%s.\n", st.URLBase, exposed)
	}
	fmt.Fprintf(env.stdout, "Serving the schedules of %s; stop with Ctrl-C or SIGTERM.\n", s.DB.Path)
	if err := s.Serve(ctx); err != nil {
		env.say("%s", core.ErrorMessage(err))
		return exitError(ExitFailed)
	}
	fmt.Fprintln(env.stdout, "Stopped.")
	return nil
}

// printServeEvent prints, one line each, when a run starts, every wait
// for a rate limit, and how the run ended. Runs report from their own
// goroutines, so it serialises them.
func printServeEvent(env *cliEnv) func(engine.Event) {
	var mu sync.Mutex
	started := map[uint64]bool{}
	return func(ev engine.Event) {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case ev.RunID == 0:
		case ev.Wait:
			fmt.Fprintf(env.stdout, "Run %d: %s\n", ev.RunID, ev.Message)
		case ev.Finished:
			delete(started, ev.RunID)
			fmt.Fprintf(env.stdout, "Run %d: %s. %s\n", ev.RunID, statusWords[ev.Status], ev.Message)
		case !started[ev.RunID]:
			started[ev.RunID] = true
			fmt.Fprintf(env.stdout, "Run %d started.\n", ev.RunID)
		}
	}
}
