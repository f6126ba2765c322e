package request_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/request"
)

const redirectKey = "redirect-secret-key-42"

// TestRedirectToAnotherHostDropsCredentials proves a redirect to another
// host is followed with no credential in any header, the query or the
// Referer, for every way a key rides on a request.
func TestRedirectToAnotherHostDropsCredentials(t *testing.T) {
	auths := []core.Auth{
		{Kind: core.AuthHeader, Name: "X-Api-Key", Value: redirectKey},
		{Kind: core.AuthQuery, Name: "api_key", Value: redirectKey},
		{Kind: core.AuthParam, Name: "api_key", Value: redirectKey},
		{Kind: core.AuthBearer, Value: redirectKey},
		{Kind: core.AuthBasic, User: "acct", Password: redirectKey},
	}
	for _, auth := range auths {
		t.Run(string(auth.Kind), func(t *testing.T) {
			var seen atomic.Value
			other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				seen.Store(r.URL.String() + " " + headerDump(r.Header))
				w.Write([]byte(`{"ok":true}`))
			}))
			defer other.Close()
			elsewhere := strings.Replace(other.URL, "127.0.0.1", "localhost", 1)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, elsewhere+"/landed?keep=1", http.StatusFound)
			}))
			defer srv.Close()
			call := request.Call{Template: listTemplate(0), Target: core.Target{ConnectionName: "Acme", BaseURL: srv.URL, Auth: auth}}
			res, err := client(newClock()).Do(context.Background(), call)
			got, _ := seen.Load().(string)
			if err != nil || res.Status != 200 || got == "" {
				t.Fatalf("the redirect was not followed: err %v res %+v", err, res)
			}
			if !strings.Contains(got, "keep=1") || strings.Contains(got, redirectKey) || strings.Contains(strings.ToLower(got), "authorization") || strings.Contains(got, "Referer") {
				t.Fatalf("the other host received %s", got)
			}
		})
	}
}

// TestNoRedirectFromHTTPSToHTTP proves a redirect that drops TLS is never
// followed, so the key never travels in clear.
func TestNoRedirectFromHTTPSToHTTP(t *testing.T) {
	var hits int32
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { atomic.AddInt32(&hits, 1) }))
	defer plain.Close()
	secure := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, plain.URL+"/x", http.StatusMovedPermanently)
	}))
	defer secure.Close()
	call := request.Call{Template: listTemplate(2), Target: core.Target{ConnectionName: "Acme", BaseURL: secure.URL, SkipTLSVerify: true,
		Auth: core.Auth{Kind: core.AuthHeader, Name: "X-Api-Key", Value: redirectKey}}}
	_, err := client(newClock()).Do(context.Background(), call)
	if err == nil || hits != 0 || !strings.Contains(err.Error(), "from https to http") {
		t.Fatalf("err %v, plain host hit %d times", err, hits)
	}
}

// TestRedirectOnSameHostKeepsCredentials checks a same-host redirect
// still carries the key (the tracker moved a path, not the key's owner).
func TestRedirectOnSameHostKeepsCredentials(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/moved" {
			http.Redirect(w, r, "/moved", http.StatusFound)
			return
		}
		w.Write([]byte(`{"key":"` + r.Header.Get("X-Api-Key") + `"}`))
	}))
	defer srv.Close()
	call := request.Call{Template: listTemplate(0), Target: core.Target{ConnectionName: "Acme", BaseURL: srv.URL,
		Auth: core.Auth{Kind: core.AuthHeader, Name: "X-Api-Key", Value: redirectKey}}}
	res, err := client(newClock()).Do(context.Background(), call)
	if err != nil || string(res.Body) != `{"key":"`+request.Mask+`"}` {
		t.Fatalf("err %v body %s", err, res.Body)
	}
}

func headerDump(h http.Header) string {
	var b strings.Builder
	for k, vs := range h {
		b.WriteString(k + ": " + strings.Join(vs, ",") + "\n")
	}
	return b.String()
}
