package schedule_test

import (
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/schedule"
)

func TestSpec(t *testing.T) {
	tests := []struct {
		s    core.Schedule
		want string
	}{
		{core.Schedule{Kind: core.ScheduleOnce, At: "2026-12-01T09:00"}, ""},
		{core.Schedule{Kind: core.ScheduleEvery, Every: 1, Unit: "minutes"}, "*/1 * * * *"},
		{core.Schedule{Kind: core.ScheduleEvery, Every: 15, Unit: "minutes"}, "*/15 * * * *"},
		{core.Schedule{Kind: core.ScheduleEvery, Every: 6, Unit: "hours"}, "0 */6 * * *"},
		{core.Schedule{Kind: core.ScheduleDaily, At: "09:05"}, "5 9 * * *"},
		{core.Schedule{Kind: core.ScheduleWeekly, At: "23:59", Days: []int{5, 1, 5}}, "59 23 * * 1,5"},
		{core.Schedule{Kind: core.ScheduleMonthly, At: "00:00", DayOfMonth: 31}, "0 0 31 * *"},
		{core.Schedule{Kind: core.ScheduleCron, Cron: " 0  9 * *   MON "}, "0 9 * * MON"},
	}
	for _, tt := range tests {
		got, err := schedule.Spec(tt.s)
		if err != nil || got != tt.want {
			t.Errorf("%s: %q %v, want %q", tt.s.Kind, got, err, tt.want)
		}
	}
	if _, err := schedule.Spec(core.Schedule{Kind: "hourly"}); core.ErrorField(err) != "schedule.kind" {
		t.Errorf("unknown kind: %v", err)
	}
}

func TestCheck(t *testing.T) {
	cron := func(expr string) core.Schedule {
		return core.Schedule{Kind: core.ScheduleCron, Cron: expr, Timezone: "UTC"}
	}
	tests := []struct {
		name  string
		s     core.Schedule
		field string
		words string
	}{
		{"good cron", cron("*/5 9-17 * * MON-FRI"), "", ""},
		{"good daily", daily("09:00", "Europe/Berlin"), "", ""},
		{"hour 25", cron("0 25 * * *"), "schedule.cron", `The hour field "25" cannot be read: use 0 to 23`},
		{"minute word", cron("x 9 * * *"), "schedule.cron", `The minute field "x" cannot be read`},
		{"day-of-week 9", cron("0 9 * * 9"), "schedule.cron", `The day-of-week field "9"`},
		{"last-day marker", cron("0 0 L * *"), "schedule.cron", `The day-of-month field "L"`},
		{"month 13", cron("0 0 1 13 *"), "schedule.cron", `The month field "13"`},
		{"never runs", cron("0 0 30 2 *"), "schedule.cron", "never runs"},
		{"six fields", cron("0 0 9 * * MON"), "schedule.cron", "five fields"},
		{"descriptor", cron("@daily"), "schedule.cron", "five fields"},
		{"no timezone", daily("09:00", ""), "schedule.timezone", "IANA"},
		{"bad time", daily("9am", "UTC"), "schedule.at", "HH:MM"},
	}
	for _, tt := range tests {
		err := schedule.Check(tt.s)
		if core.ErrorField(err) != tt.field || (tt.field == "") != (err == nil) {
			t.Errorf("%s: %v, want field %q", tt.name, err, tt.field)
			continue
		}
		if err != nil && !contains(core.ErrorMessage(err), tt.words) {
			t.Errorf("%s: %q does not say %q", tt.name, core.ErrorMessage(err), tt.words)
		}
	}
}
