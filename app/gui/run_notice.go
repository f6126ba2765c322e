package gui

import (
	"fmt"
	"sync"

	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
)

// RunNotice is a desktop notification about a scheduled run that needs a
// look: it failed, completed with errors, or waits for approval.
type RunNotice struct {
	RunID uint64
	Title string
	Body  string
}

// runNoticeFor returns the notice a run deserves, and false for runs that
// need none (started by hand or from the command line, or fine).
func runNoticeFor(r core.Run) (RunNotice, bool) {
	if r.Trigger != service.TriggerSchedule && r.Trigger != service.TriggerScheduleCatchUp && r.Trigger != "webhook" {
		return RunNotice{}, false
	}
	what := map[core.RunStatus]string{
		core.RunFailed:          "failed",
		core.RunCompletedErrors: "completed with errors",
		core.RunWaiting:         "is waiting for approval",
		core.RunInterrupted:     "was interrupted",
	}[r.Status]
	if what == "" {
		return RunNotice{}, false
	}
	return RunNotice{RunID: r.ID, Title: fmt.Sprintf("%s %s", r.AutomationName, what),
		Body: fmt.Sprintf("Scheduled run #%d. Click to open it in Runs & Logs.", r.ID)}, true
}

// noticeOnce remembers which run and status were already notified, so a
// run's repeated progress events make one notification per status.
type noticeOnce struct {
	mu   sync.Mutex
	seen map[uint64]core.RunStatus
}

// first reports whether (id, status) is new, and remembers it.
func (n *noticeOnce) first(id uint64, status core.RunStatus) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.seen == nil {
		n.seen = map[uint64]core.RunStatus{}
	}
	if n.seen[id] == status {
		return false
	}
	n.seen[id] = status
	return true
}

// noticeStatus reports whether a run event's status may deserve a
// notification, before the run is read from the store.
func noticeStatus(s core.RunStatus) bool {
	return s == core.RunFailed || s == core.RunCompletedErrors || s == core.RunWaiting || s == core.RunInterrupted
}

// RunNoticeFor reads a run and returns its notification, once per run
// and status; false when it needs none or was already notified.
func RunNoticeFor(s *service.Services, runID uint64, status core.RunStatus, seen *noticeOnce) (RunNotice, bool) {
	if !noticeStatus(status) || !seen.first(runID, status) {
		return RunNotice{}, false
	}
	r, err := s.DB.GetRun(runID)
	if err != nil {
		return RunNotice{}, false
	}
	return runNoticeFor(r)
}
