package engine

import (
	"encoding/json"
	"fmt"
	"html"
	"strconv"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/shopspring/decimal"
)

// vars holds a run's variables: text, numbers, booleans, lists (from a
// selection matching many values), objects (loop items) and datasets.
type vars map[string]any

func (v vars) clone() vars {
	out := make(vars, len(v)+4)
	for k, x := range v {
		out[k] = x
	}
	return out
}

// lookup resolves a name, following item fields: {item.Payout}.
func (v vars) lookup(name string) (any, bool) {
	if x, ok := v[name]; ok {
		return x, true
	}
	head, rest, found := strings.Cut(name, ".")
	if !found {
		return nil, false
	}
	x, ok := v[head]
	for ok && rest != "" {
		m, isMap := x.(map[string]any)
		if !isMap {
			return nil, false
		}
		var key string
		key, rest, _ = strings.Cut(rest, ".")
		x, ok = m[key]
	}
	return x, ok
}

// text renders a value for a text field.
func text(x any) string {
	switch t := x.(type) {
	case nil:
		return ""
	case string:
		return t
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	case json.Number:
		return t.String()
	case core.Quantity:
		return t.String()
	case bool:
		return strconv.FormatBool(t)
	case []any:
		parts := make([]string, len(t))
		for i, e := range t {
			parts[i] = text(e)
		}
		return strings.Join(parts, ",")
	case *core.Dataset:
		return htmlTable(t, core.DefaultNumberFormat)
	case map[string]any:
		b, _ := json.Marshal(t)
		return string(b)
	}
	return fmt.Sprint(x)
}

// substitute fills {variables} in a text field.
func (v vars) substitute(s string) string {
	return core.Substitute(s, func(name string) (string, bool) {
		x, ok := v.lookup(name)
		return text(x), ok
	})
}

// htmlTable renders a dataset as an HTML table for emails, numeric
// columns written per their kind in format f.
func htmlTable(d *core.Dataset, f core.NumberFormat) string {
	var b strings.Builder
	b.WriteString(`<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse"><thead><tr>`)
	for _, c := range d.Columns {
		b.WriteString("<th>" + html.EscapeString(c) + "</th>")
	}
	b.WriteString("</tr></thead><tbody>")
	for _, r := range d.Rows {
		b.WriteString("<tr>")
		for _, c := range d.Columns {
			b.WriteString(cellTag(d, c) + html.EscapeString(d.Cell(r, c, f)) + "</td>")
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</tbody></table>")
	return b.String()
}

// cellTag opens a cell, right-aligned for numbers.
func cellTag(d *core.Dataset, column string) string {
	if d.Kind(column) != core.ColumnText {
		return `<td style="text-align:right">`
	}
	return "<td>"
}

// setDataset sets the variables a dataset gives: data_table, row_count,
// exact totals of numeric columns, and the numbered copies.
func (v vars) setDataset(d *core.Dataset, n int, set map[string]string) {
	put := func(k string, x any) {
		v[k] = x
		set[k] = preview(text(x))
	}
	rows := core.Quantity{Value: decimal.NewFromInt(int64(len(d.Rows))), Kind: core.ColumnCount}
	put("data_table", d)
	put("row_count", rows)
	if n > 0 {
		put(fmt.Sprintf("data_table_stats_%d", n), d)
		put(fmt.Sprintf("rows_stats_%d", n), rows)
	}
	for _, c := range d.Numeric {
		put("total_"+core.VarName(c), total(d, c))
	}
}

// total sums a numeric column exactly; cells that read as no number
// count as nothing. It carries the column's kind, so a message shows a
// money total with two decimals while a request gets every digit.
func total(d *core.Dataset, column string) core.Quantity {
	sum := decimal.Zero
	for _, r := range d.Rows {
		if x, ok := core.ToDecimal(r[column]); ok {
			sum = sum.Add(x)
		}
	}
	return core.Quantity{Value: sum, Kind: d.Kind(column)}
}

// preview shortens a value for the run log.
func preview(s string) string {
	if r := []rune(s); len(r) > 2000 {
		return string(r[:2000]) + "…"
	}
	return s
}

// jsonBody fills a JSON body template: a string that is exactly one
// {variable} becomes the variable's typed value (numbers stay numbers);
// other strings have variables substituted as text, escaped by the JSON
// encoder, so no value can break out of its field.
func (v vars) jsonBody(tmpl string) ([]byte, error) {
	var doc any
	if err := json.Unmarshal([]byte(tmpl), &doc); err != nil {
		return nil, core.Errorf(core.EINVALID, "The JSON body is not valid JSON: %v.", err)
	}
	return json.Marshal(v.fill(doc))
}

func (v vars) fill(x any) any {
	switch t := x.(type) {
	case string:
		if names := core.FindVars(t); len(names) == 1 && t == "{"+names[0]+"}" {
			if val, ok := v.lookup(names[0]); ok {
				if d, isDS := val.(*core.Dataset); isDS {
					return d.Rows
				}
				return val
			}
		}
		return v.substitute(t)
	case []any:
		for i := range t {
			t[i] = v.fill(t[i])
		}
	case map[string]any:
		for k := range t {
			t[k] = v.fill(t[k])
		}
	}
	return x
}
