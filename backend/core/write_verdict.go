package core

// statusRank orders the statuses a step can give the item or step that
// holds it: unknown over failed over any other.
var statusRank = map[string]int{StepFailed: 1, StepUnknown: 2}

// WorseStatus returns the status that says more about an item or a step
// of which a and b are parts: StepUnknown over StepFailed over any other
// status (ok, skipped, stopped and waiting tie, and a is kept). The engine
// ranks a live loop item's steps with it, and the store the steps of an
// item it rebuilds from the write journal, so both agree.
func WorseStatus(a, b string) string {
	if statusRank[b] > statusRank[a] {
		return b
	}
	return a
}

// WriteStepStatus is the status a write gives the step that made it,
// from its outcome (OutcomeSent, OutcomeNotSent, OutcomeUnknown, or ""
// while still in flight), whether it ended in an error (refused by the
// tracker, an HTTP status of 400 or more, or no answer), and whether the
// run was a dry run:
//
//   - unknown or in flight: StepUnknown (it may have been applied);
//   - not sent in a dry run: StepOK (held back, as a dry run shows it);
//   - not sent otherwise: StepFailed (provably not applied);
//   - sent with an error: StepFailed;
//   - sent without one: StepOK.
func WriteStepStatus(outcome string, failed, dry bool) string {
	switch {
	case outcome == OutcomeUnknown || outcome == "":
		return StepUnknown
	case outcome == OutcomeNotSent && dry:
		return StepOK
	case outcome == OutcomeNotSent || failed:
		return StepFailed
	}
	return StepOK
}
