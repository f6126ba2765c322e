package tracker_test

import (
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/tracker"
)

func bodyParam(name string) core.Param {
	return core.Param{Name: name, In: core.InBody, Type: core.TypeNumber}
}

// TestCheckSafeToRepeatRefusesDeltas proves a template whose parameters
// the tracker applies as deltas cannot be marked safe to repeat, and that
// absolute settings can.
func TestCheckSafeToRepeatRefusesDeltas(t *testing.T) {
	flag := core.Param{Name: "add_to_existing_payout", In: core.InBody, Type: core.TypeEnum, Enum: []string{"true", "false"}}
	pinned := flag
	pinned.Enum = []string{"false"}
	tests := []struct {
		name     string
		platform core.Platform
		method   string
		path     string
		params   []core.Param
		refused  string // the parameter named, or "" when allowed
	}{
		{"impact delta", core.PlatformImpact, "PUT", "/Actions", []core.Param{bodyParam("ActionId"), bodyParam("ItemSubTotalDelta")}, "ItemSubTotalDelta"},
		{"impact quantity", core.PlatformImpact, "PUT", "/Actions/", []core.Param{bodyParam("Quantity")}, "Quantity"},
		{"impact indexed quantity", core.PlatformImpact, "PUT", "/Actions", []core.Param{bodyParam("Quantity2")}, "Quantity2"},
		{"impact absolute amount", core.PlatformImpact, "PUT", "/Actions", []core.Param{bodyParam("ActionId"), bodyParam("Amount")}, ""},
		{"cake add to payout", core.PlatformCake, "POST", "/api/4/track.asmx/UpdateConversion", []core.Param{bodyParam("payout"), flag}, "add_to_existing_payout"},
		{"cake pinned to false", core.PlatformCake, "POST", "/api/4/track.asmx/UpdateConversion", []core.Param{bodyParam("payout"), pinned}, ""},
		{"affise status", core.PlatformAffiseAdmin, "POST", "/3.0/admin/offer/{offer_id}", []core.Param{bodyParam("status")}, ""},
	}
	for _, tt := range tests {
		tpl := core.ActionTemplate{Platform: tt.platform, Method: tt.method, Path: tt.path, Params: tt.params, Idempotent: true}
		err := tracker.CheckSafeToRepeat(tpl)
		if tt.refused == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		if core.ErrorField(err) != "idempotent" || !strings.Contains(err.Error(), tt.refused) {
			t.Errorf("%s: err %v, want a refusal naming %s", tt.name, err, tt.refused)
		}
		tpl.Idempotent = false
		if err := tracker.CheckSafeToRepeat(tpl); err != nil {
			t.Errorf("%s: a template not marked safe was refused: %v", tt.name, err)
		}
	}
}

// TestPresetsSafeToRepeat checks which preset writes are safe to repeat:
// those setting an absolute value, never deltas, reversals or creations.
func TestPresetsSafeToRepeat(t *testing.T) {
	safe := map[string]bool{"impact.actions.update": true, "affise.partner.edit": true, "affise.offer.status": true, "affise.conversion.status": true}
	for _, p := range tracker.Presets(core.PlatformDemo) {
		tpl := p.Template
		if !tpl.IsWrite() {
			continue
		}
		if tpl.Idempotent != safe[p.ID] {
			t.Errorf("%s: safe to repeat %v, want %v", p.ID, tpl.Idempotent, safe[p.ID])
		}
		if err := tracker.CheckSafeToRepeat(tpl); err != nil {
			t.Errorf("%s: %v", p.ID, err)
		}
	}
	items, ok := tracker.LookupPreset("impact.actions.update_items")
	items.Template.Idempotent = true
	if !ok || tracker.CheckSafeToRepeat(items.Template) == nil {
		t.Error("the item preset carries deltas: marking it safe must be refused")
	}
}
