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

// BenchmarkSearchRuns100k searches 100,000 runs for text none holds:
// "one call" reads one budget of summaries (core.RunSearchBudget), as a
// search in the window does before offering to search older runs;
// "every run" goes on from where each call stopped until none is left.
func BenchmarkSearchRuns100k(b *testing.B) {
	db, err := Open(benchFolder(b, 100_000))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	f := core.RunFilter{Query: "no run holds this", Limit: 50}
	oneCall := func(f core.RunFilter) func(b *testing.B) {
		return func(b *testing.B) {
			for b.Loop() {
				page, err := db.ListRunsPage(f)
				if err != nil || len(page.Runs) != 0 || !page.Partial {
					b.Fatalf("%d runs, partial %v, %v", len(page.Runs), page.Partial, err)
				}
			}
		}
	}
	b.Run("one call", oneCall(f))
	// "at" is in keys of every summary (automationName, startedAt), in no
	// value: the byte check must turn every run away undecoded.
	b.Run("one call, a key's letters", oneCall(core.RunFilter{Query: "at", Limit: 50}))
	b.Run("every run", func(b *testing.B) {
		for b.Loop() {
			calls := searchToTheEnd(b, db, f)
			b.ReportMetric(float64(calls), "calls/op")
		}
	})
}

// searchToTheEnd searches on from where each call stopped until no older
// run is left, and returns how many calls it took.
func searchToTheEnd(b *testing.B, db *DB, f core.RunFilter) int {
	calls := 0
	for {
		page, err := db.ListRunsPage(f)
		calls++
		if err != nil || len(page.Runs) != 0 {
			b.Fatalf("%d runs, %v", len(page.Runs), err)
		}
		if page.Next == 0 {
			return calls
		}
		f.Before = page.Next
	}
}
