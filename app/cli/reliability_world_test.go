//go:build reliability

package cli_test

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
)

// killWorld is one data folder with an automation that lists items and
// writes each one, and an export of it to import again and again.
type killWorld struct {
	bin, dir, bundle, name string
	expect, bundleSize     counts
	lastRun                uint64
	twice, orphans         map[string]bool // tracker keys already counted
}

func newKillWorld(t *testing.T, bin, trackerURL string) *killWorld {
	w := &killWorld{bin: bin, dir: t.TempDir(), name: "Kill loop writes", twice: map[string]bool{}, orphans: map[string]bool{}}
	s, err := service.Open(service.Config{DataDir: w.dir, Secrets: testkit.MemSecrets{}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	conn := testkit.SaveConn(t, s, core.ConnectionInput{Connection: core.Connection{Name: "Loopback tracker", Platform: core.PlatformCustom,
		Settings: map[string]string{"base_url": trackerURL, "auth_mode": "none"}}})
	list := mustSaveTemplate(t, s, core.ActionTemplate{Name: "List items", ConnectionID: conn.ID, Kind: core.KindGet, Method: "GET", Path: "/items", BodyEncoding: core.BodyJSON})
	put := mustSaveTemplate(t, s, core.ActionTemplate{Name: "Write item", ConnectionID: conn.ID, Kind: core.KindEdit, Method: "PUT", Path: "/items/{id}",
		BodyEncoding: core.BodyForm, Retries: 3, Params: []core.Param{{Name: "id", In: core.InPath, Type: core.TypeString, Required: true},
			{Name: "run", In: core.InBody, Type: core.TypeString, Required: true}}})
	a := core.Automation{Name: w.name, Trigger: core.Trigger{Kind: "manual"}, Steps: []core.Step{
		{ID: "s1", Kind: core.StepActionGet, Name: "List", TemplateID: list.ID, Selections: []core.Selection{{Path: "$.items[*]", Variable: "ids"}}},
		{ID: "s2", Kind: core.StepForEach, Name: "Each", Over: "{ids}", Concurrency: 4, Steps: []core.Step{
			{ID: "s3", Kind: core.StepActionEdit, Name: "Write", TemplateID: put.ID, Values: map[string]string{"id": "{item}", "run": "{run_id}"}}}}}}
	if _, err := s.SaveAutomation(a); err != nil {
		t.Fatal(err)
	}
	w.bundle = writeBundle(t, s, w.dir)
	w.expect, w.bundleSize = countRecords(t, s), counts{1, 2, 1}
	return w
}

func mustSaveTemplate(t *testing.T, s *service.Services, tpl core.ActionTemplate) core.ActionTemplate {
	t.Helper()
	out, err := s.SaveTemplate(tpl)
	if err != nil {
		t.Fatalf("save template %q: %v", tpl.Name, err)
	}
	return out
}

func writeBundle(t *testing.T, s *service.Services, dir string) string {
	t.Helper()
	exp, err := s.ExportAutomations()
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(exp)
	path := filepath.Join(filepath.Dir(dir), filepath.Base(dir)+"-bundle.json")
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// start runs the binary on the world's data folder.
func (w *killWorld) start(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(w.bin, append([]string{"--data-dir", w.dir}, args...)...)
	cmd.Env = append(os.Environ(), "DBUS_SESSION_BUS_ADDRESS=disabled:")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// killAfter sends SIGKILL after d and reports whether the process had
// already ended (exit code, true) or was killed (-1, false).
func killAfter(cmd *exec.Cmd, d time.Duration) (int, bool) {
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
		return cmd.ProcessState.ExitCode(), true
	case <-time.After(d):
	}
	_ = cmd.Process.Signal(syscall.SIGKILL)
	<-done
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return -1, false
	}
	return cmd.ProcessState.ExitCode(), true
}

// killRun starts a run and kills it somewhere between its start and a
// little past a full run's length.
func (w *killWorld) killRun(t *testing.T, rng *rand.Rand, st *killStats) {
	if st.runTime == 0 {
		start := time.Now()
		if code, _ := killAfter(w.start(t, "run", w.name), time.Minute); code != 0 {
			t.Fatalf("a full run exits %d", code)
		}
		st.runTime = time.Since(start)
	}
	_, ended := killAfter(w.start(t, "run", w.name), randUpTo(rng, st.runTime*6/5))
	st.killedRuns++
	if ended {
		st.finishedBeforeKill++
	}
}

// killImport starts an import and kills it; afterwards the folder holds
// either all of the bundle or none of it, and all of it if the import
// said it finished.
func (w *killWorld) killImport(t *testing.T, rng *rand.Rand, st *killStats) {
	if st.importTime == 0 {
		start := time.Now()
		if code, _ := killAfter(w.start(t, "automations", "import", w.bundle), time.Minute); code != 0 {
			t.Fatalf("an import exits %d", code)
		}
		st.importTime = time.Since(start)
		w.expect = w.expect.plus(w.bundleSize)
	}
	code, ended := killAfter(w.start(t, "automations", "import", w.bundle), randUpTo(rng, st.importTime*6/5))
	st.killedImports++
	s := openAfterKill(t, w.dir, st)
	defer s.Close()
	got, whole := countRecords(t, s), w.expect.plus(w.bundleSize)
	switch {
	case ended && code == 0 && got != whole:
		st.lostSaves++
	case got != w.expect && got != whole:
		st.halfImports++
	}
	if ended {
		st.finishedBeforeKill++
	}
	if got.autos < w.expect.autos {
		st.lostSaves++
	}
	w.expect = got
}

func randUpTo(rng *rand.Rand, d time.Duration) time.Duration {
	if d <= 0 {
		return 0
	}
	return time.Duration(rng.Int64N(int64(d)))
}

// check opens the folder and compares every new run's write journal with
// what the tracker applied.
func (w *killWorld) check(t *testing.T, tr *killTracker, st *killStats) {
	s := openAfterKill(t, w.dir, st)
	defer s.Close()
	runs, err := s.DB.ListRuns(core.RunFilter{})
	if err != nil {
		t.Fatal(err)
	}
	applied := tr.applied()
	for key, n := range applied {
		if n > 1 && !w.twice[key] {
			st.sentTwice += n - 1
			w.twice[key] = true
		}
	}
	for _, r := range runs {
		if r.ID <= w.lastRun {
			continue
		}
		if !runStatusOK(r) {
			st.stillRunning++
		}
		w.checkJournal(t, s, r.ID, applied, st)
	}
	if len(runs) > 0 && runs[0].ID > w.lastRun {
		w.lastRun = runs[0].ID
	}
	for key := range applied {
		if run := runOf(key); run > w.lastRun && !w.orphans[key] {
			st.missingFromRecord++ // a write for a run that has no record
			w.orphans[key] = true
		}
	}
}

// runKey is the prefix of a run's writes in the tracker's count.
func runKey(id uint64) string { return strconv.FormatUint(id, 10) + "/" }

// runOf reads the run ID of a tracker count's key.
func runOf(key string) uint64 {
	id, _ := strconv.ParseUint(strings.SplitN(key, "/", 2)[0], 10, 64)
	return id
}

func (w *killWorld) checkJournal(t *testing.T, s *service.Services, runID uint64, applied map[string]int, st *killStats) {
	journal, err := s.DB.Writes(runID)
	if err != nil {
		t.Fatal(err)
	}
	recorded := map[string]string{}
	for _, e := range journal {
		key := e.Values["run"] + "/" + e.Values["id"]
		recorded[key] = e.Outcome
		switch e.Outcome {
		case core.OutcomeSent:
			st.writesSent++
			if applied[key] == 0 {
				st.falseSent++
			}
		case core.OutcomeUnknown:
			st.writesUnknown++
		case "":
			st.missingFromRecord++ // an intent that was never settled
		}
	}
	prefix := runKey(runID)
	for key := range applied {
		if !strings.HasPrefix(key, prefix) {
			continue
		}
		st.writesChecked++
		if o := recorded[key]; o != core.OutcomeSent && o != core.OutcomeUnknown {
			st.missingFromRecord++
		}
	}
}

// finalRun lets one run finish: every item is written once and the run
// says Completed.
func (w *killWorld) finalRun(t *testing.T, tr *killTracker, st *killStats) {
	if code, _ := killAfter(w.start(t, "run", w.name), time.Minute); code != 0 {
		t.Fatalf("the run after the kills exits %d", code)
	}
	s := openAfterKill(t, w.dir, st)
	runs, _ := s.DB.ListRuns(core.RunFilter{Limit: 1})
	s.Close()
	if len(runs) != 1 || runs[0].Status != core.RunCompleted {
		t.Fatalf("the last run: %+v", runs)
	}
	applied, n := tr.applied(), 0
	for key, c := range applied {
		if strings.HasPrefix(key, runKey(runs[0].ID)) {
			n += c
		}
	}
	if n != tr.items {
		t.Fatalf("the last run applied %d writes, want %d", n, tr.items)
	}
	w.check(t, tr, st)
}
