package core

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// varPattern finds {name} in free text. Unlike path placeholders, other
// braces (a JSON body's) are left alone.
var varPattern = regexp.MustCompile(`\{([A-Za-z_][A-Za-z0-9_.\-]{0,99})\}`)

// FindVars returns the variable names used in text, in order, once each.
func FindVars(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range varPattern.FindAllStringSubmatch(text, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			out = append(out, m[1])
		}
	}
	return out
}

// Substitute replaces each {name} that lookup knows; unknown names stay.
func Substitute(text string, lookup func(name string) (string, bool)) string {
	return varPattern.ReplaceAllStringFunc(text, func(m string) string {
		if v, ok := lookup(m[1 : len(m)-1]); ok {
			return v
		}
		return m
	})
}

// Built-in variables every step may use.
var BuiltinVars = []string{"run_date", "run_time", "run_id", "automation_name"}

// Numbering gives each step its number within its family, as variable
// names use it: the first action step is action 1, the first Pull Stats
// stats 1, and so on, counted depth first.
func Numbering(steps []Step) map[string]int {
	counts := map[string]int{}
	out := map[string]int{}
	Walk(steps, func(s *Step, _ []*Step) {
		f := family(s.Kind)
		counts[f]++
		out[s.ID] = counts[f]
	})
	return out
}

func family(k StepKind) string {
	switch {
	case k.IsAction():
		return "action"
	case k == StepPullStats:
		return "stats"
	case k == StepForEach:
		return "foreach"
	}
	return string(k)
}

// SelectionVar is the default variable name of a field picked from action
// step n: the path's last key, as in {Payout_action_1}.
func SelectionVar(path string, n int) string {
	return sanitize(lastKey(path)) + "_action_" + fmt.Sprint(n)
}

// CellVar is the default name of a Pull Stats cell: {revenue_2_stats_1}.
func CellVar(column string, row, n int) string {
	return fmt.Sprintf("%s_%d_stats_%d", sanitize(column), row, n)
}

// lastKey returns the last key of a JSONPath: Id of $.Actions[*].Id,
// odd key of $['odd key'], Actions of $.Actions[0].
func lastKey(path string) string {
	p := strings.TrimSpace(path)
	for strings.HasSuffix(p, "]") {
		if n := len(p); n >= 3 && (p[n-2] == '\'' || p[n-2] == '"') {
			if start := strings.LastIndexByte(p[:n-2], p[n-2]); start >= 0 {
				return p[start+1 : n-2]
			}
		}
		open := strings.LastIndexByte(p, '[')
		if open < 0 {
			break
		}
		p = p[:open]
	}
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		p = p[i+1:]
	}
	if p = strings.Trim(p, "$*"); p == "" {
		return "value"
	}
	return p
}

// VarName turns a column or key into a variable name: letters, digits and _.
func VarName(s string) string { return sanitize(s) }

func sanitize(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	out := strings.Trim(b.String(), "_")
	if out == "" || (out[0] >= '0' && out[0] <= '9') {
		out = "v_" + out
	}
	return out
}

// DatasetVars are what a Pull Stats step in dataset mode (or a Filter)
// sets, given the stat type's numeric columns and the step's number.
func DatasetVars(numeric []string, n int) []string {
	out := []string{"data_table", "row_count", fmt.Sprintf("data_table_stats_%d", n), fmt.Sprintf("rows_stats_%d", n)}
	for _, c := range numeric {
		out = append(out, "total_"+sanitize(c))
	}
	return out
}

// PeriodVars are the first and last day a Pull Stats step's data covers
// (YYYY-MM-DD), as it sets them given its number.
func PeriodVars(n int) []string {
	return []string{"date_from", "date_to", fmt.Sprintf("date_from_stats_%d", n), fmt.Sprintf("date_to_stats_%d", n)}
}

// LoopVars are what a For Each sets after it ends.
var LoopVars = []string{"items_succeeded", "items_failed", "items_skipped"}

// Outputs returns the variables a step sets for the steps after it.
// columns gives a stat type's numeric columns.
func Outputs(s Step, n int, columns func(statType string) []string) []string {
	var out []string
	for _, sel := range s.Selections {
		out = append(out, sel.Variable)
	}
	switch s.Kind {
	case StepPullStats:
		if s.Stats == nil {
			return out
		}
		out = append(out, PeriodVars(n)...)
		for _, c := range s.Stats.Cells {
			out = append(out, c.Variable)
		}
		if s.Stats.Mode == "dataset" {
			out = append(out, DatasetVars(columns(s.Stats.StatType), n)...)
		}
	case StepFilter:
		out = append(out, "data_table", "row_count")
	case StepForEach:
		out = append(out, LoopVars...)
	case StepApproval:
		out = append(out, "approval_reason")
	}
	return out
}

// TextFields returns a step's fields that may hold {variables}, by name.
func TextFields(s Step) map[string]string {
	out := map[string]string{}
	keys := make([]string, 0, len(s.Values))
	for k := range s.Values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		out["values."+k] = s.Values[k]
	}
	for i, r := range s.Rules {
		out[fmt.Sprintf("rules[%d].left", i)] = r.Left
		out[fmt.Sprintf("rules[%d].right", i)] = r.Right
	}
	if s.Kind == StepForEach && s.Over != "" {
		out["over"] = "{" + strings.Trim(s.Over, "{}") + "}"
	}
	if s.Kind == StepFilter && s.Dataset != "" {
		out["dataset"] = "{" + strings.Trim(s.Dataset, "{}") + "}"
	}
	if e := s.Email; e != nil {
		out["email.to"], out["email.cc"], out["email.subject"], out["email.html"] = e.To, e.Cc, e.Subject, e.HTML
	}
	if w := s.Webhook; w != nil {
		out["webhook.url"], out["webhook.body"] = w.URL, w.Body
		for i, h := range w.Headers {
			out[fmt.Sprintf("webhook.headers[%d]", i)] = h.Value
		}
	}
	if s.Kind == StepApproval {
		out["message"] = s.Message
	}
	if s.Stats != nil {
		for k, v := range s.Stats.Filters {
			out["stats.filters."+k] = v
		}
	}
	return out
}
