package core

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Schedule kinds: the friendly forms and raw cron. Persisted.
const (
	ScheduleOnce    = "once"    // once, at At (2006-01-02T15:04)
	ScheduleEvery   = "every"   // every Every minutes or hours (Unit)
	ScheduleDaily   = "daily"   // every day at At (15:04)
	ScheduleWeekly  = "weekly"  // on Days at At
	ScheduleMonthly = "monthly" // on DayOfMonth at At
	ScheduleCron    = "cron"    // a five-field cron expression in Cron
)

// Overlap policies: what a slot does while the automation's previous run
// is still going. Persisted.
const (
	OverlapSkip     = "skip"     // the slot is recorded as skipped, with the reason (default)
	OverlapQueue    = "queue"    // one slot waits for the running run, then runs
	OverlapParallel = "parallel" // the slot runs beside the running run
)

// Missed-slot policies: what AffDesk does about slots that passed while it
// was not running (closed, asleep). Persisted.
const (
	MissedSkip    = "skip"     // each is recorded as missed (default)
	MissedCatchUp = "catch_up" // one catch-up run for all missed slots within the catch-up window
)

// DefaultCatchUpHours is how far back missed slots are caught up.
const DefaultCatchUpHours = 6

// EveryMinutes and EveryHours are the intervals Every may take: those
// that divide an hour or a day, so slots fall on the same clock times
// every day (every 15 minutes is :00, :15, :30, :45).
var (
	EveryMinutes = []int{1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30}
	EveryHours   = []int{1, 2, 3, 4, 6, 8, 12}
)

// Schedule says when an automation runs by itself. Times are wall-clock
// times in Timezone.
type Schedule struct {
	Enabled      bool   `json:"enabled"`
	Kind         string `json:"kind"`
	At           string `json:"at,omitempty"`         // 15:04; for once 2006-01-02T15:04
	Every        int    `json:"every,omitempty"`      // every: the interval
	Unit         string `json:"unit,omitempty"`       // every: "minutes" or "hours"
	Days         []int  `json:"days,omitempty"`       // weekly: 0 Sunday … 6 Saturday
	DayOfMonth   int    `json:"dayOfMonth,omitempty"` // monthly: 1-31 (a shorter month runs on its last day)
	Cron         string `json:"cron,omitempty"`       // cron: minute hour day-of-month month day-of-week
	Timezone     string `json:"timezone"`
	Overlap      string `json:"overlap"`
	Missed       string `json:"missed"`
	CatchUpHours int    `json:"catchUpHours,omitempty"` // catch_up: how far back (1-168; default 6)
}

var (
	clockTime = regexp.MustCompile(`^([01]\d|2[0-3]):[0-5]\d$`)
	onceTime  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$`)
)

// Validate checks the schedule's fields and fills the policy defaults; a
// cron expression's syntax is checked by the scheduler (backend/schedule).
// Errors name the field under "schedule.".
func (s *Schedule) Validate() error {
	s.Overlap, s.Missed = orDefault(s.Overlap, OverlapSkip), orDefault(s.Missed, MissedSkip)
	if err := ValidTimezone("schedule.timezone", s.Timezone); err != nil {
		return err
	}
	if err := s.validateForm(); err != nil {
		return err
	}
	return s.validatePolicies()
}

func (s *Schedule) validateForm() error {
	switch s.Kind {
	case ScheduleOnce:
		if _, err := time.Parse("2006-01-02T15:04", s.At); err != nil || !onceTime.MatchString(s.At) {
			return FieldError("schedule.at", "Give the date and time to run at, e.g. 2026-12-01T09:00.")
		}
	case ScheduleEvery:
		return s.validateEvery()
	case ScheduleDaily, ScheduleWeekly, ScheduleMonthly:
		return s.validateCalendar()
	case ScheduleCron:
		if len(strings.Fields(s.Cron)) != 5 {
			return FieldError("schedule.cron", "A cron expression has five fields: minute hour day-of-month month day-of-week, e.g. 0 9 * * MON.")
		}
	default:
		return FieldError("schedule.kind", "Unknown schedule %q: choose once, every, daily, weekly, monthly or cron.", s.Kind)
	}
	return nil
}

func (s *Schedule) validateEvery() error {
	allowed := map[string][]int{"minutes": EveryMinutes, "hours": EveryHours}[s.Unit]
	if allowed == nil {
		return FieldError("schedule.unit", "Repeat every so many minutes or hours.")
	}
	if !slices.Contains(allowed, s.Every) {
		return FieldError("schedule.every", "Every %d %s does not divide the clock evenly: choose one of %s.", s.Every, s.Unit, joinInts(allowed))
	}
	return nil
}

func (s *Schedule) validateCalendar() error {
	if !clockTime.MatchString(s.At) {
		return FieldError("schedule.at", "Give the time of day as HH:MM, e.g. 09:00.")
	}
	switch {
	case s.Kind == ScheduleWeekly && len(s.Days) == 0:
		return FieldError("schedule.days", "Choose at least one day of the week.")
	case s.Kind == ScheduleWeekly && slices.ContainsFunc(s.Days, func(d int) bool { return d < 0 || d > 6 }):
		return FieldError("schedule.days", "Days of the week are 0 (Sunday) to 6 (Saturday).")
	case s.Kind == ScheduleMonthly && (s.DayOfMonth < 1 || s.DayOfMonth > 31):
		return FieldError("schedule.dayOfMonth", "The day of the month is 1 to 31.")
	}
	return nil
}

func (s *Schedule) validatePolicies() error {
	if !slices.Contains([]string{OverlapSkip, OverlapQueue, OverlapParallel}, s.Overlap) {
		return FieldError("schedule.overlap", "While a run is still going, a slot can skip, queue or run in parallel.")
	}
	if !slices.Contains([]string{MissedSkip, MissedCatchUp}, s.Missed) {
		return FieldError("schedule.missed", "Missed slots are skipped or caught up once.")
	}
	if s.Missed == MissedCatchUp && s.CatchUpHours == 0 {
		s.CatchUpHours = DefaultCatchUpHours
	}
	if s.CatchUpHours < 0 || s.CatchUpHours > 168 {
		return FieldError("schedule.catchUpHours", "The catch-up window is 1 to 168 hours.")
	}
	return nil
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

func joinInts(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.Itoa(x)
	}
	return strings.Join(parts, ", ")
}
