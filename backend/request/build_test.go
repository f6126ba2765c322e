package request_test

import (
	"encoding/json"
	"io"
	"net/url"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/request"
)

const ua = "AffDesk/test"

func target(auth core.Auth) core.Target {
	return core.Target{ConnectionName: "Acme", BaseURL: "https://api.example.com/base", Auth: auth}
}

func tpl(method, path string, enc core.BodyEncoding, params ...core.Param) core.ActionTemplate {
	return core.ActionTemplate{Name: "t", Method: method, Path: path, BodyEncoding: enc, Params: params, Platform: core.PlatformCustom}
}

func p(name string, in core.ParamIn, typ core.ParamType, required bool) core.Param {
	return core.Param{Name: name, In: in, Type: typ, Required: required}
}

func body(t *testing.T, b *request.Built) string {
	t.Helper()
	raw, err := io.ReadAll(b.Req.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

func TestBuildURL(t *testing.T) {
	tests := []struct {
		name   string
		tpl    core.ActionTemplate
		values map[string]string
		want   string
	}{
		{"path value is escaped into one segment", tpl("GET", "/partner/{id}", core.BodyJSON, p("id", core.InPath, core.TypeString, true)),
			map[string]string{"id": "12/../admin"}, "https://api.example.com/base/partner/12%2F..%2Fadmin"},
		{"query arrays repeat the key", tpl("GET", "/x", core.BodyJSON, p("ids[]", core.InQuery, core.TypeArray, false)),
			map[string]string{"ids[]": "1, 2"}, "https://api.example.com/base/x?ids%5B%5D=1&ids%5B%5D=2"},
		{"query values are encoded", tpl("GET", "/x", core.BodyJSON, p("q", core.InQuery, core.TypeString, false)),
			map[string]string{"q": "a&b=c#d"}, "https://api.example.com/base/x?q=a%26b%3Dc%23d"},
		{"defaults fill empty values", tpl("GET", "/x", core.BodyJSON, core.Param{Name: "limit", In: core.InQuery, Type: core.TypeInteger, Default: "50"}),
			nil, "https://api.example.com/base/x?limit=50"},
		{"optional empty values are left out", tpl("GET", "/x", core.BodyJSON, p("q", core.InQuery, core.TypeString, false)),
			map[string]string{"q": ""}, "https://api.example.com/base/x"},
		{"numbers render plainly", tpl("GET", "/x", core.BodyJSON, p("n", core.InQuery, core.TypeNumber, false)),
			map[string]string{"n": "1e21"}, "https://api.example.com/base/x?n=1000000000000000000000"},
		{"affise filter style", tpl("GET", "/3.0/stats/custom", core.BodyJSON, p("filter[date_from]", core.InQuery, core.TypeDate, true)),
			map[string]string{"filter[date_from]": "2024-01-31"}, "https://api.example.com/base/3.0/stats/custom?filter%5Bdate_from%5D=2024-01-31"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := request.Build(tt.tpl, target(core.Auth{Kind: core.AuthNone}), tt.values, ua)
			if err != nil {
				t.Fatal(err)
			}
			if got := b.Req.URL.String(); got != tt.want {
				t.Errorf("URL = %s\nwant  %s", got, tt.want)
			}
		})
	}
}

func TestBuildRejectsBadValues(t *testing.T) {
	tests := []struct {
		name      string
		tpl       core.ActionTemplate
		values    map[string]string
		wantField string
		wantMsg   string
	}{
		{"missing required", tpl("GET", "/x", core.BodyJSON, p("CampaignId", core.InQuery, core.TypeInteger, true)), nil, "values.CampaignId", "CampaignId is required"},
		{"integer 12a", tpl("GET", "/x", core.BodyJSON, p("n", core.InQuery, core.TypeInteger, false)), map[string]string{"n": "12a"}, "values.n", `"12a" is not a whole number`},
		{"date", tpl("GET", "/x", core.BodyJSON, p("d", core.InQuery, core.TypeDate, false)), map[string]string{"d": "31.01.2024"}, "values.d", "not a date"},
		{"datetime without zone", tpl("GET", "/x", core.BodyJSON, p("StartDate", core.InQuery, core.TypeDateTime, false)), map[string]string{"StartDate": "2024-01-01T00:00:00"}, "values.StartDate", "with a zone"},
		{"dot-dot path value", tpl("GET", "/x/{id}", core.BodyJSON, p("id", core.InPath, core.TypeString, true)), map[string]string{"id": ".."}, "values.id", `cannot be ".."`},
		{"missing path value", tpl("GET", "/x/{id}", core.BodyJSON), nil, "values.id", "fills {id}"},
		{"array of nothing", tpl("GET", "/x", core.BodyJSON, p("ids[]", core.InQuery, core.TypeArray, true)), map[string]string{"ids[]": " , \n"}, "values.ids[]", "at least one value"},
		{"CRLF in header", tpl("GET", "/x", core.BodyJSON, p("X-Trace", core.InHeader, core.TypeString, false)), map[string]string{"X-Trace": "a\r\nX-Evil: 1"}, "values.X-Trace", "line breaks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := request.Build(tt.tpl, target(core.Auth{Kind: core.AuthNone}), tt.values, ua)
			if core.ErrorField(err) != tt.wantField || !strings.Contains(core.ErrorMessage(err), tt.wantMsg) {
				t.Fatalf("err = %v (field %q), want field %q with %q", err, core.ErrorField(err), tt.wantField, tt.wantMsg)
			}
		})
	}
}

