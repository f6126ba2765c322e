package cli

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// printRun writes a run's step log for people; items reads a top-level
// loop's items.
func printRun(w io.Writer, run core.Run, items func(step string) []core.Iteration) {
	mode := ""
	if run.DryRun {
		mode = " (dry run: nothing that writes was sent)"
	}
	fmt.Fprintf(w, "Run %d of %q%s\n", run.ID, run.AutomationName, mode)
	for _, st := range run.Steps {
		if st.Kind == core.StepForEach && items != nil {
			st.Iterations = items(st.Label)
		}
		printStep(w, st, "  ")
	}
	printWrites(w, run.Writes)
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
	core.RunCompleted: "Completed", core.RunCompletedErrors: "Completed with errors", core.RunFailed: "Failed",
	core.RunStopped: "Stopped by condition", core.RunWaiting: "Waiting for approval", core.RunCancelled: "Cancelled",
	core.RunInterrupted: "Interrupted", core.RunRunning: "Running",
}

// printWrites sums up the run's writes and lists each unknown one.
func printWrites(w io.Writer, s *core.WriteSummary) {
	if s == nil {
		return
	}
	fmt.Fprintf(w, "Writes: %d sent, %d not sent, %d unknown\n", s.Sent, s.NotSent, s.Unknown)
	for _, x := range s.UnknownWrites {
		item := ""
		if x.Item > 0 {
			item = fmt.Sprintf(" item %d", x.Item)
		}
		fmt.Fprintf(w, "  UNKNOWN step %s%s: %s %s: check in the tracker whether it was applied\n", x.Step, item, x.Method, x.URL)
	}
}

func printStep(w io.Writer, st core.StepResult, indent string) {
	fmt.Fprintf(w, "%s%s. %s [%s]", indent, st.Label, st.Name, st.Status)
	if c := st.Items; c != nil {
		fmt.Fprintf(w, " %d items: %d succeeded, %d failed, %d unknown, %d skipped", c.Total, c.Succeeded, c.Failed, c.Unknown, c.Skipped)
	}
	if st.Rows > 0 {
		fmt.Fprintf(w, " %d rows", st.Rows)
	}
	fmt.Fprintln(w)
	for _, r := range st.Requests {
		printRecord(w, r, indent)
	}
	printItems(w, st.Iterations, indent)
	for _, x := range st.Warnings {
		fmt.Fprintf(w, "%s   ! %s\n", indent, x)
	}
	if st.Error != "" {
		fmt.Fprintf(w, "%s   error: %s\n", indent, st.Error)
	}
}

func printRecord(w io.Writer, r core.HTTPRecord, indent string) {
	tag := ""
	switch {
	case r.NotSent:
		tag = "WOULD SEND "
	case r.Outcome == core.OutcomeUnknown:
		tag = "UNKNOWN OUTCOME "
	case r.Outcome == core.OutcomeNotSent:
		tag = "NOT SENT "
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

// printItems prints each item that ran, and the skipped ones counted by
// reason.
func printItems(w io.Writer, items []core.Iteration, indent string) {
	skipped := map[string]int{}
	for _, it := range items {
		if it.Status == core.StepSkipped {
			skipped[it.Error]++
			continue
		}
		fmt.Fprintf(w, "%s   item %d [%s] %s\n", indent, it.Index, it.Status, short(it.Item, 80))
		for _, child := range it.Steps {
			printStep(w, child, indent+"      ")
		}
	}
	reasons := make([]string, 0, len(skipped))
	for r := range skipped {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	for _, r := range reasons {
		why := r
		if why == "" {
			why = "a condition did not hold"
		}
		fmt.Fprintf(w, "%s   (%d items skipped: %s)\n", indent, skipped[r], why)
	}
}

func short(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
