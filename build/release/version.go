package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// describeSuffix matches what `git describe` adds after a tag: the number
// of commits since the tag and the abbreviated commit.
var describeSuffix = regexp.MustCompile(`^(.+)-([0-9]+)-g([0-9a-f]+)$`)

// debianUpstream is the form Debian allows for a version without an epoch
// or a revision: a leading digit, then letters, digits and . + ~.
var debianUpstream = regexp.MustCompile(`^[0-9][A-Za-z0-9.+~]*$`)

// gitVersion is a version as `git describe --tags --always --dirty` gives
// it, split into its parts.
type gitVersion struct {
	tag     string // the tag without a leading "v", e.g. "1.2.0-rc.1"
	commits string // commits since the tag, "" on the tag itself
	sha     string // the abbreviated commit when commits is set
	dirty   bool   // the work tree had changes
}

// parseGitVersion splits a `git describe` version into its parts.
func parseGitVersion(v string) gitVersion {
	var g gitVersion
	v, g.dirty = strings.CutSuffix(v, "-dirty")
	if m := describeSuffix.FindStringSubmatch(v); m != nil {
		v, g.commits, g.sha = m[1], m[2], m[3]
	}
	g.tag = strings.TrimPrefix(v, "v")
	return g
}

// DebianVersion converts a `git describe` version into a valid Debian
// version that sorts the same way: a pre-release after the tag's first
// hyphen sorts before the release ("1.2.0-rc.1" becomes "1.2.0~rc.1"),
// commits after a tag sort after it ("1.2.0-3-gabc1234" becomes
// "1.2.0+3.gabc1234") and a dirty tree is marked ("+dirty" or ".dirty").
// It returns an error naming the version when no valid form exists, such as
// a tag that does not start with a digit.
func DebianVersion(v string) (string, error) {
	g := parseGitVersion(v)
	base, pre, hasPre := strings.Cut(g.tag, "-")
	out := base
	if hasPre {
		out += "~" + pre
	}
	out = sanitizeDebian(out)
	if g.commits != "" {
		out += "+" + g.commits + ".g" + g.sha
	}
	if g.dirty {
		out += map[bool]string{true: ".dirty", false: "+dirty"}[strings.Contains(out, "+")]
	}
	if !debianUpstream.MatchString(out) {
		return "", fmt.Errorf("version %q has no Debian form: a release tag must start with a digit, e.g. v1.2.0", v)
	}
	return out, nil
}

// sanitizeDebian replaces each character Debian does not allow in an
// upstream version with a dot.
func sanitizeDebian(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x80 && (r == '.' || r == '+' || r == '~' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return r
		}
		return '.'
	}, s)
}

// WindowsVersion returns the four-number version Windows resources and the
// installer need: the tag's major, minor and patch, then the commits since
// the tag; parts that are missing or not numbers are 0, and each is capped
// at 65535. "1.2.0-3-gabc1234" gives "1.2.0.3"; "0.0.0-abc1234" gives "0.0.0.0".
func WindowsVersion(v string) string {
	g := parseGitVersion(v)
	base, _, _ := strings.Cut(g.tag, "-")
	parts := strings.SplitN(base, ".", 4)
	nums := make([]string, 4)
	for i := range 3 {
		nums[i] = "0"
		if i < len(parts) {
			nums[i] = windowsPart(parts[i])
		}
	}
	nums[3] = windowsPart(g.commits)
	return strings.Join(nums, ".")
}

// windowsPart returns s as a number from 0 to 65535, or 0 when s is not a
// number.
func windowsPart(s string) string {
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return "0"
	}
	return strconv.FormatUint(min(n, 65535), 10)
}
