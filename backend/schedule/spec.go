package schedule

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// Spec returns the five-field cron expression (minute hour day-of-month
// month day-of-week) of s: the expression itself for a cron schedule, the
// equivalent one for a friendly form, and "" for once, which has none. A
// monthly schedule on day 29-31 gives "M H D * *"; its slots also fall on
// the last day of shorter months, which the expression alone would skip
// (see Next). Spec checks only what it needs; call Check for the rest.
func Spec(s core.Schedule) (string, error) {
	switch s.Kind {
	case core.ScheduleOnce:
		return "", nil
	case core.ScheduleEvery:
		return everySpec(s)
	case core.ScheduleDaily, core.ScheduleWeekly, core.ScheduleMonthly:
		return calendarSpec(s)
	case core.ScheduleCron:
		return strings.Join(strings.Fields(s.Cron), " "), nil
	}
	return "", core.FieldError("schedule.kind", "Unknown schedule %q: choose once, every, daily, weekly, monthly or cron.", s.Kind)
}

func everySpec(s core.Schedule) (string, error) {
	switch s.Unit {
	case "minutes":
		return fmt.Sprintf("*/%d * * * *", s.Every), nil
	case "hours":
		return fmt.Sprintf("0 */%d * * *", s.Every), nil
	}
	return "", core.FieldError("schedule.unit", "Repeat every so many minutes or hours.")
}

func calendarSpec(s core.Schedule) (string, error) {
	h, m, err := clock(s.At)
	if err != nil {
		return "", err
	}
	switch s.Kind {
	case core.ScheduleWeekly:
		return fmt.Sprintf("%d %d * * %s", m, h, joinDays(s.Days)), nil
	case core.ScheduleMonthly:
		return fmt.Sprintf("%d %d %d * *", m, h, s.DayOfMonth), nil
	}
	return fmt.Sprintf("%d %d * * *", m, h), nil
}

// clock parses "15:04" into hour and minute.
func clock(at string) (hour, minute int, err error) {
	hs, ms, ok := strings.Cut(at, ":")
	hour, err1 := strconv.Atoi(hs)
	minute, err2 := strconv.Atoi(ms)
	if !ok || err1 != nil || err2 != nil || hour < 0 || hour > 23 || minute < 0 || minute > 59 {
		return 0, 0, core.FieldError("schedule.at", "Give the time of day as HH:MM, e.g. 09:00.")
	}
	return hour, minute, nil
}

// joinDays lists the days 0-6 sorted and without repeats, e.g. "1,5".
func joinDays(days []int) string {
	ds := slices.Clone(days)
	slices.Sort(ds)
	ds = slices.Compact(ds)
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = strconv.Itoa(d)
	}
	return strings.Join(parts, ",")
}
