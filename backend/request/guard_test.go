package request_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/request"
)

// TestCheckOrigin proves only the connection's scheme, host and port pass.
func TestCheckOrigin(t *testing.T) {
	target := core.Target{ConnectionName: "Acme", BaseURL: "https://api.tracker.example/base"}
	tests := []struct {
		url  string
		pass bool
	}{
		{"https://api.tracker.example/base/Actions?x=1", true},
		{"https://API.tracker.example:443/other", true},
		{"http://api.tracker.example/base", false},
		{"https://evil.example/base", false},
		{"https://api.tracker.example:8443/base", false},
		{"https://user@api.tracker.example/base", false},
	}
	for _, tt := range tests {
		u, _ := url.Parse(tt.url)
		err := request.CheckOrigin(target, u)
		if (err == nil) != tt.pass {
			t.Errorf("%s: err %v", tt.url, err)
		}
		if err != nil && (core.ErrorCode(err) != core.EINVALID || !strings.Contains(err.Error(), `"Acme"`) ||
			!strings.Contains(err.Error(), "api.tracker.example") || !strings.Contains(err.Error(), u.Host)) {
			t.Errorf("%s: message %v", tt.url, err)
		}
	}
}

// TestBuildRefusesHostChangingPaths proves neither a template path nor a
// path value can point a request at another host.
func TestBuildRefusesHostChangingPaths(t *testing.T) {
	target := core.Target{ConnectionName: "Acme", BaseURL: "https://api.tracker.example"}
	id := p("id", core.InPath, core.TypeString, true)
	for _, v := range []string{"x@evil.example", "//evil.example", `\\evil.example`, "https://evil.example"} {
		_, err := request.Build(tpl("GET", "/items/{id}", core.BodyJSON, id), target, map[string]string{"id": v}, ua)
		if core.ErrorField(err) != "values.id" {
			t.Errorf("value %q: err %v", v, err)
		}
	}
	for _, path := range []string{"//evil.example/x", "/x/@evil.example", `/\evil.example`} {
		_, err := request.Build(tpl("GET", path, core.BodyJSON), target, nil, ua)
		if core.ErrorField(err) != "path" {
			t.Errorf("path %q: err %v", path, err)
		}
	}
	if _, err := request.Build(tpl("GET", "/items/{id}", core.BodyJSON, id), target, map[string]string{"id": "1000.4636.158133"}, ua); err != nil {
		t.Errorf("a plain ID was refused: %v", err)
	}
}

// TestPlainHTTPWarns proves an http:// connection with a key warns on
// every call, except on this machine. Dry runs keep it from sending.
func TestPlainHTTPWarns(t *testing.T) {
	tests := []struct {
		base string
		warn bool
	}{
		{"http://tracker.example", true},
		{"http://10.0.0.7:8080", true},
		{"https://tracker.example", false},
		{"http://127.0.0.1:9", false},
		{"http://127.8.9.10", false},
		{"http://[::1]:8080", false},
		{"http://localhost:3000", false},
	}
	for _, tt := range tests {
		call := request.Call{Template: writeTemplate(0, false), Values: map[string]string{"ActionId": "1"}, DryRun: true,
			Target: core.Target{ConnectionName: "Acme", BaseURL: tt.base, Auth: core.Auth{Kind: core.AuthHeader, Name: "X-Key", Value: "secret-key-123456"}}}
		res, err := client(newClock()).Do(context.Background(), call)
		got := err == nil && len(res.Warnings) == 1 && strings.Contains(res.Warnings[0], "sends its key unencrypted over http://")
		if got != tt.warn || err != nil {
			t.Errorf("%s: warnings %v err %v", tt.base, res.Warnings, err)
		}
	}
}

// TestKeyRefusedInsideA200IsUnauthorized proves Affise's and CAKE's
// in-body refusals are EUNAUTHORIZED errors naming the connection, as
// are 401 and 403.
func TestKeyRefusedInsideA200IsUnauthorized(t *testing.T) {
	tests := []struct {
		platform core.Platform
		status   int
		body     string
	}{
		{core.PlatformAffiseAdmin, 200, `{"status":2,"message":"Auth Denied"}`},
		{core.PlatformAffiseAdmin, 200, `{"status":2,"error":"Token is necessary"}`},
		{core.PlatformCake, 200, `<affiliates_response xmlns="http://cakemarketing.com/api/1/"><success>false</success><message>Invalid API Key</message></affiliates_response>`},
		{core.PlatformCake, 200, `{"d":{"__type":"x","success":false,"message":"Invalid API Key"}}`},
		{core.PlatformCake, 200, `{"success":false,"message":"Invalid API Key"}`},
		{core.PlatformImpact, 401, `{"Status":"ERROR","Message":"Unauthorized"}`},
		{core.PlatformEverflow, 403, `{"error":"Forbidden"}`},
	}
	for _, tt := range tests {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(tt.status)
			w.Write([]byte(tt.body))
		}))
		call := callTo(srv, listTemplate(0))
		call.Target.Platform = tt.platform
		res, err := client(newClock()).Do(context.Background(), call)
		srv.Close()
		if err != nil {
			t.Fatalf("%s: %v", tt.body, err)
		}
		f := res.Failure("Acme")
		if core.ErrorCode(f) != core.EUNAUTHORIZED || !strings.Contains(f.Message, `refused the key of connection "Acme"`) {
			t.Errorf("%s: failure %v", tt.body, f)
		}
	}
}
