package service_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
)

// bulkItems is how many PUTs one bulk run sends after its one GET.
const bulkItems = 1000

// bulkTracker answers GET /items with bulkItems IDs and counts each PUT.
type bulkTracker struct {
	list []byte
	puts atomic.Int64
	mu   sync.Mutex
	keys map[string]int // PUTs by the API key they carried
}

func newBulkTracker(n int) *bulkTracker {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = strconv.Itoa(i + 1)
	}
	list, _ := json.Marshal(map[string]any{"items": ids})
	return &bulkTracker{list: list, keys: map[string]int{}}
}

func (t *bulkTracker) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	w.Header().Set("Content-Type", "application/json")
	if r.Method == http.MethodPut {
		t.puts.Add(1)
		t.mu.Lock()
		t.keys[r.Header.Get("X-API-Key")]++
		t.mu.Unlock()
		_, _ = w.Write([]byte(`{"ok":true}`))
		return
	}
	_, _ = w.Write(t.list)
}

// bulkAutomation saves a connection to url (an API key in a header), a
// list template, a write template and an automation that lists the items
// and writes each, conc at a time.
func bulkAutomation(tb testing.TB, s *service.Services, url string, conc int) uint64 {
	tb.Helper()
	id, _ := bulkAutomationConn(tb, s, url, conc)
	return id
}

// bulkAutomationConn is bulkAutomation, also returning the connection.
func bulkAutomationConn(tb testing.TB, s *service.Services, url string, conc int) (uint64, core.Connection) {
	tb.Helper()
	conn := testkit.SaveConn(tb, s, core.ConnectionInput{Connection: core.Connection{Name: "Loopback tracker", Platform: core.PlatformCustom,
		Settings: map[string]string{"base_url": url, "auth_mode": "header", "key_name": "X-API-Key"}}, Secrets: map[string]string{"api_key": "k-123456"}})
	list, err := s.SaveTemplate(core.ActionTemplate{Name: "List items", ConnectionID: conn.ID, Kind: core.KindGet, Method: "GET", Path: "/items", BodyEncoding: core.BodyJSON})
	if err != nil {
		tb.Fatal(err)
	}
	put, err := s.SaveTemplate(core.ActionTemplate{Name: "Write item", ConnectionID: conn.ID, Kind: core.KindEdit, Method: "PUT", Path: "/items/{id}",
		BodyEncoding: core.BodyForm, Retries: 3, Params: []core.Param{{Name: "id", In: core.InPath, Type: core.TypeString, Required: true},
			{Name: "run", In: core.InBody, Type: core.TypeString, Required: true}}})
	if err != nil {
		tb.Fatal(err)
	}
	a, err := s.SaveAutomation(core.Automation{Name: fmt.Sprintf("Bulk %d", conc), Trigger: core.Trigger{Kind: "manual"}, Steps: []core.Step{
		{ID: "s1", Kind: core.StepActionGet, Name: "List", TemplateID: list.ID, Selections: []core.Selection{{Path: "$.items[*]", Variable: "ids"}}},
		{ID: "s2", Kind: core.StepForEach, Name: "Each", Over: "{ids}", Concurrency: conc, Steps: []core.Step{
			{ID: "s3", Kind: core.StepActionEdit, Name: "Write", TemplateID: put.ID, Values: map[string]string{"id": "{item}", "run": "{run_id}"}}}}}})
	if err != nil {
		tb.Fatal(err)
	}
	return a.ID, conn
}

// plainBulk is the baseline: the same GET and PUTs with a plain
// keep-alive net/http client, conc at a time.
func plainBulk(tb testing.TB, hc *http.Client, base string, conc int) {
	resp, err := hc.Get(base + "/items")
	if err != nil {
		tb.Fatal(err)
	}
	var list struct{ Items []string }
	err = json.NewDecoder(resp.Body).Decode(&list)
	resp.Body.Close()
	if err != nil || len(list.Items) != bulkItems {
		tb.Fatalf("list: %v (%d items)", err, len(list.Items))
	}
	ids := make(chan string)
	var wg sync.WaitGroup
	for range conc {
		wg.Go(func() {
			for id := range ids {
				plainPut(tb, hc, base, id)
			}
		})
	}
	for _, id := range list.Items {
		ids <- id
	}
	close(ids)
	wg.Wait()
}

