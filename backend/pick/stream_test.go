package pick

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/ohler55/ojg/jp"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		path, prefix, rest string
		ok                 bool
	}{
		{"$.Actions[*].Id", "Actions", "$[*].Id", true},
		{"$['data']['items'][*]", "data.items", "$[*]", true},
		{"$[*].a", "", "$[*].a", true},
		{"$.Actions[?@.State=='PENDING'].Payout", "Actions", "$[?(@.State == 'PENDING')].Payout", true},
		{"$.Actions[?@.Payout > $.min].Id", "", "", false},
		{"$.Actions[0].Id", "", "", false},
		{"$..Id", "", "", false},
		{"$.Actions", "", "", false},
		{"$.Actions[1:3]", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			x, err := Compile(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			prefix, rest, ok := split(x)
			if ok != tt.ok {
				t.Fatalf("ok = %v", ok)
			}
			if ok && (strings.Join(prefix, ".") != tt.prefix || rest.String() != tt.rest) {
				t.Fatalf("split = %q %s; want %q %s", prefix, rest, tt.prefix, tt.rest)
			}
		})
	}
}

func TestOutside(t *testing.T) {
	tests := []struct {
		path   string
		prefix []string
		want   bool
	}{
		{"$['@total']", []string{"Actions"}, true},
		{"$.data.total", []string{"data", "items"}, true},
		{"$.data", []string{"data", "items"}, false},
		{"$.*", []string{"Actions"}, false},
		{"$..Id", []string{"Actions"}, false},
		{"$.total", nil, false},
	}
	for _, tt := range tests {
		x, _ := Compile(tt.path)
		if got := outside(x, tt.prefix); got != tt.want {
			t.Errorf("outside(%s, %q) = %v", tt.path, tt.prefix, got)
		}
	}
}

// TestSelectAllMatchesWholeParse checks that reading a list element by
// element selects exactly what the whole document does, and that bodies
// it cannot stream fall back to the same answer.
func TestSelectAllMatchesWholeParse(t *testing.T) {
	body := `{"@total":"3","Actions":[{"Id":"a","State":"PENDING","Payout":19.90,"Tags":["x","y"]},` +
		`{"Id":"b","State":"APPROVED","Payout":"5.00"},{"Id":"c","State":"PENDING","Payout":0.1,"Nested":{"Id":"n"}}],"Actions ":[]}`
	tests := []struct {
		name, body string
		paths      []string
	}{
		{"two element paths", body, []string{"$.Actions[*].Id", "$.Actions[?@.State=='PENDING'].Payout"}},
		{"deep rest", body, []string{"$.Actions[*].Tags[*]", "$.Actions[*]..Id"}},
		{"whole elements", body, []string{"$.Actions[*]"}},
		{"mixed prefixes fall back", body, []string{"$.Actions[*].Id", "$['@total']"}},
		{"list at the root", `[{"a":1},{"a":2},3,"x",null]`, []string{"$[*].a", "$[?@.a>1]"}},
		{"wildcard on an object falls back", `{"Actions":{"x":{"Id":1}}}`, []string{"$.Actions[*].Id"}},
		{"missing list", `{"Other":[1]}`, []string{"$.Actions[*].Id"}},
		{"duplicate key: the last counts", `{"Actions":[{"Id":1}],"Actions":[{"Id":2},{"Id":3}]}`, []string{"$.Actions[*].Id"}},
		{"escaped key", `{"Act\u0069ons":[{"Id":1}]}`, []string{"$.Actions[*].Id"}},
		{"empty list", `{"Actions":[ ]}`, []string{"$.Actions[*].Id"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, idx, err := SelectAll(context.Background(), []byte(tt.body), tt.paths)
			xs, _, _ := compileAll([]byte(tt.body), tt.paths)
			want, widx, werr := selectWhole(context.Background(), []byte(tt.body), xs)
			if (err == nil) != (werr == nil) || idx != widx || !reflect.DeepEqual(got, want) {
				t.Fatalf("streamed %v (%d, %v); whole %v (%d, %v)", got, idx, err, want, widx, werr)
			}
			if err == nil && len(got) != len(tt.paths) {
				t.Fatalf("got %d results", len(got))
			}
		})
	}
}

