package demotracker

import (
	"fmt"
	"math"
	"net/http"
	"sort"
	"strconv"
	"time"
)

// fact is one day of one affiliate on one offer.
type fact struct {
	day                 time.Time
	partner             *partner
	offer               *offer
	clicks, conversions int
	revenue, payout     float64
}

// facts returns the deterministic daily facts from..to (dates, inclusive).
func (s *Server) facts(from, to time.Time) []fact {
	var out []fact
	for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
		n := int(d.Sub(s.data.day).Hours()/24) + 10000
		for pi, p := range s.data.partners {
			for oi, o := range s.data.offers {
				if (pi+oi+n)%3 == 0 {
					continue
				}
				clicks := 40 + (pi*37+oi*53+n*11)%260
				conv := clicks / (9 + (pi+oi+n)%14)
				out = append(out, fact{day: d, partner: p, offer: o, clicks: clicks, conversions: conv,
					revenue: round2(float64(conv) * o.Payout * 1.35), payout: round2(float64(conv) * o.Payout)})
			}
		}
	}
	return out
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

// group sums facts by a dimension key, keeping the order of first sight
// sorted by key.
type total struct {
	id, name            string
	clicks, conversions int
	revenue, payout     float64
}

func group(fs []fact, key func(fact) (string, string)) []*total {
	m := map[string]*total{}
	for _, f := range fs {
		id, name := key(f)
		t := m[id]
		if t == nil {
			t = &total{id: id, name: name}
			m[id] = t
		}
		t.clicks += f.clicks
		t.conversions += f.conversions
		t.revenue = round2(t.revenue + f.revenue)
		t.payout = round2(t.payout + f.payout)
	}
	out := make([]*total, 0, len(m))
	for _, t := range m {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool {
		a, errA := strconv.Atoi(out[i].id)
		b, errB := strconv.Atoi(out[j].id)
		if errA == nil && errB == nil {
			return a < b
		}
		return out[i].id < out[j].id
	})
	return out
}

// totals sums the facts of from..to by a dimension, under the lock.
func (s *Server) totals(from, to time.Time, key func(fact) (string, string)) []*total {
	s.mu.Lock()
	defer s.mu.Unlock()
	return group(s.facts(from, to), key)
}

var byDimension = map[string]func(fact) (string, string){
	"affiliate": func(f fact) (string, string) { return strconv.Itoa(f.partner.ID), f.partner.Name },
	"offer":     func(f fact) (string, string) { return strconv.Itoa(f.offer.ID), f.offer.Title },
	"advertiser": func(f fact) (string, string) {
		return strconv.Itoa(1 + f.offer.ID%3), []string{"Acme Inc", "Nimbus Labs", "Orbit Foods"}[f.offer.ID%3]
	},
	"day": func(f fact) (string, string) { d := f.day.Format("2006-01-02"); return d, d },
}

// reportDates reads two dates; a bad or reversed range gives ok false.
func reportDates(from, to, layout string) (time.Time, time.Time, bool) {
	f, err1 := time.Parse(layout, from)
	t, err2 := time.Parse(layout, to)
	if err1 != nil || err2 != nil || t.Before(f) {
		return f, t, false
	}
	return f, t, true
}

func (s *Server) statsRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /3.0/stats/custom", s.affiseAuth(s.affiseStats("")))
	mux.HandleFunc("GET /3.0/stats/getbyprogram", s.affiseAuth(s.affiseStats("offer")))
	mux.HandleFunc("GET /api/2/reports/daily_summary.json", s.cakeAuth(s.cakeStats("day", "days")))
	mux.HandleFunc("GET /api/2/reports/campaign_summary.json", s.cakeAuth(s.cakeStats("offer", "campaigns")))
	mux.HandleFunc("GET /Advertisers/{sid}/Reports/{report}", s.impactAuth(s.impactReport))
	mux.HandleFunc("POST /v1/networks/reporting/entity/table", s.everflowAuth(s.everflowTable))
}

