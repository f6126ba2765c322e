package schedule_test

import (
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/schedule"
)

func daily(at, tz string) core.Schedule {
	return core.Schedule{Kind: core.ScheduleDaily, At: at, Timezone: tz}
}

func every(n int, unit, tz string) core.Schedule {
	return core.Schedule{Kind: core.ScheduleEvery, Every: n, Unit: unit, Timezone: tz}
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestNext asserts exact instants, including daylight-saving gaps and
// overlaps in New York (8 March and 1 November 2026) and Berlin (29 March
// and 25 October 2026).
func TestNext(t *testing.T) {
	const ny, berlin = "America/New_York", "Europe/Berlin"
	monthly := func(day int, tz string) core.Schedule {
		return core.Schedule{Kind: core.ScheduleMonthly, At: "09:00", DayOfMonth: day, Timezone: tz}
	}
	tests := []struct {
		name  string
		s     core.Schedule
		after string
		want  []string
	}{
		{"timezone winter", daily("09:00", berlin), "2026-01-10T00:00:00Z", []string{"2026-01-10T08:00:00Z", "2026-01-11T08:00:00Z"}},
		{"timezone summer", daily("09:00", berlin), "2026-07-10T00:00:00Z", []string{"2026-07-10T07:00:00Z"}},
		{"timezone Tokyo", daily("09:00", "Asia/Tokyo"), "2026-07-10T00:00:00Z", []string{"2026-07-11T00:00:00Z"}},
		{"slot equal to after is not next", daily("09:00", "UTC"), "2026-07-10T09:00:00Z", []string{"2026-07-11T09:00:00Z"}},
		{"NY gap daily", daily("02:30", ny), "2026-03-07T12:00:00-05:00",
			[]string{"2026-03-08T03:00:00-04:00", "2026-03-09T02:30:00-04:00", "2026-03-10T02:30:00-04:00"}},
		{"NY gap cron", core.Schedule{Kind: core.ScheduleCron, Cron: "30 2 * * *", Timezone: ny}, "2026-03-07T12:00:00-05:00",
			[]string{"2026-03-08T03:00:00-04:00", "2026-03-09T02:30:00-04:00"}},
		{"NY gap every 15 minutes", every(15, "minutes", ny), "2026-03-08T01:40:00-05:00",
			[]string{"2026-03-08T01:45:00-05:00", "2026-03-08T03:00:00-04:00", "2026-03-08T03:15:00-04:00", "2026-03-08T03:30:00-04:00"}},
		{"NY overlap daily", daily("01:30", ny), "2026-10-31T12:00:00-04:00",
			[]string{"2026-11-01T01:30:00-04:00", "2026-11-02T01:30:00-05:00"}},
		{"NY overlap every 30 minutes", every(30, "minutes", ny), "2026-11-01T00:50:00-04:00",
			[]string{"2026-11-01T01:00:00-04:00", "2026-11-01T01:30:00-04:00", "2026-11-01T02:00:00-05:00", "2026-11-01T02:30:00-05:00"}},
		{"NY overlap from the second pass", every(30, "minutes", ny), "2026-11-01T01:10:00-05:00",
			[]string{"2026-11-01T02:00:00-05:00", "2026-11-01T02:30:00-05:00"}},
		{"Berlin gap daily", daily("02:30", berlin), "2026-03-28T12:00:00+01:00",
			[]string{"2026-03-29T03:00:00+02:00", "2026-03-30T02:30:00+02:00"}},
		{"Berlin gap hourly", every(1, "hours", berlin), "2026-03-29T00:30:00+01:00",
			[]string{"2026-03-29T01:00:00+01:00", "2026-03-29T03:00:00+02:00", "2026-03-29T04:00:00+02:00"}},
		{"Berlin overlap daily", daily("02:30", berlin), "2026-10-24T12:00:00+02:00",
			[]string{"2026-10-25T02:30:00+02:00", "2026-10-26T02:30:00+01:00"}},
		{"Berlin overlap hourly", every(1, "hours", berlin), "2026-10-25T01:30:00+02:00",
			[]string{"2026-10-25T02:00:00+02:00", "2026-10-25T03:00:00+01:00", "2026-10-25T04:00:00+01:00"}},
		{"monthly 31 in short months", monthly(31, berlin), "2026-01-31T10:00:00+01:00",
			[]string{"2026-02-28T09:00:00+01:00", "2026-03-31T09:00:00+02:00", "2026-04-30T09:00:00+02:00"}},
		{"monthly 29 in a leap year", monthly(29, "UTC"), "2028-02-01T00:00:00Z",
			[]string{"2028-02-29T09:00:00Z", "2028-03-29T09:00:00Z"}},
		{"monthly 15", monthly(15, "UTC"), "2026-02-16T00:00:00Z", []string{"2026-03-15T09:00:00Z"}},
		{"weekly Monday and Friday", core.Schedule{Kind: core.ScheduleWeekly, At: "09:00", Days: []int{5, 1}, Timezone: "UTC"},
			"2026-07-06T10:00:00Z", []string{"2026-07-10T09:00:00Z", "2026-07-13T09:00:00Z"}},
		{"once ahead", core.Schedule{Kind: core.ScheduleOnce, At: "2026-12-01T09:00", Timezone: berlin},
			"2026-01-01T00:00:00Z", []string{"2026-12-01T09:00:00+01:00"}},
		{"once passed", core.Schedule{Kind: core.ScheduleOnce, At: "2026-12-01T09:00", Timezone: berlin},
			"2026-12-01T08:00:00Z", nil},
		{"never: 30 February", core.Schedule{Kind: core.ScheduleCron, Cron: "0 0 30 2 *", Timezone: "UTC"}, "2026-01-01T00:00:00Z", nil},
	}
	for _, tt := range tests {
		got := schedule.Next(tt.s, mustTime(t, tt.after), 4)
		if len(got) > len(tt.want) {
			got = got[:len(tt.want)]
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
			continue
		}
		for i, w := range tt.want {
			if !got[i].Equal(mustTime(t, w)) {
				t.Errorf("%s: slot %d is %s, want %s", tt.name, i, got[i].Format(time.RFC3339), w)
			}
		}
	}
}

// TestNextZone asserts slots come in the schedule's zone, so their
// Format shows the local wall time.
func TestNextZone(t *testing.T) {
	got := schedule.Next(daily("09:00", "Europe/Berlin"), mustTime(t, "2026-07-10T00:00:00Z"), 1)
	if len(got) != 1 || got[0].Format("15:04 MST") != "09:00 CEST" {
		t.Fatalf("got %v", got)
	}
	if got := schedule.Next(daily("25:00", "UTC"), time.Now(), 3); got != nil {
		t.Errorf("an invalid schedule has slots: %v", got)
	}
}
