package request_test

import (
	"net/http"
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
