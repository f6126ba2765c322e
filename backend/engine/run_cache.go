package engine

import (
	"fmt"
	"sync"

	"github.com/affdesk/affdesk/backend/core"
)

// templateCache holds the action templates one run has read, so a loop
// of a thousand writes reads and decodes its template once. It lives in
// the run's runner: a later run (or the same run resumed after an
// approval) reads the store again and sees any edit.
type templateCache struct {
	mu   sync.Mutex
	tpls map[uint64]core.ActionTemplate
}

// template returns the template a step uses, from the store the first
// time this run asks for it. A failed read is not kept.
func (r *runner) template(id uint64) (core.ActionTemplate, error) {
	c := &r.tpls
	c.mu.Lock()
	defer c.mu.Unlock()
	if tpl, ok := c.tpls[id]; ok {
		return tpl, nil
	}
	tpl, err := r.e.Templates.GetTemplate(id)
	if err != nil {
		return tpl, fmt.Errorf("the step's template: %w", err)
	}
	if c.tpls == nil {
		c.tpls = map[uint64]core.ActionTemplate{}
	}
	c.tpls[id] = tpl
	return tpl, nil
}
