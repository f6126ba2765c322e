package main

import (
	"bufio"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// sample is one line of `go test -bench` output: a benchmark's name and
// its measures by unit (ns/op, B/op, allocs/op, MB/s, custom metrics).
type sample struct {
	name     string
	measures map[string]float64
}

// benchLine matches "BenchmarkX/case-2   100   123 ns/op   4 B/op …".
var benchLine = regexp.MustCompile(`^(Benchmark\S+?)(?:-\d+)?\s+\d+\s+(.*)$`)

// parse reads every benchmark line of r.
func parse(r io.Reader) []sample {
	var out []sample
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		m := benchLine.FindStringSubmatch(strings.TrimSpace(sc.Text()))
		if m == nil {
			continue
		}
		out = append(out, sample{name: m[1], measures: measures(strings.Fields(m[2]))})
	}
	return out
}

// measures reads "value unit" pairs.
func measures(f []string) map[string]float64 {
	out := map[string]float64{}
	for i := 0; i+1 < len(f); i += 2 {
		if v, err := strconv.ParseFloat(f[i], 64); err == nil {
			out[f[i+1]] = v
		}
	}
	return out
}

// medians folds repeated runs (-count N) of each name into the median of
// each measure, keeping first-seen order.
func medians(samples []sample) []sample {
	var order []string
	byName := map[string][]sample{}
	for _, s := range samples {
		if _, seen := byName[s.name]; !seen {
			order = append(order, s.name)
		}
		byName[s.name] = append(byName[s.name], s)
	}
	out := make([]sample, 0, len(order))
	for _, n := range order {
		out = append(out, sample{name: n, measures: medianOf(byName[n])})
	}
	return out
}

func medianOf(runs []sample) map[string]float64 {
	units := map[string][]float64{}
	for _, r := range runs {
		for u, v := range r.measures {
			units[u] = append(units[u], v)
		}
	}
	out := map[string]float64{}
	for u, vs := range units {
		sort.Float64s(vs)
		out[u] = vs[len(vs)/2]
	}
	return out
}
