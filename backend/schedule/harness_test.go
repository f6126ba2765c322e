package schedule_test

import (
	"context"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/schedule"
	"github.com/affdesk/affdesk/backend/store"
)

// t0 is a Monday 10:00 UTC, on every schedule's boundary.
var t0 = time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC)

// fireCall is one run the scheduler started.
type fireCall struct {
	id      uint64
	slot    time.Time
	catchUp bool
	runID   uint64
}

// harness runs a Scheduler on a manual clock, a real data file and a
// fake fire that records each call; runs end at once unless hold is set.
type harness struct {
	tb    testing.TB
	clk   *schedule.ManualClock
	dir   string
	db    *store.DB
	s     *schedule.Scheduler
	mu    sync.Mutex
	cond  *sync.Cond
	ents  map[uint64]schedule.Entry
	fires []fireCall
	hold  bool
	going map[uint64]chan struct{}
}

func newHarness(tb testing.TB) *harness {
	h := &harness{tb: tb, clk: schedule.NewManualClock(t0), dir: tb.TempDir(), ents: map[uint64]schedule.Entry{}, going: map[uint64]chan struct{}{}}
	h.cond = sync.NewCond(&h.mu)
	h.open()
	tb.Cleanup(func() {
		if h.s != nil {
			h.s.Stop()
		}
		h.db.Close()
	})
	return h
}

func (h *harness) open() {
	db, err := store.Open(h.dir)
	if err != nil {
		h.tb.Fatal(err)
	}
	h.db = db
}

// set adds or replaces an automation's enabled schedule, saved at updated.
func (h *harness) set(id uint64, s core.Schedule, updated time.Time) {
	s.Enabled = true
	if s.Timezone == "" {
		s.Timezone = "UTC"
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.ents[id] = schedule.Entry{AutomationID: id, Schedule: &s, UpdatedAt: updated}
}

// disable turns an automation's schedule off, saved at updated.
func (h *harness) disable(id uint64, updated time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	e := h.ents[id]
	s := *e.Schedule
	s.Enabled = false
	e.Schedule, e.UpdatedAt = &s, updated
	h.ents[id] = e
}

func (h *harness) source() ([]schedule.Entry, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make([]schedule.Entry, 0, len(h.ents))
	for _, e := range h.ents {
		out = append(out, e)
	}
	return out, nil
}

func (h *harness) fire(_ context.Context, id uint64, slot time.Time, catchUp bool) (uint64, <-chan struct{}, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	runID := uint64(len(h.fires) + 1)
	h.fires = append(h.fires, fireCall{id: id, slot: slot, catchUp: catchUp, runID: runID})
	h.cond.Broadcast()
	done := make(chan struct{})
	if h.hold {
		h.going[runID] = done
	} else {
		close(done)
	}
	return runID, done, nil
}

// start starts a scheduler and waits until it sleeps.
func (h *harness) start(paused bool) {
	n := h.clk.Arms()
	h.s = schedule.New(schedule.Config{Clock: h.clk, Store: h.db, Source: h.source, Fire: h.fire, Paused: paused,
		Logf: func(string, ...any) {}})
	if err := h.s.Start(context.Background()); err != nil {
		h.tb.Fatal(err)
	}
	h.clk.WaitArms(n)
}

// stop stops the scheduler.
func (h *harness) stop() {
	h.s.Stop()
	h.s = nil
}

// advance lets d pass a minute at a most at a time, waiting after each
// step until the scheduler sleeps again.
func (h *harness) advance(d time.Duration) {
	for d > 0 {
		step := min(d, time.Minute)
		n := h.clk.Arms()
		h.clk.Advance(step)
		h.clk.WaitArms(n)
		d -= step
	}
}

// reload reloads and waits until the scheduler sleeps again.
func (h *harness) reload() {
	n := h.clk.Arms()
	if err := h.s.Reload(); err != nil {
		h.tb.Fatal(err)
	}
	h.clk.WaitArms(n)
}

// release ends a held run and waits until the scheduler has seen it end.
func (h *harness) release(runID uint64) {
	h.mu.Lock()
	close(h.going[runID])
	delete(h.going, runID)
	id := h.fires[runID-1].id
	h.mu.Unlock()
	for slices.Contains(h.s.Going(id), runID) {
		runtime.Gosched()
	}
}

// waitFires blocks until n runs have been started.
func (h *harness) waitFires(n int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for len(h.fires) < n {
		h.cond.Wait()
	}
}

func (h *harness) calls() []fireCall {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]fireCall(nil), h.fires...)
}

// records returns an automation's slot records, oldest first.
func (h *harness) records(id uint64) []core.SlotRecord {
	recs, err := h.db.Slots(id, 0)
	if err != nil {
		h.tb.Fatal(err)
	}
	for i, j := 0, len(recs)-1; i < j; i, j = i+1, j-1 {
		recs[i], recs[j] = recs[j], recs[i]
	}
	return recs
}

// statuses counts an automation's records by status.
func (h *harness) statuses(id uint64) map[string]int {
	out := map[string]int{}
	for _, r := range h.records(id) {
		out[r.Status]++
	}
	return out
}

// slotsFired asserts every fire was of a distinct (automation, slot).
func (h *harness) assertOncePerSlot() {
	h.tb.Helper()
	seen := map[[2]int64]bool{}
	for _, c := range h.calls() {
		k := [2]int64{int64(c.id), c.slot.Unix()}
		if seen[k] {
			h.tb.Errorf("automation %d slot %s fired twice", c.id, c.slot)
		}
		seen[k] = true
	}
}

func everyMinutes(n int) core.Schedule {
	return core.Schedule{Kind: core.ScheduleEvery, Every: n, Unit: "minutes"}
}
