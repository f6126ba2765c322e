package main

import (
	"bytes"
	"testing"
)

func TestRun(t *testing.T) {
	for _, tc := range []struct {
		args       []string
		code       int
		out, fault string
	}{
		{[]string{"debversion", "v1.0.0-2-gabc"}, 0, "1.0.0+2.gabc\n", ""},
		{[]string{"winversion", "v1.0.0-2-gabc"}, 0, "1.0.0.2\n", ""},
		{[]string{"debversion", "bad"}, 1, "", "debversion: version \"bad\" has no Debian form: a release tag must start with a digit, e.g. v1.2.0\n"},
		{[]string{"debversion"}, 2, "", "usage: release debversion VERSION\n"},
		{[]string{"nope"}, 2, "", "usage: release debversion|winversion|icons|ico|check-exe|check-elf ARGS\n"},
		{nil, 2, "", "usage: release debversion|winversion|icons|ico|check-exe|check-elf ARGS\n"},
	} {
		var out, fault bytes.Buffer
		code := run(tc.args, &out, &fault)
		if code != tc.code || out.String() != tc.out || fault.String() != tc.fault {
			t.Errorf("run(%q) = %d, %q, %q; want %d, %q, %q", tc.args, code, out.String(), fault.String(), tc.code, tc.out, tc.fault)
		}
	}
}
