package service_test

import (
	"strings"
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
)

// TestRetentionBySize proves a size limit is checked, and that setting
// one prunes the oldest runs until the history fits.
func TestRetentionBySize(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	if err := s.SetRetention(service.Retention{Days: 90, Runs: 10000, MB: 5}); core.ErrorField(err) != "retention.mb" {
		t.Fatalf("5 MB: %v", err)
	}
	big := strings.Repeat("x", 20<<10)
	for i := 0; i < 700; i++ {
		r := core.Run{AutomationID: 1, AutomationName: "A", Status: core.RunCompleted, StartedAt: testkit.Fixed,
			Steps: []core.StepResult{{StepID: "s1", Label: "1", Status: core.StepOK, Warnings: []string{big}}}}
		if err := s.DB.SaveRun(&r); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := s.HistorySize()
	if err := s.SetRetention(service.Retention{Days: 90, Runs: 10000, MB: 10}); err != nil {
		t.Fatal(err)
	}
	after, _ := s.HistorySize()
	if before.InUseBytes <= 10<<20 || after.InUseBytes > 10<<20 || after.Runs >= before.Runs {
		t.Fatalf("before %+v, after %+v", before, after)
	}
	if r, _ := s.Retention(); r.MB != 10 {
		t.Fatalf("stored %+v", r)
	}
}
