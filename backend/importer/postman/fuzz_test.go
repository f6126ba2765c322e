package postman_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/affdesk/affdesk/backend/importer/postman"
)

// FuzzParse checks that no input makes Parse panic, and that whatever it
// accepts yields only templates that validate.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.json")
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := postman.Parse(data)
		if err != nil {
			return
		}
		for _, c := range res.Candidates {
			tpl := c.Template
			tpl.ConnectionID, tpl.Platform = 1, res.Connection.Platform
			if err := tpl.Validate(); err != nil {
				t.Fatalf("%s: %v", c.Key, err)
			}
		}
	})
}
