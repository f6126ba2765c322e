package request_test

import (
	"encoding/json"
	"io"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/request"
)

// FuzzBuild feeds one value to every kind of parameter and checks that no
// value can change the URL's host, add or remove path segments, add query
// keys or headers, or change the JSON body's structure.
func FuzzBuild(f *testing.F) {
	for _, s := range []string{"12", "12/../admin", "a&b=c", "%2F", "x\r\nX-Evil: 1", `","evil":"`, "..", ".", "?q=1#f", "é", "\x00", "{id}", "a b"} {
		f.Add(s)
	}
	tp := tpl("POST", "/v1/items/{id}/sub", core.BodyJSON,
		p("id", core.InPath, core.TypeString, true), p("q", core.InQuery, core.TypeString, true),
		p("name", core.InBody, core.TypeString, true), p("X-Trace", core.InHeader, core.TypeString, true))
	tg := target(core.Auth{Kind: core.AuthHeader, Name: "X-Key", Value: "secret-value-1"})
	f.Fuzz(func(t *testing.T, v string) {
		vals := map[string]string{"id": v, "q": v, "name": v, "X-Trace": v}
		b, err := request.Build(tp, tg, vals, ua)
		if err != nil {
			if core.ErrorCode(err) != core.EINVALID {
				t.Fatalf("non-user error %v", err)
			}
			return
		}
		u := b.Req.URL
		if u.Host != "api.example.com" || u.Scheme != "https" {
			t.Fatalf("host changed: %s", u)
		}
		segs := strings.Split(u.EscapedPath(), "/")
		if len(segs) != 6 || segs[1] != "base" || segs[2] != "v1" || segs[3] != "items" || segs[5] != "sub" {
			t.Fatalf("path segments changed: %q", u.EscapedPath())
		}
		if dec, _ := url.PathUnescape(segs[4]); dec != v {
			t.Fatalf("path value %q came back as %q", v, dec)
		}
		q := u.Query()
		if len(q) != 1 || q.Get("q") != v {
			t.Fatalf("query changed: %v", q)
		}
		for k, vs := range b.Req.Header {
			for _, hv := range vs {
				if strings.ContainsAny(hv, "\r\n") {
					t.Fatalf("header %s carries a line break", k)
				}
			}
		}
		if len(b.Req.Header) != 5 {
			t.Fatalf("headers changed: %v", b.Req.Header)
		}
		raw, _ := io.ReadAll(b.Req.Body)
		var obj map[string]any
		if err := json.Unmarshal(raw, &obj); err != nil || len(obj) != 1 {
			t.Fatalf("JSON structure changed: %s", raw)
		}
		if utf8.ValidString(v) && obj["name"] != v {
			t.Fatalf("JSON value changed: %q", obj["name"])
		}
	})
}

// FuzzBuildForm checks form bodies and array query values: a value can
// add no form field or query key, and comes back intact.
func FuzzBuildForm(f *testing.F) {
	for _, s := range []string{"a", "a&b=c", "x,y", "%26", "=", "ids[]=9", "\n", "é,ü"} {
		f.Add(s)
	}
	tp := tpl("PUT", "/Actions", core.BodyForm,
		p("ActionId", core.InBody, core.TypeString, true), p("ids[]", core.InQuery, core.TypeArray, true))
	tg := target(core.Auth{Kind: core.AuthBasic, User: "IRSID", Password: "tok"})
	f.Fuzz(func(t *testing.T, v string) {
		b, err := request.Build(tp, tg, map[string]string{"ActionId": v, "ids[]": v}, ua)
		if err != nil {
			return
		}
		raw, _ := io.ReadAll(b.Req.Body)
		form, err := url.ParseQuery(string(raw))
		if err != nil || len(form) != 1 || form.Get("ActionId") != v {
			t.Fatalf("form changed: %q -> %v (%v)", v, form, err)
		}
		q := b.Req.URL.Query()
		if len(q) != 1 || strings.Join(q["ids[]"], ",") != strings.Join(core.SplitList(v), ",") {
			t.Fatalf("array query changed: %q -> %v", v, q)
		}
	})
}
