package service

import (
	"testing"
	"time"
)

func TestParseBackupName(t *testing.T) {
	at := time.Date(2026, 11, 20, 9, 5, 7, 0, time.Local)
	tests := []struct {
		name, kind string
		ok         bool
	}{
		{"affdesk-20261120-090507.db", BackupManual, true},
		{"affdesk-auto-20261120-090507.db", BackupAuto, true},
		{"affdesk-before-restore-20261120-090507.db", BackupRestore, true},
		{"affdesk-auto-20261120-090507.db.tmp", "", false},
		{"affdesk-auto-notes.db", "", false},
		{"mine.db", "", false},
		{"affdesk-20261320-090507.db", "", false},
		{".affdesk-123.tmp", "", false},
	}
	for _, tt := range tests {
		kind, got, ok := parseBackupName(tt.name)
		if ok != tt.ok || kind != tt.kind || (ok && !got.Equal(at)) {
			t.Errorf("%s: %q %v %v", tt.name, kind, got, ok)
		}
	}
}

// FuzzParseBackupName checks that every name the parser accepts is the
// name AffDesk would write for that kind and time, so pruning can never
// take a file AffDesk did not name.
func FuzzParseBackupName(f *testing.F) {
	for _, s := range []string{"affdesk-auto-20261120-090507.db", "affdesk-20261120-090507.db", "affdesk-before-restore-20261120-090507.db", "mine.db", "affdesk-auto-+0261120-090507.db"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		kind, at, ok := parseBackupName(name)
		if ok && BackupName(kind, at) != name {
			t.Fatalf("%q parsed as %s %v, which is named %q", name, kind, at, BackupName(kind, at))
		}
	})
}
