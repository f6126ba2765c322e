//go:build reliability

package cli_test

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// killTracker is a tracker on 127.0.0.1 that outlives the processes the
// loop kills: it lists items and counts every write it applies, by run
// and item, so a write applied twice or never recorded can be found.
type killTracker struct {
	items int
	mu    sync.Mutex
	got   map[string]int // "run/item" -> writes applied
}

func newKillTracker(items int) *killTracker {
	return &killTracker{items: items, got: map[string]int{}}
}

// ServeHTTP answers GET /items with the item IDs and applies PUT
// /items/{id} (form field run) after a short, varying delay.
func (k *killTracker) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	switch {
	case r.Method == http.MethodGet && r.URL.Path == "/items":
		ids := make([]string, k.items)
		for i := range ids {
			ids[i] = strconv.Itoa(i + 1)
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"items": ids})
	case r.Method == http.MethodPut && strings.HasPrefix(r.URL.Path, "/items/"):
		if err := r.ParseForm(); err != nil || r.PostForm.Get("run") == "" {
			http.Error(w, `{"error":"run is required"}`, http.StatusBadRequest)
			return
		}
		id := strings.TrimPrefix(r.URL.Path, "/items/")
		k.apply(r.PostForm.Get("run") + "/" + id)
		time.Sleep(time.Duration(len(id)%3) * time.Millisecond)
		_, _ = w.Write([]byte(`{"ok":true}`))
	default:
		http.Error(w, `{"error":"not found"}`, http.StatusNotFound)
	}
}

func (k *killTracker) apply(key string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.got[key]++
}

// applied returns a copy of the writes applied so far.
func (k *killTracker) applied() map[string]int {
	k.mu.Lock()
	defer k.mu.Unlock()
	out := make(map[string]int, len(k.got))
	for key, n := range k.got {
		out[key] = n
	}
	return out
}
