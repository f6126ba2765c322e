package service

import (
	"context"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/tracker"
)

// PullPreview is a Test Pull: the rows for the step's dates, for the
// table the user picks cells from.
type PullPreview struct {
	Dataset *core.Dataset        `json:"dataset"`
	Columns []tracker.StatColumn `json:"columns"`
	Range   string               `json:"range"`
	Rows    int                  `json:"rows"` // all rows; the dataset holds at most 200
	// Display holds each shown row's cells as emails write them (money
	// with two decimals, counts whole, in the chosen number format).
	Display []map[string]string `json:"display"`
}

// maxPreviewRows bounds the rows a Test Pull sends to the window.
const maxPreviewRows = 200

// TestPull resolves a Pull Stats step's dates and fetches its rows.
func (s *Services) TestPull(cfg core.StatsConfig) (PullPreview, error) {
	st, ok := tracker.LookupStatType(cfg.StatType)
	if !ok {
		return PullPreview{}, core.FieldError("stats.statType", "Choose a stat type.")
	}
	p := puller{s}
	loc, err := p.Location(cfg)
	if err != nil {
		return PullPreview{}, err
	}
	from, to, err := core.ResolveDates(cfg.DatePreset, s.Now().In(loc), cfg.From, cfg.To)
	if err != nil {
		return PullPreview{}, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	ds, _, err := p.Pull(ctx, cfg, from, to)
	if err != nil {
		return PullPreview{}, err
	}
	out := PullPreview{Dataset: ds, Columns: st.Columns, Range: core.DescribeRange(from, to), Rows: len(ds.Rows)}
	if len(ds.Rows) > maxPreviewRows {
		ds.Rows = ds.Rows[:maxPreviewRows]
	}
	out.Display = displayRows(ds, s.NumberFormat())
	return out, nil
}
