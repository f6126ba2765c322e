package service_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
)

// journalSeen is what the tracker saw of the journal as each write came in.
type journalSeen struct {
	mu       sync.Mutex
	inFlight []bool // per request: a journal entry with no outcome yet existed
}

// trackerWithJournalCheck answers writes with status, and notes for each
// whether its intent was already on disk when it arrived.
func trackerWithJournalCheck(t *testing.T, s *service.Services, status int, seen *journalSeen) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			seen.mu.Lock()
			seen.inFlight = append(seen.inFlight, hasOpenWrite(t, s))
			seen.mu.Unlock()
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(`{"ok":true}`))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// hasOpenWrite reports whether the newest run's journal holds a write
// whose outcome is not recorded yet.
func hasOpenWrite(t *testing.T, s *service.Services) bool {
	runs, err := s.DB.ListRuns(core.RunFilter{Limit: 1})
	if err != nil || len(runs) == 0 {
		return false
	}
	ws, err := s.DB.Writes(runs[0].ID)
	return err == nil && len(ws) == 1 && ws[0].Outcome == ""
}

// TestTestWritesAreJournaledLikeRunWrites sends writes from the Test
// panel: each is recorded as a run of its own before it leaves, with its
// outcome after, and masked records; a read and a bad value record nothing.
func TestTestWritesAreJournaledLikeRunWrites(t *testing.T) {
	cases := []struct {
		name       string
		status     int
		outcome    string
		runStatus  core.RunStatus
		stepStatus string
	}{
		{"applied", 200, core.OutcomeSent, core.RunCompleted, core.StepOK},
		{"refused", 422, core.OutcomeSent, core.RunFailed, core.StepFailed},
		{"answer lost at the gateway", 502, core.OutcomeUnknown, core.RunFailed, core.StepUnknown},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, _ := testkit.MustServices(t, nil)
			seen := &journalSeen{}
			srv := trackerWithJournalCheck(t, s, c.status, seen)
			conn := testkit.SaveConn(t, s, core.ConnectionInput{
				Connection: core.Connection{Name: "Shop", Platform: core.PlatformCustom,
					Settings: map[string]string{"base_url": srv.URL, "auth_mode": "bearer"}},
				Secrets: map[string]string{"token": "tok-journal-secret-4242"},
			})
			tpl := core.ActionTemplate{Name: "Set payout", ConnectionID: conn.ID, Platform: core.PlatformCustom, Kind: core.KindEdit,
				Method: "PUT", Path: "/offers/7", BodyEncoding: core.BodyJSON, Retries: 0,
				Params: []core.Param{{Name: "payout", In: core.InBody, Type: core.TypeNumber, Required: true}}}
			res, _ := s.TestTemplate(service.TestInput{Template: tpl, Values: map[string]string{"payout": "19.90"}, Confirmed: true})
			if len(seen.inFlight) == 0 || !seen.inFlight[0] {
				t.Fatalf("the write reached the tracker before its intent was recorded: %v", seen.inFlight)
			}
			if res.RunID == 0 {
				t.Fatalf("the result names no run: %+v", res)
			}
			run, err := s.DB.GetRun(res.RunID)
			if err != nil {
				t.Fatal(err)
			}
			if run.Trigger != service.TriggerTest || run.Status != c.runStatus || run.AutomationName != "Test: Set payout" {
				t.Errorf("run %q trigger %q status %q, want test / %q", run.AutomationName, run.Trigger, run.Status, c.runStatus)
			}
			ws, _ := s.DB.Writes(res.RunID)
			if len(ws) != 1 || ws[0].Outcome != c.outcome || ws[0].Method != "PUT" || ws[0].Status != c.status {
				t.Errorf("journal %+v, want one PUT with outcome %q and status %d", ws, c.outcome, c.status)
			}
			if len(run.Steps) != 1 || run.Steps[0].Status != c.stepStatus || len(run.Steps[0].Requests) == 0 {
				t.Fatalf("steps %+v", run.Steps)
			}
			for _, h := range run.Steps[0].Requests[0].Headers {
				if strings.Contains(h.Value, "tok-journal-secret") {
					t.Errorf("the recorded request shows the token: %s: %s", h.Name, h.Value)
				}
			}
		})
	}
}

// TestTestReadsAndBadValuesRecordNoRun: a read is no write, and a value
// that cannot be sent leaves nothing to record.
func TestTestReadsAndBadValuesRecordNoRun(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	seen := &journalSeen{}
	srv := trackerWithJournalCheck(t, s, 200, seen)
	conn := testkit.SaveConn(t, s, core.ConnectionInput{
		Connection: core.Connection{Name: "Shop", Platform: core.PlatformCustom, Settings: map[string]string{"base_url": srv.URL, "auth_mode": "none"}},
	})
	read := testkit.GetTemplate(conn.ID, "/offers")
	if res, err := s.TestTemplate(service.TestInput{Template: read}); err != nil || res.RunID != 0 {
		t.Fatalf("read: run %d, err %v", res.RunID, err)
	}
	write := core.ActionTemplate{Name: "Set payout", ConnectionID: conn.ID, Platform: core.PlatformCustom, Kind: core.KindEdit,
		Method: "PUT", Path: "/offers/7", BodyEncoding: core.BodyJSON,
		Params: []core.Param{{Name: "payout", In: core.InBody, Type: core.TypeNumber, Required: true}}}
	if _, err := s.TestTemplate(service.TestInput{Template: write, Values: map[string]string{"payout": "lots"}, Confirmed: true}); core.ErrorField(err) != "values.payout" {
		t.Fatalf("bad value: %v", err)
	}
	runs, _ := s.DB.ListRuns(core.RunFilter{Limit: 10})
	if len(runs) != 0 || len(seen.inFlight) != 0 {
		t.Fatalf("recorded %d runs, sent %d writes; want none", len(runs), len(seen.inFlight))
	}
}
