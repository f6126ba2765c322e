package main

import "testing"

func TestDebianVersion(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"1.2.0", "1.2.0"},
		{"v1.2.0", "1.2.0"},
		{"v1.2.0-dirty", "1.2.0+dirty"},
		{"v1.2.0-3-gabc1234", "1.2.0+3.gabc1234"},
		{"v1.2.0-3-gabc1234-dirty", "1.2.0+3.gabc1234.dirty"},
		{"v1.2.0-rc.1", "1.2.0~rc.1"},
		{"v1.2.0-rc.1-3-gabc1234", "1.2.0~rc.1+3.gabc1234"},
		{"0.0.0-ec1d23e", "0.0.0~ec1d23e"},
		{"0.0.0-ec1d23e-dirty", "0.0.0~ec1d23e+dirty"},
		{"v2.0.0-beta_2", "2.0.0~beta.2"},
	} {
		got, err := DebianVersion(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("DebianVersion(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestDebianVersionRefusesTagsWithoutDigit(t *testing.T) {
	for _, in := range []string{"", "release-1", "vx", "ec1d23e", "-1.0"} {
		if got, err := DebianVersion(in); err == nil {
			t.Errorf("DebianVersion(%q) = %q, want an error", in, got)
		}
	}
}

func TestDebianVersionSortsLikeGit(t *testing.T) {
	// Each version must sort after the one before it in Debian's order;
	// the pairs here differ only where the conversion decides the order.
	ordered := []string{"0.0.0-ec1d23e", "1.0.0-rc.1", "1.0.0", "1.0.0-2-gabc1234", "1.0.1"}
	var prev string
	for _, v := range ordered {
		d, err := DebianVersion(v)
		if err != nil {
			t.Fatal(err)
		}
		if prev != "" && debianCompare(prev, d) >= 0 {
			t.Errorf("%q does not sort after %q", d, prev)
		}
		prev = d
	}
}

func TestWindowsVersion(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"v1.2.3", "1.2.3.0"},
		{"v1.2.3-4-gabcdef0", "1.2.3.4"},
		{"v1.2.3-rc.1-4-gabcdef0-dirty", "1.2.3.4"},
		{"0.0.0-ec1d23e-dirty", "0.0.0.0"},
		{"v2", "2.0.0.0"},
		{"v1.99999.x", "1.65535.0.0"},
		{"", "0.0.0.0"},
	} {
		if got := WindowsVersion(tc.in); got != tc.want {
			t.Errorf("WindowsVersion(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzDebianVersion(f *testing.F) {
	for _, s := range []string{"v1.2.0-3-gabc1234-dirty", "0.0.0-ec1d23e", "v1.0.0-rc.1", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		d, err := DebianVersion(v)
		if err == nil && !debianUpstream.MatchString(d) {
			t.Fatalf("DebianVersion(%q) = %q, not a valid Debian version", v, d)
		}
		WindowsVersion(v)
	})
}
