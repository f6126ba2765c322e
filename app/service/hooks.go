package service

import (
	"context"
	"crypto/subtle"
	"log"
	"net"
	"sync"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/engine"
	"github.com/affdesk/affdesk/backend/hooks"
)

// hookState is the webhook listener's lifecycle: wanted while a window
// is open or `serve` runs (StartHooks until StopHooks), running while
// wanted, allowed by Settings, and at least one automation has an
// enabled webhook trigger.
type hookState struct {
	mu      sync.Mutex
	wanted  bool
	srv     *hooks.Server
	addr    string               // the address srv was asked to listen on
	err     error                // why the listener last failed to start
	unwatch func() bool          // stops StartHooks' context watch
	logf    func(string, ...any) // log.Printf when nil (tests capture it)
}

// hookStopWait bounds how long stopping waits for requests being answered.
const hookStopWait = 5 * time.Second

// StartHooks runs the webhook listener, when Settings allow it and an
// automation has an enabled trigger, until StopHooks or until ctx ends;
// saving automations or settings starts or stops it as needed meanwhile.
// It returns why the listener could not start (EUNAVAILABLE: the port is
// taken, say), or nil.
func (s *Services) StartHooks(ctx context.Context) error {
	s.hooks.mu.Lock()
	if s.hooks.unwatch != nil {
		s.hooks.unwatch()
	}
	s.hooks.wanted = true
	s.hooks.unwatch = context.AfterFunc(ctx, s.StopHooks)
	s.hooks.mu.Unlock()
	return s.refreshHooks()
}

// StopHooks stops the webhook listener, waiting a few seconds for the
// requests being answered; runs they started go on.
func (s *Services) StopHooks() {
	s.hooks.mu.Lock()
	defer s.hooks.mu.Unlock()
	s.hooks.wanted = false
	if s.hooks.unwatch != nil {
		s.hooks.unwatch()
		s.hooks.unwatch = nil
	}
	s.stopListener()
}

// refreshHooks starts, restarts (on a new address) or stops the listener
// to match what is wanted, the settings and the automations.
func (s *Services) refreshHooks() error {
	s.hooks.mu.Lock()
	defer s.hooks.mu.Unlock()
	cfg, err := s.HookSettings()
	if err != nil {
		return err
	}
	need := s.hooks.wanted && cfg.Enabled && s.anyHookEnabled()
	addr := cfg.listenAddr()
	if s.hooks.srv != nil && (!need || s.hooks.addr != addr) {
		s.stopListener()
	}
	if !need || s.hooks.srv != nil {
		s.hooks.err = nil
		return nil
	}
	srv, err := hooks.Start(hooks.Config{Addr: addr, Lookup: s.lookupHook, Start: s.fireHook, Now: s.Now, Logf: s.hookLogf()})
	s.hooks.srv, s.hooks.addr, s.hooks.err = srv, addr, err
	return err
}

// stopListener stops the running listener; the caller holds s.hooks.mu.
func (s *Services) stopListener() {
	if s.hooks.srv == nil {
		return
	}
	ctx, cancel := withTimeout(hookStopWait)
	defer cancel()
	if err := s.hooks.srv.Stop(ctx); err != nil {
		log.Printf("webhook listener: stop: %v", err)
	}
	s.hooks.srv, s.hooks.addr = nil, ""
}

func (s *Services) hookLogf() func(string, ...any) {
	if s.hooks.logf != nil {
		return s.hooks.logf
	}
	return log.Printf
}

// anyHookEnabled reports whether a stored automation has an enabled trigger.
func (s *Services) anyHookEnabled() bool {
	all, err := s.DB.ListAutomations()
	if err != nil {
		return false
	}
	for i := range all {
		if all[i].HookEnabled() {
			return true
		}
	}
	return false
}

// lookupHook finds the automation whose trigger holds token (compared in
// constant time) and its shared secret from the secret store. A secret
// the store lost stays empty, so every request is refused until the
// secret is entered again.
func (s *Services) lookupHook(token string) (hooks.Hook, bool, error) {
	all, err := s.DB.ListAutomations()
	if err != nil {
		return hooks.Hook{}, false, err
	}
	for _, a := range all {
		if a.Hook == nil || a.Hook.Token == "" || subtle.ConstantTimeCompare([]byte(a.Hook.Token), []byte(token)) != 1 {
			continue
		}
		h := hooks.Hook{AutomationID: a.ID, Enabled: a.Hook.Enabled && s.hookReachable(a), SecretHeader: a.Hook.SecretHeader}
		if key, _, ok := SecretRef(a.Hook.Secret); ok {
			h.Secret, _ = s.Secrets.GetSecret(key)
		}
		return h, true, nil
	}
	return hooks.Hook{}, false, nil
}

// hookReachable reports whether a's trigger may answer: always on this
// machine's loopback; beyond it only with a shared secret, so an exposed
// listener never runs an automation for anyone who learns its URL.
func (s *Services) hookReachable(a core.Automation) bool {
	if a.Hook.SecretHeader != "" {
		return true
	}
	set, err := s.HookSettings()
	if err == nil && !net.ParseIP(set.Address).IsLoopback() {
		s.hookLogf()("webhook: automation %q has no shared secret, which a listener beyond this machine requires: refused", a.Name)
		return false
	}
	return err == nil
}

// fireHook records a run of the hook's automation, triggered by
// "webhook" with the body's variables, and runs it in the background.
func (s *Services) fireHook(_ context.Context, h hooks.Hook, vars map[string]any) (uint64, error) {
	run, err := s.prepareRunWith(h.AutomationID, engine.Options{Trigger: "webhook", Vars: vars})
	if err != nil {
		return 0, err
	}
	s.executeInBackground(run)
	return run.ID, nil
}

// hideHookToken keeps the trigger's token out of a run's snapshot: the
// record shows the trigger, not its URL.
func hideHookToken(a *core.Automation) {
	if a.Hook == nil {
		return
	}
	h := *a.Hook
	h.Token = ""
	a.Hook = &h
}
