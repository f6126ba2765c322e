package hooks

import (
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"strconv"

	"github.com/affdesk/affdesk/backend/core"
)

// routes serves POST /hooks/{token}; any other method on it is 405.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /hooks/{token}", s.fire)
	return mux
}

// fire answers one POST: 404 for an unknown or disabled token (alike),
// 429 past the token's rate cap, 401 for a wrong or missing secret, 413
// for a body over the cap, 400 for a body that is not a JSON object, and
// 202 with the run's ID once the run is recorded.
func (s *Server) fire(w http.ResponseWriter, r *http.Request) {
	token := r.PathValue("token")
	h, ok, err := s.cfg.Lookup(token)
	if err != nil {
		s.cfg.Logf("webhook: looking up a token failed: %v", err)
		plain(w, http.StatusInternalServerError, "The webhook could not be handled.")
		return
	}
	if !ok || !h.Enabled {
		http.NotFound(w, r)
		return
	}
	if allowed, wait := s.rate.allow(token); !allowed {
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
		plain(w, http.StatusTooManyRequests, "Too many requests for this webhook: try again later.")
		return
	}
	if !secretMatches(h, r) {
		s.cfg.Logf("webhook: automation %d: refused a request without the right secret", h.AutomationID)
		plain(w, http.StatusUnauthorized, "The shared secret is missing or wrong.")
		return
	}
	body, status, msg := s.readBody(w, r)
	if status != 0 {
		plain(w, status, msg)
		return
	}
	s.start(w, r, h, body)
}

// secretMatches compares the shared secret in constant time; a hook with
// no secret header asks for none.
func secretMatches(h Hook, r *http.Request) bool {
	if h.SecretHeader == "" {
		return true
	}
	got := r.Header.Get(h.SecretHeader)
	return h.Secret != "" && subtle.ConstantTimeCompare([]byte(got), []byte(h.Secret)) == 1
}

// readBody reads the body within the cap; a non-zero status says why not.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, int, string) {
	tooBig := fmt.Sprintf("The body is larger than %d KiB.", s.cfg.MaxBody>>10)
	if r.ContentLength > s.cfg.MaxBody {
		return nil, http.StatusRequestEntityTooLarge, tooBig
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody))
	var max *http.MaxBytesError
	switch {
	case errors.As(err, &max):
		return nil, http.StatusRequestEntityTooLarge, tooBig
	case err != nil:
		return nil, http.StatusBadRequest, "The body could not be read."
	}
	return body, 0, ""
}

// start turns the body into variables and starts the run.
func (s *Server) start(w http.ResponseWriter, r *http.Request, h Hook, body []byte) {
	vars, err := Vars(body)
	if err != nil {
		plain(w, http.StatusBadRequest, "The body must be a JSON object, such as {\"amount\": 12.5}.")
		return
	}
	id, err := s.cfg.Start(r.Context(), h, vars)
	switch {
	case core.ErrorCode(err) == core.EINVALID:
		plain(w, http.StatusUnprocessableEntity, core.ErrorMessage(err))
		return
	case err != nil:
		s.cfg.Logf("webhook: automation %d: the run could not start: %v", h.AutomationID, err)
		plain(w, http.StatusInternalServerError, "The run could not start.")
		return
	}
	s.cfg.Logf("webhook: automation %d: run %d started", h.AutomationID, id)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusAccepted)
	_ = json.NewEncoder(w).Encode(map[string]uint64{"runId": id})
}

// plain writes a short text answer.
func plain(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, msg+"\n")
}
