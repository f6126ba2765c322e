// Package service holds the use cases every front end of AffDesk shares
// (the window, the command line and `affdesk serve`): it opens the store,
// picks the secret store, starts the demo tracker when needed, and wires
// the engine, the scheduler and the webhook listener to the adapters. It
// imports no GUI library.
package service

import (
	"context"
	"log"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/demotracker"
	"github.com/affdesk/affdesk/backend/engine"
	"github.com/affdesk/affdesk/backend/request"
	"github.com/affdesk/affdesk/backend/schedule"
	"github.com/affdesk/affdesk/backend/secrets"
	"github.com/affdesk/affdesk/backend/store"
)

// Name is the product's name.
const Name = "AffDesk"

// Version and Commit are set at build time with -ldflags "-X github.com/affdesk/affdesk/app/service.Version=…".
var (
	Version = "0.1.0-dev"
	Commit  = ""
)

// Config says where data lives and which secret store to use.
type Config struct {
	DataDir  string
	Secrets  core.SecretStore // nil: the OS keychain if it works, else the data file
	Now      func() time.Time
	ReadOnly bool                                       // open the data file for reading only (command-line listings)
	Sleep    func(context.Context, time.Duration) error // waits between retries; real time when nil
	// DailyBackup makes the automatic backup when it is due on opening,
	// then checks at every BackupTicks (every hour when nil) until Close.
	DailyBackup bool
	BackupTicks <-chan time.Time
	// Clock drives the scheduler (StartScheduler); real time when nil.
	Clock schedule.Clock
}

// Services holds AffDesk's wired parts. Create it with Open.
type Services struct {
	DB      *store.DB
	Secrets core.SecretStore
	Sender  request.Sender
	Client  *request.Client
	Now     func() time.Time

	demoOnce sync.Once
	demo     *demotracker.Server
	demoErr  error
	cache    *responseCache
	engine   *engine.Engine
	onEvent  atomic.Pointer[func(engine.Event)]
	outbox   outbox
	backups  backupState
	hooks    hookState
	running  sync.WaitGroup // runs started in the background, until they are recorded and pruned
	ownerDir string         // where this process wrote its owner file; "" for none
	sched    scheduler
}

// Open opens the data file and chooses the secret store.
func Open(cfg Config) (*Services, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	opts := []store.Option{store.WithClock(cfg.Now), store.BackupBeforeUpgrade(func(_, _ uint64) string {
		return filepath.Join(BackupsDir(cfg.DataDir), BackupName(BackupUpgrade, cfg.Now()))
	})}
	if cfg.ReadOnly {
		opts = append(opts, store.ReadOnly())
	}
	db, err := store.Open(cfg.DataDir, opts...)
	if err != nil {
		return nil, err
	}
	sec := cfg.Secrets
	if sec == nil {
		sec = chooseSecrets(db)
	}
	if err := adoptLegacySecrets(db, sec); err != nil {
		db.Close()
		return nil, err
	}
	s := &Services{DB: db, Secrets: sec, Now: cfg.Now, cache: newResponseCache(8), Sender: request.Sender{Now: cfg.Now},
		Client: &request.Client{Limiters: request.NewLimiters(db), Now: cfg.Now, Sleep: cfg.Sleep, UserAgent: userAgent()}}
	if err := s.applySettings(); err != nil {
		db.Close()
		return nil, err
	}
	s.engine = s.newEngine()
	s.sched.clock = cfg.Clock
	if err := s.moveLegacyWebhookSecrets(); err != nil {
		db.Close()
		return nil, err
	}
	if !cfg.ReadOnly {
		if _, err := db.MarkInterrupted(cfg.Now().UTC()); err != nil {
			db.Close()
			return nil, err
		}
		s.pruneRuns()
		if cfg.DailyBackup {
			s.startBackups(cfg.BackupTicks)
		}
		s.ownerDir = cfg.DataDir
		writeOwner(cfg.DataDir, cfg.Now())
	}
	return s, nil
}

// chooseSecrets uses the OS keychain when it answers, its entries filed
// under the data file's install ID, else the data file itself.
func chooseSecrets(db *store.DB) core.SecretStore {
	id, err := db.InstallID()
	if err != nil {
		return db.Secrets()
	}
	kc := secrets.NewKeychain("").In(id)
	if kc.Probe() == nil {
		return kc
	}
	return db.Secrets()
}

// Close stops the scheduler and the webhook listener, cancels the runs in
// progress (each records how it ended), stops the demo tracker and the
// backups, and closes the data file.
func (s *Services) Close() error {
	s.StopScheduler()
	s.StopHooks()
	if !s.engine.Shutdown(15 * time.Second) {
		log.Printf("close: a run did not finish recording its cancellation in 15 s")
	} else {
		s.running.Wait()
	}
	s.stopBackups()
	if s.demo != nil {
		_ = s.demo.Close()
	}
	if s.ownerDir != "" {
		dropOwner(s.ownerDir)
	}
	return s.DB.Close()
}

// DemoURL starts the demo tracker on first use and returns its address.
func (s *Services) DemoURL() (string, error) {
	s.demoOnce.Do(func() {
		s.demo, s.demoErr = demotracker.Start("127.0.0.1:0", s.Now)
	})
	if s.demoErr != nil {
		return "", core.Errorf(core.EUNAVAILABLE, "The demo tracker could not start: %v.", s.demoErr)
	}
	return s.demo.URL, nil
}

// Demo returns the demo tracker if it has started, for tests and tools.
func (s *Services) Demo() *demotracker.Server { return s.demo }

// userAgent is sent with every request.
func userAgent() string { return Name + "/" + Version }

// withTimeout bounds a background call.
func withTimeout(d time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), d)
}
