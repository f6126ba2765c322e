package app

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// runCommand runs `affdesk run NAME|ID [--dry-run]`: the automation to its
// end, printing each step, and returns the exit code (0 completed or
// stopped by a condition, 1 anything else).
func (s *Services) runCommand(args []string, stdout, stderr io.Writer) int {
	ref, dry := "", false
	for _, a := range args {
		if a == "--dry-run" {
			dry = true
		} else if ref == "" {
			ref = a
		}
	}
	if ref == "" {
		fmt.Fprintln(stderr, "affdesk: run needs an automation name or ID")
		return 2
	}
	a, err := s.FindAutomation(ref)
	if err != nil {
		fmt.Fprintln(stderr, "affdesk:", core.ErrorMessage(err))
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	run, err := s.RunNow(ctx, a.ID, dry, "cli")
	if err != nil {
		fmt.Fprintln(stderr, "affdesk:", core.ErrorMessage(err))
		return 1
	}
	printRun(stdout, run)
	if run.Status == core.RunCompleted || run.Status == core.RunStopped || run.Status == core.RunWaiting {
		return 0
	}
	return 1
}

// printRun writes a run's step log for people.
func printRun(w io.Writer, run core.Run) {
	mode := ""
	if run.DryRun {
		mode = " (dry run: nothing that writes was sent)"
	}
	fmt.Fprintf(w, "Run %d of %q%s\n", run.ID, run.AutomationName, mode)
	for _, st := range run.Steps {
		printStep(w, st, "  ")
	}
	fmt.Fprintf(w, "%s in %.1f s", statusWords[run.Status], float64(run.DurationMs)/1000)
	if run.Error != "" {
		fmt.Fprintf(w, ": %s", run.Error)
	}
	if run.Waiting != nil {
		fmt.Fprintf(w, ": %s (approve it in the app)", run.Waiting.Message)
	}
	fmt.Fprintln(w)
}

var statusWords = map[core.RunStatus]string{
	core.RunCompleted: "Completed", core.RunFailed: "Failed", core.RunStopped: "Stopped by condition",
	core.RunWaiting: "Waiting for approval", core.RunCancelled: "Cancelled", core.RunInterrupted: "Interrupted", core.RunRunning: "Running",
}

func printStep(w io.Writer, st core.StepResult, indent string) {
	fmt.Fprintf(w, "%s%s. %s [%s]", indent, st.Label, st.Name, st.Status)
	if st.Items != nil {
		fmt.Fprintf(w, " %d items: %d succeeded, %d failed, %d skipped", st.Items.Total, st.Items.Succeeded, st.Items.Failed, st.Items.Skipped)
	}
	if st.Rows > 0 {
		fmt.Fprintf(w, " %d rows", st.Rows)
	}
	fmt.Fprintln(w)
	for _, r := range st.Requests {
		tag := ""
		if r.NotSent {
			tag = "WOULD SEND "
		}
		line := fmt.Sprintf("%s%s %s", tag, r.Method, r.URL)
		if r.Status != 0 {
			line += fmt.Sprintf(" -> %d", r.Status)
		}
		fmt.Fprintf(w, "%s   %s\n", indent, line)
		if r.NotSent && r.Body != "" {
			fmt.Fprintf(w, "%s     %s\n", indent, strings.ReplaceAll(short(r.Body, 300), "\n", " "))
		}
	}
	skipped := 0
	for _, it := range st.Iterations {
		if it.Status == core.StepSkipped {
			skipped++
			continue
		}
		fmt.Fprintf(w, "%s   item %d [%s] %s\n", indent, it.Index, it.Status, short(it.Item, 80))
		for _, child := range it.Steps {
			printStep(w, child, indent+"      ")
		}
	}
	if skipped > 0 {
		fmt.Fprintf(w, "%s   (%d items skipped by a condition)\n", indent, skipped)
	}
	for _, x := range st.Warnings {
		fmt.Fprintf(w, "%s   ! %s\n", indent, x)
	}
	if st.Error != "" {
		fmt.Fprintf(w, "%s   error: %s\n", indent, st.Error)
	}
}

func short(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
