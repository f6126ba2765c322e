package service_test

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
)

// TestImportVersion1Files proves exports written by earlier code (an
// automations and a templates export, format version 1) still import,
// with references renumbered onto the new records.
func TestImportVersion1Files(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	other := core.Connection{Name: "Taken first", Platform: core.PlatformDemo, Timezone: "UTC"}
	if err := s.DB.SaveConnection(&other); err != nil {
		t.Fatal(err)
	}
	res, err := importBytes(s, v1File(t), service.ClashRename)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Connections.Added) != 2 || len(res.Templates.Added) != 3 || len(res.Automations.Added) != 3 {
		t.Fatalf("result = %+v", res)
	}
	a, err := s.FindAutomation("Reverse test or fraudulent impact.com actions")
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := s.DB.GetTemplate(a.Steps[1].Steps[1].TemplateID)
	if err != nil || tpl.Name != "impact.com: Reverse an action" {
		t.Fatalf("step 2.2 uses %+v (%v)", tpl, err)
	}
	conn, _ := s.DB.GetConnection(tpl.ConnectionID)
	if conn.Name != "Demo" || conn.ID == 1 {
		t.Errorf("the template's connection is %+v, want the imported Demo (not ID 1)", conn)
	}
	tplFile, err := os.ReadFile("testdata/templates-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	res, err = importBytes(s, tplFile, service.ClashSkip)
	if err != nil || len(res.Templates.Skipped) != 3 || len(res.Automations.Added) != 0 {
		t.Fatalf("templates export: %+v, %v", res, err)
	}
}

// TestImportReadsLeniently proves a byte-order mark and unknown top-level
// fields are accepted.
func TestImportReadsLeniently(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	data := mutated(t, func(m map[string]any) { m["exportedBy"] = "a later tool"; m["x-notes"] = []any{1, 2} })
	data = append([]byte("\xef\xbb\xbf"), data...)
	if _, err := importBytes(s, data, service.ClashRename); err != nil {
		t.Fatal(err)
	}
}

// TestImportRenamesOnClash proves the default never duplicates a name:
// "Name (2)", then "Name (3)".
func TestImportRenamesOnClash(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	for i := 0; i < 3; i++ {
		if _, err := importBytes(s, v1File(t), service.ClashRename); err != nil {
			t.Fatal(err)
		}
	}
	autos, _ := s.DB.ListAutomations()
	var names []string
	for _, a := range autos {
		names = append(names, a.Name)
	}
	for _, want := range []string{"Weekly affiliate stats email", "Weekly affiliate stats email (2)", "Weekly affiliate stats email (3)"} {
		if !slices.Contains(names, want) {
			t.Errorf("no automation %q in %q", want, names)
		}
	}
	res, _ := importBytes(s, v1File(t), service.ClashRename)
	if !slices.Contains(res.Renamed, `Connection "Demo" was imported as "Demo (4)".`) {
		t.Errorf("renamed = %q", res.Renamed)
	}
}

// TestImportReplaceKeepsIDAndSecrets proves replace overwrites the stored
// record of that name in place, keeping its ID and its secrets while its
// URL stays, and dropping them when the file points it elsewhere.
func TestImportReplaceKeepsIDAndSecrets(t *testing.T) {
	sec := testkit.MemSecrets{}
	s, _ := testkit.MustServices(t, sec)
	first, err := importBytes(s, v1File(t), service.ClashRename)
	if err != nil || len(first.Secrets) != 1 || first.Secrets[0].Connection != "Affise main" || first.Secrets[0].Fields[0] != "API key" {
		t.Fatalf("first import: %+v %v", first, err)
	}
	id := first.Secrets[0].ConnectionID
	c, _ := s.DB.GetConnection(id)
	if _, err := s.SaveConnection(core.ConnectionInput{Connection: c, Secrets: map[string]string{"api_key": "affise-key-0123456789"}}); err != nil {
		t.Fatal(err)
	}
	res, err := importBytes(s, mutated(t, func(m map[string]any) { at(m, "templates", 2)["notes"] = "replaced" }), service.ClashReplace)
	if err != nil || len(res.Connections.Replaced) != 2 || len(res.Templates.Replaced) != 3 || len(res.Secrets) != 0 {
		t.Fatalf("replace: %+v %v", res, err)
	}
	tpls, _ := s.DB.ListTemplates()
	if len(tpls) != 3 || tpls[2].Notes != "replaced" {
		t.Fatalf("templates after replace: %d, notes %q", len(tpls), tpls[2].Notes)
	}
	if got, _ := s.DB.GetConnection(id); got.SecretMasks["api_key"] == "" || sec[core.SecretKey(id, "api_key")] == "" {
		t.Fatalf("replace lost the secret: %+v", got)
	}
	moved := mutated(t, func(m map[string]any) {
		at(m, "connections", 0, "settings")["base_url"] = "https://api-other.affise.com"
	})
	res, err = importBytes(s, moved, service.ClashReplace)
	if err != nil || len(res.Secrets) != 1 || res.Secrets[0].ConnectionID != id {
		t.Fatalf("moved replace: %+v %v", res, err)
	}
	if _, kept := sec[core.SecretKey(id, "api_key")]; kept {
		t.Error("a connection pointed at another host kept its API key")
	}
}

