package service_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/tracker"
)

// TestEveryPresetAnswersOnDemo creates each preset on a Demo connection,
// saves it and presses Test with its sample values: the demo tracker must
// answer every one with a JSON success, as the real API would.
func TestEveryPresetAnswersOnDemo(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	c := testkit.DemoConn(t, s)
	for _, p := range tracker.Presets(core.PlatformDemo) {
		t.Run(p.ID, func(t *testing.T) {
			tpl, err := s.TemplateFromPreset(p.ID, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			saved, err := s.SaveTemplate(tpl)
			if err != nil {
				t.Fatalf("save: %v", err)
			}
			res, err := s.TestTemplate(service.TestInput{Template: saved, Values: exampleValues(saved), Confirmed: true})
			if err != nil {
				t.Fatalf("test: %v", err)
			}
			if res.Error != "" || res.Status != 200 || !res.IsJSON || res.Root == nil {
				t.Fatalf("result: status %d error %q json %v", res.Status, res.Error, res.IsJSON)
			}
			page, err := s.ResponseNodes(res.ResponseID, nil, 0, 100)
			if err != nil || page.Total == 0 {
				t.Fatalf("response nodes: %+v %v", page, err)
			}
			raw, _ := json.Marshal(page)
			for _, bad := range []string{`"preview":"ERROR"`, "Invalid API Key", "Auth Denied", "Failure"} {
				if strings.Contains(string(raw), bad) {
					t.Errorf("demo answered an error: %s", raw)
				}
			}
		})
	}
}

func TestWritesNeedConfirmation(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	c := testkit.DemoConn(t, s)
	tpl, _ := s.TemplateFromPreset("impact.actions.reverse", c.ID)
	_, err := s.TestTemplate(service.TestInput{Template: tpl, Values: exampleValues(tpl)})
	if core.ErrorCode(err) != core.EINVALID || !strings.Contains(err.Error(), "confirm") {
		t.Fatalf("unconfirmed DELETE: %v", err)
	}
}

func TestBadValuesAreRefusedBeforeSending(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	c := testkit.DemoConn(t, s)
	tpl, _ := s.TemplateFromPreset("impact.actions.list", c.ID)
	tests := map[string]string{"": "CampaignId is required", "12a": `"12a" is not a whole number`}
	for val, want := range tests {
		_, err := s.TestTemplate(service.TestInput{Template: tpl, Values: map[string]string{"CampaignId": val}})
		if core.ErrorField(err) != "values.CampaignId" || !strings.Contains(err.Error(), want) {
			t.Errorf("CampaignId=%q: %v", val, err)
		}
	}
}
