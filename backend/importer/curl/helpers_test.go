package curl

import (
	"strings"

	"github.com/affdesk/affdesk/backend/importer"
)

func fmtWarnings(v any) string {
	var b strings.Builder
	for _, w := range v.([]importer.Warning) {
		b.WriteString(w.Message + "\n")
	}
	return b.String()
}
