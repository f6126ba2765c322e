package request_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/request"
)

// action is one record of the loopback tracker below.
type action struct{ Id, EventDate, LockingDate string }

var datePairs = [][2]string{{"ActionDateStart", "ActionDateEnd"}, {"LockingDateStart", "LockingDateEnd"}}

// inRanges reports whether a matches every date pair in q, both ends
// included, as impact.com filters.
func inRanges(a action, get func(string) string) bool {
	for i, pair := range datePairs {
		from, to := get(pair[0]), get(pair[1])
		if from == "" {
			continue
		}
		at := a.EventDate
		if i == 1 {
			at = a.LockingDate
		}
		t, _ := time.Parse(time.RFC3339Nano, at)
		f, _ := time.Parse(time.RFC3339, from)
		e, _ := time.Parse(time.RFC3339, to)
		if t.Before(f) || t.After(e) {
			return false
		}
	}
	return true
}

// impactActions serves records like impact.com's Actions endpoint: it
// refuses a date pair more than 45 days apart and filters inclusively.
func impactActions(t *testing.T, records []action) (*httptest.Server, *[]string) {
	var mu sync.Mutex
	var seen []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		mu.Lock()
		seen = append(seen, q.Encode())
		mu.Unlock()
		for _, pair := range datePairs {
			f, _ := time.Parse(time.RFC3339, q.Get(pair[0]))
			e, _ := time.Parse(time.RFC3339, q.Get(pair[1]))
			if e.Sub(f) > 45*24*time.Hour {
				w.WriteHeader(400)
				fmt.Fprintf(w, `{"Status":"ERROR","Message":"%s and %s more than 45 days apart"}`, pair[0], pair[1])
				return
			}
		}
		out := []action{}
		for _, a := range records {
			if inRanges(a, q.Get) {
				out = append(out, a)
			}
		}
		json.NewEncoder(w).Encode(map[string]any{"@page": "1", "@numpages": "1", "@pagesize": "20000", "@total": fmt.Sprint(len(out)),
			"@nextpageuri": "", "Actions": out})
	}))
	t.Cleanup(srv.Close)
	return srv, &seen
}

var impactSpans = []core.Rule{
	{Kind: core.RuleMaxSpan, Params: []string{"ActionDateStart", "ActionDateEnd"}, Days: 45, Message: "ActionDateStart and ActionDateEnd are more than 45 days apart."},
	{Kind: core.RuleMaxSpan, Params: []string{"LockingDateStart", "LockingDateEnd"}, Days: 45, Message: "LockingDateStart and LockingDateEnd are more than 45 days apart."},
}

func actionsTemplate(idKey string) core.ActionTemplate {
	var params []core.Param
	for _, pair := range datePairs {
		params = append(params, p(pair[0], core.InQuery, core.TypeDateTime, false), p(pair[1], core.InQuery, core.TypeDateTime, false))
	}
	t := tpl("GET", "/Actions", core.BodyForm, params...)
	t.SplitRanges = true
	t.Pagination = core.Pagination{Kind: core.PageImpact, ItemsKey: "Actions", IDKey: idKey}
	return t
}

// mergedIDs returns the merged body's IDs in order and its @total.
func mergedIDs(t *testing.T, body []byte) ([]string, any) {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, it := range doc["Actions"].([]any) {
		ids = append(ids, it.(map[string]any)["Id"].(string))
	}
	return ids, doc["@total"]
}

