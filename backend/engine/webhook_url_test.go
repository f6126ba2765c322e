package engine

import (
	"net/url"
	"strings"
	"testing"
)

// checkURL parses a filled webhook URL and reports what a value changed.
func checkURL(t *testing.T, got, value string) {
	t.Helper()
	u, err := url.Parse(got)
	if err != nil {
		t.Fatalf("%q does not parse: %v", got, err)
	}
	segs := strings.Split(strings.TrimPrefix(u.EscapedPath(), "/"), "/")
	if u.Host != "hooks.example" || len(segs) != 2 || segs[0] != "x" {
		t.Fatalf("the value changed the address or added a path segment: %q", got)
	}
	if seg, _ := url.PathUnescape(segs[1]); seg != value {
		t.Fatalf("path segment %q, want %q", seg, value)
	}
	q := u.Query()
	if len(q) != 2 || q.Get("q") != value || q.Get("k") != "v" {
		t.Fatalf("the value changed the query: %q -> %v", got, q)
	}
	if u.Fragment != value {
		t.Fatalf("fragment %q, want %q", u.Fragment, value)
	}
}

const urlTemplate = "https://hooks.example/x/{v}?q={v}&k=v#{v}"

func TestWebhookURLEncodesEachPart(t *testing.T) {
	for _, value := range []string{"plain", "a/b?c=d#e&f=g", "../..", "100% sure", "é ü", "", "=&=&", "%2F"} {
		t.Run(value, func(t *testing.T) {
			got, err := vars{"v": value}.webhookURL(urlTemplate)
			if err != nil {
				t.Fatal(err)
			}
			checkURL(t, got, value)
		})
	}
}

func TestWebhookAddressRejectsStructure(t *testing.T) {
	tests := []struct {
		tmpl, value string
		ok          bool
	}{
		{"https://{v}/x", "hooks.example", true},
		{"https://{v}/x", "evil.example/y", false},
		{"https://{v}/x", "a@evil.example", false},
		{"https://hooks.example:{v}/x", "8080?q", false},
	}
	for _, tt := range tests {
		_, err := vars{"v": tt.value}.webhookURL(tt.tmpl)
		if (err == nil) != tt.ok {
			t.Errorf("%s with %q: %v", tt.tmpl, tt.value, err)
		}
	}
}

func FuzzWebhookURL(f *testing.F) {
	f.Add("a/b?c=d#e&f=g")
	f.Add("")
	f.Fuzz(func(t *testing.T, value string) {
		if !utf8Valid(value) {
			return
		}
		got, err := vars{"v": value}.webhookURL(urlTemplate)
		if err != nil {
			t.Fatal(err)
		}
		checkURL(t, got, value)
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "") == s }
