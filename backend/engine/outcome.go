package engine

import (
	"fmt"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// checkTracker tells the user what to do about a write with an unknown
// outcome.
const checkTracker = "Its outcome is unknown: it may or may not have been applied, and it was not resent. Check in the tracker before running it again."

// withErrors returns Completed, or Completed with errors when a step or a
// loop item failed (continue on error included) or a write's outcome is
// unknown, with a message that counts them.
func withErrors(steps []core.StepResult) (core.RunStatus, string) {
	failed, unknown := 0, 0
	for _, st := range steps {
		switch st.Status {
		case core.StepFailed:
			failed++
		case core.StepUnknown:
			unknown++
		}
		if st.Items != nil {
			failed += st.Items.Failed
			unknown += st.Items.Unknown
		}
	}
	if failed == 0 && unknown == 0 {
		return core.RunCompleted, ""
	}
	var parts []string
	if failed > 0 {
		parts = append(parts, countOf(failed, "step or item failed", "steps or items failed"))
	}
	if unknown > 0 {
		parts = append(parts, countOf(unknown, "has an unknown outcome (check it in the tracker)", "have an unknown outcome (check them in the tracker)"))
	}
	return core.RunCompletedErrors, "Completed with errors: " + strings.Join(parts, "; ") + "."
}

// countOf words a count with the singular or plural phrase after it.
func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// settle turns a run that reached its end (Completed) or a condition that
// stopped it (Stopped) into Completed with errors when any step or item
// before failed or has an unknown outcome: a condition never hides an
// error. Other statuses stand.
func settle(status core.RunStatus, msg string, steps []core.StepResult) (core.RunStatus, string) {
	if status != core.RunCompleted && status != core.RunStopped {
		return status, msg
	}
	worst, why := withErrors(steps)
	switch {
	case worst == core.RunCompleted:
		return status, msg
	case status == core.RunStopped:
		return worst, msg + " " + why
	}
	return worst, why
}