func TestBuildJSONBodyIsTyped(t *testing.T) {
	tp := tpl("POST", "/api/2/affiliate_postback.json", core.BodyJSON,
		p("affiliate_id", core.InBody, core.TypeInteger, true), p("payout", core.InBody, core.TypeNumber, false),
		p("active", core.InBody, core.TypeBoolean, false), p("postback_url", core.InBody, core.TypeString, true),
		p("tags", core.InBody, core.TypeArray, false))
	vals := map[string]string{"affiliate_id": "67890", "payout": "1.5", "active": "yes", "postback_url": `https://x/?a="b"&c=#price#`, "tags": "a,b"}
	b, err := request.Build(tp, target(core.Auth{Kind: core.AuthParam, Name: "api_key", Value: "sek-1234567890"}), vals, ua)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(body(t, b)), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"affiliate_id": 67890.0, "payout": 1.5, "active": true, "postback_url": `https://x/?a="b"&c=#price#`,
		"tags": []any{"a", "b"}, "api_key": "sek-1234567890"}
	for k, v := range want {
		if gb, _ := json.Marshal(got[k]); string(gb) != mustJSON(v) {
			t.Errorf("%s = %s, want %s", k, gb, mustJSON(v))
		}
	}
	if b.Req.Header.Get("Content-Type") != "application/json" || b.Req.URL.RawQuery != "" {
		t.Errorf("content type %q, query %q", b.Req.Header.Get("Content-Type"), b.Req.URL.RawQuery)
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestBuildFormBodyAndDeleteWithBody(t *testing.T) {
	tp := tpl("DELETE", "/Actions", core.BodyForm, p("ActionId", core.InBody, core.TypeString, false), p("DispositionCode", core.InBody, core.TypeString, true))
	b, err := request.Build(tp, target(core.Auth{Kind: core.AuthBasic, User: "IRSID", Password: "tok"}), map[string]string{"ActionId": "1000.4636.158133", "DispositionCode": "CONS_FRAUD"}, ua)
	if err != nil {
		t.Fatal(err)
	}
	form, _ := url.ParseQuery(body(t, b))
	if form.Get("ActionId") != "1000.4636.158133" || form.Get("DispositionCode") != "CONS_FRAUD" || b.Req.Method != "DELETE" {
		t.Fatalf("form = %v", form)
	}
	if u, pw, ok := b.Req.BasicAuth(); !ok || u != "IRSID" || pw != "tok" {
		t.Errorf("basic auth = %q %q %v", u, pw, ok)
	}
}

func TestBuildAuthKinds(t *testing.T) {
	tests := []struct {
		auth   core.Auth
		method string
		check  func(b *request.Built) bool
	}{
		{core.Auth{Kind: core.AuthHeader, Name: "API-Key", Value: "k1"}, "GET", func(b *request.Built) bool { return b.Req.Header.Get("API-Key") == "k1" }},
		{core.Auth{Kind: core.AuthQuery, Name: "api_key", Value: "k2"}, "GET", func(b *request.Built) bool { return b.Req.URL.Query().Get("api_key") == "k2" }},
		{core.Auth{Kind: core.AuthParam, Name: "api_key", Value: "k3"}, "GET", func(b *request.Built) bool { return b.Req.URL.Query().Get("api_key") == "k3" }},
		{core.Auth{Kind: core.AuthBearer, Value: "k4"}, "GET", func(b *request.Built) bool { return b.Req.Header.Get("Authorization") == "Bearer k4" }},
		{core.Auth{Kind: core.AuthNone}, "GET", func(b *request.Built) bool { return b.Req.Header.Get("Authorization") == "" }},
	}
	for _, tt := range tests {
		t.Run(string(tt.auth.Kind), func(t *testing.T) {
			b, err := request.Build(tpl(tt.method, "/x", core.BodyJSON), target(tt.auth), nil, ua)
			if err != nil || !tt.check(b) {
				t.Fatalf("auth not applied: %v %v %v", err, b.Req.URL, b.Req.Header)
			}
		})
	}
	bad := core.Auth{Kind: core.AuthHeader, Name: "API-Key", Value: "k\r\nX: y"}
	if _, err := request.Build(tpl("GET", "/x", core.BodyJSON), target(bad), nil, ua); err == nil || strings.Contains(err.Error(), "k\r\n") {
		t.Fatalf("credential with CRLF: %v", err)
	}
}

func TestBuildRejectsBadBaseURL(t *testing.T) {
	tg := core.Target{ConnectionName: "Acme", BaseURL: "ftp://x"}
	if _, err := request.Build(tpl("GET", "/x", core.BodyJSON), tg, nil, ua); core.ErrorCode(err) != core.EINVALID {
		t.Fatalf("err = %v", err)
	}
}
