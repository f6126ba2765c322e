package demotracker

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"time"
)

// Fault makes the demo tracker misbehave the way real trackers sometimes
// do, for tests: the next Times requests whose path starts with PathPrefix
// get it instead of (or on top of) the normal answer.
type Fault struct {
	PathPrefix string
	Times      int
	Status     int               // answer this status with Body (0: the normal answer)
	Header     map[string]string // extra response headers, e.g. Retry-After
	Body       string
	Delay      time.Duration // wait this long first (slow responses)
	Truncate   bool          // send only the first half of the normal body
}

// Inject queues a fault.
func (s *Server) Inject(f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, &f)
}

// takeFault returns the first queued fault for path, using one of its times.
func (s *Server) takeFault(path string) *Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, f := range s.faults {
		if f.Times > 0 && strings.HasPrefix(path, f.PathPrefix) {
			f.Times--
			return f
		}
	}
	return nil
}

// withFaults applies a queued fault, if any, before the normal handler.
func (s *Server) withFaults(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f := s.takeFault(r.URL.Path)
		if f == nil {
			next.ServeHTTP(w, r)
			return
		}
		if f.Delay > 0 {
			select {
			case <-time.After(f.Delay):
			case <-r.Context().Done():
				return
			}
		}
		for k, v := range f.Header {
			w.Header().Set(k, v)
		}
		switch {
		case f.Truncate:
			rec := httptest.NewRecorder()
			next.ServeHTTP(rec, r)
			body := rec.Body.Bytes()
			w.Header().Set("Content-Type", rec.Header().Get("Content-Type"))
			w.WriteHeader(rec.Code)
			w.Write(body[:len(body)/2])
		case f.Status != 0:
			w.WriteHeader(f.Status)
			w.Write([]byte(f.Body))
		default:
			next.ServeHTTP(w, r)
		}
	})
}
