package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/spf13/cobra"
)

// newRunsCmd is `affdesk runs list|show|approve|reject`.
func newRunsCmd(env *cliEnv) *cobra.Command {
	return groupCmd("runs", "list and show runs; approve or reject a waiting one",
		newRunsListCmd(env), newRunsShowCmd(env), newApproveCmd(env), newRejectCmd(env))
}

func newRunsListCmd(env *cliEnv) *cobra.Command {
	var auto, status string
	var limit int
	var asJSON bool
	cmd := &cobra.Command{Use: "list [--automation NAME|ID] [--status S] [--limit N] [--json]", Short: "list runs, newest first",
		Long: `Lists runs, newest first: ID, automation, status, start and duration.
--status takes a stored status: completed, completed_with_errors, failed,
stopped, waiting_approval, cancelled, interrupted or running.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			f := core.RunFilter{Status: core.RunStatus(status), Limit: limit}
			if status != "" && statusWords[f.Status] == "" {
				return usagef("--status %q is not a run status: use one of %s", status, statusList())
			}
			if limit < 0 {
				return usagef("--limit must be 0 (no limit) or more")
			}
			return env.readData(func(s *service.Services) error {
				runs, err := s.ListRuns(auto, f)
				if err != nil {
					return env.reportErr(err, core.ENOTFOUND, core.ECONFLICT)
				}
				if asJSON {
					return env.writeJSON(runs)
				}
				printRunTable(env.stdout, runs)
				return nil
			})
		}}
	cmd.Flags().StringVar(&auto, "automation", "", "only the runs of this automation (name or ID)")
	cmd.Flags().StringVar(&status, "status", "", "only the runs with this status")
	cmd.Flags().IntVar(&limit, "limit", 50, "at most this many runs (0: all)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON instead of a table")
	_ = cmd.RegisterFlagCompletionFunc("automation", env.completeAutomations)
	_ = cmd.RegisterFlagCompletionFunc("status", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return statusNames(), cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// printRunTable writes runs as an aligned table.
func printRunTable(w io.Writer, runs []core.Run) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tAUTOMATION\tSTATUS\tSTARTED\tDURATION")
	for _, r := range runs {
		status := statusWords[r.Status]
		if r.DryRun {
			status += " (dry run)"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%.1f s\n", r.ID, short(r.AutomationName, 60), status,
			r.StartedAt.Local().Format("2006-01-02 15:04:05"), float64(r.DurationMs)/1000)
	}
	tw.Flush()
}

func newRunsShowCmd(env *cliEnv) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{Use: "show ID [--json]", Short: "print a run's step log (as affdesk run does), or JSON",
		Args: oneArg("runs show needs a run ID"),
		RunE: func(_ *cobra.Command, args []string) error {
			id, err := parseID("run", args[0])
			if err != nil {
				return err
			}
			return env.readData(func(s *service.Services) error {
				run, err := s.FullRun(id)
				if err != nil {
					return env.reportErr(err)
				}
				if asJSON {
					return env.writeJSON(run)
				}
				printRun(env.stdout, run, nil)
				return nil
			})
		}}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the run record as JSON")
	return cmd
}

// readData opens the data folder for a listing: no secret store and no
// daily backup; f reports its own errors.
func (env *cliEnv) readData(f func(*service.Services) error) error {
	var inner error
	_, err := env.openData(func(s *service.Services) (any, error) { inner = f(s); return nil, nil })
	if err != nil {
		env.say("%s", core.ErrorMessage(err))
		return exitError(ExitFailed)
	}
	return inner
}

// withData opens the data folder with the secret store (as runs need)
// and runs f, which reports its own errors.
func (env *cliEnv) withData(f func(*service.Services) error) error {
	var out error
	code := withServices(env.dataDir, env.stderr, func(s *service.Services) int {
		out = f(s)
		return 0
	})
	if code != 0 {
		return exitError(code)
	}
	return out
}

// writeJSON prints v as indented JSON.
func (env *cliEnv) writeJSON(v any) error {
	enc := json.NewEncoder(env.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		env.say("%v", err)
		return exitError(ExitFailed)
	}
	return nil
}
