package service

import (
	"fmt"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// ClashPolicy says what an import does with a record whose name a stored
// record of the same kind already has (names compare without case).
type ClashPolicy string

// The clash policies.
const (
	ClashRename  ClashPolicy = "rename"  // import it as "Name (2)", "Name (3)", …
	ClashReplace ClashPolicy = "replace" // overwrite the stored record, keeping its ID and secrets
	ClashSkip    ClashPolicy = "skip"    // keep the stored record; the file's references use it
)

// ParseClashPolicy reads a policy; empty means rename.
func ParseClashPolicy(s string) (ClashPolicy, error) {
	switch p := ClashPolicy(strings.ToLower(strings.TrimSpace(s))); p {
	case "":
		return ClashRename, nil
	case ClashRename, ClashReplace, ClashSkip:
		return p, nil
	}
	return "", core.FieldError("onClash", "On a name clash choose rename, replace or skip, not %q.", s)
}

// ImportClash is a record of the file whose name stored records of its
// kind already have.
type ImportClash struct {
	Kind        string   `json:"kind"` // connection, template or automation
	Name        string   `json:"name"`
	ExistingIDs []uint64 `json:"existingIds"`
}

// namer decides, for one kind of record, what an import does with each
// name: add it, add it renamed, replace or skip a stored record.
type namer struct {
	kind    string
	policy  ClashPolicy
	stored  map[string][]uint64 // lower-case name -> stored IDs
	used    map[string]bool     // lower-case names given so far
	clashes []ImportClash
	renamed []string
}

func newNamer(kind string, policy ClashPolicy, names map[uint64]string) *namer {
	n := &namer{kind: kind, policy: policy, stored: map[string][]uint64{}, used: map[string]bool{}}
	for id, name := range names {
		key := strings.ToLower(strings.TrimSpace(name))
		n.stored[key] = append(n.stored[key], id)
	}
	return n
}

// decide returns the name the record gets, the action and its target. A
// name an earlier record of the file took is always renamed; a clash with
// two stored records is ECONFLICT unless renaming.
func (n *namer) decide(name string) (string, core.ImportAction, uint64, error) {
	key := strings.ToLower(name)
	ids := n.stored[key]
	if len(ids) > 0 && !n.used[key] {
		n.clashes = append(n.clashes, ImportClash{Kind: n.kind, Name: name, ExistingIDs: sortedIDs(ids)})
	}
	switch {
	case n.used[key] || (len(ids) > 0 && n.policy == ClashRename):
		return n.rename(name), core.ImportAdd, 0, nil
	case len(ids) == 0:
		n.used[key] = true
		return name, core.ImportAdd, 0, nil
	case len(ids) > 1:
		return name, "", 0, core.FieldError("name", "%d stored %ss are named %q (IDs %s): rename one, or import with rename.", len(ids), n.kind, name, joinIDs(ids))
	}
	n.used[key] = true
	if n.policy == ClashReplace {
		return name, core.ImportReplace, ids[0], nil
	}
	return name, core.ImportSkip, ids[0], nil
}

// rename returns the first free "name (k)", k from 2.
func (n *namer) rename(name string) string {
	for k := 2; ; k++ {
		cand := withSuffix(name, fmt.Sprintf(" (%d)", k))
		key := strings.ToLower(cand)
		if !n.used[key] && len(n.stored[key]) == 0 {
			n.used[key] = true
			n.renamed = append(n.renamed, fmt.Sprintf("%s %q was imported as %q.", core.Capitalize(n.kind), name, cand))
			return cand
		}
	}
}
