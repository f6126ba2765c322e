package schedule_test

import (
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/schedule"
)

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func TestDescribe(t *testing.T) {
	const b = "Europe/Berlin"
	tests := []struct {
		s    core.Schedule
		want string
	}{
		{core.Schedule{Kind: core.ScheduleWeekly, At: "09:00", Days: []int{5, 1}, Timezone: b}, "Every Monday and Friday at 09:00 (Europe/Berlin)"},
		{core.Schedule{Kind: core.ScheduleWeekly, At: "09:00", Days: []int{0, 3, 1}, Timezone: b}, "Every Monday, Wednesday and Sunday at 09:00 (Europe/Berlin)"},
		{core.Schedule{Kind: core.ScheduleWeekly, At: "09:00", Days: []int{0, 1, 2, 3, 4, 5, 6}, Timezone: b}, "Every day at 09:00 (Europe/Berlin)"},
		{daily("18:30", "UTC"), "Every day at 18:30 (UTC)"},
		{every(1, "minutes", "UTC"), "Every minute (UTC)"},
		{every(15, "minutes", "UTC"), "Every 15 minutes (UTC)"},
		{every(1, "hours", "UTC"), "Every hour, on the hour (UTC)"},
		{every(6, "hours", b), "Every 6 hours, on the hour (Europe/Berlin)"},
		{core.Schedule{Kind: core.ScheduleMonthly, At: "09:00", DayOfMonth: 15, Timezone: b}, "On day 15 of every month at 09:00 (Europe/Berlin)"},
		{core.Schedule{Kind: core.ScheduleMonthly, At: "09:00", DayOfMonth: 31, Timezone: b}, "On day 31 of every month at 09:00, or on the last day of a shorter month (Europe/Berlin)"},
		{core.Schedule{Kind: core.ScheduleOnce, At: "2026-12-01T09:00", Timezone: b}, "Once, on Tuesday 1 December 2026 at 09:00 (Europe/Berlin)"},
		{core.Schedule{Kind: core.ScheduleCron, Cron: "0 9 * * MON", Timezone: "America/New_York"}, "At 09:00, only on Monday (America/New_York)"},
		{core.Schedule{Kind: core.ScheduleCron, Cron: "*/5 * * * *", Timezone: "UTC"}, "Every 5 minutes (UTC)"},
		{core.Schedule{Kind: core.ScheduleCron, Cron: "0 25 * * *", Timezone: "UTC"}, ""},
	}
	for _, tt := range tests {
		if got := schedule.Describe(tt.s); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.s, got, tt.want)
		}
	}
}
