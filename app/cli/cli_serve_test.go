package cli_test

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
)

// TestServeCatchesUpAndStopsOnSIGTERM runs the real `affdesk serve` on a
// data folder whose schedule missed its slot while nothing was running
// (once, ten minutes ago, saved twenty minutes ago): it catches it up with
// exactly one run, prints it, and stops cleanly on SIGTERM.
func TestServeCatchesUpAndStopsOnSIGTERM(t *testing.T) {
	dir := t.TempDir()
	past := func() time.Time { return time.Now().Add(-20 * time.Minute) }
	s, err := service.Open(service.Config{DataDir: dir, Secrets: testkit.MemSecrets{}, Now: past})
	if err != nil {
		t.Fatal(err)
	}
	slot := time.Now().UTC().Add(-10 * time.Minute).Format("2006-01-02T15:04")
	_, err = s.SaveAutomation(core.Automation{Name: "Once, missed", Steps: []core.Step{{ID: "s1", Kind: core.StepCondition, Match: "all",
		Rules: []core.ConditionRule{{Left: "1", Op: core.OpLess, Right: "2"}}}},
		Schedule: &core.Schedule{Enabled: true, Kind: core.ScheduleOnce, At: slot, Timezone: "UTC", Missed: core.MissedCatchUp, CatchUpHours: 1}})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "--data-dir", dir, "serve")
	cmd.Env = append(os.Environ(), "AFFDESK_TEST_CLI=1")
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 16)
	go func() {
		for sc := bufio.NewScanner(stdout); sc.Scan(); {
			lines <- sc.Text()
		}
		close(lines)
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var seen []string
	for done := false; !done; {
		select {
		case l := <-lines:
			seen = append(seen, l)
			done = strings.Contains(l, "Completed")
		case <-ctx.Done():
			_ = cmd.Process.Kill()
			t.Fatalf("serve printed no finished run: %q", seen)
		}
	}
	_ = cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("serve did not stop cleanly: %v (%q)", err, seen)
	}
	s, err = service.Open(service.Config{DataDir: dir, Secrets: testkit.MemSecrets{}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	runs, _ := s.DB.ListRuns(core.RunFilter{})
	if len(runs) != 1 || runs[0].Trigger != service.TriggerScheduleCatchUp || runs[0].Status != core.RunCompleted {
		t.Fatalf("runs %+v, want one completed catch-up run", runs)
	}
}

// TestScheduleListShowsNextRuns proves `schedule list` prints each
// automation with a schedule, in words, on or off, with its next run.
func TestScheduleListShowsNextRuns(t *testing.T) {
	s, dir := testkit.MustServices(t, nil)
	step := []core.Step{{ID: "s1", Kind: core.StepCondition, Match: "all", Rules: []core.ConditionRule{{Left: "1", Op: core.OpLess, Right: "2"}}}}
	for _, on := range []bool{true, false} {
		name := map[bool]string{true: "Daily on", false: "Daily off"}[on]
		if _, err := s.SaveAutomation(core.Automation{Name: name, Steps: step,
			Schedule: &core.Schedule{Enabled: on, Kind: core.ScheduleDaily, At: "09:00", Timezone: "Europe/Berlin"}}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.SaveAutomation(core.Automation{Name: "By hand", Steps: step}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, out, errOut := run(dir, "schedule", "list")
	if code != 0 || !strings.Contains(out, "Every day at 09:00 (Europe/Berlin)") || !strings.Contains(out, "T09:00:00+01:00") ||
		strings.Contains(out, "By hand") || !strings.Contains(out, "off") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	code, out, _ = run(dir, "schedule", "list", "--json")
	if code != 0 || strings.Count(out, `"automationId"`) != 2 {
		t.Fatalf("json: exit %d\n%s", code, out)
	}
}
