// Command conformance runs the importers over independent corpora (cURL
// fixtures with their expected parsed forms, OpenAPI files, a Postman
// collection) and prints one line per corpus: inputs imported, inputs
// matching their expected form, inputs with warnings, inputs failed.
// It exits non-zero when a corpus misses its target or an importer
// panics, and says plainly when the corpora folder is absent.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

// corpus is one body of inputs and how to measure an importer on it.
type corpus struct {
	name string
	// run measures the importer on the corpus found under root.
	run func(root string) (tally, error)
}

// tally counts what happened to a corpus's inputs. Matched is -1 when
// the corpus has no expected forms to compare with.
type tally struct {
	Inputs, Imported, Matched, Warned, Failed, Panicked int
	// Missed lists inputs that miss the target, with the reason.
	Missed []string
}

// corpora is filled by each corpus file's init.
var corpora []corpus

func main() {
	root := flag.String("corpora", "../shared/corpora", "the folder holding the corpora")
	verbose := flag.Bool("v", false, "list every input that misses its target")
	flag.Parse()
	if _, err := os.Stat(*root); err != nil {
		fmt.Printf("corpora not found at %s: nothing to measure (pass -corpora DIR)\n", *root)
		os.Exit(2)
	}
	failed := false
	for _, c := range corpora {
		t, err := c.run(filepath.Clean(*root))
		if err != nil {
			fmt.Printf("%-10s error: %v\n", c.name, err)
			failed = true
			continue
		}
		fmt.Println(line(c.name, t))
		failed = failed || len(t.Missed) > 0 || t.Panicked > 0
		if *verbose {
			for _, m := range t.Missed {
				fmt.Println("    missed:", m)
			}
		}
	}
	if failed {
		os.Exit(1)
	}
}

// line formats one corpus's tally.
func line(name string, t tally) string {
	matched := "n/a"
	if t.Matched >= 0 {
		matched = fmt.Sprint(t.Matched)
	}
	return fmt.Sprintf("%-10s inputs %d, imported %d, matching expected %s, with warnings %d, failed %d, crashed %d, missing target %d",
		name, t.Inputs, t.Imported, matched, t.Warned, t.Failed, t.Panicked, len(t.Missed))
}
