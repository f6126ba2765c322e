// Package demotracker is a tracker that runs inside AffDesk on 127.0.0.1,
// with deterministic sample data. It answers the preset endpoints of
// impact.com, Affise, CAKE, Binom and Everflow the way the real APIs do
// (auth, envelopes, paging, error bodies), for the Demo connection and for
// tests. It accepts only the demo credentials in core.
package demotracker

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"
)

// Server is a running demo tracker.
type Server struct {
	URL  string // http://127.0.0.1:port
	srv  *http.Server
	ln   net.Listener
	mu   sync.Mutex
	data *dataset
	log  []Call
	now  func() time.Time

	faults []*Fault
}

// Call is one request the server received, for tests to inspect.
type Call struct {
	Method string
	Path   string
	Query  string
	Body   string
	Header http.Header
}

// Start listens on addr (use "127.0.0.1:0" for any free port) and serves
// data generated for the day of now().
func Start(addr string, now func() time.Time) (*Server, error) {
	if now == nil {
		now = time.Now
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("demo tracker listen on %s: %w", addr, err)
	}
	s := &Server{URL: "http://" + ln.Addr().String(), ln: ln, data: newDataset(now().UTC()), now: now}
	s.srv = &http.Server{Handler: s.routes(), ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := s.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			fmt.Println("demo tracker:", err)
		}
	}()
	return s, nil
}

// Close stops the server at once: it holds nothing worth draining, and
// clients' kept-alive connections would otherwise hold shutdown up.
func (s *Server) Close() error { return s.srv.Close() }

// Calls returns a copy of the requests received so far.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Call(nil), s.log...)
}

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, map[string]any{"status": "ok", "name": "AffDesk demo tracker"})
	})
	s.impactRoutes(mux)
	s.affiseRoutes(mux)
	s.cakeRoutes(mux)
	s.binomRoutes(mux)
	s.everflowRoutes(mux)
	s.statsRoutes(mux)
	return s.record(s.withFaults(mux))
}

// record logs each call (body included) before handing it on.
func (s *Server) record(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body := readBody(r)
		s.mu.Lock()
		s.log = append(s.log, Call{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Body: string(body), Header: r.Header.Clone()})
		s.mu.Unlock()
		next.ServeHTTP(w, r)
	})
}
