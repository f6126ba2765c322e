package pick

import (
	"context"
	"reflect"
	"testing"
)

// FuzzSelectAll checks on any body and path that reading a list element
// by element gives what the whole document gives, error or values, and
// never panics.
func FuzzSelectAll(f *testing.F) {
	seeds := []struct{ body, path string }{
		{`{"Actions":[{"Id":1},{"Id":"b"}]}`, "$.Actions[*].Id"},
		{`{"a":{"b":[1,2,{"c":3}]}}`, "$.a.b[*].c"},
		{`[{"x":1},{"x":2}]`, "$[?@.x>1]"},
		{`{"Actions":[{"Id":01}]}`, "$.Actions[*]"},
		{`{"Actions":[1,2],"Actions":{"a":1}}`, "$.Actions[*]"},
		{`{"A\u0063tions":[1]} `, "$.Actions[*]"},
		{`{"a":[1e5,-0.5,1E+2,true,false,null,"\"]"]}`, "$.a[*]"},
		{`{"A":[{"a":"\q","b":1},{"b":2,"c":{"d":[1,2]}}]}`, "$.A[?@.b>=1].b"},
		{`{"A":[{"a":"\u12G4","b":1}]}`, "$.A[*].b"},
		{`{"A":[{"b":1,"b":2,"St\u0061te":"P"}]}`, "$.A[?@.State=='P'].b"},
		{`{"A":[{"x y":1,"b":[3]}]}`, "$.A[?@['x y']==1].b[0]"},
	}
	for _, s := range seeds {
		f.Add(s.body, s.path)
	}
	f.Fuzz(func(t *testing.T, body, path string) {
		got, idx, err := SelectAll(context.Background(), []byte(body), []string{path})
		xs, _, cerr := compileAll([]byte(body), []string{path})
		if cerr != nil {
			if err == nil {
				t.Fatalf("compile failed (%v) but SelectAll did not", cerr)
			}
			return
		}
		want, widx, werr := selectWhole(context.Background(), []byte(body), xs)
		if (err == nil) != (werr == nil) || idx != widx {
			t.Fatalf("streamed %v (%d); whole %v (%d)", err, idx, werr, widx)
		}
		if err == nil && !sameValues(got, want) {
			t.Fatalf("streamed %v; whole %v", got, want)
		}
	})
}

// sameValues compares results, allowing object members selected by a
// wildcard to come in any order (Go maps have none).
func sameValues(a, b [][]any) bool {
	if reflect.DeepEqual(a, b) {
		return true
	}
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) {
			return false
		}
	}
	return true
}
