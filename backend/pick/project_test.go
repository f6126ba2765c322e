package pick

import (
	"testing"

	"github.com/ohler55/ojg/jp"
)

func TestNeeds(t *testing.T) {
	tests := []struct {
		paths []string
		want  []string
	}{
		{[]string{"$.A[*].Id", "$.A[?@.State=='PENDING'].Payout"}, []string{"Id", "Payout", "State"}},
		{[]string{"$.A[*]['Note']", "$.A[?@['x y']>1 && @.b.c<2].z[0]"}, []string{"Note", "b", "x y", "z"}},
		{[]string{"$.A[*]"}, nil},
		{[]string{"$.A[*]..Id"}, nil},
		{[]string{"$.A[*][0]"}, nil},
		{[]string{"$.A[?@>1].x"}, nil},
		{[]string{"$.A[?@.mail=='a@b.c'].x"}, nil},
		{[]string{"$.A[?@..x].y"}, nil},
	}
	for _, tt := range tests {
		var rests []jp.Expr
		for _, p := range tt.paths {
			x, err := Compile(p)
			if err != nil {
				t.Fatal(err)
			}
			_, rest, ok := split(x)
			if !ok {
				t.Fatalf("%s does not split", p)
			}
			rests = append(rests, rest)
		}
		keys, ok := needs(rests)
		if ok != (tt.want != nil) {
			t.Fatalf("%q: ok = %v, keys %v", tt.paths, ok, keys)
		}
		for _, k := range tt.want {
			if !keys[k] {
				t.Errorf("%q: missing key %q in %v", tt.paths, k, keys)
			}
		}
		if ok && len(keys) != len(tt.want) {
			t.Errorf("%q: keys %v, want %v", tt.paths, keys, tt.want)
		}
	}
}
