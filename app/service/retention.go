package service

import (
	"log"
	"strconv"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/store"
)

const (
	keyRetentionDays = "retention_days"
	keyRetentionRuns = "retention_runs"
	keyRetentionMB   = "retention_mb" // 0 or absent: no size limit
	// DefaultRetentionDays and DefaultRetentionRuns bound run history.
	DefaultRetentionDays = 90
	DefaultRetentionRuns = 10000
)

// Retention is how much run history is kept: by age, by count and,
// when MB is set, by the data file's bytes in use.
type Retention struct {
	Days int `json:"days"`
	Runs int `json:"runs"`
	MB   int `json:"mb"` // 0: no size limit
}

// Retention returns the history limits in force.
func (s *Services) Retention() (Retention, error) {
	r := Retention{Days: DefaultRetentionDays, Runs: DefaultRetentionRuns}
	for key, dst := range map[string]*int{keyRetentionDays: &r.Days, keyRetentionRuns: &r.Runs, keyRetentionMB: &r.MB} {
		raw, err := s.DB.Setting(key)
		if err != nil {
			return r, err
		}
		if n, err := strconv.Atoi(raw); err == nil && n > 0 {
			*dst = n
		}
	}
	return r, nil
}

// SetRetention stores the history limits and prunes at once.
func (s *Services) SetRetention(r Retention) error {
	if r.Days < 1 || r.Days > 3650 {
		return core.FieldError("retention.days", "Keep runs for 1 to 3,650 days.")
	}
	if r.Runs < 10 || r.Runs > 1_000_000 {
		return core.FieldError("retention.runs", "Keep 10 to 1,000,000 runs.")
	}
	if r.MB != 0 && (r.MB < 10 || r.MB > 1_000_000) {
		return core.FieldError("retention.mb", "Keep 10 MB to 1 TB of history, or leave it empty for no size limit.")
	}
	if err := s.DB.SetSetting(keyRetentionMB, strconv.Itoa(r.MB)); err != nil {
		return err
	}
	if err := s.DB.SetSetting(keyRetentionDays, strconv.Itoa(r.Days)); err != nil {
		return err
	}
	if err := s.DB.SetSetting(keyRetentionRuns, strconv.Itoa(r.Runs)); err != nil {
		return err
	}
	s.pruneRuns()
	return nil
}

// pruneRuns enforces the retention limits.
func (s *Services) pruneRuns() {
	r, err := s.Retention()
	if err == nil {
		_, err = s.DB.PruneRuns(s.Now().UTC(), time.Duration(r.Days)*24*time.Hour, r.Runs)
	}
	if err == nil && r.MB > 0 {
		_, err = s.DB.PruneRunsToSize(int64(r.MB) << 20)
	}
	if err != nil {
		log.Printf("prune run history: %v", err)
	}
}

// HistorySize reports the data file's size, its bytes in use and how many
// runs it stores, for Settings.
func (s *Services) HistorySize() (store.HistorySize, error) { return s.DB.Size() }
