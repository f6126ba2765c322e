package service_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
)

// v1File is a real version-1 automations export written by this code
// before imports changed: two connections (Affise main ID 2, Demo ID 1),
// three templates and three automations.
func v1File(tb testing.TB) []byte {
	tb.Helper()
	b, err := os.ReadFile("testdata/automations-v1.json")
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// mutated returns the v1 file changed by f, as JSON.
func mutated(tb testing.TB, f func(m map[string]any)) []byte {
	tb.Helper()
	var m map[string]any
	if err := json.Unmarshal(v1File(tb), &m); err != nil {
		tb.Fatal(err)
	}
	f(m)
	out, err := json.Marshal(m)
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// at walks a decoded JSON document by keys and indexes to an object.
func at(m map[string]any, path ...any) map[string]any {
	var cur any = m
	for _, p := range path {
		switch k := p.(type) {
		case string:
			cur = cur.(map[string]any)[k]
		case int:
			cur = cur.([]any)[k]
		}
	}
	return cur.(map[string]any)
}

// dataSnapshot is every stored record and secret, to prove a failed
// import wrote nothing.
func dataSnapshot(tb testing.TB, s *service.Services, sec testkit.MemSecrets) string {
	tb.Helper()
	c, err1 := s.DB.ListConnections()
	t, err2 := s.DB.ListTemplates()
	a, err3 := s.DB.ListAutomations()
	if err1 != nil || err2 != nil || err3 != nil {
		tb.Fatal(err1, err2, err3)
	}
	b, _ := json.Marshal([]any{c, t, a, map[string]string(sec)})
	return string(b)
}

func importBytes(s *service.Services, data []byte, policy service.ClashPolicy) (service.ImportResult, error) {
	return s.ImportBundle(bytes.NewReader(data), policy)
}

func long(n int) string { return strings.Repeat("n", n) }
