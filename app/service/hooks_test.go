package service_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
)

const hookSecret = "hook-shared-secret-4242"

// hookRig is services with the webhook listener on a free 127.0.0.1
// port, a receiver for Send Webhook steps, and the listener's log lines.
type hookRig struct {
	s    *service.Services
	recv *hookServer
	keys testkit.MemSecrets
	mu   sync.Mutex
	logs []string
}

func newHookRig(t *testing.T) *hookRig {
	t.Helper()
	r := &hookRig{keys: testkit.MemSecrets{}, recv: newHookServer(t)}
	r.s = servicesNoWait(t, r.keys)
	service.SetHookLogf(r.s, func(f string, a ...any) { r.mu.Lock(); r.logs = append(r.logs, fmt.Sprintf(f, a...)); r.mu.Unlock() })
	if _, err := r.s.SetHookSettings(service.HookSettings{Enabled: true, Address: "127.0.0.1", Port: freePort(t)}); err != nil {
		t.Fatal(err)
	}
	return r
}

func freePort(t *testing.T) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// onSale posts the order on to the receiver when the amount is over 10.
func (r *hookRig) onSale(t *testing.T, enabled bool) core.Automation {
	t.Helper()
	a, err := r.s.SaveAutomation(core.Automation{Name: fmt.Sprint("On sale ", enabled), Trigger: core.Trigger{Kind: "manual"},
		Hook: &core.HookTrigger{Enabled: true, SecretHeader: "X-AffDesk-Secret", Secret: hookSecret, Fields: []string{"amount", "order"}},
		Steps: []core.Step{
			{ID: "s1", Kind: core.StepCondition, Rules: []core.ConditionRule{{Left: "{webhook_amount}", Op: core.OpGreater, Right: "10"}}},
			{ID: "s2", Kind: core.StepSendWebhook, Webhook: &core.WebhookConfig{URL: r.recv.URL, Method: "POST", BodyKind: "raw", Body: "{webhook_order} {webhook_amount}"}},
		}})
	if err != nil {
		t.Fatal(err)
	}
	if !enabled {
		a.Hook.Enabled = false
		a.Steps[0].Rules[0].Left, a.Steps[1].Webhook.Body = "1", "x"
		if a, err = r.s.SaveAutomation(a); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

func (r *hookRig) post(t *testing.T, token, secret, body string) (int, string) {
	t.Helper()
	st, _ := r.s.HookStatus()
	req, _ := http.NewRequest("POST", st.URLBase+token, strings.NewReader(body))
	if secret != "" {
		req.Header.Set("X-AffDesk-Secret", secret)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// waitRun returns the run once it has finished.
func waitRun(t *testing.T, s *service.Services, id uint64) core.Run {
	t.Helper()
	for i := 0; i < 1000; i++ {
		run, err := s.DB.GetRun(id)
		if err == nil && run.Status.Finished() {
			return run
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("run %d did not finish", id)
	return core.Run{}
}

func TestWebhookStartsARunWithItsFields(t *testing.T) {
	r := newHookRig(t)
	a := r.onSale(t, true)
	if len(a.Hook.Token) < core.MinHookToken {
		t.Fatalf("saving must give the trigger a token: %q", a.Hook.Token)
	}
	if err := r.s.StartHooks(context.Background()); err != nil {
		t.Fatal(err)
	}
	status, text := r.post(t, a.Hook.Token, hookSecret, `{"amount": 12.50, "order": "A-7", "card": "4111-1111"}`)
	var got struct{ RunID uint64 }
	if status != 202 || json.Unmarshal([]byte(text), &got) != nil || got.RunID == 0 {
		t.Fatalf("%d %s", status, text)
	}
	run := waitRun(t, r.s, got.RunID)
	if run.Status != core.RunCompleted || run.Trigger != "webhook" || run.Variables["webhook_amount"] != "12.50" {
		t.Fatalf("run %s %s trigger %s vars %v", run.Status, run.Error, run.Trigger, run.Variables)
	}
	r.recv.mu.Lock()
	n := len(r.recv.seen)
	r.recv.mu.Unlock()
	if n != 1 || run.Steps[1].Requests[0].Body != "A-7 12.50" {
		t.Fatalf("the receiver got %d requests; step sent %q", n, run.Steps[1].Requests[0].Body)
	}
	r.assertNoSecret(t, a, run)
}

// assertNoSecret checks the record, run, export, listings and logs.
func (r *hookRig) assertNoSecret(t *testing.T, a core.Automation, run core.Run) {
	t.Helper()
	stored, _ := r.s.DB.GetAutomation(a.ID)
	shown, _ := r.s.ShownAutomations()
	export, _ := r.s.ExportAutomations()
	r.mu.Lock()
	logs := strings.Join(r.logs, "\n")
	r.mu.Unlock()
	for what, v := range map[string]any{"record": stored, "run": run, "listing": shown, "export": export, "logs": logs} {
		b, _ := json.Marshal(v)
		if strings.Contains(string(b), hookSecret) || strings.Contains(string(b), "4111-1111") && what == "logs" {
			t.Errorf("the %s shows the secret or the body: %s", what, b)
		}
	}
	if b, _ := json.Marshal(run); strings.Contains(string(b), a.Hook.Token) {
		t.Errorf("the run record shows the trigger's token")
	}
	if b, _ := json.Marshal(export); strings.Contains(string(b), a.Hook.Token) || strings.Contains(string(b), "secret:webhook/") {
		t.Errorf("the export carries the token or the secret's reference: %s", b)
	}
	if _, _, ok := service.SecretRef(stored.Hook.Secret); !ok || r.keys[strings.Split(strings.TrimPrefix(stored.Hook.Secret, "secret:"), "#")[0]] != hookSecret {
		t.Errorf("the secret is not in the secret store: %q", stored.Hook.Secret)
	}
}

func TestWebhookRefusals(t *testing.T) {
	r := newHookRig(t)
	on, off := r.onSale(t, true), r.onSale(t, false)
	if err := r.s.StartHooks(context.Background()); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, token, secret, body string
		want                      int
	}{
		{"wrong secret", on.Hook.Token, "guess", `{}`, 401},
		{"no secret", on.Hook.Token, "", `{}`, 401},
		{"disabled trigger", off.Hook.Token, hookSecret, `{}`, 404},
		{"unknown token", strings.Repeat("z", 43), hookSecret, `{}`, 404},
		{"not JSON", on.Hook.Token, hookSecret, `amount=3`, 400},
		{"too large", on.Hook.Token, hookSecret, `{"a":"` + strings.Repeat("x", 300<<10) + `"}`, 413},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if status, text := r.post(t, tt.token, tt.secret, tt.body); status != tt.want {
				t.Fatalf("%d %s, want %d", status, text, tt.want)
			}
		})
	}
	if runs, _ := r.s.DB.ListRuns(core.RunFilter{}); len(runs) != 0 {
		t.Fatalf("a refused request started %d runs", len(runs))
	}
	for i := 0; i < 30; i++ {
		r.post(t, on.Hook.Token, "guess", `{}`)
	}
	if status, _ := r.post(t, on.Hook.Token, hookSecret, `{}`); status != 429 {
		t.Fatalf("past the rate cap: %d", status)
	}
}

func TestListenerRunsOnlyWhenWanted(t *testing.T) {
	r := newHookRig(t)
	running := func() bool { st, _ := r.s.HookStatus(); return st.Running }
	if err := r.s.StartHooks(context.Background()); err != nil || running() {
		t.Fatalf("no automation has a trigger, yet the listener runs (%v)", err)
	}
	a := r.onSale(t, true)
	if !running() {
		t.Fatal("saving an enabled trigger must start the listener")
	}
	st, _ := r.s.HookStatus()
	st.Enabled = false
	if _, err := r.s.SetHookSettings(st); err != nil || running() {
		t.Fatalf("turned off in Settings, the listener still runs (%v)", err)
	}
	st.Enabled = true
	r.s.SetHookSettings(st)
	ctx, cancel := context.WithCancel(context.Background())
	r.s.StartHooks(ctx)
	cancel()
	for i := 0; i < 500 && running(); i++ {
		time.Sleep(5 * time.Millisecond)
	}
	if running() {
		t.Fatal("the listener outlived StartHooks' context")
	}
	r.s.StartHooks(context.Background())
	if err := r.s.DeleteAutomation(a.ID); err != nil || running() {
		t.Fatalf("the last trigger deleted, the listener still runs (%v)", err)
	}
}

func TestHookSettings(t *testing.T) {
	s := servicesNoWait(t, nil)
	def, _ := s.HookSettings()
	if !def.Enabled || def.URLBase != "http://127.0.0.1:17380/hooks/" || def.Exposed {
		t.Fatalf("defaults %+v", def)
	}
	tests := []struct {
		in        service.HookSettings
		wantField string
		wantBase  string
		exposed   bool
	}{
		{service.HookSettings{Enabled: true, Address: "localhost", Port: 8080}, "address", "", false},
		{service.HookSettings{Enabled: true, Address: "127.0.0.1", Port: 0}, "port", "", false},
		{service.HookSettings{Enabled: true, Address: "127.0.0.1", Port: 70000}, "port", "", false},
		{service.HookSettings{Enabled: false, Address: "0.0.0.0", Port: 9000}, "", "http://127.0.0.1:9000/hooks/", true},
		{service.HookSettings{Enabled: true, Address: "::1", Port: 9001}, "", "http://[::1]:9001/hooks/", false},
	}
	for _, tt := range tests {
		out, err := s.SetHookSettings(tt.in)
		if core.ErrorField(err) != tt.wantField {
			t.Fatalf("%+v: %v", tt.in, err)
		}
		if err == nil && (out.URLBase != tt.wantBase || out.Exposed != tt.exposed || out.Enabled != tt.in.Enabled) {
			t.Fatalf("%+v gave %+v", tt.in, out)
		}
	}
}

func TestCopiesAndImportsGetTheirOwnToken(t *testing.T) {
	r := newHookRig(t)
	a := r.onSale(t, true)
	dup, err := r.s.DuplicateAutomation(a.ID)
	if err != nil || dup.Hook.Token == a.Hook.Token || len(dup.Hook.Token) < core.MinHookToken {
		t.Fatalf("copy: %v, token %q vs %q", err, dup.Hook.Token, a.Hook.Token)
	}
	if dup.Hook.Secret == a.Hook.Secret || !strings.HasPrefix(dup.Hook.Secret, "secret:webhook/") {
		t.Fatalf("the copy must hold its own secret entry: %q", dup.Hook.Secret)
	}
	a.Name, a.ID, a.Hook.Secret = "Forged", 0, ""
	forged, err := r.s.SaveAutomation(a)
	if err != nil || forged.Hook.Token == a.Hook.Token {
		t.Fatalf("a token another automation holds must be replaced: %v %q", err, forged.Hook.Token)
	}
	export, _ := r.s.ExportAutomations()
	b, _ := json.Marshal(export)
	res, err := r.s.ImportBundle(strings.NewReader(string(b)), service.ClashRename)
	if err != nil {
		t.Fatal(err)
	}
	all, _ := r.s.DB.ListAutomations()
	tokens := map[string]bool{}
	for _, x := range all {
		if x.Hook == nil || len(x.Hook.Token) < core.MinHookToken || tokens[x.Hook.Token] {
			t.Fatalf("after import %+v: automation %q has a missing or shared token", res, x.Name)
		}
		tokens[x.Hook.Token] = true
	}
}

// TestExposedListenerNeedsASharedSecret proves a trigger without a shared
// secret answers on this machine's loopback only: once the listener is
// set to an address beyond it, such a trigger is refused.
func TestExposedListenerNeedsASharedSecret(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	token, _ := service.NewHookToken()
	if _, err := s.SaveAutomation(core.Automation{Name: "Open", Hook: &core.HookTrigger{Enabled: true, Token: token},
		Steps: []core.Step{{ID: "s1", Kind: core.StepCondition, Match: "all", Rules: []core.ConditionRule{{Left: "1", Op: core.OpLess, Right: "2"}}}}}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		addr string
		want bool
	}{{"127.0.0.1", true}, {"0.0.0.0", false}, {"192.0.2.10", false}} {
		if err := s.DB.SetSetting("hooks_address", tt.addr); err != nil {
			t.Fatal(err)
		}
		enabled, ok, err := service.LookupHook(s, token)
		if !ok || err != nil || enabled != tt.want {
			t.Errorf("listening on %s: enabled %v (found %v, %v), want %v", tt.addr, enabled, ok, err, tt.want)
		}
	}
}
