package app

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/affdesk/affdesk/backend/schedule"
	"github.com/spf13/cobra"
)

// ScheduleListing is one automation's schedule as `schedule list` prints it.
type ScheduleListing struct {
	ScheduleState
	Name        string `json:"name"`
	Description string `json:"description"`
}

// newScheduleCmd is `affdesk schedule list`.
func newScheduleCmd(env *cliEnv) *cobra.Command {
	return groupCmd("schedule", "list the automations' schedules and their next runs", newScheduleListCmd(env))
}

func newScheduleListCmd(env *cliEnv) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{Use: "list [--json]", Short: "each automation with a schedule: on or off, in words, its next run",
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			out, err := env.openData(func(s *Services) (any, error) { return s.ScheduleListings() })
			if err != nil {
				return env.reportErr(err)
			}
			if asJSON {
				return env.writeJSON(out)
			}
			printSchedules(env.stdout, out.([]ScheduleListing))
			return nil
		}}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON instead of a table")
	return cmd
}

// ScheduleListings returns every automation that has a schedule, with its
// state and its schedule in words.
func (s *Services) ScheduleListings() ([]ScheduleListing, error) {
	states, err := s.ScheduleStates()
	if err != nil {
		return nil, err
	}
	out := make([]ScheduleListing, 0, len(states))
	for _, st := range states {
		a, err := s.DB.GetAutomation(st.AutomationID)
		if err != nil {
			return nil, err
		}
		out = append(out, ScheduleListing{ScheduleState: st, Name: a.Name, Description: schedule.Describe(*a.Schedule)})
	}
	return out, nil
}

func printSchedules(w io.Writer, list []ScheduleListing) {
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
