package schedule

import (
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// Next returns the next n slots of s strictly after the instant after, in
// order, as instants in the schedule's timezone, by the package's
// daylight-saving rule (see the package comment). It returns fewer when
// the schedule ends (once) or has no slot within five years, and none
// when s is not valid (see Check).
func Next(s core.Schedule, after time.Time, n int) []time.Time {
	p, err := compile(s)
	if err != nil || n <= 0 {
		return nil
	}
	return p.next(after, n)
}

// Check validates s as core's Validate does and also parses its cron
// expression, so a bad expression is an error in the editor. A schedule
// that can never run (0 0 30 2 *: the 30th of February) is an error too.
// Errors are core.FieldError values on "schedule.<field>".
func Check(s core.Schedule) error {
	if err := s.Validate(); err != nil {
		return err
	}
	p, err := compile(s)
	if err != nil {
		return err
	}
	if p.spec != nil && p.spec.Next(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)).IsZero() {
		return core.FieldError("schedule.cron", "The cron expression %q never runs: no date matches it.", s.Cron)
	}
	return nil
}
