package tracker

import "github.com/affdesk/affdesk/backend/core"

// AutomationPreset is a ready automation for one platform. Its action
// steps name template presets (TemplatePreset), made on the chosen
// connection when the automation is created.
type AutomationPreset struct {
	ID          string            `json:"id"`
	Platform    core.Platform     `json:"platform"`
	Name        string            `json:"name"`
	Description string            `json:"description"`
	Steps       []core.Step       `json:"steps"`
	Templates   map[string]string `json:"templates"` // step ID -> template preset ID
	// Schedule is a suggested schedule, saved off until the user enables
	// it; its timezone is left empty for the connection's to fill. Nil
	// for presets meant to run by hand.
	Schedule *core.Schedule `json:"schedule,omitempty"`
}

// AutomationPresets lists the presets a connection's platform can use.
func AutomationPresets(platform core.Platform) []AutomationPreset {
	out := []AutomationPreset{}
	for _, p := range automationPresets() {
		if allows(platform, p.Platform) {
			out = append(out, p)
		}
	}
	return out
}

func automationPresets() []AutomationPreset {
	return []AutomationPreset{
		{ID: "impact.reverse_test_actions", Platform: core.PlatformImpact, Name: "Reverse test or fraudulent impact.com actions",
			Description: "Lists pending actions, and reverses each one with a TEST promo code or an unusually large amount, with disposition CONS_FRAUD.",
			Templates:   map[string]string{"s1": "impact.actions.list", "s4": "impact.actions.reverse"},
			Steps: []core.Step{
				{ID: "s1", Kind: core.StepActionGet, Name: "List pending actions", Values: map[string]string{"CampaignId": "1000", "State": "PENDING"},
					Selections: []core.Selection{{Path: "$.Actions[?(@.State=='PENDING')]", Variable: "Actions_action_1"}}},
				{ID: "s2", Kind: core.StepForEach, Name: "Each pending action", Over: "Actions_action_1", ItemName: "action", Concurrency: 4, ContinueOnError: true, Steps: []core.Step{
					{ID: "s3", Kind: core.StepCondition, Name: "Test or suspicious?", Match: "any", Rules: []core.ConditionRule{
						{Left: "{action.PromoCode}", Op: core.OpEquals, Right: "TEST"}, {Left: "{action.Amount}", Op: core.OpGreater, Right: "200"}}},
					{ID: "s4", Kind: core.StepActionEdit, Name: "Reverse the action", Values: map[string]string{"ActionId": "{action.Id}", "DispositionCode": "CONS_FRAUD"}},
				}},
			}},
		{ID: "affise.weekly_stats_email", Platform: core.PlatformAffiseAdmin, Name: "Weekly affiliate stats email",
			Description: "Pulls last week's stats by affiliate, keeps affiliates with conversions, and emails the table.",
			Schedule:    &core.Schedule{Kind: core.ScheduleWeekly, Days: []int{1}, At: "09:00"},
			Steps: []core.Step{
				{ID: "s1", Kind: core.StepPullStats, Name: "Last week by affiliate", Stats: &core.StatsConfig{StatType: "affise_admin.by_affiliate", DatePreset: "last_week", Mode: "dataset"}},
				{ID: "s2", Kind: core.StepFilter, Name: "Affiliates with conversions", Dataset: "data_table", Rules: []core.ConditionRule{{Left: "conversions", Op: core.OpGreater, Right: "0"}}},
				{ID: "s3", Kind: core.StepSendEmail, Name: "Email the report", Email: &core.EmailConfig{To: "team@example.com", Subject: "Affiliate stats, week of {date_from_stats_1}: {total_revenue} revenue",
					HTML: "<p>{row_count} affiliates converted last week. Revenue {total_revenue}, payouts {total_payout}.</p>{data_table}"}},
			}},
		{ID: "affise.pause_capped_offer", Platform: core.PlatformAffiseAdmin, Name: "Pause an offer when its cap is reached",
			Description: "Reads this month's conversions of offer 101 and stops the offer once they pass its cap of 100.",
			Schedule:    &core.Schedule{Kind: core.ScheduleEvery, Every: 15, Unit: "minutes"},
			Templates:   map[string]string{"s3": "affise.offer.status"},
			Steps: []core.Step{
				{ID: "s1", Kind: core.StepPullStats, Name: "This month by offer", Stats: &core.StatsConfig{StatType: "affise_admin.by_offer", DatePreset: "this_month", Mode: "cells",
					Cells: []core.StatsCell{{Column: "conversions", RowKey: "101", Row: 1, Variable: "conversions_1_stats_1"}}}},
				{ID: "s2", Kind: core.StepCondition, Name: "Cap reached?", Rules: []core.ConditionRule{{Left: "{conversions_1_stats_1}", Op: core.OpGreater, Right: "100"}}},
				{ID: "s3", Kind: core.StepActionEdit, Name: "Stop the offer", Values: map[string]string{"offer_id": "101", "status": "stopped"}},
			}},
		{ID: "cake.onboard_postbacks", Platform: core.PlatformCake, Name: "Onboard affiliates: create CAKE postbacks",
			Description: "Lists affiliates and creates a server-to-server postback for each, for all offers.",
			Templates:   map[string]string{"s1": "cake.affiliates.list", "s3": "cake.postback.create"},
			Steps: []core.Step{
				{ID: "s1", Kind: core.StepActionGet, Name: "List affiliates", Values: map[string]string{"row_limit": "100"},
					Selections: []core.Selection{{Path: "$.affiliates[*]", Variable: "affiliates_action_1"}}},
				{ID: "s2", Kind: core.StepForEach, Name: "Each affiliate", Over: "affiliates_action_1", ItemName: "affiliate", Concurrency: 2, Steps: []core.Step{
					{ID: "s3", Kind: core.StepActionAdd, Name: "Create the postback", Values: map[string]string{"affiliate_id": "{affiliate.affiliate_id}", "offer_id": "0",
						"postback_url": "https://tracking.partner.example/pb?aff={affiliate.affiliate_id}&click=#reqsessid#&payout=#price#", "postback_type_id": "1"}},
				}},
			}},
	}
}