func (s *Server) affiseStats(fixed string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		dim := fixed
		if dim == "" {
			dim = q.Get("slice[]")
		}
		key, ok := byDimension[dim]
		from, to, okDates := reportDates(q.Get("filter[date_from]"), q.Get("filter[date_to]"), "2006-01-02")
		if !ok || !okDates {
			writeJSON(w, 400, map[string]any{"status": 2, "message": "slice[] and filter[date_from], filter[date_to] (YYYY-MM-DD) are required"})
			return
		}
		totals := s.totals(from, to, key)
		rows := []any{}
		for _, t := range totals {
			var slice any = map[string]any{"id": t.id, "title": t.name}
			if dim == "day" {
				slice = t.id
			}
			rows = append(rows, map[string]any{"slice": map[string]any{dim: slice}, "traffic": map[string]any{"raw": t.clicks, "uniq": t.clicks * 9 / 10},
				"actions": map[string]any{"total": map[string]any{"revenue": t.revenue, "charge": t.payout, "earning": round2(t.revenue - t.payout), "null": 0, "count": t.conversions}}})
		}
		writeJSON(w, 200, map[string]any{"status": 1, "stats": rows, "pagination": map[string]any{"per_page": len(rows), "total_count": len(rows), "page": 1, "next_page": false}})
	}
}

func (s *Server) cakeStats(dim, key string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		from, to, ok := reportDates(q.Get("start_date"), q.Get("end_date"), "2006-01-02")
		if !ok {
			writeJSON(w, 200, map[string]any{"request_status": "Failure", "success": false, "message": "start_date and end_date (YYYY-MM-DD) are required"})
			return
		}
		totals := s.totals(from, to.AddDate(0, 0, -1), byDimension[dim])
		rows := []any{}
		for _, t := range totals {
			row := map[string]any{"clicks": t.clicks, "conversions": t.conversions, "revenue": t.revenue, "cost": t.payout}
			if dim == "day" {
				row["date"] = t.id
			} else {
				row["campaign_id"], row["campaign_name"] = t.id, t.name
			}
			rows = append(rows, row)
		}
		writeJSON(w, 200, map[string]any{"request_status": "Success", "row_count": len(rows), key: rows})
	}
}

func (s *Server) impactReport(w http.ResponseWriter, r *http.Request, _ string) {
	dims := map[string]string{"partner_performance": "affiliate", "performance_by_day": "day"}
	dim, ok := dims[r.PathValue("report")]
	if !ok {
		impactError(w, 404, "Report "+r.PathValue("report")+" was not found.")
		return
	}
	q := r.URL.Query()
	from, to, okDates := reportDates(q.Get("START_DATE"), q.Get("END_DATE"), "2006-01-02")
	if !okDates {
		impactError(w, 400, "START_DATE and END_DATE (YYYY-MM-DD) are required.")
		return
	}
	totals := s.totals(from, to, byDimension[dim])
	rows := []any{}
	for _, t := range totals {
		id := t.id
		if dim == "affiliate" {
			n, _ := strconv.Atoi(t.id)
			id = strconv.Itoa(39780 + n)
		}
		rows = append(rows, map[string]any{"Id": id, "Name": t.name, "Clicks": strconv.Itoa(t.clicks), "Actions": strconv.Itoa(t.conversions),
			"Revenue": fmt.Sprintf("%.2f", t.revenue), "Payout": fmt.Sprintf("%.2f", t.payout)})
	}
	writeJSON(w, 200, pageEnvelope("Records", rows, 1, 20000, len(rows), r.URL))
}

func (s *Server) everflowTable(w http.ResponseWriter, r *http.Request) {
	p := params(r)
	dim := map[string]string{"affiliate": "affiliate", "date": "day"}[p.Get("column")]
	from, to, ok := reportDates(p.Get("from"), p.Get("to"), "2006-01-02")
	if dim == "" || !ok {
		writeJSON(w, 400, map[string]any{"error": "from, to and a column (affiliate or date) are required"})
		return
	}
	totals := s.totals(from, to, byDimension[dim])
	rows := []any{}
	for _, t := range totals {
		rows = append(rows, map[string]any{"columns": []any{map[string]any{"column_type": p.Get("column"), "id": t.id, "label": t.name}},
			"reporting": map[string]any{"total_click": t.clicks, "cv": t.conversions, "revenue": t.revenue, "payout": t.payout, "profit": round2(t.revenue - t.payout)}})
	}
	writeJSON(w, 200, map[string]any{"table": rows})
}
