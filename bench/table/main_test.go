package main

import (
	"strings"
	"testing"
)

// TestTablePairsFiguresWithBaselines feeds real-looking bench output with
// two runs each and checks medians, pairing and ratios.
func TestTablePairsFiguresWithBaselines(t *testing.T) {
	in := `goos: linux
BenchmarkBuild/affdesk-2         	  200000	      5000 ns/op	    1024 B/op	      45 allocs/op
BenchmarkBuild/affdesk-2         	  200000	      7000 ns/op	    1024 B/op	      45 allocs/op
BenchmarkBuild/affdesk-2         	  200000	      6000 ns/op	    1024 B/op	      45 allocs/op
BenchmarkBuild/BaselineNewRequest-2 	  500000	      2000 ns/op	     512 B/op	      21 allocs/op
BenchmarkBuild/BaselineNewRequest-2 	  500000	      3000 ns/op	     512 B/op	      21 allocs/op
BenchmarkBuild/BaselineNewRequest-2 	  500000	      2500 ns/op	     512 B/op	      21 allocs/op
BenchmarkStart-2   	     202	   5696134 ns/op	         0.03677 x-baseline-rate
PASS`
	var out strings.Builder
	render(&out, medians(parse(strings.NewReader(in))))
	got := out.String()
	for _, want := range []string{"| Build/affdesk | 6.0 µs | 1.0 KiB | 45 | BaselineNewRequest | 2.5 µs | 2.40× | – |", "| Start | 5.7 ms | 0 B | 0 | – | – | – | 0.03677 x-baseline-rate |"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "| Build/BaselineNewRequest |") {
		t.Errorf("a baseline has its own row:\n%s", got)
	}
}
