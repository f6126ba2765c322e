// Package peak measures the highest heap a benchmark reaches while it
// runs, for benchmarks that report memory as a multiple of their input.
package peak

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Heap samples HeapAlloc every 2 ms from Start until Report and keeps the
// highest value above the live heap at Start.
type Heap struct {
	peak atomic.Uint64
	base uint64
	stop chan struct{}
	wg   sync.WaitGroup
}

// Start collects garbage, notes the live heap and starts sampling.
func Start() *Heap {
	runtime.GC()
	h := &Heap{stop: make(chan struct{})}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	h.base = ms.HeapAlloc
	h.wg.Add(1)
	go h.sample()
	return h
}

func (h *Heap) sample() {
	defer h.wg.Done()
	var ms runtime.MemStats
	for {
		runtime.ReadMemStats(&ms)
		if ms.HeapAlloc > h.peak.Load() {
			h.peak.Store(ms.HeapAlloc)
		}
		select {
		case <-h.stop:
			return
		case <-time.After(2 * time.Millisecond):
		}
	}
}

// Report stops sampling and reports the peak in MiB (peakMiB) and as a
// multiple of unit bytes (peak/page), e.g. one page's size.
func (h *Heap) Report(b *testing.B, unit int) {
	close(h.stop)
	h.wg.Wait()
	p := float64(h.peak.Load() - min(h.base, h.peak.Load()))
	b.ReportMetric(p/(1<<20), "peakMiB")
	b.ReportMetric(p/float64(unit), "peak/page")
}
