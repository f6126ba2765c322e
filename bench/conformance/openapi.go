package main

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/importer"
	"github.com/affdesk/affdesk/backend/importer/openapi"
	"gopkg.in/yaml.v3"
)

func init() {
	corpora = append(corpora,
		corpus{name: "impact", run: func(root string) (tally, error) {
			return openapiCorpus(filepath.Join(root, "openapi", "impact"))
		}},
		corpus{name: "binom-3p", run: func(root string) (tally, error) {
			return openapiCorpus(filepath.Join(root, "openapi", "binom"))
		}},
	)
}

// openapiCorpus imports every OpenAPI file under dir and counts its
// operations: imported when a valid template came out, failed otherwise.
func openapiCorpus(dir string) (tally, error) {
	t := tally{Matched: -1}
	files, err := specFiles(dir)
	if err != nil {
		return t, err
	}
	for _, f := range files {
		if err := openapiFile(f, &t); err != nil {
			return t, err
		}
	}
	return t, nil
}

func specFiles(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".yaml", ".yml", ".json":
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// specOp is one operation counted from the file itself, apart from the
// importer.
type specOp struct{ label, key string }

func openapiFile(path string, t *tally) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	ops, err := countOperations(data)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	t.Inputs += len(ops)
	importOps(filepath.Base(path), filepath.Base(path)+" ", ops, openapi.Parse, data, t)
	return nil
}

// importOps runs a reader on one file whose operations were counted
// apart from it and tallies them: every operation failed when the reader
// refused the file or crashed (each named in Missed after prefix), else
// each matched with its candidate.
func importOps(file, prefix string, ops []specOp, parse func([]byte) (importer.Result, error), data []byte, t *tally) {
	res, perr, panicked := parseSafely(parse, data)
	if !panicked && perr == nil {
		tallyOps(file, ops, res, t)
		return
	}
	reason := "crashed"
	if perr != nil {
		reason = perr.Error()
	} else {
		t.Panicked++
	}
	for _, op := range ops {
		t.Failed++
		t.Missed = append(t.Missed, prefix+op.label+": "+reason)
	}
}

// tallyOps matches each counted operation with its candidate by key.
func tallyOps(file string, ops []specOp, res importer.Result, t *tally) {
	byKey := map[string]importer.Candidate{}
	for _, c := range res.Candidates {
		byKey[c.Key] = c
	}
	warned := map[string]string{}
	for _, w := range res.Warnings {
		if warned[w.Item] == "" {
			warned[w.Item] = w.Message
		}
	}
	for _, op := range ops {
		c, ok := byKey[op.key]
		reason := warned[op.label]
		if ok {
			if err := validWith(c.Template, res.Connection.Platform); err != nil {
				ok, reason = false, err.Error()
			}
		}
		if !ok {
			t.Failed++
			t.Missed = append(t.Missed, fmt.Sprintf("%s %s: %s", file, op.label, reason))
			continue
		}
		t.Imported++
		if _, w := warned[op.label]; w {
			t.Warned++
		}
	}
}

// validWith validates a template as the caller will once it binds it.
func validWith(tpl core.ActionTemplate, p core.Platform) error {
	tpl.ConnectionID = 1
	tpl.Platform = p
	return tpl.Validate()
}

// parseSafely runs a parser, turning a panic into panicked.
func parseSafely(parse func([]byte) (importer.Result, error), data []byte) (res importer.Result, err error, panicked bool) {
	defer func() {
		if recover() != nil {
			panicked = true
		}
	}()
	res, err = parse(data)
	return res, err, false
}

// countOperations reads the operations of a document with a plain YAML
// decoder: each method under each path, keyed like the importer keys
// them (operationId, else "METHOD path").
func countOperations(data []byte) ([]specOp, error) {
	var doc struct {
		Paths map[string]map[string]yaml.Node `yaml:"paths"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	methods := []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}
	var out []specOp
	seen := map[string]int{}
	for _, path := range slices.Sorted(maps.Keys(doc.Paths)) {
		for _, m := range methods {
			node, ok := doc.Paths[path][m]
			if !ok {
				continue
			}
			var op struct {
				OperationID string `yaml:"operationId"`
			}
			_ = node.Decode(&op)
			label := strings.ToUpper(m) + " " + path
			key := op.OperationID
			if strings.TrimSpace(key) == "" {
				key = label
			}
			seen[strings.ToLower(key)]++
			if n := seen[strings.ToLower(key)]; n > 1 {
				key = fmt.Sprintf("%s (%d)", key, n)
			}
			out = append(out, specOp{label: label, key: key})
		}
	}
	return out, nil
}
