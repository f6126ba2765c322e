package service

import (
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/schedule"
)

// SlotTime is one slot, for people: in the schedule's timezone (At) and
// in this machine's local time (Local, with its zone's abbreviation).
type SlotTime struct {
	At    string `json:"at"`
	Local string `json:"local"`
}

// SchedulePreview is what the schedule editor shows: the schedule in
// words and its next slots.
type SchedulePreview struct {
	Description string     `json:"description"`
	Next        []SlotTime `json:"next"`
}

// ScheduleState is an automation's schedule at a glance, for the list.
type ScheduleState struct {
	AutomationID uint64 `json:"automationId"`
	Enabled      bool   `json:"enabled"`
	Next         string `json:"next"`       // RFC 3339 in the schedule's zone; "" when none
	LastSlot     string `json:"lastSlot"`   // the newest recorded slot; "" when none
	LastRunID    uint64 `json:"lastRunId"`  // the run of the newest fired slot
	LastStatus   string `json:"lastStatus"` // that run's status (core.RunStatus); "" when none
	Missed       int    `json:"missed"`     // missed slots since the last fired one
	Skipped      int    `json:"skipped"`    // skipped slots since the last fired one
}

// previewSlots is how many next slots a preview lists, and slotLayout how.
const (
	previewSlots = 5
	slotLayout   = "Mon 2 Jan 2006 15:04"
)

// PreviewSchedule checks a schedule as edited and describes it with its
// next slots. An invalid schedule is a field error ("schedule.cron" …).
func (s *Services) PreviewSchedule(sc core.Schedule) (SchedulePreview, error) {
	if err := schedule.Check(sc); err != nil {
		return SchedulePreview{}, err
	}
	out := SchedulePreview{Description: schedule.Describe(sc), Next: []SlotTime{}}
	for _, t := range schedule.Next(sc, s.Now(), previewSlots) {
		out.Next = append(out.Next, SlotTime{At: t.Format(slotLayout), Local: t.Local().Format(slotLayout + " MST")})
	}
	return out, nil
}

// ScheduleStates returns the state of every automation that has a
// schedule: its next slot and what became of its recent slots.
func (s *Services) ScheduleStates() ([]ScheduleState, error) {
	all, err := s.DB.ListAutomations()
	if err != nil {
		return nil, err
	}
	out := []ScheduleState{}
	for _, a := range all {
		if a.Schedule == nil {
			continue
		}
		st, err := s.scheduleState(a)
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
}

func (s *Services) scheduleState(a core.Automation) (ScheduleState, error) {
	st := ScheduleState{AutomationID: a.ID, Enabled: a.Schedule.Enabled}
	if next := s.nextSlot(a); !next.IsZero() {
		st.Next = next.Format(time.RFC3339)
	}
	sum, err := s.DB.SlotSummary(a.ID)
	if err != nil {
		return st, err
	}
	st.Missed, st.Skipped = sum.Missed, sum.Skipped
	if f := sum.LastFired; f != nil && f.RunID != 0 {
		st.LastSlot, st.LastRunID = f.Slot.Format(time.RFC3339), f.RunID
		if r, err := s.DB.GetRun(f.RunID); err == nil {
			st.LastStatus = string(r.Status)
		}
	}
	return st, nil
}

// nextSlot is the running scheduler's next slot for a, else the schedule's
// next slot from now; zero when disabled or over.
func (s *Services) nextSlot(a core.Automation) time.Time {
	if !a.Schedule.Enabled {
		return time.Time{}
	}
	s.sched.mu.Lock()
	sc := s.sched.s
	s.sched.mu.Unlock()
	if sc != nil {
		if t, ok := sc.NextSlots()[a.ID]; ok {
			return t
		}
	}
	if next := schedule.Next(*a.Schedule, s.Now(), 1); len(next) == 1 {
		return next[0]
	}
	return time.Time{}
}

// DefaultScheduleTimezone is the timezone a new schedule of a starts
// with: the reporting timezone of the connection of its first step that
// has one, else UTC.
func (s *Services) DefaultScheduleTimezone(a core.Automation) string {
	tz := ""
	core.Walk(a.Steps, func(st *core.Step, _ []*core.Step) {
		if tz == "" {
			tz = s.stepTimezone(*st)
		}
	})
	if tz == "" {
		return "UTC"
	}
	return tz
}

// stepTimezone is the reporting timezone of a step's connection, or "".
func (s *Services) stepTimezone(st core.Step) string {
	var connID uint64
	switch {
	case st.Stats != nil:
		connID = st.Stats.ConnectionID
	case st.Kind.IsAction() && st.TemplateID != 0:
		t, err := s.DB.GetTemplate(st.TemplateID)
		if err != nil {
			return ""
		}
		connID = t.ConnectionID
	}
	if connID == 0 {
		return ""
	}
	c, err := s.DB.GetConnection(connID)
	if err != nil {
		return ""
	}
	return c.Timezone
}
