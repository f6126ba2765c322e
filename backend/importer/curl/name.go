package curl

import (
	"fmt"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// templateName forms a readable name from the method and the path's last
// few words, e.g. "Get admin partners" for GET /3.0/admin/partners;
// numbers, version segments and placeholders are left out.
func templateName(method, path, host string) string {
	var words []string
	for _, seg := range strings.Split(path, "/") {
		seg = strings.TrimSuffix(seg, ".json")
		if seg == "" || strings.ContainsAny(seg, "{}%") || isVersion(seg) {
			continue
		}
		words = append(words, strings.NewReplacer("_", " ", "-", " ").Replace(seg))
	}
	if len(words) > 3 {
		words = words[len(words)-3:]
	}
	if len(words) == 0 {
		words = []string{host}
	}
	name := strings.ToUpper(method[:1]) + strings.ToLower(method[1:]) + " " + strings.Join(words, " ")
	if r := []rune(name); len(r) > core.MaxNameLength {
		name = string(r[:core.MaxNameLength])
	}
	return strings.TrimSpace(name)
}

// isVersion reports whether a segment is a number or a version such as
// "3.0" or "v2".
func isVersion(seg string) bool {
	s := strings.TrimPrefix(strings.ToLower(seg), "v")
	return s != "" && strings.Trim(s, "0123456789.") == ""
}
