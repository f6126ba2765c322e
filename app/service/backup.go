package service

import (
	"fmt"
	"log"
	"path/filepath"
	"sync"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// KeepAutoBackups is how many automatic backups are kept.
const KeepAutoBackups = 7

// AutoBackupEvery is the age at which the newest automatic backup is
// replaced by a new one.
const AutoBackupEvery = 24 * time.Hour

// backupCheckEvery is how often an open window checks whether a daily
// backup is due.
const backupCheckEvery = time.Hour

// BackupStatus is what the Settings page shows about backups.
type BackupStatus struct {
	Folder         string       `json:"folder"`
	Automatic      []BackupFile `json:"automatic"` // newest first, at most KeepAutoBackups
	Others         []BackupFile `json:"others"`    // manual, before-restore and before-upgrade backups, newest first
	LastError      string       `json:"lastError"` // why the last automatic backup failed, or ""
	RestoreCommand string       `json:"restoreCommand"`
}

// backupState is the daily backup's loop and its last failure.
type backupState struct {
	mu      sync.Mutex
	lastErr string
	stop    chan struct{}
	done    chan struct{}
}

// dataDir is the folder of the open data file.
func (s *Services) dataDir() string { return filepath.Dir(s.DB.Path) }

// BackupNow writes a backup of the open data file into the backups folder
// under a name automatic pruning never deletes.
func (s *Services) BackupNow() (BackupFile, error) {
	return s.backupAs(BackupManual)
}

// backupAs writes a backup of kind named by the clock.
func (s *Services) backupAs(kind string) (BackupFile, error) {
	now := s.Now()
	name := BackupName(kind, now)
	path := filepath.Join(BackupsDir(s.dataDir()), name)
	n, err := s.DB.Backup(path)
	if err != nil {
		return BackupFile{}, core.Errorf(core.EUNAVAILABLE, "The backup could not be written: %v.", err)
	}
	_, stamp, _ := parseBackupName(name)
	return BackupFile{Name: name, Path: path, Kind: kind, Size: n, CreatedAt: stamp}, nil
}

// AutoBackup makes an automatic backup when the newest is older than
// AutoBackupEvery (or dated in the future by more than that), then
// deletes automatic backups beyond the newest KeepAutoBackups. It reports
// whether it made one. A failure is also kept for BackupStatus and logged.
func (s *Services) AutoBackup() (bool, error) {
	made, err := s.autoBackup()
	s.backups.mu.Lock()
	defer s.backups.mu.Unlock()
	s.backups.lastErr = ""
	if err != nil {
		log.Printf("automatic backup: %v", err)
		s.backups.lastErr = fmt.Sprintf("%s: %s", s.Now().Local().Format("2006-01-02 15:04"), core.ErrorMessage(err))
	}
	return made, err
}

func (s *Services) autoBackup() (bool, error) {
	dir := BackupsDir(s.dataDir())
	all, err := listBackups(dir)
	if err != nil {
		return false, err
	}
	if auto := ofKind(all, BackupAuto); len(auto) > 0 && !backupDue(auto[0].CreatedAt, s.Now()) {
		return false, nil
	}
	if _, err := s.backupAs(BackupAuto); err != nil {
		return false, err
	}
	return true, pruneAutoBackups(dir, KeepAutoBackups)
}

// backupDue says whether a backup made at last is too old at now. A stamp
// far in the future (the clock was wrong then) counts as too old.
func backupDue(last, now time.Time) bool {
	age := now.Sub(last)
	return age >= AutoBackupEvery || age <= -AutoBackupEvery
}

// BackupStatus lists the backups folder for the Settings page.
func (s *Services) BackupStatus() (BackupStatus, error) {
	dir := BackupsDir(s.dataDir())
	all, err := listBackups(dir)
	if err != nil {
		return BackupStatus{}, err
	}
	st := BackupStatus{Folder: dir, Automatic: ofKind(all, BackupAuto), RestoreCommand: s.restoreCommand()}
	for _, b := range all {
		if b.Kind != BackupAuto {
			st.Others = append(st.Others, b)
		}
	}
	if st.Others == nil {
		st.Others = []BackupFile{}
	}
	s.backups.mu.Lock()
	st.LastError = s.backups.lastErr
	s.backups.mu.Unlock()
	return st, nil
}

// restoreCommand is the command that restores a backup into this data
// folder, with --data-dir when it is not the default one.
func (s *Services) restoreCommand() string {
	if def, err := DefaultDataDir(); err == nil && filepath.Clean(def) == filepath.Clean(s.dataDir()) {
		return "affdesk restore FILE"
	}
	return fmt.Sprintf("affdesk --data-dir %q restore FILE", s.dataDir())
}

// startBackups makes the daily backup if it is due, then checks again at
// every tick (every hour when ticks is nil) until stopBackups.
func (s *Services) startBackups(ticks <-chan time.Time) {
	s.AutoBackup()
	var ticker *time.Ticker
	if ticks == nil {
		ticker = time.NewTicker(backupCheckEvery)
		ticks = ticker.C
	}
	s.backups.stop, s.backups.done = make(chan struct{}), make(chan struct{})
	go func() {
		defer close(s.backups.done)
		if ticker != nil {
			defer ticker.Stop()
		}
		for {
			select {
			case <-ticks:
				s.AutoBackup()
			case <-s.backups.stop:
				return
			}
		}
	}()
}

// stopBackups ends the daily check and waits for a backup under way.
func (s *Services) stopBackups() {
	if s.backups.stop != nil {
		close(s.backups.stop)
		<-s.backups.done
		s.backups.stop = nil
	}
}
