package engine_test

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/engine"
	"github.com/affdesk/affdesk/backend/pick"
	"github.com/affdesk/affdesk/backend/store"
)

var fixed = time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)

// fakeCaller answers GET templates with canned bodies and records every
// write it is asked to send, and whether it was a dry run.
type fakeCaller struct {
	mu      sync.Mutex
	bodies  map[uint64]string
	sent    []string // "METHOD values" of writes actually sent
	dry     int      // writes held back
	failIf  func(values map[string]string) error
	respond func(values map[string]string) string // a write's answer, in place of bodies[tpl.ID]
	block   bool
	running int
	maxRun  int
	tries   int // writes it was asked to send (not dry)
}

func (f *fakeCaller) Call(ctx context.Context, tpl core.ActionTemplate, values map[string]string, dryRun bool) (engine.Outcome, error) {
	f.mu.Lock()
	f.running++
	f.maxRun = max(f.maxRun, f.running)
	f.mu.Unlock()
	defer func() { f.mu.Lock(); f.running--; f.mu.Unlock() }()
	if f.block {
		<-ctx.Done()
		return engine.Outcome{}, ctx.Err()
	}
	time.Sleep(time.Millisecond)
	rec := core.HTTPRecord{Method: tpl.Method, URL: "https://tracker.example" + tpl.Path, Body: fmt.Sprint(values)}
	if tpl.IsWrite() && dryRun {
		f.mu.Lock()
		f.dry++
		f.mu.Unlock()
		rec.NotSent = true
		return engine.Outcome{Records: []core.HTTPRecord{rec}, NotSent: true}, nil
	}
	if tpl.IsWrite() {
		f.mu.Lock()
		f.tries++
		f.mu.Unlock()
	}
	if f.failIf != nil {
		if err := f.failIf(values); err != nil {
			if f.respond != nil {
				rec.Response = f.respond(values)
			}
			return engine.Outcome{Records: []core.HTTPRecord{rec}}, err
		}
	}
	if tpl.IsWrite() {
		f.mu.Lock()
		f.sent = append(f.sent, tpl.Method+" "+values["ActionId"])
		f.mu.Unlock()
		rec.Response = `{"Status":"QUEUED"}` + f.bodies[tpl.ID]
		if f.respond != nil {
			rec.Response = f.respond(values)
		}
		return engine.Outcome{Records: []core.HTTPRecord{rec}, Body: []byte(`{"Status":"QUEUED"}`)}, nil
	}
	return engine.Outcome{Records: []core.HTTPRecord{rec}, Body: []byte(f.bodies[tpl.ID])}, nil
}

type pickSelector struct{}

func (pickSelector) Select(_ context.Context, body []byte, path string) ([]any, error) {
	doc, err := pick.Parse(body)
	if err != nil {
		return nil, err
	}
	x, err := pick.Compile(path)
	if err != nil {
		return nil, err
	}
	return doc.Select(x), nil
}

func (f pickSelector) SelectAll(ctx context.Context, body []byte, paths []string) ([][]any, int, error) {
	out := make([][]any, len(paths))
	for i, p := range paths {
		vals, err := f.Select(ctx, body, p)
		if err != nil {
			return nil, i, err
		}
		out[i] = vals
	}
	return out, -1, nil
}

type fakeMailer struct {
	mu   sync.Mutex
	sent []engine.Email
}

func (m *fakeMailer) Send(_ context.Context, e engine.Email) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sent = append(m.sent, e)
	return nil
}

type fakeHooks struct{ sent []engine.Webhook }

func (h *fakeHooks) Send(_ context.Context, w engine.Webhook) (core.HTTPRecord, error) {
	h.sent = append(h.sent, w)
	return core.HTTPRecord{Method: w.Method, URL: w.URL, Status: 200}, nil
}

// conns names every connection "Acme".
type conns struct{}

func (conns) GetConnection(id uint64) (core.Connection, error) {
	return core.Connection{ID: id, Name: "Acme"}, nil
}

type templates map[uint64]core.ActionTemplate

func (t templates) GetTemplate(id uint64) (core.ActionTemplate, error) {
	tpl, ok := t[id]
	if !ok {
		return tpl, core.Errorf(core.ENOTFOUND, "Template %d was not found.", id)
	}
	return tpl, nil
}

// rig is an engine over a real bbolt store with fakes for the outside.
type rig struct {
	e      *engine.Engine
	db     *store.DB
	caller *fakeCaller
	mail   *fakeMailer
	hooks  *fakeHooks
	events []engine.Event
	mu     sync.Mutex
}

const listBody = `{"Actions":[
 {"Id":"A1","State":"PENDING","PromoCode":"TEST","Payout":"1.50"},
 {"Id":"A2","State":"PENDING","PromoCode":"","Payout":"20.00"},
 {"Id":"A3","State":"APPROVED","PromoCode":"TEST","Payout":"3.00"},
 {"Id":"A4","State":"PENDING","PromoCode":"FRAUD","Payout":"7.25"}]}`

func newRig(t *testing.T) *rig {
	t.Helper()
	db, err := store.Open(t.TempDir(), store.WithClock(func() time.Time { return fixed }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	r := &rig{db: db, caller: &fakeCaller{bodies: map[uint64]string{1: listBody}}, mail: &fakeMailer{}, hooks: &fakeHooks{}}
	r.e = &engine.Engine{Runs: db, Items: db, Journal: db, Connections: conns{}, Caller: r.caller, Selector: pickSelector{}, Mailer: r.mail, Webhooks: r.hooks,
		Now: func() time.Time { return fixed },
		Templates: templates{
			1: {ID: 1, Name: "List", Method: "GET", Path: "/Actions"},
			2: {ID: 2, Name: "Reverse", Method: "DELETE", Path: "/Actions"},
		},
		OnEvent: func(ev engine.Event) { r.mu.Lock(); r.events = append(r.events, ev); r.mu.Unlock() },
	}
	return r
}

func (r *rig) run(t *testing.T, a core.Automation, dry bool) core.Run {
	t.Helper()
	if err := a.Validate(func(string) []string { return []string{"revenue"} }); err != nil {
		t.Fatalf("validate: %v", err)
	}
	run, err := r.e.Prepare(a, engine.Options{DryRun: dry})
	if err != nil {
		t.Fatalf("prepare: %v", err)
	}
	return r.e.Execute(context.Background(), run)
}

func dump(v any) string {
	b, _ := json.MarshalIndent(v, "", " ")
	return string(b)
}
