// Command table turns `go test -bench` output (standard input) into one
// Markdown table: each figure beside its same-run baseline and the ratio.
// A baseline is a sub-benchmark whose name starts with "Baseline"; it is
// paired with the other sub-benchmarks of the same benchmark. Repeated
// runs (-count) are folded into medians.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

func main() {
	header := flag.String("header", "", "a line to print above the table (machine, date, commit)")
	flag.Parse()
	if *header != "" {
		fmt.Println(*header)
		fmt.Println()
	}
	render(os.Stdout, medians(parse(os.Stdin)))
}

// render prints the table.
func render(w io.Writer, samples []sample) {
	fmt.Fprintln(w, "| benchmark | time/op | memory/op | allocs/op | baseline | baseline time/op | ratio | other measures |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---|---:|---:|---|")
	for _, s := range samples {
		if isBaseline(s.name) {
			continue
		}
		base, ok := baselineOf(s.name, samples)
		row := []string{strings.TrimPrefix(s.name, "Benchmark"), dur(s.measures["ns/op"]), bytes(s.measures["B/op"]), count(s.measures["allocs/op"])}
		if ok {
			row = append(row, leaf(base.name), dur(base.measures["ns/op"]), ratio(s.measures["ns/op"], base.measures["ns/op"]))
		} else {
			row = append(row, "–", "–", "–")
		}
		row = append(row, extras(s.measures))
		fmt.Fprintf(w, "| %s |\n", strings.Join(row, " | "))
	}
}

// extras lists the measures beyond time, memory and allocations (MB/s
// and the benchmarks' own metrics), in name order.
func extras(m map[string]float64) string {
	var units []string
	for u := range m {
		switch u {
		case "ns/op", "B/op", "allocs/op":
		default:
			units = append(units, u)
		}
	}
	if len(units) == 0 {
		return "–"
	}
	sort.Strings(units)
	out := make([]string, len(units))
	for i, u := range units {
		out[i] = strconv.FormatFloat(m[u], 'g', 4, 64) + " " + u
	}
	return strings.Join(out, ", ")
}

func isBaseline(name string) bool { return strings.HasPrefix(leaf(name), "Baseline") }

func leaf(name string) string { return name[strings.LastIndex(name, "/")+1:] }

func parent(name string) string {
	if i := strings.LastIndex(name, "/"); i >= 0 {
		return name[:i]
	}
	return ""
}

// baselineOf finds the baseline among name's siblings.
func baselineOf(name string, samples []sample) (sample, bool) {
	p := parent(name)
	for _, s := range samples {
		if p != "" && parent(s.name) == p && isBaseline(s.name) {
			return s, true
		}
	}
	return sample{}, false
}

func dur(ns float64) string {
	switch {
	case ns == 0:
		return "–"
	case ns >= 1e9:
		return fmt.Sprintf("%.2f s", ns/1e9)
	case ns >= 1e6:
		return fmt.Sprintf("%.1f ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.1f µs", ns/1e3)
	}
	return fmt.Sprintf("%.0f ns", ns)
}

func bytes(b float64) string {
	switch {
	case b >= 1<<20:
		return fmt.Sprintf("%.1f MiB", b/(1<<20))
	case b >= 1<<10:
		return fmt.Sprintf("%.1f KiB", b/(1<<10))
	}
	return fmt.Sprintf("%.0f B", b)
}

func count(n float64) string { return fmt.Sprintf("%.0f", n) }

func ratio(a, b float64) string {
	if a == 0 || b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f×", a/b)
}
