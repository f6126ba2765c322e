package core

import (
	"fmt"
	"time"
)

// Date presets of Pull Stats, persisted.
var DatePresets = [][2]string{
	{"today", "Today"}, {"yesterday", "Yesterday"}, {"last_7_days", "Last 7 days"}, {"last_14_days", "Last 14 days"},
	{"last_30_days", "Last 30 days"}, {"this_week", "This week"}, {"last_week", "Last week"}, {"this_month", "This month"},
	{"last_month", "Last month"}, {"this_year", "This year"}, {"custom", "Custom"},
}

// ResolveDates turns a preset into the first and last day it covers, in
// now's location: midnight of the first day to the last second of the last.
// "Last N days" end yesterday; weeks start on Monday. Custom uses from and
// to (YYYY-MM-DD).
func ResolveDates(preset string, now time.Time, from, to string) (time.Time, time.Time, error) {
	day := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location()) }
	today := day(now)
	end := func(d time.Time) time.Time { return d.AddDate(0, 0, 1).Add(-time.Second) }
	weekStart := today.AddDate(0, 0, -((int(today.Weekday()) + 6) % 7))
	monthStart := time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, today.Location())
	switch preset {
	case "today":
		return today, end(today), nil
	case "yesterday":
		y := today.AddDate(0, 0, -1)
		return y, end(y), nil
	case "last_7_days", "last_14_days", "last_30_days":
		n := map[string]int{"last_7_days": 7, "last_14_days": 14, "last_30_days": 30}[preset]
		return today.AddDate(0, 0, -n), end(today.AddDate(0, 0, -1)), nil
	case "this_week":
		return weekStart, end(today), nil
	case "last_week":
		return weekStart.AddDate(0, 0, -7), end(weekStart.AddDate(0, 0, -1)), nil
	case "this_month":
		return monthStart, end(today), nil
	case "last_month":
		return monthStart.AddDate(0, -1, 0), end(monthStart.AddDate(0, 0, -1)), nil
	case "this_year":
		return time.Date(today.Year(), 1, 1, 0, 0, 0, 0, today.Location()), end(today), nil
	case "custom":
		f, err1 := time.ParseInLocation("2006-01-02", from, now.Location())
		t, err2 := time.ParseInLocation("2006-01-02", to, now.Location())
		if err1 != nil || err2 != nil || t.Before(f) {
			return f, t, FieldError("stats.from", "Custom dates must be YYYY-MM-DD, the first not after the last.")
		}
		return f, end(t), nil
	}
	return today, today, FieldError("stats.datePreset", "Unknown date preset %q.", preset)
}

// DescribeRange renders a resolved range for logs: 2024-05-06 to 2024-05-12 (Europe/Berlin).
func DescribeRange(from, to time.Time) string {
	return fmt.Sprintf("%s to %s (%s)", from.Format("2006-01-02"), to.Format("2006-01-02"), from.Location())
}
