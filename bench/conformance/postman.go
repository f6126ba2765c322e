package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/affdesk/affdesk/backend/importer/postman"
)

func init() {
	corpora = append(corpora, corpus{name: "affise", run: func(root string) (tally, error) {
		return postmanCorpus(filepath.Join(root, "openapi", "affise", "Affise_Public_API.postman_collection.json"))
	}})
}

// postmanCorpus imports one collection and counts its requests: imported
// when a valid template came out, failed otherwise.
func postmanCorpus(path string) (tally, error) {
	t := tally{Matched: -1}
	data, err := os.ReadFile(path)
	if err != nil {
		return t, err
	}
	ops, err := countRequests(data)
	if err != nil {
		return t, fmt.Errorf("%s: %w", path, err)
	}
	t.Inputs = len(ops)
	importOps(filepath.Base(path), "", ops, postman.Parse, data, &t)
	return t, nil
}

// countRequests walks the collection with a plain decoder: each item
// with a request, keyed like the importer keys them (folder path and
// name joined by " / ").
func countRequests(data []byte) ([]specOp, error) {
	var c struct {
		Item []rawItem `json:"item"`
	}
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, err
	}
	var out []specOp
	seen := map[string]int{}
	var walk func(items []rawItem, folders []string)
	walk = func(items []rawItem, folders []string) {
		for _, it := range items {
			path := append(append([]string(nil), folders...), strings.TrimSpace(it.Name))
			if it.Request == nil {
				walk(it.Item, path)
				continue
			}
			key := strings.Join(path, " / ")
			seen[strings.ToLower(key)]++
			if n := seen[strings.ToLower(key)]; n > 1 {
				key = fmt.Sprintf("%s (%d)", key, n)
			}
			out = append(out, specOp{label: strings.Join(path, " / "), key: key})
		}
	}
	walk(c.Item, nil)
	return out, nil
}

type rawItem struct {
	Name    string          `json:"name"`
	Item    []rawItem       `json:"item"`
	Request json.RawMessage `json:"request"`
}
