package gui_test

import (
	"encoding/json"
	"testing"

	"github.com/affdesk/affdesk/app/gui"
	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/backend/core"
)

// TestExportTextImportsBack: the text Export gives for one automation is a
// file Import plans and imports whole into a second data file, and
// ExportToFile without a window is a user error, not a crash.
func TestExportTextImportsBack(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	demo := testkit.DemoConn(t, s)
	in := testkit.GetTemplate(demo.ID, "/Actions")
	in.Platform = core.PlatformImpact
	tpl, err := s.SaveTemplate(in)
	if err != nil {
		t.Fatal(err)
	}
	var ids []uint64
	for _, name := range []string{"Keep", "Leave out"} {
		a := core.Automation{Name: name, Trigger: core.Trigger{Kind: "manual"}, Steps: []core.Step{{ID: "s1", Kind: core.StepActionGet, Name: "Get", TemplateID: tpl.ID}}}
		if err := s.DB.SaveAutomation(&a); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	text, err := gui.NewAutomationsAPI(s).Export(ids[:1])
	if err != nil {
		t.Fatal(err)
	}
	other, _ := testkit.MustServices(t, nil)
	res, err := gui.NewAutomationsAPI(other).Import(text, "rename")
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	autos, _ := other.DB.ListAutomations()
	if len(autos) != 1 || autos[0].Name != "Keep" {
		t.Fatalf("imported %+v, result %+v", autos, res)
	}
	_, err = gui.NewAutomationsAPI(s).ExportToFile(nil)
	var ui gui.UIError
	if err == nil || json.Unmarshal([]byte(err.Error()), &ui) != nil || ui.Code != core.EINVALID {
		t.Fatalf("no window: %v", err)
	}
}
