package service_test

import (
	"bytes"
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
)

// FuzzImport feeds arbitrary files to the import reader: planning and
// importing must never panic, and an import that fails must leave the
// data file (records and secrets) exactly as it was. The seed corpus in
// testdata/fuzz/FuzzImport holds real exports and broken ones.
func FuzzImport(f *testing.F) {
	f.Add(v1File(f), uint8(0))
	f.Add([]byte(`{"format":"affdesk.templates","version":1,"connections":[{"id":1}],"templates":[{"id":1,"connectionId":1}]}`), uint8(1))
	f.Add([]byte("\xef\xbb\xbf{\"format\":\"affdesk.automations\",\"version\":1}"), uint8(2))
	sec := testkit.MemSecrets{}
	s, _ := testkit.MustServices(f, sec)
	if _, err := importBytes(s, v1File(f), service.ClashRename); err != nil {
		f.Fatal(err)
	}
	policies := []service.ClashPolicy{service.ClashRename, service.ClashReplace, service.ClashSkip}
	f.Fuzz(func(t *testing.T, data []byte, pick uint8) {
		_, planErr := s.PlanImport(bytes.NewReader(data))
		before := dataSnapshot(t, s, sec)
		_, err := importBytes(s, data, policies[int(pick)%len(policies)])
		if planErr != nil && err == nil {
			t.Fatalf("a file the plan refused (%v) was imported", planErr)
		}
		if err != nil && dataSnapshot(t, s, sec) != before {
			t.Fatalf("a failed import (%v) changed the data file", err)
		}
	})
}
