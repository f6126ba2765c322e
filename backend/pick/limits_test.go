package pick_test

import (
	"context"
	"runtime"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/pick"
	"github.com/ohler55/ojg/oj"
)

// nested builds depth levels of {"a":[{"a":…},{"a":…}]}: a 60 KB document
// in which $..a..a..a..a..a..a names each node once per ancestor chain.
func nested(depth int) string {
	if depth == 0 {
		return `{"a":1}`
	}
	inner := nested(depth - 1)
	return `{"a":[` + inner + `,` + inner + `]}`
}

func TestExplodingPathStopsWithinTheNodeCap(t *testing.T) {
	doc, err := oj.Parse([]byte(nested(12)))
	if err != nil {
		t.Fatal(err)
	}
	x, err := pick.Compile("$..a..a..a..a..a..a")
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	out, err := pick.DefaultLimits.Select(context.Background(), doc, x)
	runtime.ReadMemStats(&after)
	if core.ErrorCode(err) != core.EINVALID || out != nil {
		t.Fatalf("got %d values, err %v", len(out), err)
	}
	if msg := core.ErrorMessage(err); !strings.Contains(msg, "more than 100000 values (already at $..a..") || !strings.Contains(msg, "narrow it") {
		t.Errorf("message %q", msg)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
		t.Errorf("the selection allocated %d MB, want under 64 MB", alloc>>20)
	}
}

func TestSmallCapAndCancelledContext(t *testing.T) {
	doc, _ := oj.Parse([]byte(nested(6)))
	x, _ := pick.Compile("$..a")
	if _, err := (pick.Limits{MaxNodes: 10}).Select(context.Background(), doc, x); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("cap 10: %v", err)
	}
	out, err := (pick.Limits{MaxNodes: 1000}).Select(context.Background(), doc, x)
	if err != nil || len(out) != 127 {
		t.Errorf("cap 1000: %d values, %v", len(out), err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	big, _ := oj.Parse([]byte(nested(11)))
	if _, err := pick.DefaultLimits.Select(ctx, big, x); core.ErrorCode(err) != core.EUNAVAILABLE || !strings.Contains(err.Error(), "stopped") {
		t.Errorf("cancelled: %v", err)
	}
}

func TestDocumentSelectContext(t *testing.T) {
	d, _ := pick.Parse([]byte(nested(12)))
	x, _ := pick.Compile("$..a..a..a..a..a..a")
	if _, err := d.SelectContext(context.Background(), x); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("SelectContext: %v", err)
	}
	if got := d.Select(x); got != nil {
		t.Errorf("Select gave %d values past the cap", len(got))
	}
}

func TestMissingFieldsCompareEqualToNothing(t *testing.T) {
	doc, _ := oj.Parse([]byte(`[{"x":1},{"a":1,"b":1},{"a":1,"b":2},{"a":null,"b":null},{"a":1}]`))
	tests := []struct{ path, want string }{
		{"$[?(@.a==@.b)]", `[{"a":1,"b":1},{"a":null,"b":null}]`},
		{"$[?@.a==@.b]", `[{"a":1,"b":1},{"a":null,"b":null}]`},
		{"$[?(@.a!=@.b)]", `[{"x":1},{"a":1,"b":2},{"a":1}]`},
		{"$[?(@.a==@.b || @.x==1)]", `[{"x":1},{"a":1,"b":1},{"a":null,"b":null}]`},
		{"$[?(@.a==1)]", `[{"a":1,"b":1},{"a":1,"b":2},{"a":1}]`},
	}
	for _, tt := range tests {
		x, err := pick.Compile(tt.path)
		if err != nil {
			t.Fatalf("%s: %v", tt.path, err)
		}
		out, err := pick.DefaultLimits.Select(context.Background(), doc, x)
		if got := oj.JSON(out, &oj.Options{Sort: true}); err != nil || got != tt.want {
			t.Errorf("%s = %s (%v), want %s", tt.path, got, err, tt.want)
		}
	}
}

func TestRootInsideFilterIsTheDocument(t *testing.T) {
	doc, _ := oj.Parse([]byte(`{"limit":2,"rows":[{"n":1,"tags":[1,2]},{"n":3,"tags":[]},{"n":2,"tags":[3]}]}`))
	x, _ := pick.Compile("$.rows[?(@.n >= $.limit)].tags[?(@ > $.limit)]")
	out, err := pick.DefaultLimits.Select(context.Background(), doc, x)
	if got := oj.JSON(out); err != nil || got != `[3]` {
		t.Errorf("got %s, %v", got, err)
	}
}
