package tracker

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/shopspring/decimal"
)

// StatColumn is one column of a stat type's rows.
type StatColumn struct {
	Key     string `json:"key"`
	Label   string `json:"label"`
	Numeric bool   `json:"numeric"`
	// Kind says how a numeric column reads: money, count or decimal.
	Kind core.ColumnKind `json:"kind,omitempty"`
}

// StatType is a Pull Stats report: the request that fetches it and how
// its rows become a dataset.
type StatType struct {
	ID       string        `json:"id"`
	Platform core.Platform `json:"platform"`
	Name     string        `json:"name"`
	Columns  []StatColumn  `json:"columns"`
	Key      string        `json:"key"` // the column naming a row's entity, to match picked cells
	request  core.ActionTemplate
	dates    func(from, to time.Time) map[string]string
	rows     string                                  // dotted path of the row list
	mapRow   func(raw map[string]any) map[string]any // raw row -> columns
}

var statTypes []StatType

// StatTypes lists the stat types a connection of platform can pull (every
// dialect's for Demo).
func StatTypes(platform core.Platform) []StatType {
	out := []StatType{}
	for _, st := range statTypes {
		if allows(platform, st.Platform) {
			out = append(out, st)
		}
	}
	return out
}

// LookupStatType returns a stat type by ID.
func LookupStatType(id string) (StatType, bool) {
	for _, st := range statTypes {
		if st.ID == id {
			return st, true
		}
	}
	return StatType{}, false
}

// NumericColumns lists a stat type's numeric columns (none if unknown).
func NumericColumns(id string) []string {
	st, _ := LookupStatType(id)
	var out []string
	for _, c := range st.Columns {
		if c.Numeric {
			out = append(out, c.Key)
		}
	}
	return out
}

// Request returns the template and values that fetch the report for the
// range, with the step's filters added as query values.
func (st StatType) Request(from, to time.Time, filters map[string]string) (core.ActionTemplate, map[string]string) {
	t := st.request
	t.Params = append([]core.Param(nil), t.Params...)
	values := st.dates(from, to)
	for k, v := range filters {
		if strings.TrimSpace(v) == "" {
			continue
		}
		if !hasParam(t, k) {
			t.Params = append(t.Params, core.Param{Name: k, In: core.InQuery, Type: core.TypeString})
		}
		values[k] = v
	}
	return t, values
}

func hasParam(t core.ActionTemplate, name string) bool {
	for _, p := range t.Params {
		if p.Name == name {
			return true
		}
	}
	return false
}

// Dataset turns a report body into rows of the stat type's columns.
func (st StatType) Dataset(body []byte) (*core.Dataset, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return nil, core.Errorf(core.EINVALID, "The %s report is not JSON: %v.", st.Name, err)
	}
	list, ok := core.Dig(doc, st.rows).([]any)
	if !ok {
		return nil, core.Errorf(core.EINVALID, "The %s report has no rows at %q.", st.Name, st.rows)
	}
	ds := &core.Dataset{Key: st.Key, Rows: []map[string]any{}, Kinds: map[string]core.ColumnKind{}}
	for _, c := range st.Columns {
		ds.Columns = append(ds.Columns, c.Key)
		if c.Numeric {
			ds.Numeric = append(ds.Numeric, c.Key)
			ds.Kinds[c.Key] = c.Kind
		}
	}
	for _, r := range list {
		raw, _ := r.(map[string]any)
		row := st.mapRow(raw)
		for _, c := range st.Columns {
			if c.Numeric {
				row[c.Key] = core.ExactNumber(num(row[c.Key]))
			} else if row[c.Key] == nil {
				row[c.Key] = ""
			}
		}
		ds.Rows = append(ds.Rows, row)
	}
	return ds, nil
}

// num reads a report number exactly ("2,038", "4.51%", JSON numbers); 0
// for none.
func num(x any) decimal.Decimal {
	d, _ := core.ToDecimal(x)
	return d
}

func str(x any) string {
	switch t := x.(type) {
	case nil:
		return ""
	case string:
		return t
	}
	return fmt.Sprint(x)
}

func statType(st StatType) { statTypes = append(statTypes, st) }

func getTemplate(p core.Platform, path string, params ...core.Param) core.ActionTemplate {
	return core.ActionTemplate{Name: "stats", Platform: p, Kind: core.KindGet, Method: "GET", Path: path, Params: params, BodyEncoding: core.BodyJSON, Retries: DefaultRetries}
}

func q(name string) core.Param {
	return core.Param{Name: name, In: core.InQuery, Type: core.TypeString}
}

func day(t time.Time) string { return t.Format("2006-01-02") }

var moneyCols = []StatColumn{
	{Key: "clicks", Label: "Clicks", Numeric: true, Kind: core.ColumnCount}, {Key: "conversions", Label: "Conversions", Numeric: true, Kind: core.ColumnCount},
	{Key: "revenue", Label: "Revenue", Numeric: true, Kind: core.ColumnMoney}, {Key: "payout", Label: "Payout", Numeric: true, Kind: core.ColumnMoney},
	{Key: "profit", Label: "Profit", Numeric: true, Kind: core.ColumnMoney},
}

func cols(lead ...StatColumn) []StatColumn { return append(lead, moneyCols...) }
