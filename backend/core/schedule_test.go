package core_test

import (
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

func TestScheduleValidate(t *testing.T) {
	ok := func(s core.Schedule) core.Schedule {
		if s.Timezone == "" {
			s.Timezone = "Europe/Berlin"
		}
		return s
	}
	tests := []struct {
		name  string
		s     core.Schedule
		field string
	}{
		{"once", ok(core.Schedule{Kind: core.ScheduleOnce, At: "2026-12-01T09:00"}), ""},
		{"once without a time", ok(core.Schedule{Kind: core.ScheduleOnce, At: "2026-12-01"}), "schedule.at"},
		{"every 15 minutes", ok(core.Schedule{Kind: core.ScheduleEvery, Every: 15, Unit: "minutes"}), ""},
		{"every 7 minutes", ok(core.Schedule{Kind: core.ScheduleEvery, Every: 7, Unit: "minutes"}), "schedule.every"},
		{"every 6 hours", ok(core.Schedule{Kind: core.ScheduleEvery, Every: 6, Unit: "hours"}), ""},
		{"every 2 days", ok(core.Schedule{Kind: core.ScheduleEvery, Every: 2, Unit: "days"}), "schedule.unit"},
		{"daily", ok(core.Schedule{Kind: core.ScheduleDaily, At: "02:30"}), ""},
		{"daily at 24:00", ok(core.Schedule{Kind: core.ScheduleDaily, At: "24:00"}), "schedule.at"},
		{"weekly", ok(core.Schedule{Kind: core.ScheduleWeekly, At: "09:00", Days: []int{1, 5}}), ""},
		{"weekly on no day", ok(core.Schedule{Kind: core.ScheduleWeekly, At: "09:00"}), "schedule.days"},
		{"weekly on day 7", ok(core.Schedule{Kind: core.ScheduleWeekly, At: "09:00", Days: []int{7}}), "schedule.days"},
		{"monthly", ok(core.Schedule{Kind: core.ScheduleMonthly, At: "09:00", DayOfMonth: 31}), ""},
		{"monthly on day 0", ok(core.Schedule{Kind: core.ScheduleMonthly, At: "09:00"}), "schedule.dayOfMonth"},
		{"cron", ok(core.Schedule{Kind: core.ScheduleCron, Cron: "0 9 * * MON"}), ""},
		{"cron of six fields", ok(core.Schedule{Kind: core.ScheduleCron, Cron: "0 0 9 * * MON"}), "schedule.cron"},
		{"unknown kind", ok(core.Schedule{Kind: "hourly"}), "schedule.kind"},
		{"no timezone", core.Schedule{Kind: core.ScheduleDaily, At: "09:00", Timezone: ""}, "schedule.timezone"},
		{"unknown timezone", core.Schedule{Kind: core.ScheduleDaily, At: "09:00", Timezone: "Mars/Olympus"}, "schedule.timezone"},
		{"bad overlap", ok(core.Schedule{Kind: core.ScheduleDaily, At: "09:00", Overlap: "later"}), "schedule.overlap"},
		{"catch-up window too long", ok(core.Schedule{Kind: core.ScheduleDaily, At: "09:00", Missed: core.MissedCatchUp, CatchUpHours: 200}), "schedule.catchUpHours"},
	}
	for _, tt := range tests {
		err := tt.s.Validate()
		if core.ErrorField(err) != tt.field || (tt.field == "") != (err == nil) {
			t.Errorf("%s: %v, want field %q", tt.name, err, tt.field)
		}
	}
	s := ok(core.Schedule{Kind: core.ScheduleDaily, At: "09:00", Missed: core.MissedCatchUp})
	if err := s.Validate(); err != nil || s.Overlap != core.OverlapSkip || s.CatchUpHours != core.DefaultCatchUpHours {
		t.Errorf("defaults: %+v %v", s, err)
	}
}
