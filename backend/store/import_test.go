package store_test

import (
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/store"
)

// importBatch is a file holding connection 7, template 8 on it, and an
// automation whose steps use both.
func importBatch() core.ImportBatch {
	return core.ImportBatch{
		Connections: []core.ImportItem[core.Connection]{{Record: core.Connection{ID: 7, Name: "Impact EU", Platform: core.PlatformImpact}, Action: core.ImportAdd}},
		Templates:   []core.ImportItem[core.ActionTemplate]{{Record: core.ActionTemplate{ID: 8, Name: "Reverse", ConnectionID: 7}, Action: core.ImportAdd}},
		Automations: []core.ImportItem[core.Automation]{{Record: core.Automation{ID: 9, Name: "Weekly stats", Steps: []core.Step{
			{ID: "s1", Kind: core.StepPullStats, Stats: &core.StatsConfig{ConnectionID: 7}},
			{ID: "s2", Kind: core.StepForEach, Steps: []core.Step{{ID: "s3", Kind: core.StepActionEdit, TemplateID: 8}}},
		}}, Action: core.ImportAdd}},
	}
}

// snapshot lists every record, to compare a file before and after.
func snapshot(tb testing.TB, db *store.DB) (int, int, int) {
	tb.Helper()
	c, err1 := db.ListConnections()
	t, err2 := db.ListTemplates()
	a, err3 := db.ListAutomations()
	if err1 != nil || err2 != nil || err3 != nil {
		tb.Fatal(err1, err2, err3)
	}
	return len(c), len(t), len(a)
}

func TestImportRenumbersReferences(t *testing.T) {
	db := MustOpen(t, "")
	existing := core.Connection{Name: "Other"}
	if err := db.SaveConnection(&existing); err != nil {
		t.Fatal(err)
	}
	ids, err := db.Import(importBatch())
	if err != nil {
		t.Fatal(err)
	}
	if ids.Connections[7] != 2 {
		t.Fatalf("connection 7 became %d, want 2", ids.Connections[7])
	}
	tpl, _ := db.GetTemplate(ids.Templates[8])
	if tpl.ConnectionID != 2 || !tpl.CreatedAt.Equal(fixed) {
		t.Errorf("template = %+v, want connection 2 and fresh times", tpl)
	}
	a, _ := db.GetAutomation(ids.Automations[9])
	if a.Steps[0].Stats.ConnectionID != 2 || a.Steps[1].Steps[0].TemplateID != tpl.ID {
		t.Errorf("steps not renumbered: %+v", a.Steps)
	}
}

func TestImportReplaceKeepsIDAndSkipReuses(t *testing.T) {
	db := MustOpen(t, "")
	first, _ := db.Import(importBatch())
	b := importBatch()
	b.Connections[0].Action, b.Connections[0].TargetID = core.ImportSkip, first.Connections[7]
	b.Templates[0].Action, b.Templates[0].TargetID = core.ImportReplace, first.Templates[8]
	b.Templates[0].Record.Path = "/new"
	ids, err := db.Import(b)
	if err != nil {
		t.Fatal(err)
	}
	if ids.Connections[7] != first.Connections[7] || ids.Templates[8] != first.Templates[8] {
		t.Errorf("ids = %+v, want the first import's connection and template", ids)
	}
	tpl, _ := db.GetTemplate(first.Templates[8])
	if tpl.Path != "/new" || tpl.ConnectionID != first.Connections[7] {
		t.Errorf("replaced template = %+v", tpl)
	}
	if c, tp, a := snapshot(t, db); c != 1 || tp != 1 || a != 2 {
		t.Errorf("records = %d, %d, %d; want 1, 1, 2", c, tp, a)
	}
}

// TestImportIsAllOrNothing proves a failure on the last record leaves the
// file as it was: no connection, template or used sequence number.
func TestImportIsAllOrNothing(t *testing.T) {
	tests := map[string]func(b *core.ImportBatch){
		"replace of a missing record": func(b *core.ImportBatch) {
			b.Automations[0].Action, b.Automations[0].TargetID = core.ImportReplace, 99
		},
		"dangling template":   func(b *core.ImportBatch) { b.Automations[0].Record.Steps[1].Steps[0].TemplateID = 5 },
		"dangling connection": func(b *core.ImportBatch) { b.Templates[0].Record.ConnectionID = 5 },
		"unknown action":      func(b *core.ImportBatch) { b.Automations[0].Action = "merge" },
	}
	for name, change := range tests {
		t.Run(name, func(t *testing.T) {
			db := MustOpen(t, "")
			b := importBatch()
			change(&b)
			if _, err := db.Import(b); err == nil {
				t.Fatal("import succeeded")
			}
			if c, tp, a := snapshot(t, db); c+tp+a != 0 {
				t.Fatalf("records written: %d, %d, %d", c, tp, a)
			}
			next := core.Connection{Name: "Next"}
			if err := db.SaveConnection(&next); err != nil || next.ID != 1 {
				t.Errorf("next connection ID = %d (%v), want 1: a sequence was used", next.ID, err)
			}
		})
	}
}
