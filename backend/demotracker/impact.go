package demotracker

import (
	"crypto/sha1"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

func (s *Server) impactRoutes(mux *http.ServeMux) {
	h := func(f func(http.ResponseWriter, *http.Request, string)) http.HandlerFunc {
		return s.impactAuth(f)
	}
	mux.HandleFunc("GET /Advertisers/{sid}/Campaigns", h(s.impactCampaigns))
	mux.HandleFunc("GET /Advertisers/{sid}/Actions", h(s.impactList))
	mux.HandleFunc("GET /Advertisers/{sid}/Actions/{id}", h(s.impactGet))
	mux.HandleFunc("GET /Advertisers/{sid}/Actions/{id}/Items", h(s.impactItems))
	mux.HandleFunc("GET /Advertisers/{sid}/Actions/{id}/Items/{sku}", h(s.impactItem))
	mux.HandleFunc("PUT /Advertisers/{sid}/Actions", h(s.impactUpdate))
	mux.HandleFunc("DELETE /Advertisers/{sid}/Actions", h(s.impactReverse))
}

type impactFieldError struct {
	Field   string `json:"Field"`
	Message string `json:"Message"`
}

func impactError(w http.ResponseWriter, status int, msg string, fields ...impactFieldError) {
	if fields == nil {
		fields = []impactFieldError{}
	}
	writeJSON(w, status, map[string]any{"Status": "ERROR", "Message": msg, "Errors": fields})
}

// impactAuth checks Basic credentials and the SID in the path, and answers
// XML to a client that did not ask for JSON, as impact.com does.
func (s *Server) impactAuth(next func(http.ResponseWriter, *http.Request, string)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		user, pass, ok := r.BasicAuth()
		if !ok || user != core.DemoAccountSID || pass != core.DemoAuthToken {
			impactError(w, 401, "Authentication failed: check the Account SID and Auth Token.")
			return
		}
		if r.PathValue("sid") != user {
			impactError(w, 403, "The Account SID in the URL does not match the credentials.")
			return
		}
		if !strings.Contains(r.Header.Get("Accept"), "json") {
			w.Header().Set("Content-Type", "application/xml")
			w.WriteHeader(200)
			_ = xml.NewEncoder(w).Encode(struct {
				XMLName xml.Name `xml:"ImpactRadiusResponse"`
				Note    string   `xml:"Note"`
			}{Note: "Send Accept: application/json for JSON."})
			return
		}
		next(w, r, "/Advertisers/"+user)
	}
}

func (s *Server) impactCampaigns(w http.ResponseWriter, r *http.Request, base string) {
	camp := map[string]any{"Id": "1000", "AdvertiserName": "Acme Inc", "CampaignName": "Acme Campaign", "CampaignUrl": "https://acme.example", "Uri": base + "/Campaigns/1000"}
	writeJSON(w, 200, pageEnvelope("Campaigns", []any{camp}, 1, 1000, 1, r.URL))
}

// listQuery is a validated list request.
type listQuery struct {
	campaign, state string
	from, to        time.Time
	field           string // which date the range filters on
	page, size      int
}

func (s *Server) impactList(w http.ResponseWriter, r *http.Request, base string) {
	q, fe := parseListQuery(r.URL.Query(), s.data.day)
	if fe != nil {
		impactError(w, 400, fe.Message, *fe)
		return
	}
	s.mu.Lock()
	var rows []any
	for _, a := range s.data.actions {
		if q.matches(a) {
			rows = append(rows, a.json(base))
		}
	}
	s.mu.Unlock()
	if len(rows) > 10*q.size {
		impactError(w, 400, "The result has more than 10 pages: narrow the dates or raise PageSize.")
		return
	}
	start := min((q.page-1)*q.size, len(rows))
	end := min(start+q.size, len(rows))
	writeJSON(w, 200, pageEnvelope("Actions", rows[start:end], q.page, q.size, len(rows), r.URL))
}

