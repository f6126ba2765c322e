package demotracker

import (
	"net/http"
	"strconv"

	"github.com/affdesk/affdesk/backend/core"
)

func (s *Server) cakeRoutes(mux *http.ServeMux) {
	mux.HandleFunc("POST /api/2/affiliate_postback.json", s.cakeAuth(s.cakePostback))
	mux.HandleFunc("GET /api/2/affiliates.json", s.cakeAuth(s.cakeAffiliates))
}

// cakeAuth reads api_key from the query or body; CAKE reports a bad key in
// the body of an HTTP 200.
func (s *Server) cakeAuth(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if params(r).Get("api_key") != core.DemoAPIKey {
			writeJSON(w, 200, map[string]any{"request_status": "Failure", "success": false, "message": "Invalid API Key"})
			return
		}
		next(w, r)
	}
}

func (s *Server) cakePostback(w http.ResponseWriter, r *http.Request) {
	in := params(r)
	for _, f := range []string{"affiliate_id", "offer_id", "postback_url"} {
		if in.Get(f) == "" {
			writeJSON(w, 400, map[string]any{"request_status": "Failure", "success": false, "message": f + " is required"})
			return
		}
	}
	status := in.Get("postback_status")
	if status == "" {
		status = "active"
	}
	s.mu.Lock()
	s.data.postback++
	id := s.data.postback
	s.mu.Unlock()
	aff, _ := strconv.Atoi(in.Get("affiliate_id"))
	off, _ := strconv.Atoi(in.Get("offer_id"))
	writeJSON(w, 200, map[string]any{"request_status": "Success", "postback": map[string]any{
		"postback_id": id, "affiliate_id": aff, "offer_id": off, "postback_url": in.Get("postback_url"),
		"postback_type": "Server", "postback_status": status}})
}

func (s *Server) cakeAffiliates(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	start, _ := strconv.Atoi(q.Get("start_at_row"))
	limit, _ := strconv.Atoi(q.Get("row_limit"))
	start, limit = max(start, 1), min(max(limit, 0), 500)
	s.mu.Lock()
	defer s.mu.Unlock()
	all := s.data.partners
	from := min(start-1, len(all))
	to := len(all)
	if limit > 0 {
		to = min(from+limit, len(all))
	}
	rows := []any{}
	for _, p := range all[from:to] {
		rows = append(rows, map[string]any{"affiliate_id": 67880 + p.ID, "affiliate_name": p.Name, "account_status": p.Status, "email": p.Email})
	}
	writeJSON(w, 200, map[string]any{"request_status": "Success", "row_count": len(all), "affiliates": rows})
}

func (s *Server) binomRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /public/api/v1/traffic_source/list/filtered", s.binomAuth(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, []any{map[string]any{"id": 1, "name": "Push Ads"}, map[string]any{"id": 2, "name": "Native Net"}})
	}))
	mux.HandleFunc("GET /public/api/v1/campaign/{id}", s.binomAuth(s.binomCampaign))
	mux.HandleFunc("GET /public/api/v1/report/campaign", s.binomAuth(s.binomReport))
}

func (s *Server) binomAuth(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("api-key") != core.DemoAPIKey {
			writeJSON(w, 401, map[string]any{"code": 401, "message": "Invalid API key"})
			return
		}
		next(w, r)
	}
}

func (s *Server) binomCampaign(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.Atoi(r.PathValue("id"))
	s.mu.Lock()
	defer s.mu.Unlock()
	if id < 1 || id > len(s.data.offers) {
		writeJSON(w, 404, map[string]any{"code": 404, "message": "Campaign not found"})
		return
	}
	o := s.data.offers[id-1]
	writeJSON(w, 200, map[string]any{"id": id, "name": o.Title + " — push", "key": "k" + strconv.Itoa(1000+id),
		"trafficSourceId": 1 + id%2, "costModel": "CPC", "cost": 0.02, "status": o.Status, "domainName": "trk.example.com"})
}

// binomReport groups the demo facts as Binom's report does: groupings[]
// trafficSource, campaign (an offer here) or day, over dateFrom..dateTo.
func (s *Server) binomReport(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	dims := map[string]string{"trafficSource": "affiliate", "campaign": "offer", "day": "day", "": "offer"}
	dim, ok := dims[q.Get("groupings[]")]
	from, to := s.data.day.AddDate(0, 0, -7), s.data.day.AddDate(0, 0, -1)
	if q.Get("dateFrom") != "" {
		var okDates bool
		from, to, okDates = reportDates(q.Get("dateFrom"), q.Get("dateTo"), "2006-01-02 15:04:05")
		ok = ok && okDates
	}
	if !ok {
		writeJSON(w, 400, map[string]any{"code": 400, "message": "groupings[] and dateFrom/dateTo (YYYY-MM-DD HH:MM:SS) are invalid"})
		return
	}
	totals := s.totals(from, to, byDimension[dim])
	rows := []any{}
	for _, t := range totals {
		rows = append(rows, map[string]any{"level": "1", "entity_id": t.id, "name": t.name, "clicks": t.clicks, "leads": t.conversions,
			"revenue": t.revenue, "cost": t.payout})
	}
	writeJSON(w, 200, map[string]any{"report": rows, "totals": map[string]any{"rows": len(rows)}})
}

func (s *Server) everflowRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /v1/meta/timezones", s.everflowAuth(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, map[string]any{"timezones": []any{map[string]any{"timezone_id": 67, "timezone": "UTC"}}})
	}))
	mux.HandleFunc("GET /v1/networks/affiliates/{id}", s.everflowAuth(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		p := s.partnerByID(r.PathValue("id"))
		if p == nil {
			writeJSON(w, 404, map[string]any{"error": "Affiliate not found"})
			return
		}
		writeJSON(w, 200, map[string]any{"network_affiliate_id": p.ID, "name": p.Name, "account_status": p.Status,
			"time_created": p.Created.Unix(), "default_currency_id": "USD"})
	}))
}

func (s *Server) everflowAuth(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		switch r.Header.Get("X-Eflow-API-Key") {
		case "":
			writeJSON(w, 401, map[string]any{"error": "No Authentication Method Found"})
		case core.DemoAPIKey:
			next(w, r)
		default:
			writeJSON(w, 403, map[string]any{"error": "Invalid API key"})
		}
	}
}
