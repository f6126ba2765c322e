package engine

import (
	"context"
	"fmt"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// pullStats fetches a stat type's rows for the step's date range (resolved
// in the step's timezone) and sets picked cells or the dataset variables.
// A refused key names the connection and, inside a For Each, stops the
// loop at once.
func (r *runner) pullStats(ctx context.Context, s core.Step, v vars, res *core.StepResult) error {
	cfg := *s.Stats
	cfg.Filters = map[string]string{}
	for k, x := range s.Stats.Filters {
		cfg.Filters[k] = v.substitute(x)
	}
	loc, err := r.e.Stats.Location(cfg)
	if err != nil {
		return err
	}
	from, to, err := core.ResolveDates(cfg.DatePreset, r.e.now().In(loc), cfg.From, cfg.To)
	if err != nil {
		return err
	}
	res.Values = map[string]string{"dates": core.DescribeRange(from, to), "stat type": cfg.StatType}
	setPeriod(v, res, from, to, r.nums[s.ID])
	ds, out, err := r.e.Stats.Pull(ctx, cfg, from, to)
	res.Requests = out.Records
	res.Warnings = append(res.Warnings, out.Warnings...)
	if core.ErrorCode(err) == core.EUNAUTHORIZED {
		return r.refused(cfg.ConnectionID, err)
	}
	if err != nil {
		return err
	}
	res.Rows = len(ds.Rows)
	for _, c := range cfg.Cells {
		row := findRow(ds, c)
		if row == nil {
			set(v, res, c.Variable, "")
			res.Warnings = append(res.Warnings, fmt.Sprintf("No row %q today: {%s} is empty.", c.RowKey, c.Variable))
			continue
		}
		set(v, res, c.Variable, cell(ds, c.Column, row[c.Column]))
	}
	if cfg.Mode == "dataset" {
		v.setDataset(ds, r.nums[s.ID], res.Set)
	}
	return nil
}

// findRow matches a picked cell to today's row by entity key, so a
// reordered report still gives the same affiliate's number.
func findRow(ds *core.Dataset, c core.StatsCell) map[string]any {
	if ds.Key != "" && c.RowKey != "" {
		for _, row := range ds.Rows {
			if text(row[ds.Key]) == c.RowKey {
				return row
			}
		}
		return nil
	}
	if c.Row >= 1 && c.Row <= len(ds.Rows) {
		return ds.Rows[c.Row-1]
	}
	return nil
}

// cell is a picked stats cell as a variable: a numeric column's value as
// an exact Quantity of the column's kind (so an email shows money as
// money), anything else as it is.
func cell(ds *core.Dataset, column string, x any) any {
	kind := ds.Kind(column)
	if kind == core.ColumnText {
		return x
	}
	if d, ok := core.ToDecimal(x); ok {
		return core.Quantity{Value: d, Kind: kind}
	}
	return x
}

// setPeriod sets the first and last day the pulled data covers, so a
// message names the period it reports ("week of {date_from}"), not the
// day it ran: {date_from} and {date_to} (YYYY-MM-DD), and numbered copies
// {date_from_stats_N} and {date_to_stats_N}.
func setPeriod(v vars, res *core.StepResult, from, to time.Time, n int) {
	first, last := from.Format("2006-01-02"), to.Format("2006-01-02")
	set(v, res, "date_from", first)
	set(v, res, "date_to", last)
	if n > 0 {
		set(v, res, fmt.Sprintf("date_from_stats_%d", n), first)
		set(v, res, fmt.Sprintf("date_to_stats_%d", n), last)
	}
}
