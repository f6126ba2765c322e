package service

import (
	"context"
	"sync"

	"github.com/affdesk/affdesk/backend/core"
)

// runTargets holds the targets (connection, base URL, credentials) one
// run has resolved, so a loop of writes reads its connection and secrets
// once. Each run gets its own (runContext); it is never shared with
// another run, and it goes when the run's context does.
type runTargets struct {
	mu sync.Mutex
	m  map[targetKey]core.Target
}

// targetKey is what a template's target depends on.
type targetKey struct {
	conn     uint64
	platform core.Platform
}

type runTargetsKey struct{}

// withRunTargets gives a run's context its own target cache.
func withRunTargets(ctx context.Context) context.Context {
	return context.WithValue(ctx, runTargetsKey{}, &runTargets{m: map[targetKey]core.Target{}})
}

// runTarget resolves tpl's target, once per run when ctx carries a
// run's cache, else every time. A failure is not kept.
func (s *Services) runTarget(ctx context.Context, tpl core.ActionTemplate) (core.Target, error) {
	c, ok := ctx.Value(runTargetsKey{}).(*runTargets)
	if !ok {
		return s.templateTarget(tpl)
	}
	key := targetKey{tpl.ConnectionID, tpl.Platform}
	c.mu.Lock()
	defer c.mu.Unlock()
	if t, found := c.m[key]; found {
		return t, nil
	}
	t, err := s.templateTarget(tpl)
	if err == nil {
		c.m[key] = t
	}
	return t, err
}
