package request_test

import (
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/request"
)

func TestReadError(t *testing.T) {
	tests := []struct {
		name     string
		platform core.Platform
		status   int
		body     string
		want     string
	}{
		{"impact with fields", core.PlatformImpact, 400, `{"Status":"ERROR","Message":"Invalid request","Errors":[{"Field":"StartDate","Message":"cannot be more than 45 days"}]}`, "Invalid request (StartDate: cannot be more than 45 days)"},
		{"impact ok", core.PlatformImpact, 200, `{"Status":"QUEUED","QueuedUri":"/x"}`, ""},
		{"affise in 200", core.PlatformAffiseAdmin, 200, `{"status":2,"message":"status: invalid value"}`, "status: invalid value"},
		{"affise 404", core.PlatformAffiseAdmin, 404, `{"status":2,"error":"Page Not Found"}`, "Page Not Found"},
		{"affise ok", core.PlatformAffiseAdmin, 200, `{"status":1,"partner":{}}`, ""},
		{"cake json", core.PlatformCake, 200, `{"request_status":"Failure","success":false,"message":"Invalid API Key"}`, "Invalid API Key"},
		{"cake d envelope", core.PlatformCake, 200, `{"d":{"success":false,"message":"Offer not found"}}`, "Offer not found"},
		{"cake xml", core.PlatformCake, 200, `<UpdateConversion_response xmlns="http://cakemarketing.com/api/1/"><success>false</success><message>Invalid API Key</message></UpdateConversion_response>`, "Invalid API Key"},
		{"cake xml ok", core.PlatformCake, 200, `<r><success>true</success><message>ok</message></r>`, ""},
		{"everflow", core.PlatformEverflow, 401, `{"error":"No Authentication Method Found"}`, "No Authentication Method Found"},
		{"binom", core.PlatformBinom, 401, `{"code":401,"message":"Invalid API key"}`, "Invalid API key"},
		{"success message is no error", core.PlatformAffiseAdmin, 200, `{"status":1,"message":"status updated"}`, ""},
		{"message on 200 is no error", core.PlatformCustom, 200, `{"message":"hello"}`, ""},
		{"errors list", core.PlatformCustom, 422, `{"errors":[{"message":"name is taken"}]}`, "name is taken"},
		{"nested error", core.PlatformCustom, 400, `{"error":{"message":"bad token"}}`, "bad token"},
		{"html 502", core.PlatformCustom, 502, `<html><body>Bad Gateway</body></html>`, "HTTP 502"},
		{"plain data array", core.PlatformCustom, 200, `[{"status":2}]`, ""},
		{"truncated json 200", core.PlatformCustom, 200, `{"Actions":[{"Id":`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := request.ReadError(tt.platform, tt.status, []byte(tt.body)); got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFailureWording(t *testing.T) {
	if got := request.Failure("Acme", 502, "HTTP 502").Message; got != "Acme had an internal error (HTTP 502)." {
		t.Errorf("repeated status: %q", got)
	}
	tests := []struct {
		status   int
		wantCode string
		want     string
	}{
		{401, core.EUNAUTHORIZED, `refused the key of connection "Acme"`},
		{403, core.EUNAUTHORIZED, "HTTP 403"},
		{429, core.EUNAVAILABLE, "rate-limiting"},
		{503, core.EUNAVAILABLE, "internal error"},
		{400, core.EINVALID, "rejected the request (HTTP 400: bad)."},
		{200, core.EINVALID, "reported an error: bad"},
	}
	for _, tt := range tests {
		err := request.Failure("Acme", tt.status, "bad")
		if err.Code != tt.wantCode || !strings.Contains(err.Message, tt.want) {
			t.Errorf("%d: %v", tt.status, err)
		}
	}
}

// FuzzReadError checks the error readers never panic and never return a
// message longer than they promise.
func FuzzReadError(f *testing.F) {
	for _, s := range []string{`{"Status":"ERROR","Errors":[{"Field":1}]}`, `{"status":2}`, `{"d":{"success":false}}`, `<a><success>false</success></a>`, `{"error":{"message":[]}}`, `{"errors":[null]}`, `[]`, `<`, ``} {
		f.Add(s, 200)
	}
	platforms := []core.Platform{core.PlatformImpact, core.PlatformAffiseAdmin, core.PlatformCake, core.PlatformEverflow, core.PlatformCustom}
	f.Fuzz(func(t *testing.T, body string, status int) {
		for _, p := range platforms {
			msg := request.ReadError(p, status, []byte(body))
			if len([]rune(msg)) > 501 {
				t.Fatalf("message of %d runes", len([]rune(msg)))
			}
			if status >= 400 && msg == "" {
				t.Fatalf("an HTTP %d gave no message", status)
			}
		}
	})
}
