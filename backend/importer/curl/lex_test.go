package curl

import (
	"reflect"
	"testing"
)

func texts(c command) []string {
	var out []string
	for _, w := range c.words {
		out = append(out, w.text)
	}
	return out
}

func TestLexQuoting(t *testing.T) {
	tests := map[string]struct {
		src  string
		want []string
	}{
		"plain words":            {`curl -s http://h/x`, []string{"curl", "-s", "http://h/x"}},
		"single quotes literal":  {`curl 'a "b" $X \n'`, []string{"curl", `a "b" $X \n`}},
		"double quote escapes":   {`curl "a \"b\" \\ \$ \x"`, []string{"curl", `a "b" \ $ \x`}},
		"ansi-c escapes":         {`curl $'a\tb\n\'c\' \x41\u00e9\101'`, []string{"curl", "a\tb\n'c' AéA"}},
		"continuation":           {"curl \\\n  -H 'A: 1' \\\r\n  http://h", []string{"curl", "-H", "A: 1", "http://h"}},
		"adjacent parts join":    {`curl 'a'"b"c$'d'`, []string{"curl", "abcd"}},
		"backslash outside":      {`curl a\ b\'c`, []string{"curl", "a b'c"}},
		"comment":                {"curl http://h # the call\n", []string{"curl", "http://h"}},
		"hash inside word":       {"curl http://h/#frag", []string{"curl", "http://h/#frag"}},
		"locale double quote":    {`curl $"x y"`, []string{"curl", "x y"}},
		"empty quotes are words": {`curl '' ""`, []string{"curl", "", ""}},
		"output redirect":        {`curl http://h > out.txt 2>&1`, []string{"curl", "http://h"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			cmds := lex(tc.src)
			if len(cmds) != 1 || !reflect.DeepEqual(texts(cmds[0]), tc.want) {
				t.Fatalf("lex(%q) = %v, want one command %q", tc.src, cmds, tc.want)
			}
		})
	}
}

func TestLexExpansionsKeptAndMarked(t *testing.T) {
	for _, src := range []string{`curl "Bearer $TOKEN"`, `curl ${X}y`, "curl `date`", `curl "$(cat f)"`} {
		w := lex(src)[0].words[1]
		if !w.expanded {
			t.Errorf("lex(%q): word %q not marked as expanded", src, w.text)
		}
	}
	if w := lex(`curl "Bearer $TOKEN"`)[0].words[1]; w.text != "Bearer $TOKEN" {
		t.Errorf("expansion not kept as written: %q", w.text)
	}
}

func TestLexCommandsAndStdin(t *testing.T) {
	cmds := lex("echo a | curl -d @- http://h <<EOF\n{\"a\":1}\nEOF\ncurl http://two; curl http://three && true")
	if len(cmds) != 5 {
		t.Fatalf("got %d commands, want 5: %v", len(cmds), cmds)
	}
	if cmds[1].stdin != "{\"a\":1}\n" {
		t.Errorf("here-document = %q", cmds[1].stdin)
	}
	if c := lex("curl http://h <<< 'x y'")[0]; c.stdin != "x y\n" || c.stdinExpanded {
		t.Errorf("here-string = %q (expanded %v)", c.stdin, c.stdinExpanded)
	}
	if c := lex("curl http://h < body.json")[0]; c.stdinFile != "body.json" {
		t.Errorf("stdin file = %q", c.stdinFile)
	}
}
