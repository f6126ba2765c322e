package core

import (
	"strings"
	"time"
)

// StepKind names what a step does. Persisted.
type StepKind string

// Step kinds.
const (
	StepPullStats   StepKind = "pull_stats"
	StepActionGet   StepKind = "action_get"
	StepActionEdit  StepKind = "action_edit"
	StepActionAdd   StepKind = "action_add"
	StepCondition   StepKind = "condition"
	StepFilter      StepKind = "filter"
	StepForEach     StepKind = "for_each"
	StepSendEmail   StepKind = "send_email"
	StepSendWebhook StepKind = "send_webhook"
	StepApproval    StepKind = "approval"
)

// StepKinds lists the kinds in the order the builder offers them.
var StepKinds = []StepKind{StepPullStats, StepActionGet, StepActionEdit, StepActionAdd, StepCondition,
	StepFilter, StepForEach, StepSendEmail, StepSendWebhook, StepApproval}

// IsAction reports whether the step calls an action template.
func (k StepKind) IsAction() bool {
	return k == StepActionGet || k == StepActionEdit || k == StepActionAdd
}

// Automation is a trigger plus an ordered list of steps.
type Automation struct {
	ID          uint64       `json:"id"`
	Name        string       `json:"name"`
	Description string       `json:"description"`
	Trigger     Trigger      `json:"trigger"`
	Schedule    *Schedule    `json:"schedule,omitempty"` // nil: runs only by hand (or by a trigger)
	Hook        *HookTrigger `json:"hook,omitempty"`     // nil: no webhook starts it
	Steps       []Step       `json:"steps"`
	PresetID    string       `json:"presetId,omitempty"`
	CreatedAt   time.Time    `json:"createdAt"`
	UpdatedAt   time.Time    `json:"updatedAt"`
}

// Trigger says when an automation runs. Manual is the only kind that
// runs by itself today; a schedule is kept for the scheduler.
type Trigger struct {
	Kind     string `json:"kind"` // "manual" or "schedule"
	Cron     string `json:"cron,omitempty"`
	Timezone string `json:"timezone,omitempty"`
}

// Step is one step of an automation. Which fields apply depends on Kind;
// the others stay empty.
type Step struct {
	ID              string   `json:"id"` // stable within the automation: s1, s2, …
	Kind            StepKind `json:"kind"`
	Name            string   `json:"name"`
	ContinueOnError bool     `json:"continueOnError"`

	// Action steps: a template, values for its parameters ({variables}
	// allowed) and, for Get, fields picked from the response.
	TemplateID uint64            `json:"templateId,omitempty"`
	Values     map[string]string `json:"values,omitempty"`
	Selections []Selection       `json:"selections,omitempty"`

	// Pull Stats.
	Stats *StatsConfig `json:"stats,omitempty"`

	// Condition and Filter: rules combined with all (AND) or any (OR).
	Match string          `json:"match,omitempty"`
	Rules []ConditionRule `json:"rules,omitempty"`
	// Filter: the dataset variable whose rows it filters (e.g. data_table_stats_1).
	Dataset string `json:"dataset,omitempty"`

	// For Each: the list or dataset variable, the item's name, parallel
	// items (1-16), and the steps run for each item.
	Over        string `json:"over,omitempty"`
	ItemName    string `json:"itemName,omitempty"`
	Concurrency int    `json:"concurrency,omitempty"`
	Steps       []Step `json:"steps,omitempty"`

	Email   *EmailConfig   `json:"email,omitempty"`
	Webhook *WebhookConfig `json:"webhook,omitempty"`

	// Approve to Continue: what the approver reads.
	Message string `json:"message,omitempty"`
}

// Selection binds a JSONPath into a step's response to a variable.
type Selection struct {
	Path     string `json:"path"`     // ojg JSONPath, e.g. $.Actions[?(@.State=='PENDING')].Id
	Variable string `json:"variable"` // e.g. Id_action_1
}

// ConditionRule compares two values; either side may hold {variables}.
type ConditionRule struct {
	Left  string `json:"left"`
	Op    string `json:"op"`
	Right string `json:"right"`
}

// Condition operators, persisted.
const (
	OpGreater     = "gt"
	OpLess        = "lt"
	OpEquals      = "eq"
	OpNotEquals   = "ne"
	OpContains    = "contains"
	OpNotContains = "not_contains"
	OpEmpty       = "empty"
	OpNotEmpty    = "not_empty"
)

// Operators lists every operator with its label.
var Operators = [][2]string{
	{OpGreater, "is greater than"}, {OpLess, "is less than"}, {OpEquals, "equals"}, {OpNotEquals, "does not equal"},
	{OpContains, "contains"}, {OpNotContains, "does not contain"}, {OpEmpty, "is empty"}, {OpNotEmpty, "is not empty"},
}

// StatsConfig is a Pull Stats step.
type StatsConfig struct {
	ConnectionID uint64            `json:"connectionId"`
	StatType     string            `json:"statType"` // from the platform's catalogue, e.g. affise_admin.by_affiliate
	DatePreset   string            `json:"datePreset"`
	From         string            `json:"from,omitempty"` // Custom: 2024-01-01
	To           string            `json:"to,omitempty"`
	Timezone     string            `json:"timezone,omitempty"` // empty: the connection's
	Filters      map[string]string `json:"filters,omitempty"`
	Mode         string            `json:"mode"` // "cells" or "dataset"
	Cells        []StatsCell       `json:"cells,omitempty"`
}

// StatsCell is one picked cell: a column of the row whose entity ID is
// RowKey, so reordered rows still match.
type StatsCell struct {
	Column   string `json:"column"`
	RowKey   string `json:"rowKey"`
	Row      int    `json:"row"` // 1-based, for the default variable name
	Variable string `json:"variable"`
}

// EmailConfig is a Send Email step.
type EmailConfig struct {
	To      string `json:"to"` // addresses or {variables}, separated by commas
	Cc      string `json:"cc,omitempty"`
	Subject string `json:"subject"`
	HTML    string `json:"html"`
}

// WebhookConfig is a Send Webhook step.
type WebhookConfig struct {
	URL      string   `json:"url"`
	Method   string   `json:"method"`
	Headers  []Header `json:"headers,omitempty"`
	BodyKind string   `json:"bodyKind"` // "json", "form" or "raw"
	Body     string   `json:"body"`
}

// Header is a name and value; values may hold {variables}.
type Header struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// RecordID returns the automation's ID.
func (a *Automation) RecordID() uint64 { return a.ID }

// Stamp sets the ID and times.
func (a *Automation) Stamp(id uint64, now time.Time) {
	a.ID = id
	stamp(&a.CreatedAt, &a.UpdatedAt, now)
}

// Walk calls fn for every step, nested ones included, depth first, with
// the path of For Each steps that enclose it.
func Walk(steps []Step, fn func(s *Step, parents []*Step)) {
	var walk func([]Step, []*Step)
	walk = func(ss []Step, parents []*Step) {
		for i := range ss {
			fn(&ss[i], parents)
			if len(ss[i].Steps) > 0 {
				walk(ss[i].Steps, append(append([]*Step(nil), parents...), &ss[i]))
			}
		}
	}
	walk(steps, nil)
}

// Label returns the step's name, or its kind in words.
func (s Step) Label() string {
	if strings.TrimSpace(s.Name) != "" {
		return s.Name
	}
	return strings.ReplaceAll(string(s.Kind), "_", " ")
}