func TestSelectAllErrors(t *testing.T) {
	tests := []struct {
		name, body string
		paths      []string
		idx        int
		code, want string
	}{
		{"bad body", `{"Actions":[{"Id":1},]}`, []string{"$.Actions[*].Id"}, 0, core.EINVALID, "not valid JSON"},
		{"trailing data", `{"Actions":[]} x`, []string{"$.Actions[*].Id"}, 0, core.EINVALID, "not valid JSON"},
		{"bad number in an element", `{"Actions":[{"Id":01}]}`, []string{"$.Actions[*].Id"}, 0, core.EINVALID, "not valid JSON"},
		{"bad second path", `{"Actions":[]}`, []string{"$.Actions[*].Id", "$.Actions[?"}, 1, core.EINVALID, ""},
		{"bad body before a bad second path", `{"Actions":[`, []string{"$.Actions[*].Id", "$.Actions[?"}, 0, core.EINVALID, "not valid JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, idx, err := SelectAll(context.Background(), []byte(tt.body), tt.paths)
			if err == nil || idx != tt.idx || core.ErrorCode(err) != tt.code || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v at %d", err, idx)
			}
		})
	}
}

// TestStreamPages feeds a paged list page by page and checks the values
// equal those of the merged list, with envelope paths read at Finish.
func TestStreamPages(t *testing.T) {
	pages := []string{
		`{"@total":"2","@page":"1","Actions":[{"Id":"a","P":1},{"Id":"b","P":2}]}`,
		`{"@total":"2","@page":"2","Actions":[{"Id":"c","P":3}]}`,
	}
	merged := `{"@total":"3","@page":"1","Actions":[{"Id":"a","P":1},{"Id":"b","P":2},{"Id":"c","P":3}]}`
	paths := []string{"$.Actions[*].Id", "$['@total']", "$.Actions[?@.P>1].P"}
	s, failed, err := NewPageStream(paths, "Actions")
	if err != nil || s == nil || failed != -1 {
		t.Fatalf("stream %v, %d, %v", s, failed, err)
	}
	for _, p := range pages {
		if err := s.Feed(context.Background(), []byte(p)); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Finish(context.Background(), []byte(`{"@total":"3","@page":"1","Actions":[]}`))
	want, _, _ := SelectAll(context.Background(), []byte(merged), paths)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, %v; want %v", got, err, want)
	}
	if s, _, _ := NewPageStream([]string{"$.Actions[0].Id"}, "Actions"); s != nil {
		t.Fatal("an index into the merged list must not stream")
	}
	if _, failed, err := NewPageStream([]string{"$.a", "$["}, "Actions"); err == nil || failed != 1 {
		t.Fatalf("bad path: %d %v", failed, err)
	}
}

func TestStreamLimits(t *testing.T) {
	x, _ := Compile("$.Actions[*].Tags[*]")
	s, ok := newStream([]jp.Expr{x}, []string{"Actions"}, Limits{MaxNodes: 2})
	if !ok {
		t.Fatal("should stream")
	}
	err := s.Feed(context.Background(), []byte(`{"Actions":[{"Tags":[1,2,3]}]}`))
	if core.ErrorCode(err) != core.EINVALID || !strings.Contains(err.Error(), "$.Actions[*].Tags[*]") || s.Failed() != 0 {
		t.Fatalf("err = %v, failed %d", err, s.Failed())
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	big := `{"Actions":[` + strings.Repeat(`{"Tags":[1]},`, 2000) + `{"Tags":[1]}]}`
	s, _ = newStream([]jp.Expr{x}, []string{"Actions"}, DefaultLimits)
	if err := s.Feed(ctx, []byte(big)); core.ErrorCode(err) != core.EUNAVAILABLE {
		t.Fatalf("cancelled: %v", err)
	}
}

func TestFeedPageEnvelope(t *testing.T) {
	tests := []struct {
		name, itemsKey, path, page string
		records                    int
		want                       any
	}{
		{"impact", "Actions", "$.Actions[*].Id", `{"@page":"1","@nextpageuri":"/x?Page=2","Actions":[{"Id":1},{"Id":2}]}`, 2,
			map[string]any{"@page": "1", "@nextpageuri": "/x?Page=2", "Actions": []any{}}},
		{"nested", "data.items", "$.data.items[*].Id", `{"data":{"items":[{"Id":1}],"total":7},"ok":true}`, 1,
			map[string]any{"data": map[string]any{"items": []any{}, "total": int64(7)}, "ok": true}},
		{"root list", "$", "$[*].Id", `[{"Id":1},{"Id":2},{"Id":3}]`, 3, []any{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, err := NewPageStream([]string{tt.path}, tt.itemsKey)
			if err != nil || s == nil {
				t.Fatal(err)
			}
			env, n, err := s.FeedPage(context.Background(), []byte(tt.page))
			if err != nil || n != tt.records || !reflect.DeepEqual(env, tt.want) {
				t.Fatalf("env %#v, %d records, %v", env, n, err)
			}
		})
	}
}
