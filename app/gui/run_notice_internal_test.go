package gui

import (
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

// TestRunNoticeOnlyForScheduledRunsThatNeedALook: a scheduled run that
// failed, completed with errors or waits for approval is notified; a
// manual run or a fine one is not.
func TestRunNoticeOnlyForScheduledRunsThatNeedALook(t *testing.T) {
	for _, tc := range []struct {
		trigger string
		status  core.RunStatus
		want    string
	}{
		{"schedule", core.RunFailed, "Cap check failed"},
		{"schedule", core.RunCompletedErrors, "Cap check completed with errors"},
		{"schedule", core.RunWaiting, "Cap check is waiting for approval"},
		{"schedule", core.RunCompleted, ""},
		{"schedule", core.RunStopped, ""},
		{"schedule (catch-up)", core.RunFailed, "Cap check failed"},
		{"webhook", core.RunWaiting, "Cap check is waiting for approval"},
		{"manual", core.RunFailed, ""},
		{"cli", core.RunWaiting, ""},
	} {
		n, ok := runNoticeFor(core.Run{ID: 7, AutomationName: "Cap check", Trigger: tc.trigger, Status: tc.status})
		if ok != (tc.want != "") || n.Title != tc.want {
			t.Errorf("%s %s: got %q (%v), want %q", tc.trigger, tc.status, n.Title, ok, tc.want)
		}
		if ok && (n.RunID != 7 || !strings.Contains(n.Body, "#7")) {
			t.Errorf("%s %s: notice %+v does not name run 7", tc.trigger, tc.status, n)
		}
	}
}

// TestNoticeOnceDedupesPerStatus: repeated events of one status notify
// once; a new status of the same run notifies again.
func TestNoticeOnceDedupesPerStatus(t *testing.T) {
	var seen noticeOnce
	steps := []struct {
		id     uint64
		status core.RunStatus
		want   bool
	}{{1, core.RunWaiting, true}, {1, core.RunWaiting, false}, {2, core.RunWaiting, true}, {1, core.RunFailed, true}, {1, core.RunFailed, false}}
	for i, st := range steps {
		if got := seen.first(st.id, st.status); got != st.want {
			t.Errorf("step %d (%d %s): got %v, want %v", i, st.id, st.status, got, st.want)
		}
	}
}
