package service_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/backend/core"
)

// TestWebhookBasicCredentialsNeverShow runs a webhook whose Authorization
// is Basic base64(user:pass) against a server that echoes the pair back
// in every encoding and refuses it: the run record shows neither the
// pair, the password, nor the base64.
func TestWebhookBasicCredentialsNeverShow(t *testing.T) {
	const pair = "hookuser:pa/ss<w>rd-7788"
	token := base64.StdEncoding.EncodeToString([]byte(pair))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		j, _ := json.Marshal(map[string]string{"who": pair, "auth": r.Header.Get("Authorization")})
		slashed := strings.ReplaceAll(string(j), "/", `\/`)
		w.WriteHeader(http.StatusUnauthorized)
		w.Write([]byte(slashed + " " + pair + " " + token + " " + base64.RawURLEncoding.EncodeToString([]byte(pair))))
	}))
	defer srv.Close()
	s := servicesNoWait(t, testkit.MemSecrets{})
	a, err := s.SaveAutomation(hookAutomation(srv.URL, core.Header{Name: "Authorization", Value: "Basic " + token}))
	if err != nil {
		t.Fatal(err)
	}
	run, err := s.RunNow(context.Background(), a.ID, false, "manual")
	if err != nil || run.Status == core.RunCompleted {
		t.Fatalf("run %v %s", err, run.Status)
	}
	rec, _ := json.Marshal(run)
	for _, leak := range []string{pair, "pa/ss", `pa\/ss`, "pa\\u002fss", token, strings.TrimRight(token, "="), "rd-7788", `\u003cw\u003e`} {
		if strings.Contains(string(rec), leak) {
			t.Errorf("the run record shows %q: %s", leak, rec)
		}
	}
	if !strings.Contains(run.Steps[0].Error, "401") {
		t.Errorf("step error %q", run.Steps[0].Error)
	}
}

// TestWebhookRedirectKeepsKeysHome runs a webhook whose server redirects
// it to another loopback server: the key headers never arrive there.
func TestWebhookRedirectKeepsKeysHome(t *testing.T) {
	var got http.Header
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { got = r.Header.Clone() }))
	defer other.Close()
	first := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/elsewhere", http.StatusFound)
	}))
	defer first.Close()
	s := servicesNoWait(t, testkit.MemSecrets{})
	a, err := s.SaveAutomation(hookAutomation(first.URL, core.Header{Name: "X-Api-Key", Value: "hook-key-123456"},
		core.Header{Name: "Authorization", Value: "Bearer hook-bearer-99"}))
	if err != nil {
		t.Fatal(err)
	}
	run, err := s.RunNow(context.Background(), a.ID, false, "manual")
	if err != nil || run.Status != core.RunCompleted {
		t.Fatalf("run %v %s", err, run.Status)
	}
	if got == nil || got.Get("X-Api-Key") != "" || got.Get("Authorization") != "" {
		t.Errorf("the other host got %v", got)
	}
	if u := run.Steps[0].Requests[0].URL; u != other.URL+"/elsewhere" {
		t.Errorf("record URL %q", u)
	}
}
