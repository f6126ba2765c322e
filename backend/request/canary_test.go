package request_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/request"
)

const canary = `k&<>"+/= y z Canary-9f3`

// canaryForms lists every form the canary key may take in text.
func canaryForms() map[string]string {
	jsonOf := func(s string, escapeHTML bool) string {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(escapeHTML)
		enc.Encode(s)
		return strings.Trim(strings.TrimSpace(b.String()), `"`)
	}
	basic := "acct:" + canary
	return map[string]string{
		"raw": canary, "query": url.QueryEscape(canary), "path": url.PathEscape(canary),
		"json": jsonOf(canary, true), "json-nohtml": jsonOf(canary, false), "json-php": strings.ReplaceAll(jsonOf(canary, false), "/", `\/`),
		"html": html.EscapeString(canary),
		"b64":  base64.StdEncoding.EncodeToString([]byte(canary)), "b64url": base64.URLEncoding.EncodeToString([]byte(canary)),
		"b64raw": base64.RawStdEncoding.EncodeToString([]byte(canary)), "b64rawurl": base64.RawURLEncoding.EncodeToString([]byte(canary)),
		"basic": base64.StdEncoding.EncodeToString([]byte(basic)), "basic-raw": base64.RawURLEncoding.EncodeToString([]byte(basic)),
	}
}

// echoServer answers with the key in every form, in its body (as the
// tracker's error message and as data) and in its headers.
func echoServer(t *testing.T, status int) *httptest.Server {
	forms := canaryForms()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var all []string
		for name, f := range forms {
			all = append(all, name+"="+f)
			w.Header().Add("X-Echo-"+name, f)
		}
		text := strings.Join(all, " | ")
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		msg, _ := json.Marshal("Invalid API Key " + canary + " " + text)
		fmt.Fprintf(w, `{"status":2,"message":%s,"echo":%q}`, msg, text)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestCanaryKeyNeverLeaks sends a key full of characters that encodings
// change through a server that echoes it back in every form, and finds
// no form of it in any exchange, result field or error text.
func TestCanaryKeyNeverLeaks(t *testing.T) {
	auths := []core.Auth{
		{Kind: core.AuthHeader, Name: "X-Key", Value: canary},
		{Kind: core.AuthQuery, Name: "api_key", Value: canary},
		{Kind: core.AuthParam, Name: "api_key", Value: canary},
		{Kind: core.AuthBearer, Value: canary},
		{Kind: core.AuthBasic, User: "acct", Password: canary},
	}
	for _, status := range []int{200, 401} {
		srv := echoServer(t, status)
		for _, auth := range auths {
			for _, method := range []string{"GET", "POST"} {
				tp := tpl(method, "/x", core.BodyForm)
				tp.Platform = core.PlatformAffiseAdmin
				call := request.Call{Template: tp, Target: core.Target{ConnectionName: "Acme", BaseURL: srv.URL, Auth: auth, Platform: core.PlatformAffiseAdmin}}
				res, err := client(newClock()).Do(context.Background(), call)
				if res == nil || res.TrackerError == "" {
					t.Fatalf("%d %s %s: no tracker error (err %v)", status, auth.Kind, method, err)
				}
				texts := map[string]string{
					"exchanges": fmt.Sprintf("%+v", res.Exchanges), "body": string(res.Body), "trackerError": res.TrackerError,
					"header": fmt.Sprint(res.Header), "failure": res.Failure("Acme").Error(), "warnings": fmt.Sprint(res.Warnings),
				}
				if err != nil {
					texts["error"] = err.Error()
				}
				for where, text := range texts {
					for form, f := range canaryForms() {
						if strings.HasPrefix(form, "basic") && auth.Kind != core.AuthBasic {
							continue // "acct:" is part of the secret only for Basic auth
						}
						if strings.Contains(text, f) {
							t.Errorf("%d %s %s: the %s form of the key is in %s", status, auth.Kind, method, form, where)
						}
					}
				}
				if core.ErrorCode(res.Failure("Acme")) != core.EUNAUTHORIZED {
					t.Errorf("%d %s: failure %v", status, auth.Kind, res.Failure("Acme"))
				}
			}
		}
	}
}

// TestCanaryNeverLeaksFromAFailedSend checks the transport's own error,
// which quotes the URL with its query, is masked too.
func TestCanaryNeverLeaksFromAFailedSend(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(hijackAndClose))
	defer srv.Close()
	call := request.Call{Template: listTemplate(1), Target: core.Target{ConnectionName: "Acme", BaseURL: srv.URL,
		Auth: core.Auth{Kind: core.AuthQuery, Name: "api_key", Value: canary}}}
	res, err := client(newClock()).Do(context.Background(), call)
	text := fmt.Sprintf("%+v %v", res.Exchanges, err)
	if err == nil {
		t.Fatal("want an error")
	}
	for form, f := range canaryForms() {
		if strings.Contains(text, f) {
			t.Errorf("the %s form of the key leaked: %s", form, text)
		}
	}
}
