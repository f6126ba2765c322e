package schedule

import (
	"context"
	"log"
	"sync"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// Entry is one automation as the scheduler sees it. An entry without a
// schedule, or with one not Enabled, has no slots.
type Entry struct {
	AutomationID uint64
	Schedule     *core.Schedule
	UpdatedAt    time.Time // when it was last saved: no earlier slot counts
}

// FireFunc starts the run of an automation's slot and returns its ID and
// a channel closed when the run ends (nil or closed if it ended already).
// catchUp marks the one run made for slots missed while AffDesk was
// closed or asleep. ctx ends when the scheduler stops. It must not call
// the Scheduler's methods.
type FireFunc func(ctx context.Context, automationID uint64, slot time.Time, catchUp bool) (runID uint64, done <-chan struct{}, err error)

// Config wires a Scheduler.
type Config struct {
	Clock  Clock                   // RealClock() when nil
	Store  core.SlotStore          // where slots are claimed and recorded
	Source func() ([]Entry, error) // every automation, read at Start and Reload
	Fire   FireFunc
	Paused bool                             // start with every schedule paused
	Logf   func(format string, args ...any) // log.Printf when nil
}

// Scheduler runs automations at their slots, each slot at most once:
// a slot is claimed in the store before its run starts, so neither a
// crash, a restart, an edit nor a clock set back fires it twice.
type Scheduler struct {
	cfg Config

	mu      sync.Mutex // guards everything below; held while slots are handled
	jobs    map[uint64]*job
	running map[uint64][]uint64 // automation ID -> IDs of its runs going
	queued  map[uint64]pending  // automation ID -> the one slot waiting for its run
	paused  bool
	started bool
	jumps   int

	ctx    context.Context
	cancel context.CancelFunc
	wake   chan struct{}
	wg     sync.WaitGroup
}

// job is one enabled schedule and where the scheduler is in it.
type job struct {
	id      uint64
	sched   core.Schedule
	updated time.Time
	plan    *plan
	after   time.Time // slots after this instant are still to come
	next    time.Time // the first of them; zero when there is none
}

// pending is a slot waiting for the automation's run to end.
type pending struct {
	slot    time.Time
	catchUp bool
}

// New returns a scheduler; Start sets it going.
func New(cfg Config) *Scheduler {
	if cfg.Clock == nil {
		cfg.Clock = RealClock()
	}
	if cfg.Logf == nil {
		cfg.Logf = log.Printf
	}
	return &Scheduler{cfg: cfg, paused: cfg.Paused, jobs: map[uint64]*job{}, running: map[uint64][]uint64{},
		queued: map[uint64]pending{}, wake: make(chan struct{}, 1)}
}

// Start reads every schedule, handles the slots missed since each was
// saved or last recorded (by its missed-slot policy), and then runs
// slots as they come until Stop or ctx ends. It returns ECONFLICT when
// already started.
func (s *Scheduler) Start(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.started {
		return core.Errorf(core.ECONFLICT, "The scheduler is already running.")
	}
	s.ctx, s.cancel = context.WithCancel(ctx)
	if err := s.load(time.Time{}); err != nil {
		s.cancel()
		return err
	}
	s.started = true
	s.tick(s.cfg.Clock.Now(), true)
	s.wg.Add(1)
	go s.loop()
	return nil
}

// Stop ends the scheduler and returns once its goroutines have ended.
// Runs already started go on. Stopping twice, or before Start, is fine.
func (s *Scheduler) Stop() {
	s.mu.Lock()
	cancel := s.cancel
	s.mu.Unlock()
	if cancel != nil {
		cancel()
	}
	s.wg.Wait()
}

// Reload reads every schedule again and plans from it at once: an
// edited schedule (a new UpdatedAt) starts over from now, so a slot the
// edit removed never fires; a disabled or deleted one stops. Before
// Start it does nothing.
func (s *Scheduler) Reload() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.started {
		return nil
	}
	if err := s.load(s.cfg.Clock.Now()); err != nil {
		return err
	}
	s.poke()
	return nil
}

// SetPaused pauses or resumes every schedule. A slot that comes while
// paused is recorded as skipped, its reason "schedules are paused".
func (s *Scheduler) SetPaused(paused bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.paused = paused
}

// Paused reports whether every schedule is paused.
func (s *Scheduler) Paused() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.paused
}

// NextSlots returns the next slot of every enabled schedule that has one.
func (s *Scheduler) NextSlots() map[uint64]time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[uint64]time.Time, len(s.jobs))
	for id, j := range s.jobs {
		if !j.next.IsZero() {
			out[id] = j.next
		}
	}
	return out
}

// Going returns the IDs of the automation's scheduled runs still going.
func (s *Scheduler) Going(automationID uint64) []uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]uint64(nil), s.running[automationID]...)
}

// Jumps returns how many times the wall clock was seen to jump (a sleep,
// or the clock set) by more than a minute.
func (s *Scheduler) Jumps() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.jumps
}

// poke wakes the loop to plan again.
func (s *Scheduler) poke() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}
