package service

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// Backup file names. The stamp is the local time the backup was made;
// only names with the automatic prefix are ever deleted by AffDesk.
const (
	backupFolder        = "backups"
	backupStamp         = "20060102-150405"
	manualBackupPrefix  = "affdesk-"
	autoBackupPrefix    = "affdesk-auto-"
	safetyBackupPrefix  = "affdesk-before-restore-"
	upgradeBackupPrefix = "affdesk-before-upgrade-"
	backupSuffix        = ".db"
)

// Kinds of backup file, as BackupFile.Kind.
const (
	BackupManual  = "manual"         // made with Back up now or affdesk backup
	BackupAuto    = "automatic"      // made once a day; the newest KeepAutoBackups are kept
	BackupRestore = "before-restore" // the data file as it was before a restore
	BackupUpgrade = "before-upgrade" // the data file as it was before a newer AffDesk migrated it
)

// backupPrefixes are the name prefixes of every kind but manual.
var backupPrefixes = map[string]string{BackupAuto: autoBackupPrefix, BackupRestore: safetyBackupPrefix, BackupUpgrade: upgradeBackupPrefix}

// BackupFile is one backup in the backups folder.
type BackupFile struct {
	Name      string    `json:"name"`
	Path      string    `json:"path"`
	Kind      string    `json:"kind"`
	Size      int64     `json:"size"`
	CreatedAt time.Time `json:"createdAt"`
}

// BackupsDir returns the folder backups are kept in for a data folder.
func BackupsDir(dataDir string) string { return filepath.Join(dataDir, backupFolder) }

// BackupName returns the file name of a backup of kind made at t.
func BackupName(kind string, t time.Time) string {
	prefix := backupPrefixes[kind]
	if prefix == "" {
		prefix = manualBackupPrefix
	}
	return prefix + t.In(time.Local).Format(backupStamp) + backupSuffix
}

// parseBackupName returns the kind and time of a backup file name, and
// false for any other name (a file the user put there, a temporary file).
func parseBackupName(name string) (string, time.Time, bool) {
	rest, ok := strings.CutSuffix(name, backupSuffix)
	if !ok {
		return "", time.Time{}, false
	}
	kind := BackupManual
	for k, prefix := range backupPrefixes {
		if s, ok := strings.CutPrefix(rest, prefix); ok {
			kind, rest = k, manualBackupPrefix+s
		}
	}
	stamp, ok := strings.CutPrefix(rest, manualBackupPrefix)
	if !ok || len(stamp) != len(backupStamp) {
		return "", time.Time{}, false
	}
	t, err := time.ParseInLocation(backupStamp, stamp, time.Local)
	if err != nil {
		return "", time.Time{}, false
	}
	return kind, t, true
}

// listBackups returns the backups in dir, newest first. A missing folder
// holds none.
func listBackups(dir string) ([]BackupFile, error) {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return []BackupFile{}, nil
	}
	if err != nil {
		return nil, core.Errorf(core.EUNAVAILABLE, "The backups folder %s cannot be read: %v.", dir, unwrapPath(err))
	}
	out := []BackupFile{}
	for _, e := range entries {
		kind, t, ok := parseBackupName(e.Name())
		info, err := e.Info()
		if !ok || err != nil || !info.Mode().IsRegular() {
			continue
		}
		out = append(out, BackupFile{Name: e.Name(), Path: filepath.Join(dir, e.Name()), Kind: kind, Size: info.Size(), CreatedAt: t})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].CreatedAt.After(out[j].CreatedAt) })
	return out, nil
}

// ofKind keeps the backups of one kind, in order.
func ofKind(all []BackupFile, kind string) []BackupFile {
	out := []BackupFile{}
	for _, b := range all {
		if b.Kind == kind {
			out = append(out, b)
		}
	}
	return out
}

// pruneAutoBackups deletes the automatic backups in dir beyond the newest
// keep. It touches no other file.
func pruneAutoBackups(dir string, keep int) error {
	all, err := listBackups(dir)
	if err != nil {
		return err
	}
	auto := ofKind(all, BackupAuto)
	for i := keep; i < len(auto); i++ {
		if err := os.Remove(auto[i].Path); err != nil && !os.IsNotExist(err) {
			return core.Errorf(core.EUNAVAILABLE, "The old automatic backup %s cannot be deleted: %v.", auto[i].Path, unwrapPath(err))
		}
	}
	return nil
}

// unwrapPath drops the path an fs.PathError repeats.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
