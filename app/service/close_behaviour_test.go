package service_test

import (
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
)

// TestCloseActionFollowsSchedulesAndSetting: with no schedule on, closing
// quits whatever is remembered; with one on, the remembered behaviour
// decides, and "ask" is the default.
func TestCloseActionFollowsSchedulesAndSetting(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	if got, err := s.CloseActionFor(); err != nil || got != service.CloseActionQuit {
		t.Fatalf("no automations: %v, %v; want quit", got, err)
	}
	a, err := s.SaveAutomation(core.Automation{Name: "Hourly", Steps: []core.Step{{ID: "s1", Kind: core.StepSendWebhook, Name: "Ping",
		Webhook: &core.WebhookConfig{URL: "http://127.0.0.1:1/x", Method: "POST"}}},
		Schedule: &core.Schedule{Kind: core.ScheduleEvery, Every: 1, Unit: "hours", Timezone: "UTC", Enabled: false}})
	if err != nil {
		t.Fatalf("save: %v", err)
	}
	if got, _ := s.CloseActionFor(); got != service.CloseActionQuit {
		t.Fatalf("schedule off: %v, want quit", got)
	}
	a.Schedule.Enabled = true
	if _, err := s.SaveAutomation(a); err != nil {
		t.Fatalf("save: %v", err)
	}
	for _, tc := range []struct {
		set  string
		want service.CloseAction
	}{{"", service.CloseActionAsk}, {service.CloseBackground, service.CloseActionHide}, {service.CloseQuit, service.CloseActionQuit}, {service.CloseAsk, service.CloseActionAsk}} {
		if tc.set != "" {
			if err := s.SetCloseBehaviour(tc.set); err != nil {
				t.Fatalf("set %q: %v", tc.set, err)
			}
		}
		if got, err := s.CloseActionFor(); err != nil || got != tc.want {
			t.Errorf("behaviour %q: got %v (%v), want %v", tc.set, got, err, tc.want)
		}
	}
}

// TestWebhookTriggersKeepTheWindowQuestion proves an enabled webhook
// trigger, like a schedule, makes closing the window ask (its listener
// would stop), also while schedules are paused.
func TestWebhookTriggersKeepTheWindowQuestion(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	token, err := service.NewHookToken()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveAutomation(core.Automation{Name: "On sale", Hook: &core.HookTrigger{Enabled: true, Token: token},
		Steps: []core.Step{{ID: "s1", Kind: core.StepCondition, Match: "all", Rules: []core.ConditionRule{{Left: "1", Op: core.OpLess, Right: "2"}}}}}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSchedulesPaused(true); err != nil {
		t.Fatal(err)
	}
	if got, err := s.CloseActionFor(); err != nil || got != service.CloseActionAsk {
		t.Fatalf("a webhook trigger on: %v, %v; want ask", got, err)
	}
}

// TestSetCloseBehaviourRefusesUnknown names the field and keeps the old value.
func TestSetCloseBehaviourRefusesUnknown(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	if err := s.SetCloseBehaviour(service.CloseBackground); err != nil {
		t.Fatal(err)
	}
	err := s.SetCloseBehaviour("minimise")
	if core.ErrorCode(err) != core.EINVALID || core.ErrorField(err) != "closeBehaviour" {
		t.Fatalf("got %v, want EINVALID on closeBehaviour", err)
	}
	if b, _ := s.CloseBehaviour(); b != service.CloseBackground {
		t.Fatalf("kept %q, want background", b)
	}
}
