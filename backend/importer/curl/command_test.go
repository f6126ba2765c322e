package curl

import (
	"reflect"
	"strings"
	"testing"
)

// TestCommandRoundTrip writes requests with hostile values as cURL and
// reads them back unchanged.
func TestCommandRoundTrip(t *testing.T) {
	tests := []Request{
		{Method: "GET", URL: "https://h/x?a=1&b=it%27s"},
		{Method: "POST", URL: "https://h/x", Headers: [][2]string{{"Content-Type", "application/json"}, {"X-Q", `it's "quoted" $HOME ` + "`x`"}}, Body: `{"a":"it's","b":"$(rm -rf /)"}`},
		{Method: "PUT", URL: "https://h/x", Headers: [][2]string{{"Content-Type", "application/x-www-form-urlencoded"}}, Body: "a=1&b=%27\\n"},
		{Method: "DELETE", URL: "https://h/x", Body: "line1\nline2 'q'"},
	}
	for _, r := range tests {
		cmd := Command(r)
		p, err := ParseCommand(cmd)
		if err != nil {
			t.Fatalf("%s: %v", cmd, err)
		}
		if p.Method != r.Method || p.URL != r.URL || p.Body != r.Body {
			t.Errorf("round trip of\n%s\ngave %s %s %q", cmd, p.Method, p.URL, p.Body)
		}
		want := r.Headers
		if r.Body != "" && len(want) == 0 {
			want = [][2]string{{"Content-Type", "application/x-www-form-urlencoded"}}
		}
		if !reflect.DeepEqual(p.Headers, want) || len(p.Warnings) > 0 {
			t.Errorf("headers %q (warnings %v), want %q", p.Headers, p.Warnings, want)
		}
	}
}

func TestCommandLayout(t *testing.T) {
	got := Command(Request{Method: "POST", URL: "https://h/x", Headers: [][2]string{{"A", "1"}}, Body: "b"})
	want := "curl 'https://h/x' \\\n  -X 'POST' \\\n  -H 'A: 1' \\\n  --data-raw 'b'"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if strings.Contains(Command(Request{Method: "GET", URL: "https://h"}), "-X") {
		t.Error("a GET names its method")
	}
}
