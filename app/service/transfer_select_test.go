package service_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/backend/core"
)

// TestExportSelectedKeepsOnlyWhatTheChosenUse: exporting one automation
// carries its template and connection, not the other automation's, and
// never the connection's secret; an unknown ID exports nothing.
func TestExportSelectedKeepsOnlyWhatTheChosenUse(t *testing.T) {
	s, _ := testkit.MustServices(t, testkit.MemSecrets{})
	impact := testkit.SaveConn(t, s, testkit.ImpactInput("http://127.0.0.1:1", "tok-SECRET-123"))
	demo := testkit.DemoConn(t, s)
	var ids []uint64
	for i, conn := range []uint64{impact.ID, demo.ID} {
		tpl := testkit.GetTemplate(conn, "/Actions")
		tpl.Name = []string{"Impact actions", "Demo actions"}[i]
		if err := s.DB.SaveTemplate(&tpl); err != nil {
			t.Fatal(err)
		}
		a := core.Automation{Name: tpl.Name + " pull", Steps: []core.Step{{ID: "s1", Kind: core.StepActionGet, Name: "Get", TemplateID: tpl.ID}}}
		if err := s.DB.SaveAutomation(&a); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	tests := []struct {
		name      string
		ids       []uint64
		autos     int
		conns     string
		wantError string
	}{
		{"one", []uint64{ids[0]}, 1, "Acme impact", ""},
		{"the other", []uint64{ids[1]}, 1, "Demo", ""},
		{"all", nil, 2, "", ""},
		{"unknown ID", []uint64{ids[0], 999}, 0, "", core.ENOTFOUND},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exp, err := s.ExportSelected(tt.ids)
			if core.ErrorCode(err) != tt.wantError {
				t.Fatalf("error %v, want code %q", err, tt.wantError)
			}
			if err != nil {
				return
			}
			text, _ := json.Marshal(exp)
			if len(exp.Automations) != tt.autos || len(exp.Templates) != tt.autos || len(exp.Connections) != tt.autos {
				t.Fatalf("got %d automations, %d templates, %d connections", len(exp.Automations), len(exp.Templates), len(exp.Connections))
			}
			if tt.conns != "" && exp.Connections[0].Name != tt.conns {
				t.Errorf("connection %q, want %q", exp.Connections[0].Name, tt.conns)
			}
			if strings.Contains(string(text), "SECRET") || strings.Contains(string(text), "-123") || !strings.Contains(string(text), `"secretMasks":null`) {
				t.Errorf("the export holds a secret or its mask: %s", text)
			}
		})
	}
}