func plainPut(tb testing.TB, hc *http.Client, base, id string) {
	form := url.Values{"run": {"1"}}
	req, _ := http.NewRequest(http.MethodPut, base+"/items/"+url.PathEscape(id), strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-API-Key", "k-123456")
	resp, err := hc.Do(req)
	if err != nil {
		tb.Error(err)
		return
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		tb.Errorf("PUT %s: %d", id, resp.StatusCode)
	}
}

// nopJournal records nothing: the benchmark's measure of what the
// durable journal costs, never used by the app.
type nopJournal struct{ seq atomic.Uint64 }

func (j *nopJournal) BeginWrite(w *core.WriteEntry) error      { w.Seq = j.seq.Add(1); return nil }
func (j *nopJournal) EndWrite(core.WriteEntry) error           { return nil }
func (j *nopJournal) Writes(uint64) ([]core.WriteEntry, error) { return nil, nil }

// runBulk runs the automation once and checks every item was written.
func runBulk(tb testing.TB, s *service.Services, id uint64, tr *bulkTracker) time.Duration {
	return runBulkN(tb, s, id, tr, bulkItems)
}

func runBulkN(tb testing.TB, s *service.Services, id uint64, tr *bulkTracker, n int) time.Duration {
	before := tr.puts.Load()
	start := time.Now()
	run, err := s.RunNow(context.Background(), id, false, "cli")
	took := time.Since(start)
	if err != nil || run.Status != core.RunCompleted {
		tb.Fatalf("run: %v %s %s", err, run.Status, run.Error)
	}
	if got := tr.puts.Load() - before; got != int64(n) {
		tb.Fatalf("%d PUTs arrived, want %d", got, n)
	}
	return took
}

// commitTime is the mean time of one lone bbolt commit (one small key,
// with its fdatasyncs) on the data file's disk, over 100 commits: a
// write at concurrency 1 costs the journal two of them, before it is
// sent and after it is answered.
func commitTime(b *testing.B, s *service.Services) time.Duration {
	const n = 100
	start := time.Now()
	for i := range n {
		if err := s.DB.SaveRateState("bench", core.RateState{NextFree: time.Unix(int64(i), 0)}); err != nil {
			b.Fatal(err)
		}
	}
	return time.Since(start) / n
}

// BenchmarkBulkWrites1000 runs 1 GET + 1,000 PUTs through the real
// engine, request client and bbolt journal against a loopback tracker,
// one at a time and 8 at a time. Each iteration also runs, in the same
// process and moment, the same calls with a plain keep-alive net/http
// loop (baseline) and through the engine with a journal that records
// nothing (nojournal, for the journal's cost only). x-baseline-rate is
// the engine's rate as a share of the plain loop's; commit-µs is one
// lone bbolt commit on the same disk in the same moment, so two of them
// are the journal's floor per write at concurrency 1.
func BenchmarkBulkWrites1000(b *testing.B) {
	for _, conc := range []int{1, 8} {
		b.Run(fmt.Sprintf("concurrency=%d", conc), func(b *testing.B) { benchBulk(b, conc) })
	}
}

func benchBulk(b *testing.B, conc int) {
	tr := newBulkTracker(bulkItems)
	srv := httptest.NewServer(tr)
	defer srv.Close()
	s, _ := testkit.MustServices(b, testkit.MemSecrets{})
	id := bulkAutomation(b, s, srv.URL, conc)
	bare, _ := testkit.MustServices(b, testkit.MemSecrets{})
	bareID := bulkAutomation(b, bare, srv.URL, conc)
	service.SetJournal(bare, &nopJournal{})
	hc := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16}}
	runBulk(b, s, id, tr) // warm up connections and caches
	var engineT, plainT, bareT, commitT time.Duration
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		plainBulk(b, hc, srv.URL, conc)
		plainT += time.Since(start)
		bareT += runBulk(b, bare, bareID, tr)
		engineT += runBulk(b, s, id, tr)
		commitT += commitTime(b, s)
	}
	n := float64(b.N)
	b.ReportMetric(commitT.Seconds()*1e6/n, "commit-µs")
	b.ReportMetric(engineT.Seconds()*1000/n, "engine-ms/op")
	b.ReportMetric(plainT.Seconds()*1000/n, "baseline-ms/op")
	b.ReportMetric(bareT.Seconds()*1000/n, "nojournal-ms/op")
	b.ReportMetric(plainT.Seconds()/engineT.Seconds(), "x-baseline-rate")
	b.ReportMetric(plainT.Seconds()/bareT.Seconds(), "nojournal-x-baseline-rate")
	b.ReportMetric((engineT-bareT).Seconds()*1e6/n/bulkItems, "journal-µs/write")
}
