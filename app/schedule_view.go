package app

import (
	"strconv"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/schedule"
)

// The window's view of schedules: a preview while editing, each
// automation's next slot and last scheduled run, and the global pause.
// The scheduler (StartScheduler) adds missed and skipped counts to the
// states it keeps; until it runs they are zero.

const keySchedulesPaused = "schedules_paused"

// SlotTime is one coming slot, for people: in the schedule's timezone,
// and in this computer's local time.
type SlotTime struct {
	At    string `json:"at"`
	Local string `json:"local"`
}

// SchedulePreview is a schedule in words and its next slots.
type SchedulePreview struct {
	Description string     `json:"description"`
	Next        []SlotTime `json:"next"`
}

// ScheduleState is where an automation's schedule stands.
type ScheduleState struct {
	AutomationID uint64         `json:"automationId"`
	Enabled      bool           `json:"enabled"`
	Next         time.Time      `json:"next"`
	LastSlot     time.Time      `json:"lastSlot"`
	LastRunID    uint64         `json:"lastRunId"`
	LastStatus   core.RunStatus `json:"lastStatus"`
	Missed       int            `json:"missed"`
	Skipped      int            `json:"skipped"`
}

const slotLayout = "Mon 2 Jan 2006 15:04"

// PreviewSchedule checks a schedule as edited and returns its description
// and next five slots. Errors are core.FieldError values on "schedule.<field>".
func (s *Services) PreviewSchedule(sch core.Schedule) (SchedulePreview, error) {
	if err := schedule.Check(sch); err != nil {
		return SchedulePreview{}, err
	}
	out := SchedulePreview{Description: schedule.Describe(sch), Next: []SlotTime{}}
	for _, t := range schedule.Next(sch, s.Now(), 5) {
		out.Next = append(out.Next, SlotTime{At: t.Format(slotLayout), Local: t.Local().Format(slotLayout + " MST")})
	}
	return out, nil
}

// DefaultScheduleTimezone is the timezone a new schedule starts in: that
// of the first connection the automation pulls stats from, else this
// computer's.
func (s *Services) DefaultScheduleTimezone(a core.Automation) string {
	tz := ""
	core.Walk(a.Steps, func(st *core.Step, _ []*core.Step) {
		if tz == "" && st.Stats != nil {
			if c, err := s.DB.GetConnection(st.Stats.ConnectionID); err == nil {
				tz = c.Timezone
			}
		}
	})
	if tz == "" {
		tz = time.Local.String()
	}
	if _, err := time.LoadLocation(tz); err != nil || tz == "Local" {
		return "UTC"
	}
	return tz
}

// ScheduleStates returns the state of every automation with a schedule.
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
		st := ScheduleState{AutomationID: a.ID, Enabled: a.Schedule.Enabled}
		if next := schedule.Next(*a.Schedule, s.Now(), 1); a.Schedule.Enabled && len(next) == 1 {
			st.Next = next[0]
		}
		if err := s.lastScheduledRun(&st); err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
}

// lastScheduledRun fills the state's last run from the newest run a
// schedule started.
func (s *Services) lastScheduledRun(st *ScheduleState) error {
	runs, err := s.DB.ListRuns(core.RunFilter{AutomationID: st.AutomationID, Limit: 50})
	if err != nil {
		return err
	}
	for _, r := range runs {
		if r.Trigger == "schedule" {
			st.LastSlot, st.LastRunID, st.LastStatus = r.StartedAt, r.ID, r.Status
			return nil
		}
	}
	return nil
}

// SchedulesPaused reports whether every schedule is paused.
func (s *Services) SchedulesPaused() (bool, error) {
	raw, err := s.DB.Setting(keySchedulesPaused)
	return raw == "true", err
}

// SetSchedulesPaused pauses or resumes every schedule.
func (s *Services) SetSchedulesPaused(paused bool) error {
	return s.DB.SetSetting(keySchedulesPaused, strconv.FormatBool(paused))
}
