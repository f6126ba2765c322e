// Package hooks is the local webhook listener: a POST to /hooks/<token>
// starts the automation whose enabled webhook trigger holds the token,
// with each top-level field of the JSON object posted as a variable. It
// checks the shared secret, the body's size and shape, and a per-token
// rate cap before anything starts, and never logs a secret or a body.
package hooks

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// Defaults for Config's zero values.
const (
	DefaultAddress = "127.0.0.1"
	DefaultPort    = 17380
	DefaultMaxBody = 256 << 10
	DefaultRate    = 30 // requests per token per minute
)

// Hook is what the listener needs to know about one token's trigger.
type Hook struct {
	AutomationID uint64
	Enabled      bool
	SecretHeader string // empty: no shared secret is asked for
	Secret       string // the shared secret's value
}

// Lookup finds the trigger a token belongs to; ok is false when no
// automation holds the token.
type Lookup func(token string) (h Hook, ok bool, err error)

// Starter records a run of the hook's automation with the variables and
// returns its ID once recorded; the run goes on in the background. An
// EINVALID error (a step that needs setup) is told to the caller.
type Starter func(ctx context.Context, h Hook, vars map[string]any) (runID uint64, err error)

// Config sets up a Server.
type Config struct {
	Addr    string // host:port; 127.0.0.1:DefaultPort when empty
	Lookup  Lookup
	Start   Starter
	MaxBody int64            // bytes; DefaultMaxBody when 0
	Rate    int              // requests per token per minute; DefaultRate when 0
	Now     func() time.Time // the rate cap's clock; time.Now when nil
	Logf    func(format string, args ...any)
}

// Server is a running listener. Stop it with Stop.
type Server struct {
	cfg  Config
	ln   net.Listener
	srv  *http.Server
	rate *limiter
	done chan struct{}
}

// Start listens on cfg.Addr and serves until Stop. The address in use
// (a port of 0 picks one) is Addr.
func Start(cfg Config) (*Server, error) {
	if cfg.Lookup == nil || cfg.Start == nil {
		return nil, errors.New("hooks: Lookup and Start are required")
	}
	cfg = withDefaults(cfg)
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return nil, core.Errorf(core.EUNAVAILABLE, "The webhook listener could not listen on %s: %v.", cfg.Addr, err)
	}
	s := &Server{cfg: cfg, ln: ln, rate: newLimiter(cfg.Rate, time.Minute, cfg.Now), done: make(chan struct{})}
	s.srv = &http.Server{Handler: s.routes(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 30 * time.Second, IdleTimeout: 60 * time.Second, MaxHeaderBytes: 32 << 10,
		ErrorLog: log.New(io.Discard, "", 0)}
	go func() {
		defer close(s.done)
		_ = s.srv.Serve(ln)
	}()
	return s, nil
}

func withDefaults(cfg Config) Config {
	if cfg.Addr == "" {
		cfg.Addr = net.JoinHostPort(DefaultAddress, fmt.Sprint(DefaultPort))
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.Rate <= 0 {
		cfg.Rate = DefaultRate
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logf == nil {
		cfg.Logf = func(string, ...any) {}
	}
	return cfg
}

// Addr returns the address the server listens on (host:port).
func (s *Server) Addr() string { return s.ln.Addr().String() }

// URL returns the base of every hook's URL: http://host:port/hooks/.
func (s *Server) URL() string { return "http://" + s.Addr() + "/hooks/" }

// Stop stops accepting requests, waits (until ctx ends) for those being
// answered, and closes every connection. It returns ctx's error if the
// wait was cut short.
func (s *Server) Stop(ctx context.Context) error {
	err := s.srv.Shutdown(ctx)
	if err != nil {
		_ = s.srv.Close()
	}
	<-s.done
	return err
}
