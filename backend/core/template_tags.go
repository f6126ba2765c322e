package core

import (
	"fmt"
	"strings"
)

// Tag limits: enough for an OpenAPI operation's tags or a Postman folder
// path, small enough to show beside a template's name.
const (
	MaxTags   = 20
	MaxTagLen = 60
)

// normalizeTags trims each tag, drops empty ones and repeats (keeping the
// first spelling), and refuses too many or too long tags, naming the one.
func (t *ActionTemplate) normalizeTags() error {
	var out []string
	seen := map[string]bool{}
	for i, tag := range t.Tags {
		tag = strings.TrimSpace(tag)
		if tag == "" || seen[strings.ToLower(tag)] {
			continue
		}
		if len([]rune(tag)) > MaxTagLen {
			return FieldError(tagField(i), "Tag %q is longer than %d characters.", string([]rune(tag)[:20])+"…", MaxTagLen)
		}
		seen[strings.ToLower(tag)] = true
		out = append(out, tag)
	}
	if len(out) > MaxTags {
		return FieldError("tags", "A template can have at most %d tags.", MaxTags)
	}
	t.Tags = out
	return nil
}

func tagField(i int) string { return fmt.Sprintf("tags[%d]", i) }
