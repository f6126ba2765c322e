package service

import (
	"sort"

	"github.com/affdesk/affdesk/backend/importer"
	"github.com/affdesk/affdesk/backend/importer/curl"
	"github.com/affdesk/affdesk/backend/importer/openapi"
	"github.com/affdesk/affdesk/backend/importer/postman"
)

// importSources are the readers of the sources a user can import
// templates from, by kind. Each yields an importer.Result; adding a kind
// is one entry here.
var importSources = map[string]func([]byte) (importer.Result, error){
	"curl":    func(data []byte) (importer.Result, error) { return curl.Parse(string(data)) },
	"openapi": openapi.Parse,
	"postman": postman.Parse,
}

// ImportSourceKinds lists the kinds PlanSourceImport reads, sorted.
func ImportSourceKinds() []string {
	out := make([]string, 0, len(importSources))
	for k := range importSources {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
