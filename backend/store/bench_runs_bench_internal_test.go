package store

import (
	"os"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

var benchEnd = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

// benchFolder returns a data folder holding n generated runs.
func benchFolder(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	db, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if err := generateRunsForBench(db, n, benchEnd); err != nil {
		b.Fatal(err)
	}
	if fi, err := os.Stat(db.Path); err == nil {
		b.Logf("%d runs: file of %.1f MB", n, float64(fi.Size())/1e6)
	}
	return dir
}

// openAsTheAppDoes opens dir and does what the app does at every open:
// marks runs left running interrupted and applies retention (whose limits
// the generated history stays within, so nothing is deleted).
func openAsTheAppDoes(b *testing.B, dir string) {
	db, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := db.MarkInterrupted(benchEnd); err != nil {
		b.Fatal(err)
	}
	if _, err := db.PruneRuns(benchEnd, 365*24*time.Hour, 1_000_000); err != nil {
		b.Fatal(err)
	}
	db.Close()
}

func benchOpen(b *testing.B, n int) {
	dir := benchFolder(b, n)
	openAsTheAppDoes(b, dir) // a first open may migrate
	b.ResetTimer()
	for b.Loop() {
		openAsTheAppDoes(b, dir)
	}
}

// BenchmarkOpenEmpty is the baseline of BenchmarkOpen100k.
func BenchmarkOpenEmpty(b *testing.B) { benchOpen(b, 0) }

// BenchmarkOpen100k opens a file of 100,000 runs as the app does.
func BenchmarkOpen100k(b *testing.B) { benchOpen(b, 100_000) }

func benchList(b *testing.B, n int, f core.RunFilter) {
	db, err := Open(benchFolder(b, n))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	b.ResetTimer()
	for b.Loop() {
		runs, err := db.ListRuns(f)
		if err != nil || len(runs) == 0 {
			b.Fatalf("%d runs, %v", len(runs), err)
		}
	}
}

// BenchmarkListRuns50 is the baseline of BenchmarkListRuns100k.
func BenchmarkListRuns50(b *testing.B) {
	benchList(b, 50, core.RunFilter{AutomationID: 3, Limit: 50})
}

// BenchmarkListRuns100k lists the newest 50 runs of one automation, then
// of one status, among 100,000.
func BenchmarkListRuns100k(b *testing.B) {
	b.Run("automation", func(b *testing.B) { benchList(b, 100_000, core.RunFilter{AutomationID: 3, Limit: 50}) })
	b.Run("status", func(b *testing.B) { benchList(b, 100_000, core.RunFilter{Status: core.RunFailed, Limit: 50}) })
	b.Run("all", func(b *testing.B) { benchList(b, 100_000, core.RunFilter{Limit: 50}) })
}
