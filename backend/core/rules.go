package core

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// RuleKind names one kind of platform rule. Persisted in no file: rules
// live in the tracker catalogue as data.
type RuleKind string

// Rule kinds.
const (
	RuleRequired  RuleKind = "required"   // Params[0] must have a value
	RuleRequires  RuleKind = "requires"   // if Params[0] has a value, Params[1] must too
	RuleOneOf     RuleKind = "one_of"     // one group of Groups must be complete
	RuleMaxSpan   RuleKind = "max_span"   // Params[1] - Params[0] at most Days days
	RuleMaxAge    RuleKind = "max_age"    // Params[0] at most Days days before now
	RuleIntRange  RuleKind = "int_range"  // Params[0] between Min and Max
	RuleNotBefore RuleKind = "not_before" // Params[1] not before Params[0]
)

// Rule is one documented constraint of a tracker endpoint, checked before
// any request leaves the machine.
type Rule struct {
	Kind    RuleKind   `json:"kind"`
	Params  []string   `json:"params,omitempty"`
	Groups  [][]string `json:"groups,omitempty"`
	Days    int        `json:"days,omitempty"`
	Min     int64      `json:"min,omitempty"`
	Max     int64      `json:"max,omitempty"`
	Message string     `json:"message"` // plain words shown when the rule is broken
}

// Splittable reports whether a broken rule can be met by splitting the
// request into consecutive date windows.
func (r Rule) Splittable() bool { return r.Kind == RuleMaxSpan && len(r.Params) == 2 && r.Days > 0 }

// CheckRules returns an EINVALID error for the first broken rule, naming
// the parameter as field "values.<name>". values are the final values sent
// (defaults applied). A value that cannot be read as the rule needs (a
// date that does not parse) is left to the type check.
func CheckRules(rules []Rule, values map[string]string, now time.Time) error {
	for _, r := range rules {
		if field, broken := r.broken(values, now); broken {
			return FieldError("values."+field, "%s", r.Message)
		}
	}
	return nil
}

// BrokenSpan returns the first max_span rule the values break, if any.
func BrokenSpan(rules []Rule, values map[string]string) (Rule, bool) {
	spans := BrokenSpans(rules, values)
	if len(spans) == 0 {
		return Rule{}, false
	}
	return spans[0], true
}

// BrokenSpans returns every max_span rule the values break, in order:
// a template may filter on several date ranges (impact.com's action
// dates and locking dates), each too long.
func BrokenSpans(rules []Rule, values map[string]string) []Rule {
	var out []Rule
	for _, r := range rules {
		if r.Kind == RuleMaxSpan {
			if _, broken := r.broken(values, time.Time{}); broken {
				out = append(out, r)
			}
		}
	}
	return out
}

func (r Rule) broken(v map[string]string, now time.Time) (string, bool) {
	switch r.Kind {
	case RuleRequired:
		return r.Params[0], v[r.Params[0]] == ""
	case RuleRequires:
		return r.Params[1], v[r.Params[0]] != "" && v[r.Params[1]] == ""
	case RuleOneOf:
		return r.Groups[0][0], !anyGroupComplete(r.Groups, v)
	case RuleIntRange:
		n, err := strconv.ParseInt(strings.TrimSpace(v[r.Params[0]]), 10, 64)
		return r.Params[0], err == nil && (n < r.Min || n > r.Max)
	case RuleMaxAge:
		t, ok := parseWhen(v[r.Params[0]])
		return r.Params[0], ok && !now.IsZero() && t.Before(now.AddDate(0, 0, -r.Days))
	}
	from, okFrom := parseWhen(v[r.Params[0]])
	to, okTo := parseWhen(v[r.Params[1]])
	if !okFrom || !okTo {
		return "", false
	}
	switch r.Kind {
	case RuleMaxSpan:
		return r.Params[0], to.Sub(from) > time.Duration(r.Days)*24*time.Hour
	case RuleNotBefore:
		return r.Params[1], to.Before(from)
	}
	return "", false
}

func anyGroupComplete(groups [][]string, v map[string]string) bool {
	for _, g := range groups {
		complete := true
		for _, name := range g {
			complete = complete && v[name] != ""
		}
		if complete {
			return true
		}
	}
	return false
}

// parseWhen reads a date (2024-01-31) or a date and time with a zone.
func parseWhen(s string) (time.Time, bool) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, true
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, true
	}
	return time.Time{}, false
}

// Window is one slice of a date range.
type Window struct{ From, To time.Time }

// SplitWindows cuts [from, to] into consecutive windows, each spanning at
// most days days, the first starting at from and the last ending at to.
// Each window starts exactly where the previous one ends: trackers' date
// filters include both ends, so a record stamped on a boundary comes back
// twice (and is de-duplicated when the windows merge) while no instant
// between two windows is left out. It returns an error for a reversed
// range.
func SplitWindows(from, to time.Time, days int) ([]Window, error) {
	if to.Before(from) || days <= 0 {
		return nil, fmt.Errorf("cannot split the range %s to %s", from.Format(time.RFC3339), to.Format(time.RFC3339))
	}
	span := time.Duration(days) * 24 * time.Hour
	var out []Window
	for start := from; ; {
		end := start.Add(span)
		if end.After(to) {
			end = to
		}
		out = append(out, Window{From: start, To: end})
		if !end.Before(to) {
			return out, nil
		}
		start = end
	}
}

// FormatLike renders t in the same form as the sample value (date only,
// or date and time in the sample's zone).
func FormatLike(t time.Time, sample string) string {
	if _, err := time.Parse("2006-01-02", sample); err == nil {
		return t.Format("2006-01-02")
	}
	if s, err := time.Parse(time.RFC3339, sample); err == nil {
		return t.In(s.Location()).Format(time.RFC3339)
	}
	return t.UTC().Format(time.RFC3339)
}