// TestImportSkipUsesStoredRecords proves skip writes nothing for a clash
// and points the file's references at the stored record.
func TestImportSkipUsesStoredRecords(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	if _, err := importBytes(s, v1File(t), service.ClashRename); err != nil {
		t.Fatal(err)
	}
	stored, _ := s.FindAutomation("Pause an offer when its cap is reached")
	fresh := mutated(t, func(m map[string]any) { at(m, "automations", 2)["name"] = "Pause, again" })
	res, err := importBytes(s, fresh, service.ClashSkip)
	if err != nil || len(res.Automations.Added) != 1 || len(res.Automations.Skipped) != 2 || len(res.Templates.Skipped) != 3 {
		t.Fatalf("skip: %+v %v", res, err)
	}
	again, _ := s.FindAutomation("Pause, again")
	if again.Steps[2].TemplateID != stored.Steps[2].TemplateID || again.Steps[0].Stats.ConnectionID != stored.Steps[0].Stats.ConnectionID {
		t.Errorf("skip did not reuse the stored records: %+v", again.Steps)
	}
	if tpls, _ := s.DB.ListTemplates(); len(tpls) != 3 {
		t.Errorf("%d templates, want 3", len(tpls))
	}
}

// TestImportWarnsAboutTLSAndPlansClashes proves the plan lists clashes and
// a connection that skips TLS checks, the result repeats the warning, and
// a platform whose editor has no such option cannot turn it on by import.
func TestImportWarnsAboutTLSAndPlansClashes(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	affise := mutated(t, func(m map[string]any) { at(m, "connections", 0, "settings")["skip_tls_verify"] = "true" })
	if _, err := s.PlanImport(bytes.NewReader(affise)); core.ErrorField(err) != "connections[0].settings.skip_tls_verify" {
		t.Fatalf("Affise skipping TLS by import: %v", err)
	}
	data := mutated(t, func(m map[string]any) {
		m["connections"] = append(m["connections"].([]any), map[string]any{"id": 99, "name": "Self-hosted", "platform": "custom", "timezone": "UTC",
			"settings": map[string]any{"base_url": "https://tracker.internal", "auth_mode": "none", "skip_tls_verify": "true"}})
	})
	plan, err := s.PlanImport(bytes.NewReader(data))
	if err != nil || len(plan.Clashes) != 0 || len(plan.Automations) != 3 {
		t.Fatalf("plan on an empty file: %+v %v", plan, err)
	}
	warn := `Connection "Self-hosted" skips TLS certificate checks.`
	if !slices.Contains(plan.Warnings, warn) {
		t.Errorf("plan warnings = %q", plan.Warnings)
	}
	res, err := importBytes(s, data, service.ClashRename)
	if err != nil || !slices.Contains(res.Warnings, warn) {
		t.Fatalf("result warnings = %q (%v)", res.Warnings, err)
	}
	plan, _ = s.PlanImport(bytes.NewReader(data))
	if len(plan.Clashes) != 9 || plan.Clashes[0].Kind != "connection" || len(plan.Clashes[0].ExistingIDs) != 1 {
		t.Errorf("clashes = %+v", plan.Clashes)
	}
}

// TestSharedNamesConflict proves finding by name and a replace refuse a
// name several stored automations share, listing their IDs.
func TestSharedNamesConflict(t *testing.T) {
	sec := testkit.MemSecrets{}
	s, _ := testkit.MustServices(t, sec)
	if _, err := importBytes(s, v1File(t), service.ClashRename); err != nil {
		t.Fatal(err)
	}
	twin := core.Automation{Name: "weekly affiliate stats email", Trigger: core.Trigger{Kind: "manual"}}
	if err := s.DB.SaveAutomation(&twin); err != nil {
		t.Fatal(err)
	}
	_, err := s.FindAutomation("Weekly affiliate stats email")
	if core.ErrorCode(err) != core.ECONFLICT || !strings.Contains(core.ErrorMessage(err), "(IDs 2, 4)") {
		t.Fatalf("find: %v", err)
	}
	if a, err := s.FindAutomation("4"); err != nil || a.ID != 4 {
		t.Errorf("find by ID: %+v %v", a, err)
	}
	before := dataSnapshot(t, s, sec)
	if _, err := importBytes(s, v1File(t), service.ClashReplace); core.ErrorCode(err) != core.EINVALID || core.ErrorField(err) != "automations[1].name" {
		t.Fatalf("replace over two: %v", err)
	}
	if dataSnapshot(t, s, sec) != before {
		t.Fatal("a refused import wrote")
	}
}

// TestImportedSchedulesArriveSwitchedOff proves an automation whose
// schedule was on in the file is imported with it off, and the plan and
// the result say so: an export copied to a second machine never runs the
// same slots twice.
func TestImportedSchedulesArriveSwitchedOff(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	data := mutated(t, func(m map[string]any) {
		at(m, "automations", 0)["schedule"] = map[string]any{"enabled": true, "kind": "daily", "at": "09:00", "timezone": "UTC"}
	})
	plan, err := s.PlanImport(bytes.NewReader(data))
	if err != nil || len(plan.Warnings) != 1 || !strings.Contains(plan.Warnings[0], "imported switched off") {
		t.Fatalf("plan warnings %q, %v", plan.Warnings, err)
	}
	res, err := importBytes(s, data, service.ClashRename)
	if err != nil || len(res.Warnings) != 1 {
		t.Fatalf("result warnings %q, %v", res.Warnings, err)
	}
	autos, _ := s.DB.ListAutomations()
	on := 0
	for _, a := range autos {
		if a.Schedule != nil && a.Schedule.Enabled {
			on++
		}
	}
	if on != 0 {
		t.Fatalf("%d imported schedules are on", on)
	}
}
