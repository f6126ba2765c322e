package pick_test

import (
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/pick"
)

func TestCompileErrorsInPlainWords(t *testing.T) {
	tests := []struct{ path, want string }{
		{"$.Actions[?(@.State=='PENDING'", "The filter that starts at character 10 of \"$.Actions[?(@.State=='PENDING'\" is not closed: add ')]'."},
		{"$[?@.a==1", "The filter that starts at character 2 of \"$[?@.a==1\" is not closed: add ']'."},
		{"$.a[", "The bracket that starts at character 4 of \"$.a[\" is not closed: add ']'."},
		{"$['a", `"$['a" has a text value whose quote (') is not closed.`},
		{"$.Actions[?(]", "has no condition"},
		{"$[?(@.a ~ 1)]", "'~' at character 10, which is not an operator"},
		{"$[?(@.a == zz)]", "'zz' at character 12, which is not a value"},
		{"$[1:x]", "needs a number at character 6"},
		{"$.[", "Character 4 of \"$.[\" cannot start a step"},
		{"$[?(@..a..b==1)]", "uses '..' more than once"},
		{"Actions", "it must start with $"},
	}
	for _, tt := range tests {
		_, err := pick.Compile(tt.path)
		if core.ErrorCode(err) != core.EINVALID || !strings.Contains(core.ErrorMessage(err), tt.want) {
			t.Errorf("%s: %v, want %q", tt.path, err, tt.want)
		}
	}
}

// TestParserFailuresNeverShow covers paths on which ojg v1.28.5 panics
// or answers in its own terms: the message is ours, said once.
func TestParserFailuresNeverShow(t *testing.T) {
	for _, p := range []string{"$[00", `$["0000`, "$[?$", "$[(", "$.a]", "$[?(@.a==1 &&", "$[1:2:", "$[?(@.a in [1,)]"} {
		_, err := pick.Compile(p)
		if core.ErrorCode(err) != core.EINVALID {
			t.Errorf("%q: %v", p, err)
			continue
		}
		msg := core.ErrorMessage(err)
		for _, leak := range []string{"runtime", "index out of range", "nil map", " at %d in ", "not terminated at", "equation"} {
			if strings.Contains(msg, leak) {
				t.Errorf("%q: %q shows %q", p, msg, leak)
			}
		}
		if strings.Count(msg, p) > 1 {
			t.Errorf("%q: the path shows twice in %q", p, msg)
		}
	}
}
