package demotracker

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/affdesk/affdesk/backend/core"
)

func (s *Server) affiseRoutes(mux *http.ServeMux) {
	h := s.affiseAuth
	mux.HandleFunc("GET /3.0/admin/partners", h(s.affisePartners))
	mux.HandleFunc("GET /3.0/admin/partner/{id}", h(s.affisePartner))
	mux.HandleFunc("POST /3.0/admin/partner/{id}", h(s.affiseEditPartner))
	mux.HandleFunc("POST /3.0/admin/offer/{id}", h(s.affiseOfferStatus))
	mux.HandleFunc("POST /3.0/admin/conversion/edit", h(s.affiseConversionEdit))
	mux.HandleFunc("POST /3.0/partner/postback", h(s.affisePostback))
	mux.HandleFunc("GET /3.1/partner/me", h(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		writeJSON(w, 200, map[string]any{"status": 1, "user": s.partnerJSON(s.data.partners[0])})
	}))
}

// affiseAuth accepts the key in the API-Key header or query, and answers
// the way Affise does: 401 with no key, 403 with a wrong one.
func (s *Server) affiseAuth(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		key := r.Header.Get("API-Key")
		if key == "" {
			key = r.URL.Query().Get("API-Key")
		}
		switch {
		case key == "":
			writeJSON(w, 401, map[string]any{"status": 2, "message": "Token is necessary"})
		case key != core.DemoAPIKey:
			writeJSON(w, 403, map[string]any{"status": 2, "message": "Auth Denied"})
		default:
			next(w, r)
		}
	}
}

func affiseNotFound(w http.ResponseWriter) {
	writeJSON(w, 404, map[string]any{"status": 2, "error": "Page Not Found"})
}

func (s *Server) partnerJSON(p *partner) map[string]any {
	return map[string]any{
		"id": p.ID, "login": p.Login, "email": p.Email, "name": p.Name, "status": p.Status, "country": p.Country,
		"created_at": p.Created.Format("2006-01-02 15:04:05"), "manager": map[string]any{"id": "5a1b", "first_name": "Dana", "last_name": "Reyes"},
		"notes": "", "ref_percent": 0,
	}
}

func (s *Server) partnerByID(raw string) *partner {
	id, _ := strconv.Atoi(raw)
	for _, p := range s.data.partners {
		if p.ID == id {
			return p
		}
	}
	return nil
}

func (s *Server) affisePartners(w http.ResponseWriter, r *http.Request) {
	page, limit := affisePaging(r.URL.Query(), 50, 500)
	s.mu.Lock()
	defer s.mu.Unlock()
	all := s.data.partners
	start := min((page-1)*limit, len(all))
	end := min(start+limit, len(all))
	rows := []any{}
	for _, p := range all[start:end] {
		rows = append(rows, s.partnerJSON(p))
	}
	next := any(page + 1)
	if end >= len(all) {
		next = false
	}
	writeJSON(w, 200, map[string]any{"status": 1, "partners": rows,
		"pagination": map[string]any{"per_page": limit, "total_count": len(all), "page": page, "next_page": next}})
}

func affisePaging(q url.Values, def, max int) (int, int) {
	page, _ := strconv.Atoi(q.Get("page"))
	limit, _ := strconv.Atoi(q.Get("limit"))
	if page < 1 {
		page = 1
	}
	if limit < 1 {
		limit = def
	}
	return page, min(limit, max)
}

func (s *Server) affisePartner(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.partnerByID(r.PathValue("id"))
	if p == nil {
		affiseNotFound(w)
		return
	}
	writeJSON(w, 200, map[string]any{"status": 1, "partner": s.partnerJSON(p)})
}

func (s *Server) affiseEditPartner(w http.ResponseWriter, r *http.Request) {
	in := params(r)
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.partnerByID(r.PathValue("id"))
	if p == nil {
		affiseNotFound(w)
		return
	}
	if st := in.Get("status"); st != "" {
		if !oneOf(st, "not active", "active", "banned", "on moderation") {
			writeJSON(w, 200, map[string]any{"status": 2, "message": "status: invalid value " + strconv.Quote(st)})
			return
		}
		p.Status = st
	}
	if e := in.Get("email"); e != "" {
		p.Email = e
	}
	writeJSON(w, 200, map[string]any{"status": 1, "partner": s.partnerJSON(p), "id": p.ID})
}

func oneOf(v string, allowed ...string) bool {
	for _, a := range allowed {
		if v == a {
			return true
		}
	}
	return false
}

func (s *Server) affiseOfferStatus(w http.ResponseWriter, r *http.Request) {
	in := params(r)
	id, _ := strconv.Atoi(r.PathValue("id"))
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, o := range s.data.offers {
		if o.ID == id {
			if st := in.Get("status"); st != "" {
				if !oneOf(st, "active", "stopped", "suspended") {
					writeJSON(w, 200, map[string]any{"status": 2, "message": "status: must be active, stopped or suspended"})
					return
				}
				o.Status = st
			}
			writeJSON(w, 200, map[string]any{"status": 1, "offer": map[string]any{"id": o.ID, "offer_id": strconv.Itoa(o.ID), "title": o.Title, "status": o.Status}})
			return
		}
	}
	affiseNotFound(w)
}

func (s *Server) affiseConversionEdit(w http.ResponseWriter, r *http.Request) {
	in := params(r)
	ids, status := in["ids[]"], in.Get("status")
	if len(ids) == 0 || !oneOf(status, "confirmed", "pending", "declined", "hold", "not_found") {
		writeJSON(w, 200, map[string]any{"status": 2, "message": "ids[] and a valid status are required"})
		return
	}
	writeJSON(w, 200, map[string]any{"status": 1, "data": map[string]any{"ids": ids, "status": status},
		"message": "Conversion changes will take a few minutes"})
}

func (s *Server) affisePostback(w http.ResponseWriter, r *http.Request) {
	in := params(r)
	if in.Get("pid") == "" || in.Get("url") == "" {
		writeJSON(w, 200, map[string]any{"status": 2, "message": "pid and url are required"})
		return
	}
	s.mu.Lock()
	s.data.postback++
	id := s.data.postback
	s.mu.Unlock()
	writeJSON(w, 200, map[string]any{"status": 1, "postback": map[string]any{
		"id": id, "status": "by_creating", "pid": in.Get("pid"), "url": in.Get("url"), "offer_id": in.Get("offer_id"), "goal": in.Get("goal")}})
}
