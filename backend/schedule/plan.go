package schedule

import (
	"fmt"
	"strings"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/affdesk/affdesk/backend/core"
)

// cronParser reads five-field expressions only: no seconds, no
// descriptors such as @daily.
var cronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow)

// plan is a schedule compiled for finding slots.
type plan struct {
	loc  *time.Location
	spec *cron.SpecSchedule // nil for once
	once time.Time          // once: the wall time
	day  int                // monthly on day 29-31: the day, clamped per month
}

// compile parses s into a plan; it returns a core.FieldError naming the
// field at fault.
func compile(s core.Schedule) (*plan, error) {
	loc, err := time.LoadLocation(s.Timezone)
	if err != nil || s.Timezone == "" {
		return nil, core.FieldError("schedule.timezone", "%q is not an IANA timezone name (try Europe/Berlin or UTC).", s.Timezone)
	}
	p := &plan{loc: loc}
	if s.Kind == core.ScheduleOnce {
		p.once, err = time.ParseInLocation("2006-01-02T15:04", s.At, time.UTC)
		if err != nil {
			return nil, core.FieldError("schedule.at", "Give the date and time to run at, e.g. 2026-12-01T09:00.")
		}
		return p, nil
	}
	expr, err := Spec(s)
	if err != nil {
		return nil, err
	}
	if s.Kind == core.ScheduleMonthly && s.DayOfMonth > 28 {
		// Days 28-31 hold every month's last day; nextWall keeps the one
		// that is min(DayOfMonth, the month's length).
		p.day = s.DayOfMonth
		h, m, _ := clock(s.At)
		expr = fmt.Sprintf("%d %d 28-31 * *", m, h)
	}
	return p, p.parse(expr)
}

func (p *plan) parse(expr string) error {
	if strings.Contains(expr, "=") {
		return core.FieldError("schedule.cron", "Set the timezone in its own field, not inside the cron expression.")
	}
	sched, err := cronParser.Parse(expr)
	if err != nil {
		return cronError(expr)
	}
	p.spec = sched.(*cron.SpecSchedule)
	p.spec.Location = time.UTC
	return nil
}

// nextWall returns the first wall time after the wall time w that is a
// slot of the plan, or the zero time if none is within five years.
func (p *plan) nextWall(w time.Time) time.Time {
	if p.spec == nil {
		if p.once.After(w) {
			return p.once
		}
		return time.Time{}
	}
	for {
		w = p.spec.Next(w)
		if w.IsZero() || p.day == 0 || w.Day() == min(p.day, daysIn(w)) {
			return w
		}
	}
}

// next returns the next n slots strictly after the instant after.
func (p *plan) next(after time.Time, n int) []time.Time {
	var out []time.Time
	p.each(after, func(t time.Time) bool {
		out = append(out, t)
		return len(out) < n
	})
	return out
}

// first returns the first slot after the instant after, or the zero time.
func (p *plan) first(after time.Time) time.Time {
	if s := p.next(after, 1); len(s) == 1 {
		return s[0]
	}
	return time.Time{}
}

// each calls fn with every slot strictly after the instant after, in
// order, while fn returns true, until the schedule has no more.
func (p *plan) each(after time.Time, fn func(time.Time) bool) {
	last, w := after, wallClock(after, p.loc)
	for {
		w = p.nextWall(w)
		if w.IsZero() {
			return
		}
		if t := instant(w, p.loc); t.After(last) {
			if !fn(t) {
				return
			}
			last = t
		}
	}
}

func daysIn(t time.Time) int {
	return time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
