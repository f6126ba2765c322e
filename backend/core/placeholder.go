package core

import (
	"fmt"
	"strings"
)

// Placeholder is one `{name}` found in a text, with its byte offsets.
type Placeholder struct {
	Name  string
	Start int // offset of '{'
	End   int // offset just past '}'
}

// ParsePlaceholders finds every `{name}` in s. A name is letters, digits,
// '_', '.' or '-', starting with a letter or '_'. It returns an error for a
// brace that opens no valid placeholder or closes none, so a typo such as
// `{affiliate id}` or `{id` is caught when the template is saved.
func ParsePlaceholders(s string) ([]Placeholder, error) {
	var out []Placeholder
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '}':
			return nil, fmt.Errorf("a '}' at position %d closes no placeholder", i+1)
		case '{':
			end := strings.IndexByte(s[i:], '}')
			if end < 0 {
				return nil, fmt.Errorf("the '{' at position %d is never closed", i+1)
			}
			name := s[i+1 : i+end]
			if !ValidName(name) {
				return nil, fmt.Errorf("%q is not a valid placeholder name (use letters, digits and _)", "{"+name+"}")
			}
			out = append(out, Placeholder{Name: name, Start: i, End: i + end + 1})
			i += end
		}
	}
	return out, nil
}

// ValidName reports whether name can be a placeholder, parameter or
// variable name.
func ValidName(name string) bool {
	if name == "" || len(name) > 100 {
		return false
	}
	for i, r := range name {
		letter := r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
		if i == 0 && !letter {
			return false
		}
		if !letter && !(r >= '0' && r <= '9') && r != '.' && r != '-' {
			return false
		}
	}
	return true
}
