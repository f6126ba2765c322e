package core_test

import (
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

func TestResolveDates(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	// Wednesday 2026-11-18, 00:30 in Berlin: still Tuesday in UTC.
	now := time.Date(2026, 11, 18, 0, 30, 0, 0, berlin)
	tests := []struct{ preset, from, to string }{
		{"today", "2026-11-18", "2026-11-18"},
		{"yesterday", "2026-11-17", "2026-11-17"},
		{"last_7_days", "2026-11-11", "2026-11-17"},
		{"last_14_days", "2026-11-04", "2026-11-17"},
		{"last_30_days", "2026-10-19", "2026-11-17"},
		{"this_week", "2026-11-16", "2026-11-18"},
		{"last_week", "2026-11-09", "2026-11-15"},
		{"this_month", "2026-11-01", "2026-11-18"},
		{"last_month", "2026-10-01", "2026-10-31"},
		{"this_year", "2026-01-01", "2026-11-18"},
	}
	for _, tt := range tests {
		from, to, err := core.ResolveDates(tt.preset, now, "", "")
		if err != nil || from.Format("2006-01-02") != tt.from || to.Format("2006-01-02") != tt.to {
			t.Errorf("%s: %s to %s (%v), want %s to %s", tt.preset, from, to, err, tt.from, tt.to)
		}
		if from.Location() != berlin || from.Hour() != 0 || to.Format("15:04:05") != "23:59:59" {
			t.Errorf("%s: not midnight to midnight in Berlin: %s .. %s", tt.preset, from, to)
		}
	}
	// The week of the October DST change: Monday 26 Oct, clocks went back on Sunday 25.
	dst := time.Date(2026, 10, 27, 12, 0, 0, 0, berlin)
	from, to, _ := core.ResolveDates("last_week", dst, "", "")
	if from.Format("2006-01-02 15:04") != "2026-10-19 00:00" || to.Format("2006-01-02 15:04:05") != "2026-10-25 23:59:59" {
		t.Errorf("DST week: %s .. %s", from, to)
	}
	if _, _, err := core.ResolveDates("custom", now, "2026-11-10", "2026-11-01"); core.ErrorField(err) != "stats.from" {
		t.Errorf("reversed custom range: %v", err)
	}
	if from, to, err := core.ResolveDates("custom", now, "2026-11-01", "2026-11-10"); err != nil || to.Sub(from) != 10*24*time.Hour-time.Second {
		t.Errorf("custom: %s %s %v", from, to, err)
	}
	if _, _, err := core.ResolveDates("fortnight", now, "", ""); core.ErrorField(err) != "stats.datePreset" {
		t.Errorf("unknown preset: %v", err)
	}
}
