package request_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/request"
)

// BenchmarkBuild measures building an impact.com update (path, form body,
// Basic auth, type checks). BaselineNewRequest builds the same request by
// hand with net/http, in the same run, for a ratio.
func BenchmarkBuild(b *testing.B) {
	tp := tpl("PUT", "/Actions", core.BodyForm,
		p("ActionId", core.InBody, core.TypeString, true), p("Amount", core.InBody, core.TypeNumber, false),
		p("Reason", core.InBody, core.TypeString, true))
	tg := core.Target{ConnectionName: "Acme", BaseURL: "https://api.impact.com/Advertisers/IRSID",
		Auth: core.Auth{Kind: core.AuthBasic, User: "IRSID", Password: "tok"}, Headers: map[string]string{"Accept": "application/json"}}
	vals := map[string]string{"ActionId": "1000.4636.158133", "Amount": "19.99", "Reason": "ORDER_UPDATE"}
	b.Run("affdesk", func(b *testing.B) {
		for b.Loop() {
			if _, err := request.Build(tp, tg, vals, ua); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("BaselineNewRequest", func(b *testing.B) {
		for b.Loop() {
			form := url.Values{"ActionId": {vals["ActionId"]}, "Amount": {vals["Amount"]}, "Reason": {vals["Reason"]}}
			req, err := http.NewRequest("PUT", tg.BaseURL+"/Actions", strings.NewReader(form.Encode()))
			if err != nil {
				b.Fatal(err)
			}
			req.SetBasicAuth("IRSID", "tok")
			req.Header.Set("Accept", "application/json")
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
	})
}

// BenchmarkClientPut sends impact.com-style updates through the whole
// client (rules, rate limiter, retry loop, masked records) against a
// loopback mock. BaselineHTTPClient sends the same request with a plain
// keep-alive net/http client in the same run, for a ratio.
func BenchmarkClientPut(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Write([]byte(`{"Status":"QUEUED","QueuedUri":"/Advertisers/IR/APISubmissions/A-1"}`))
	}))
	defer srv.Close()
	tp := tpl("PUT", "/Actions", core.BodyForm, p("ActionId", core.InBody, core.TypeString, true), p("Amount", core.InBody, core.TypeNumber, false), p("Reason", core.InBody, core.TypeString, true))
	tp.Retries = 3
	tg := core.Target{ConnectionName: "Acme", BaseURL: srv.URL, Platform: core.PlatformImpact, RateKey: "1",
		Auth: core.Auth{Kind: core.AuthBasic, User: "IRSID", Password: "tok"}}
	vals := map[string]string{"ActionId": "1000.4636.158133", "Amount": "19.99", "Reason": "ORDER_UPDATE"}
	b.Run("affdesk-client", func(b *testing.B) {
		c := &request.Client{Limiters: request.NewLimiters(nil), UserAgent: ua}
		for b.Loop() {
			res, err := c.Do(context.Background(), request.Call{Template: tp, Target: tg, Values: vals})
			if err != nil || res.Status != 200 {
				b.Fatal(err)
			}
		}
	})
	b.Run("BaselineHTTPClient", func(b *testing.B) {
		hc := &http.Client{}
		for b.Loop() {
			form := url.Values{"ActionId": {vals["ActionId"]}, "Amount": {vals["Amount"]}, "Reason": {vals["Reason"]}}
			req, _ := http.NewRequest("PUT", srv.URL+"/Actions", strings.NewReader(form.Encode()))
			req.SetBasicAuth("IRSID", "tok")
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			resp, err := hc.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			io.ReadAll(resp.Body)
			resp.Body.Close()
		}
	})
}
