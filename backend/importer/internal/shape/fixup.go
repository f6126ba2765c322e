package shape

import (
	"fmt"
	"maps"
	"slices"

	"github.com/affdesk/affdesk/backend/core"
)

// FixUp makes a template built from a source fit AffDesk's rules where it
// can without guessing: the path is fixed (FixPath), path parameters are
// renamed with their placeholders, and parameters AffDesk would refuse
// (a bad name, a repeat, a body on a GET, a path parameter with no
// placeholder) are left out. Placeholders with no parameter get a
// required string one. It returns a note for everything it changed.
func FixUp(t *core.ActionTemplate) []string {
	path, renamed, notes := FixPath(t.Path)
	t.Path = path
	for _, old := range slices.Sorted(maps.Keys(renamed)) {
		notes = append(notes, fmt.Sprintf("path placeholder {%s} was renamed {%s}", old, renamed[old]))
	}
	var kept []core.Param
	seen := map[string]bool{}
	for _, p := range t.Params {
		if p.In == core.InPath && renamed[p.Name] != "" {
			p.Name = renamed[p.Name]
		}
		if note := refuse(t, p, seen); note != "" {
			notes = append(notes, note)
			continue
		}
		seen[string(p.In)+":"+p.Name] = true
		kept = append(kept, fixValues(p, &notes))
	}
	t.Params = kept
	t.SyncPathParams()
	return notes
}

// refuse says why p cannot be a parameter of t, or "" when it can.
func refuse(t *core.ActionTemplate, p core.Param, seen map[string]bool) string {
	switch {
	case p.In == core.InPath && !hasPlaceholder(t.Path, p.Name):
		return fmt.Sprintf("path parameter %q has no {%s} in the path and was left out", p.Name, p.Name)
	case p.In == core.InPath && !core.ValidName(p.Name):
		return fmt.Sprintf("path parameter %q is not a plain name and was left out", p.Name)
	case p.In != core.InPath && !validParamName(p.In, p.Name):
		return fmt.Sprintf("%s parameter %q has a name AffDesk cannot send and was left out", p.In, p.Name)
	case seen[string(p.In)+":"+p.Name]:
		return fmt.Sprintf("%s parameter %q is defined twice; the first was kept", p.In, p.Name)
	case p.In == core.InBody && t.Method == "GET":
		return fmt.Sprintf("body field %q was left out: a GET request has no body", p.Name)
	}
	return ""
}

// fixValues turns an enum with no values into a string and moves a
// default the type refuses into the example, noting what it did.
func fixValues(p core.Param, notes *[]string) core.Param {
	if p.Type == core.TypeEnum && len(p.Enum) == 0 {
		p.Type = core.TypeString
	}
	if p.Default == "" {
		return p
	}
	if _, err := p.Coerce(p.Default); err != nil {
		*notes = append(*notes, fmt.Sprintf("default of %q was not kept: %v", p.Name, err))
		if p.Example == "" {
			p.Example = p.Default
		}
		p.Default = ""
	}
	return p
}

func hasPlaceholder(path, name string) bool {
	phs, err := core.ParsePlaceholders(path)
	if err != nil {
		return false
	}
	for _, ph := range phs {
		if ph.Name == name {
			return true
		}
	}
	return false
}