// TestWindowBoundariesLoseNothing splits 60 days into two windows that
// share 2026-10-16T00:00:00Z: the record on that instant comes back from
// both and is kept once; the one half a second later, in what used to be
// a one-second gap between windows, is not lost.
func TestWindowBoundariesLoseNothing(t *testing.T) {
	records := []action{
		{"1.early", "2026-09-05T10:00:00Z", "2026-09-20T00:00:00Z"},
		{"2.boundary", "2026-10-16T00:00:00Z", "2026-10-20T00:00:00Z"},
		{"3.former-gap", "2026-10-16T00:00:00.5Z", "2026-10-20T00:00:00Z"},
		{"4.late", "2026-10-30T23:00:00Z", "2026-11-10T00:00:00Z"},
	}
	for _, idKey := range []string{"Id", ""} {
		srv, seen := impactActions(t, records)
		call := callTo(srv, actionsTemplate(idKey))
		call.Rules = impactSpans
		call.Values = map[string]string{"ActionDateStart": "2026-09-01T00:00:00Z", "ActionDateEnd": "2026-10-31T00:00:00Z"}
		res, err := client(newClock()).Do(context.Background(), call)
		if err != nil || res.TrackerError != "" || res.Windows != 2 {
			t.Fatalf("idKey %q: windows %v, err %v %s, sent %v", idKey, res.Windows, err, res.TrackerError, *seen)
		}
		ids, total := mergedIDs(t, res.Body)
		if strings.Join(ids, ",") != "1.early,2.boundary,3.former-gap,4.late" || total != "4" {
			t.Errorf("idKey %q: merged %v, @total %v", idKey, ids, total)
		}
	}
}

// TestTwoLongRangesSplitTogether asks for about 90 days of action dates
// and of locking dates: every combination of their windows is fetched
// (the tracker refuses any pair over 45 days) and records are kept once.
func TestTwoLongRangesSplitTogether(t *testing.T) {
	var records []action
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 60; i++ {
		ev := start.Add(time.Duration(i) * 37 * time.Hour)
		records = append(records, action{fmt.Sprintf("1000.%02d", i), ev.Format(time.RFC3339), ev.AddDate(0, 0, 20).Format(time.RFC3339)})
	}
	records = append(records, action{"1000.edge", "2026-02-15T00:00:00Z", "2026-03-18T00:00:00Z"})
	srv, seen := impactActions(t, records)
	values := map[string]string{"ActionDateStart": "2026-01-01T00:00:00Z", "ActionDateEnd": "2026-03-31T00:00:00Z",
		"LockingDateStart": "2026-02-01T00:00:00Z", "LockingDateEnd": "2026-05-01T00:00:00Z"}
	call := callTo(srv, actionsTemplate("Id"))
	call.Rules, call.Values = impactSpans, values
	res, err := client(newClock()).Do(context.Background(), call)
	if err != nil || res.TrackerError != "" {
		t.Fatalf("err %v %s", err, res.TrackerError)
	}
	if res.Windows != 4 || len(*seen) != 4 {
		t.Errorf("windows %d, requests %d: %v", res.Windows, len(*seen), *seen)
	}
	var want []string
	for _, a := range records {
		if inRanges(a, func(k string) string { return values[k] }) {
			want = append(want, a.Id)
		}
	}
	got, total := mergedIDs(t, res.Body)
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, ",") != strings.Join(want, ",") || total != fmt.Sprint(len(want)) || len(want) < 20 {
		t.Errorf("merged %d records (@total %v), want %d:\n%v\n%v", len(got), total, len(want), got, want)
	}
	call.Template.SplitRanges = false
	if _, err := client(newClock()).Do(context.Background(), call); core.ErrorField(err) != "values.ActionDateStart" {
		t.Errorf("without splitting: %v", err)
	}
}

func TestTooManyWindowsIsRefused(t *testing.T) {
	srv, seen := impactActions(t, nil)
	call := callTo(srv, actionsTemplate("Id"))
	call.Rules = impactSpans
	call.Values = map[string]string{"ActionDateStart": "2020-01-01T00:00:00Z", "ActionDateEnd": "2026-01-01T00:00:00Z",
		"LockingDateStart": "2020-01-01T00:00:00Z", "LockingDateEnd": "2026-01-01T00:00:00Z"}
	_, err := client(newClock()).Do(context.Background(), call)
	if core.ErrorCode(err) != core.EINVALID || !strings.Contains(err.Error(), fmt.Sprint(request.MaxWindows)) || len(*seen) != 0 {
		t.Errorf("err %v, %d sent", err, len(*seen))
	}
}
