package service

import "github.com/affdesk/affdesk/backend/core"

// displayRows writes each row's cells as emails write them, in the
// number format Settings chose, for the Test Pull table.
func displayRows(ds *core.Dataset, f core.NumberFormat) []map[string]string {
	out := make([]map[string]string, len(ds.Rows))
	for i, row := range ds.Rows {
		cells := make(map[string]string, len(ds.Columns))
		for _, c := range ds.Columns {
			cells[c] = ds.Cell(row, c, f)
		}
		out[i] = cells
	}
	return out
}
