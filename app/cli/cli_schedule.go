package cli

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/affdesk/affdesk/app/service"
	"github.com/spf13/cobra"
)

// newScheduleCmd is `affdesk schedule list`.
func newScheduleCmd(env *cliEnv) *cobra.Command {
	return groupCmd("schedule", "list the automations' schedules and their next runs", newScheduleListCmd(env))
}

func newScheduleListCmd(env *cliEnv) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{Use: "list [--json]", Short: "each automation with a schedule: on or off, in words, its next run",
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			out, err := env.openData(func(s *service.Services) (any, error) { return s.ScheduleListings() })
			if err != nil {
				return env.reportErr(err)
			}
			if asJSON {
				return env.writeJSON(out)
			}
			printSchedules(env.stdout, out.([]service.ScheduleListing))
			return nil
		}}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON instead of a table")
	return cmd
}

func printSchedules(w io.Writer, list []service.ScheduleListing) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tAUTOMATION\tSCHEDULE\tSTATE\tNEXT RUN")
	for _, l := range list {
		state, next := "on", l.Next
		if !l.Enabled {
			state, next = "off", "-"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", l.AutomationID, l.Name, l.Description, state, next)
	}
	_ = tw.Flush()
}
