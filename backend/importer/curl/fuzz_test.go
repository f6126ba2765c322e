package curl

import (
	"strings"
	"testing"
)

// FuzzParse feeds Parse arbitrary text: it must return a result or an
// error, never panic, and never put a found secret into a template.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`curl -u a:b 'https://api.impact.com/Advertisers/IR1/Actions' -d x=1`,
		`curl $'\x41\u00e9' "a\"b" --json '{"a":[1,{"b":2}]}' h`,
		"curl -d @- h <<EOF\nbody\nEOF\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 4096 {
			return
		}
		res, err := Parse(src)
		if err != nil {
			return
		}
		if len(res.Candidates) != 1 || !strings.HasPrefix(res.Candidates[0].Template.Path, "/") {
			t.Fatalf("candidates %+v", res.Candidates)
		}
		for _, p := range res.Candidates[0].Template.Params {
			for _, s := range res.Secrets {
				// A secret written once in the source can only have come from the credential.
				if len(s) > 3 && strings.Count(src, s) == 1 && strings.Contains(p.Default, s) {
					t.Fatalf("secret %q in parameter %+v", s, p)
				}
			}
		}
	})
}
