package gui

import (
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
)

// CloseBehaviour returns what closing the window does while schedules
// are on: "background", "quit" or "ask".
func (a *SettingsAPI) CloseBehaviour() (string, error) { return guard(a.s.CloseBehaviour) }

// SetCloseBehaviour remembers what closing the window does while
// schedules are on.
func (a *SettingsAPI) SetCloseBehaviour(b string) error {
	return guardErr(func() error { return a.s.SetCloseBehaviour(b) })
}

// Quit ends AffDesk, window and schedules, without the close question.
func (a *SettingsAPI) Quit() {
	if a.quit != nil {
		a.quit()
	}
}

// SchedulesPaused reports whether every schedule is paused.
func (a *SettingsAPI) SchedulesPaused() (bool, error) { return guard(a.s.SchedulesPaused) }

// SetSchedulesPaused pauses or resumes every schedule.
func (a *SettingsAPI) SetSchedulesPaused(paused bool) error {
	return guardErr(func() error { return a.s.SetSchedulesPaused(paused) })
}

// PreviewSchedule describes a schedule as edited and lists its next five
// slots; a bad field is a coded error on "schedule.<field>".
func (a *AutomationsAPI) PreviewSchedule(sch core.Schedule) (service.SchedulePreview, error) {
	return guard(func() (service.SchedulePreview, error) { return a.s.PreviewSchedule(sch) })
}

// ScheduleStates returns where each automation's schedule stands.
func (a *AutomationsAPI) ScheduleStates() ([]service.ScheduleState, error) {
	return guard(a.s.ScheduleStates)
}

// DefaultScheduleTimezone is the timezone a new schedule of the automation starts in.
func (a *AutomationsAPI) DefaultScheduleTimezone(au core.Automation) string {
	return a.s.DefaultScheduleTimezone(au)
}
