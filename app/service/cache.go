package service

import (
	"crypto/rand"
	"encoding/hex"
	"sync"

	"github.com/affdesk/affdesk/backend/pick"
)

// responseCache keeps the last few tested responses in Go, so the view can
// page through them without receiving whole bodies.
type responseCache struct {
	mu    sync.Mutex
	max   int
	order []string
	items map[string]cached
}

type cached struct {
	doc  *pick.Document
	body []byte
}

func newResponseCache(max int) *responseCache {
	return &responseCache{max: max, items: map[string]cached{}}
}

// put stores a response and returns its ID, evicting the oldest past max.
func (c *responseCache) put(doc *pick.Document, body []byte) string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	id := hex.EncodeToString(b)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[id] = cached{doc: doc, body: body}
	c.order = append(c.order, id)
	for len(c.order) > c.max {
		delete(c.items, c.order[0])
		c.order = c.order[1:]
	}
	return id
}

func (c *responseCache) get(id string) (*pick.Document, []byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	it, ok := c.items[id]
	return it.doc, it.body, ok
}
