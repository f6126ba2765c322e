package engine_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/engine"
)

// batchCounter is an item store that records the size of each batch it
// is given before storing it.
type batchCounter struct {
	core.ItemStore
	mu    sync.Mutex
	sizes []int
}

func (b *batchCounter) SaveItems(runID uint64, step string, items []core.Iteration) error {
	b.mu.Lock()
	b.sizes = append(b.sizes, len(items))
	b.mu.Unlock()
	return b.ItemStore.SaveItems(runID, step, items)
}

// TestLoopStoresItemsInBatches proves a top-level loop stores its items
// ItemBatch at a time while the clock stands still, one at a time when
// ItemFlushEvery passes between them, and every item either way.
func TestLoopStoresItemsInBatches(t *testing.T) {
	cases := []struct {
		name string
		tick time.Duration // how far the clock moves at each reading
		want []int
	}{
		{"clock still", 0, []int{engine.ItemBatch, engine.ItemBatch, 50}},
		{"a flush interval between items", engine.ItemFlushEvery, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := newRig(t)
			counter := &batchCounter{ItemStore: r.db}
			r.e.Items = counter
			var mu sync.Mutex
			now := fixed
			r.e.Now = func() time.Time { mu.Lock(); defer mu.Unlock(); now = now.Add(tc.tick); return now }
			offers := make([]string, 2*engine.ItemBatch+50)
			for i := range offers {
				offers[i] = fmt.Sprintf(`{"Id":"O%d","Payout":"1.00"}`, i+1)
			}
			r.caller.bodies[1] = `{"Actions":[` + strings.Join(offers, ",") + `]}`
			r.e.Templates.(templates)[3] = core.ActionTemplate{ID: 3, Name: "Set payout", Method: "PUT", Path: "/offers/{ActionId}"}
			run := r.run(t, bigLoop(), false)
			if c := run.Steps[1].Items; c == nil || c.Succeeded != len(offers) {
				t.Fatalf("items %+v, %s %s", c, run.Status, run.Error)
			}
			want := tc.want
			if want == nil {
				want = make([]int, len(offers))
				for i := range want {
					want[i] = 1
				}
			}
			if fmt.Sprint(counter.sizes) != fmt.Sprint(want) {
				t.Errorf("batches %v, want %v", counter.sizes, want)
			}
			page, err := r.db.ListItems(core.ItemFilter{RunID: run.ID, Step: "2", Limit: 1000})
			if err != nil || page.Total != len(offers) {
				t.Errorf("%d items stored, want %d (%v)", page.Total, len(offers), err)
			}
		})
	}
}
