package core_test

import (
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

// TestWorseStatus proves the ranking engine and store share: unknown
// over failed over any other status, the first kept on a tie.
func TestWorseStatus(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{core.StepOK, core.StepFailed, core.StepFailed},
		{core.StepFailed, core.StepOK, core.StepFailed},
		{core.StepFailed, core.StepUnknown, core.StepUnknown},
		{core.StepUnknown, core.StepFailed, core.StepUnknown},
		{core.StepOK, core.StepSkipped, core.StepOK},
		{core.StepSkipped, core.StepOK, core.StepSkipped},
		{core.StepHalted, core.StepUnknown, core.StepUnknown},
	}
	for _, tt := range tests {
		if got := core.WorseStatus(tt.a, tt.b); got != tt.want {
			t.Errorf("WorseStatus(%s, %s) = %s, want %s", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestWriteStepStatus proves what a write's outcome makes of its step:
// unknown (or in flight) stays unknown, a dry run's held-back write is
// no failure, a write not sent or refused is a failure.
func TestWriteStepStatus(t *testing.T) {
	tests := []struct {
		outcome     string
		failed, dry bool
		want        string
	}{
		{core.OutcomeSent, false, false, core.StepOK},
		{core.OutcomeSent, true, false, core.StepFailed},
		{core.OutcomeNotSent, false, false, core.StepFailed},
		{core.OutcomeNotSent, false, true, core.StepOK},
		{core.OutcomeUnknown, true, false, core.StepUnknown},
		{core.OutcomeUnknown, false, true, core.StepUnknown},
		{"", false, false, core.StepUnknown},
	}
	for _, tt := range tests {
		if got := core.WriteStepStatus(tt.outcome, tt.failed, tt.dry); got != tt.want {
			t.Errorf("WriteStepStatus(%q, failed %v, dry %v) = %s, want %s", tt.outcome, tt.failed, tt.dry, got, tt.want)
		}
	}
}
