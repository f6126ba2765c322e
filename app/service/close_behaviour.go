package service

import (
	"slices"

	"github.com/affdesk/affdesk/backend/core"
)

// Close behaviours: what closing the window does while schedules are on.
// Persisted as the "close_behaviour" setting.
const (
	CloseAsk        = "ask"        // ask once, then remember the answer (default)
	CloseBackground = "background" // hide the window; schedules keep running
	CloseQuit       = "quit"       // quit; schedules wait for the next start
)

const keyCloseBehaviour = "close_behaviour"

// CloseAction is what the window does when asked to close.
type CloseAction int

// The close actions decideClose returns.
const (
	CloseActionQuit CloseAction = iota // let the window close and the app quit
	CloseActionHide                    // hide the window and keep running
	CloseActionAsk                     // ask the user first
)

// decideClose says what a close request does: with no schedule on the
// app always quits; otherwise the remembered behaviour decides.
func decideClose(behaviour string, schedulesOn bool) CloseAction {
	switch {
	case !schedulesOn || behaviour == CloseQuit:
		return CloseActionQuit
	case behaviour == CloseBackground:
		return CloseActionHide
	default:
		return CloseActionAsk
	}
}

// CloseBehaviour returns what closing the window does while schedules
// are on: ask (the default), background or quit.
func (s *Services) CloseBehaviour() (string, error) {
	raw, err := s.DB.Setting(keyCloseBehaviour)
	if err != nil || !validCloseBehaviour(raw) {
		return CloseAsk, err
	}
	return raw, nil
}

// SetCloseBehaviour stores what closing the window does while schedules
// are on. Returns an EINVALID error on "closeBehaviour" for any other value.
func (s *Services) SetCloseBehaviour(b string) error {
	if !validCloseBehaviour(b) {
		return core.FieldError("closeBehaviour", "When the window closes, AffDesk can keep running in the background, quit, or ask.")
	}
	return s.DB.SetSetting(keyCloseBehaviour, b)
}

func validCloseBehaviour(b string) bool {
	return slices.Contains([]string{CloseAsk, CloseBackground, CloseQuit}, b)
}

// SchedulesOn reports whether any automation has an enabled schedule (and
// schedules are not paused) or an enabled webhook trigger, so closing the
// window would stop runs the user expects.
func (s *Services) SchedulesOn() (bool, error) {
	paused, err := s.SchedulesPaused()
	if err != nil {
		return false, err
	}
	all, err := s.DB.ListAutomations()
	if err != nil {
		return false, err
	}
	return slices.ContainsFunc(all, func(a core.Automation) bool {
		return (!paused && a.Schedule != nil && a.Schedule.Enabled) || a.HookEnabled()
	}), nil
}

// CloseActionFor says what a close request does now.
func (s *Services) CloseActionFor() (CloseAction, error) {
	on, err := s.SchedulesOn()
	if err != nil {
		return CloseActionQuit, err
	}
	b, err := s.CloseBehaviour()
	return decideClose(b, on), err
}
