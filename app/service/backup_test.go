package service_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
)

// clock is a settable clock safe to read from the backup loop.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// openDaily opens services on dir with the daily backup on, driven by ticks.
func openDaily(tb testing.TB, dir string, c *clock, ticks chan time.Time) *service.Services {
	tb.Helper()
	s, err := service.Open(service.Config{DataDir: dir, Secrets: testkit.MemSecrets{}, Now: c.Now, DailyBackup: true, BackupTicks: ticks})
	if err != nil {
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// names lists the backups folder of dir, sorted.
func names(tb testing.TB, dir string) []string {
	tb.Helper()
	entries, err := os.ReadDir(service.BackupsDir(dir))
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

// autoCount counts the automatic backups in dir.
func autoCount(tb testing.TB, dir string) int {
	n := 0
	for _, name := range names(tb, dir) {
		if strings.HasPrefix(name, "affdesk-auto-") && strings.HasSuffix(name, ".db") {
			n++
		}
	}
	return n
}

// tick advances the clock by d and lets the loop check once; the second
// send returns only after the first check has finished.
func tick(c *clock, ticks chan time.Time, d time.Duration) {
	c.Add(d)
	ticks <- time.Time{}
	ticks <- time.Time{}
}

func TestDailyBackupKeepsTheNewestSevenAndNothingElse(t *testing.T) {
	dir := t.TempDir()
	others := []string{"mine.db", "affdesk-20200101-000000.db", "affdesk-auto-notes.txt", "affdesk-before-restore-20200101-000000.db"}
	os.MkdirAll(service.BackupsDir(dir), 0o700)
	for _, name := range others {
		os.WriteFile(filepath.Join(service.BackupsDir(dir), name), []byte("mine"), 0o600)
	}
	c := &clock{t: testkit.Fixed}
	ticks := make(chan time.Time)
	openDaily(t, dir, c, ticks)
	if n := autoCount(t, dir); n != 1 {
		t.Fatalf("on open: %d automatic backups, want 1", n)
	}
	tick(c, ticks, 23*time.Hour)
	if n := autoCount(t, dir); n != 1 {
		t.Fatalf("after 23 h: %d automatic backups, want 1", n)
	}
	for day := 2; day <= 10; day++ {
		tick(c, ticks, 24*time.Hour)
		if want := min(day, service.KeepAutoBackups); autoCount(t, dir) != want {
			t.Fatalf("day %d: %v, want %d automatic", day, names(t, dir), want)
		}
	}
	got := names(t, dir)
	newest := "affdesk-auto-" + c.Now().Local().Format("20060102-150405") + ".db"
	if !contains(got, newest) {
		t.Errorf("the newest backup %s is gone: %v", newest, got)
	}
	for _, name := range others {
		if !contains(got, name) {
			t.Errorf("%s was deleted", name)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestAutoBackupOnOpenOnlyWhenDue(t *testing.T) {
	dir := t.TempDir()
	c := &clock{t: testkit.Fixed}
	openDaily(t, dir, c, make(chan time.Time)).Close()
	c.Add(time.Hour)
	openDaily(t, dir, c, make(chan time.Time)).Close()
	if n := autoCount(t, dir); n != 1 {
		t.Fatalf("reopened within a day: %d automatic backups", n)
	}
	c.Add(24 * time.Hour)
	openDaily(t, dir, c, make(chan time.Time)).Close()
	if n := autoCount(t, dir); n != 2 {
		t.Fatalf("reopened a day later: %d automatic backups", n)
	}
	s, _ := testkit.MustServices(t, nil)
	if _, err := os.Stat(service.BackupsDir(filepath.Dir(s.DB.Path))); !os.IsNotExist(err) {
		t.Errorf("services without DailyBackup made a backups folder: %v", err)
	}
}

func TestAutoBackupFailureIsShownNotFatal(t *testing.T) {
	dir := t.TempDir()
	blocker := service.BackupsDir(dir)
	os.WriteFile(blocker, []byte("a file where the folder goes"), 0o600)
	c := &clock{t: testkit.Fixed}
	s := openDaily(t, dir, c, make(chan time.Time))
	st, err := s.BackupStatus()
	if err == nil || !strings.Contains(err.Error(), "backups folder") || core.ErrorCode(err) != core.EUNAVAILABLE {
		t.Fatalf("status over a blocked folder: %+v, %v", st, err)
	}
	if _, err := s.AutoBackup(); err == nil {
		t.Fatal("automatic backup into a file succeeded")
	}
	os.Remove(blocker)
	st, err = s.BackupStatus()
	if err != nil || !strings.Contains(st.LastError, "cannot be read: not a directory") {
		t.Fatalf("the failure is not shown: %+v, %v", st, err)
	}
	if made, err := s.AutoBackup(); !made || err != nil {
		t.Fatalf("retry: %v, %v", made, err)
	}
	if st, _ := s.BackupStatus(); st.LastError != "" || len(st.Automatic) != 1 {
		t.Fatalf("after a good backup: %+v", st)
	}
}

func TestBackupNowIsKeptApartFromAutomatic(t *testing.T) {
	s, dir := testkit.MustServices(t, nil)
	testkit.DemoConn(t, s)
	b, err := s.BackupNow()
	if err != nil || b.Kind != service.BackupManual || b.Size == 0 || !b.CreatedAt.Equal(testkit.Fixed.Local().Truncate(time.Second)) {
		t.Fatalf("backup now: %+v, %v", b, err)
	}
	st, err := s.BackupStatus()
	if err != nil || st.Folder != service.BackupsDir(dir) || len(st.Automatic) != 0 || len(st.Others) != 1 || st.Others[0].Name != b.Name {
		t.Fatalf("status %+v, %v", st, err)
	}
	if !strings.Contains(st.RestoreCommand, "--data-dir") || !strings.HasSuffix(st.RestoreCommand, "restore FILE") {
		t.Errorf("restore command %q", st.RestoreCommand)
	}
}
