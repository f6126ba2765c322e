package schedule

import (
	"fmt"
	"strings"
	"sync"
	"time"

	lnquy "github.com/lnquy/cron"

	"github.com/affdesk/affdesk/backend/core"
)

var describer = sync.OnceValue(func() *lnquy.ExpressionDescriptor {
	d, _ := lnquy.NewDescriptor(lnquy.Use24HourTimeFormat(true))
	return d
})

// Describe says in plain English when s runs, always naming its timezone,
// e.g. "Every Monday and Friday at 09:00 (Europe/Berlin)". A cron
// expression is described by lnquy/cron. It returns "" when s is not
// valid; call Check for the reason.
func Describe(s core.Schedule) string {
	if Check(s) != nil {
		return ""
	}
	return describeForm(s) + " (" + s.Timezone + ")"
}

func describeForm(s core.Schedule) string {
	switch s.Kind {
	case core.ScheduleOnce:
		t, _ := time.Parse("2006-01-02T15:04", s.At)
		return "Once, on " + t.Format("Monday 2 January 2006") + " at " + t.Format("15:04")
	case core.ScheduleEvery:
		return describeEvery(s)
	case core.ScheduleDaily:
		return "Every day at " + s.At
	case core.ScheduleWeekly:
		return "Every " + dayNames(s.Days) + " at " + s.At
	case core.ScheduleMonthly:
		return describeMonthly(s)
	}
	expr, _ := Spec(s)
	d, err := describer().ToDescription(expr, lnquy.Locale_en)
	if err != nil || d == "" {
		return "Cron " + expr
	}
	return d
}

func describeEvery(s core.Schedule) string {
	unit := strings.TrimSuffix(s.Unit, "s")
	if s.Every == 1 {
		if unit == "hour" {
			return "Every hour, on the hour"
		}
		return "Every minute"
	}
	if s.Unit == "hours" {
		return fmt.Sprintf("Every %d hours, on the hour", s.Every)
	}
	return fmt.Sprintf("Every %d minutes", s.Every)
}

func describeMonthly(s core.Schedule) string {
	d := fmt.Sprintf("On day %d of every month at %s", s.DayOfMonth, s.At)
	if s.DayOfMonth > 28 {
		d += ", or on the last day of a shorter month"
	}
	return d
}

// dayNames lists the days Monday first: "Monday", "Monday and Friday",
// "Monday, Wednesday and Friday".
func dayNames(days []int) string {
	var names []string
	for _, d := range []int{1, 2, 3, 4, 5, 6, 0} {
		for _, x := range days {
			if x == d {
				names = append(names, time.Weekday(d).String())
				break
			}
		}
	}
	if len(names) == 7 {
		return "day"
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
