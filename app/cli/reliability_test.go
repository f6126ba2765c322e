//go:build reliability

package cli_test

import (
	"fmt"
	"math/rand/v2"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
)

// TestKillLoop kills the real binary with SIGKILL at random moments while
// it runs a loop of writes or imports a bundle, then opens the data file
// as the next start would and counts what must never happen: a file that
// does not open, a save that is lost or half made, a write the tracker
// received that the record lacks, a write recorded as sent that never
// arrived, and a write the tracker received twice. All must be zero.
//
// AFFDESK_BIN names the binary (else it is built); AFFDESK_KILLS sets how
// many kills (100 by default).
func TestKillLoop(t *testing.T) {
	bin := killBinary(t)
	kills := envInt("AFFDESK_KILLS", 100)
	tr := newKillTracker(60)
	srv := httptest.NewServer(tr)
	defer srv.Close()
	w := newKillWorld(t, bin, srv.URL)
	rng := rand.New(rand.NewPCG(20261130, uint64(kills)))
	var st killStats
	for i := 0; i < kills; i++ {
		if i%4 == 3 {
			w.killImport(t, rng, &st)
		} else {
			w.killRun(t, rng, &st)
		}
		w.check(t, tr, &st)
	}
	w.finalRun(t, tr, &st)
	t.Logf("%s", st.report())
	if st.failures() > 0 {
		t.Fatalf("the kill loop found failures: %s", st.report())
	}
	if st.killedRuns+st.killedImports < kills || st.writesChecked == 0 {
		t.Fatalf("the loop checked too little: %s", st.report())
	}
}

// killBinary returns the AffDesk binary under test.
func killBinary(t *testing.T) string {
	if bin := os.Getenv("AFFDESK_BIN"); bin != "" {
		abs, err := filepath.Abs(bin)
		if err != nil {
			t.Fatal(err)
		}
		return abs
	}
	bin := filepath.Join(t.TempDir(), "affdesk")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/affdesk/affdesk")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build the binary: %v\n%s", err, out)
	}
	return bin
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// killStats counts what the loop saw.
type killStats struct {
	killedRuns, killedImports, finishedBeforeKill int
	writesChecked, writesSent, writesUnknown      int
	corrupt, lostSaves, halfImports               int
	missingFromRecord, falseSent, sentTwice       int
	stillRunning                                  int
	runTime, importTime                           time.Duration
}

func (s *killStats) failures() int {
	return s.corrupt + s.lostSaves + s.halfImports + s.missingFromRecord + s.falseSent + s.sentTwice + s.stillRunning
}

func (s *killStats) report() string {
	return fmt.Sprintf("kills: %d during runs, %d during imports (%d finished before the kill); writes checked %d (%d sent, %d unknown); "+
		"corrupt files %d, lost saves %d, half imports %d, writes missing from records %d, recorded sent but never received %d, "+
		"sent twice %d, runs left running %d; a full run takes %s, an import %s",
		s.killedRuns, s.killedImports, s.finishedBeforeKill, s.writesChecked, s.writesSent, s.writesUnknown,
		s.corrupt, s.lostSaves, s.halfImports, s.missingFromRecord, s.falseSent, s.sentTwice, s.stillRunning,
		s.runTime.Round(time.Millisecond), s.importTime.Round(time.Millisecond))
}

// openAfterKill opens the data folder as the next start would (which
// marks interrupted runs and settles their journals).
func openAfterKill(t *testing.T, dir string, st *killStats) *service.Services {
	t.Helper()
	s, err := service.Open(service.Config{DataDir: dir, Secrets: testkit.MemSecrets{}})
	if err != nil {
		st.corrupt++
		t.Fatalf("the data file does not open after a kill: %v", err)
	}
	return s
}

// counts are the records a save or an import adds.
type counts struct{ conns, tpls, autos int }

func countRecords(t *testing.T, s *service.Services) counts {
	t.Helper()
	c, err1 := s.DB.ListConnections()
	tp, err2 := s.DB.ListTemplates()
	a, err3 := s.DB.ListAutomations()
	if err1 != nil || err2 != nil || err3 != nil {
		t.Fatalf("list records: %v %v %v", err1, err2, err3)
	}
	return counts{len(c), len(tp), len(a)}
}

func (c counts) plus(d counts) counts {
	return counts{c.conns + d.conns, c.tpls + d.tpls, c.autos + d.autos}
}

// runStatusOK reports whether a finished run's record can be trusted.
func runStatusOK(r core.Run) bool { return r.Status != core.RunRunning }