func parseListQuery(v url.Values, day time.Time) (listQuery, *impactFieldError) {
	q := listQuery{campaign: v.Get("CampaignId"), state: v.Get("State"), page: 1, size: 20000}
	if q.campaign == "" {
		return q, &impactFieldError{"CampaignId", "CampaignId is required."}
	}
	var fe *impactFieldError
	if q.page, fe = intParam(v, "Page", 1, 1, 1<<30); fe != nil {
		return q, fe
	}
	if q.size, fe = intParam(v, "PageSize", 20000, 2000, 20000); fe != nil {
		return q, fe
	}
	for _, pair := range [][3]string{{"StartDate", "EndDate", "updated"}, {"ActionDateStart", "ActionDateEnd", "event"}, {"LockingDateStart", "LockingDateEnd", "locking"}} {
		from, to, set, fe := dateRange(v, pair[0], pair[1], day)
		if fe != nil {
			return q, fe
		}
		if set {
			q.from, q.to, q.field = from, to, pair[2]
			return q, nil
		}
	}
	q.from, q.to, q.field = day.AddDate(0, 0, -7), day.AddDate(0, 0, 1), "updated"
	return q, nil
}

func intParam(v url.Values, name string, def, lo, hi int) (int, *impactFieldError) {
	raw := v.Get(name)
	if raw == "" {
		return def, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < lo || n > hi {
		return 0, &impactFieldError{name, fmt.Sprintf("%s must be a whole number from %d to %d.", name, lo, hi)}
	}
	return n, nil
}

func dateRange(v url.Values, startKey, endKey string, day time.Time) (from, to time.Time, set bool, fe *impactFieldError) {
	s, e := v.Get(startKey), v.Get(endKey)
	if s == "" && e == "" {
		return from, to, false, nil
	}
	if s == "" || e == "" {
		return from, to, false, &impactFieldError{startKey, fmt.Sprintf("%s and %s must be used together.", startKey, endKey)}
	}
	from, err1 := time.Parse(time.RFC3339, s)
	to, err2 := time.Parse(time.RFC3339, e)
	switch {
	case err1 != nil || err2 != nil:
		return from, to, false, &impactFieldError{startKey, "Dates must be ISO 8601 with a time, e.g. 2024-01-01T00:00:00Z."}
	case to.Before(from):
		return from, to, false, &impactFieldError{endKey, endKey + " is before " + startKey + "."}
	case to.Sub(from) > 45*24*time.Hour:
		return from, to, false, &impactFieldError{startKey, startKey + " and " + endKey + " cannot be more than 45 days apart."}
	case from.Before(day.AddDate(-3, 0, 0)):
		return from, to, false, &impactFieldError{startKey, startKey + " cannot be more than 3 years in the past."}
	}
	return from, to, true, nil
}

func (q listQuery) matches(a *impactAction) bool {
	if a.CampaignID != q.campaign || (q.state != "" && a.State != q.state) {
		return false
	}
	t := a.Created
	switch q.field {
	case "updated":
		if !a.Updated.IsZero() {
			t = a.Updated
		}
	case "event":
		t = a.Event
	case "locking":
		t = a.Locking
	}
	return !t.Before(q.from) && !t.After(q.to)
}

// pageEnvelope wraps rows in impact.com's paging fields, all strings.
func pageEnvelope(key string, rows []any, page, size, total int, u *url.URL) map[string]any {
	if rows == nil {
		rows = []any{}
	}
	pages := max(1, (total+size-1)/size)
	link := func(p int) string {
		if p < 1 || p > pages {
			return ""
		}
		q := u.Query()
		q.Set("Page", strconv.Itoa(p))
		return u.Path + "?" + q.Encode()
	}
	start := min((page-1)*size+1, total)
	return map[string]any{
		"@page": strconv.Itoa(page), "@numpages": strconv.Itoa(pages), "@pagesize": strconv.Itoa(size),
		"@total": strconv.Itoa(total), "@start": strconv.Itoa(start), "@end": strconv.Itoa(start + len(rows) - 1),
		"@uri": link(page), "@firstpageuri": link(1), "@previouspageuri": link(page - 1),
		"@nextpageuri": link(page + 1), "@lastpageuri": link(pages), key: rows,
	}
}

func (s *Server) findAction(id string) *impactAction {
	for _, a := range s.data.actions {
		if a.ID == id {
			return a
		}
	}
	return nil
}

func (s *Server) impactGet(w http.ResponseWriter, r *http.Request, base string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.findAction(r.PathValue("id"))
	if a == nil {
		impactError(w, 404, "Action "+r.PathValue("id")+" was not found.")
		return
	}
	writeJSON(w, 200, a.json(base))
}

func (s *Server) impactItems(w http.ResponseWriter, r *http.Request, base string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.findAction(r.PathValue("id"))
	if a == nil {
		impactError(w, 404, "Action "+r.PathValue("id")+" was not found.")
		return
	}
	var rows []any
	for _, it := range a.Skus {
		rows = append(rows, it.json(base, a.ID))
	}
	writeJSON(w, 200, pageEnvelope("Items", rows, 1, 1000, len(rows), r.URL))
}

func (s *Server) impactItem(w http.ResponseWriter, r *http.Request, base string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a := s.findAction(r.PathValue("id")); a != nil {
		for _, it := range a.Skus {
			if it.Sku == r.PathValue("sku") {
				writeJSON(w, 200, it.json(base, a.ID))
				return
			}
		}
	}
	impactError(w, 404, "Item "+r.PathValue("sku")+" was not found in action "+r.PathValue("id")+".")
}

func (s *Server) impactUpdate(w http.ResponseWriter, r *http.Request, base string) {
	s.impactChange(w, r, base, "Reason", func(a *impactAction, p url.Values) {
		if amt, err := strconv.ParseFloat(p.Get("Amount"), 64); err == nil {
			a.Payout = a.Payout * amt / max(a.Amount, 0.01)
			a.Amount = amt
		}
		a.State = "PENDING"
	})
}

func (s *Server) impactReverse(w http.ResponseWriter, r *http.Request, base string) {
	s.impactChange(w, r, base, "DispositionCode", func(a *impactAction, p url.Values) {
		a.State, a.Disposition = "REVERSED", p.Get("DispositionCode")
	})
}

// impactChange finds the action a write names, checks the required code,
// applies the change and answers QUEUED like impact.com.
func (s *Server) impactChange(w http.ResponseWriter, r *http.Request, base, codeField string, apply func(*impactAction, url.Values)) {
	p := params(r)
	if p.Get(codeField) == "" {
		impactError(w, 400, codeField+" is required.", impactFieldError{codeField, codeField + " is required."})
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.actionFor(p)
	if a == nil {
		impactError(w, 400, "Give an existing ActionId, or ActionTrackerId and OrderId.", impactFieldError{"ActionId", "No such action."})
		return
	}
	if a.State == "APPROVED" || a.State == "REVERSED" {
		impactError(w, 400, "Action "+a.ID+" is "+strings.ToLower(a.State)+" and can no longer be changed.")
		return
	}
	if a.Changes >= 1000 {
		impactError(w, 400, "Action "+a.ID+" has reached 1,000 modifications.")
		return
	}
	apply(a, p)
	a.Changes++
	a.Updated = s.now().UTC()
	sum := sha1.Sum([]byte(fmt.Sprintf("%s/%d", a.ID, a.Changes)))
	writeJSON(w, 200, map[string]any{"Status": "QUEUED", "QueuedUri": fmt.Sprintf("%s/APISubmissions/A-%x", base, sum[:8])})
}

func (s *Server) actionFor(p url.Values) *impactAction {
	if id := p.Get("ActionId"); id != "" {
		return s.findAction(id)
	}
	if p.Get("ActionTrackerId") == "2240" {
		for _, a := range s.data.actions {
			if a.Oid == p.Get("OrderId") {
				return a
			}
		}
	}
	return nil
}
