package gui

import (
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/pick"
	"github.com/affdesk/affdesk/backend/store"
	"github.com/affdesk/affdesk/backend/tracker"
	"sync/atomic"
)

// ConnectionsAPI is the Connections page's binding.
type ConnectionsAPI struct{ s *service.Services }

// List returns every connection (secrets masked).
func (a *ConnectionsAPI) List() ([]core.Connection, error) {
	return guard(func() ([]core.Connection, error) { return a.s.DB.ListConnections() })
}

// Get returns one connection.
func (a *ConnectionsAPI) Get(id uint64) (core.Connection, error) {
	return guard(func() (core.Connection, error) { return a.s.DB.GetConnection(id) })
}

// Platforms returns the platform catalogue the editor is built from.
func (a *ConnectionsAPI) Platforms() []tracker.Platform { return tracker.Platforms() }

// Check tries a connection as edited, without saving it.
func (a *ConnectionsAPI) Check(in core.ConnectionInput) (core.CheckResult, error) {
	return guard(func() (core.CheckResult, error) { return a.s.CheckConnection(in) })
}

// Save stores a connection and its secrets.
func (a *ConnectionsAPI) Save(in core.ConnectionInput) (core.Connection, error) {
	return guard(func() (core.Connection, error) { return a.s.SaveConnection(in) })
}

// Duplicate copies a connection with its secrets.
func (a *ConnectionsAPI) Duplicate(id uint64) (core.Connection, error) {
	return guard(func() (core.Connection, error) { return a.s.DuplicateConnection(id) })
}

// Usage names the templates that use a connection.
func (a *ConnectionsAPI) Usage(id uint64) (service.ConnectionUse, error) {
	return guard(func() (service.ConnectionUse, error) { return a.s.ConnectionUsage(id) })
}

// Delete removes a connection; without force it refuses while templates use it.
func (a *ConnectionsAPI) Delete(id uint64, force bool) error {
	return guardErr(func() error { return a.s.DeleteConnection(id, force) })
}

// TemplatesAPI is the Actions page's binding.
type TemplatesAPI struct{ s *service.Services }

// NewTemplatesAPI returns the Actions page's binding for s.
func NewTemplatesAPI(s *service.Services) *TemplatesAPI { return &TemplatesAPI{s: s} }

// NewConnectionsAPI returns the Connections page's binding for s.
func NewConnectionsAPI(s *service.Services) *ConnectionsAPI { return &ConnectionsAPI{s: s} }

// List returns every template.
func (a *TemplatesAPI) List() ([]core.ActionTemplate, error) {
	return guard(func() ([]core.ActionTemplate, error) { return a.s.DB.ListTemplates() })
}

// Search returns the templates matching every word of query.
func (a *TemplatesAPI) Search(query string) ([]core.ActionTemplate, error) {
	return guard(func() ([]core.ActionTemplate, error) { return a.s.SearchTemplates(query) })
}

// Get returns one template.
func (a *TemplatesAPI) Get(id uint64) (core.ActionTemplate, error) {
	return guard(func() (core.ActionTemplate, error) { return a.s.DB.GetTemplate(id) })
}

// Save validates and stores a template.
func (a *TemplatesAPI) Save(t core.ActionTemplate) (core.ActionTemplate, error) {
	return guard(func() (core.ActionTemplate, error) { return a.s.SaveTemplate(t) })
}

// Duplicate copies a template.
func (a *TemplatesAPI) Duplicate(id uint64) (core.ActionTemplate, error) {
	return guard(func() (core.ActionTemplate, error) { return a.s.DuplicateTemplate(id) })
}

// Delete removes a template.
func (a *TemplatesAPI) Delete(id uint64) error {
	return guardErr(func() error { return a.s.DB.DeleteTemplate(id) })
}

// Presets lists the presets a connection can use.
func (a *TemplatesAPI) Presets(connectionID uint64) ([]tracker.Preset, error) {
	return guard(func() ([]tracker.Preset, error) { return a.s.PresetsFor(connectionID) })
}

// FromPreset returns an unsaved template made from a preset.
func (a *TemplatesAPI) FromPreset(presetID string, connectionID uint64) (core.ActionTemplate, error) {
	return guard(func() (core.ActionTemplate, error) { return a.s.TemplateFromPreset(presetID, connectionID) })
}

// Rules lists the tracker's documented rules for an endpoint, in words.
func (a *TemplatesAPI) Rules(platform core.Platform, method, path string) []core.Rule {
	return tracker.RulesFor(platform, method, path)
}

// Test makes the real call of a template.
func (a *TemplatesAPI) Test(in service.TestInput) (service.TestResult, error) {
	return guard(func() (service.TestResult, error) { return a.s.TestTemplate(in) })
}

// ResponseNodes pages the children of a node of a tested response.
func (a *TemplatesAPI) ResponseNodes(responseID string, segments []any, offset, limit int) (pick.Page, error) {
	return guard(func() (pick.Page, error) { return a.s.ResponseNodes(responseID, segments, offset, limit) })
}

// SearchResponse finds keys and values of a tested response that contain query.
func (a *TemplatesAPI) SearchResponse(responseID, query string, max int) (pick.Matches, error) {
	return guard(func() (pick.Matches, error) { return a.s.SearchResponse(responseID, query, max) })
}

// ResponseRaw returns a tested response as text: all of it when limit is 0.
func (a *TemplatesAPI) ResponseRaw(responseID string, limit int) (service.RawBody, error) {
	return guard(func() (service.RawBody, error) { return a.s.ResponseRaw(responseID, limit) })
}

// SettingsAPI is the Settings page's binding. It is bound even when the
// data file could not be opened, to report that error.
type SettingsAPI struct {
	s        *service.Services
	startErr error
	quit     func()       // ends the app; nil outside the window
	unsaved  *atomic.Bool // the window's unsaved-changes flag; nil outside the window
}

// NewSettingsAPI returns the Settings binding for s (nil when the data
// file could not be opened, with startErr saying why).
func NewSettingsAPI(s *service.Services, startErr error) *SettingsAPI {
	return &SettingsAPI{s: s, startErr: startErr}
}

// StartupError returns why AffDesk could not open its data, or "".
func (a *SettingsAPI) StartupError() string {
	if a.startErr == nil {
		return ""
	}
	return core.ErrorMessage(a.startErr)
}

// SMTP returns the email account, without its password.
func (a *SettingsAPI) SMTP() (service.SMTPSettings, error) { return guard(a.s.SMTPSettings) }

// SaveSMTP stores the email account; "demo" as host keeps mail in the Demo outbox.
func (a *SettingsAPI) SaveSMTP(in service.SMTPSettings) error {
	return guardErr(func() error { return a.s.SaveSMTP(in) })
}

// TestSMTP sends a test message through the stored account.
func (a *SettingsAPI) TestSMTP(to string) error {
	return guardErr(func() error { return a.s.TestSMTP(to) })
}

// Outbox lists the messages kept by the Demo outbox.
func (a *SettingsAPI) Outbox() []service.OutboxMessage { return a.s.Outbox() }

// Retention returns how much run history is kept.
func (a *SettingsAPI) Retention() (service.Retention, error) { return guard(a.s.Retention) }

// HistorySize reports the data file's size and how many runs it stores.
func (a *SettingsAPI) HistorySize() (store.HistorySize, error) { return guard(a.s.HistorySize) }

// SetRetention changes how much run history is kept, and prunes.
func (a *SettingsAPI) SetRetention(r service.Retention) error {
	return guardErr(func() error { return a.s.SetRetention(r) })
}

// SetMaxResponseMB changes the response size cap.
func (a *SettingsAPI) SetMaxResponseMB(n int) error {
	return guardErr(func() error { return a.s.SetMaxResponseMB(n) })
}

// SetRateWaitMinutes changes how long one run may wait for rate limits.
func (a *SettingsAPI) SetRateWaitMinutes(n int) error {
	return guardErr(func() error { return a.s.SetRateWaitMinutes(n) })
}

// Info returns the app's name, version, data file and secret storage.
func (a *SettingsAPI) Info() (service.AppInfo, error) {
	if a.s == nil {
		return service.AppInfo{Name: service.Name, Version: service.Version, Commit: service.Commit}, nil
	}
	return guard(a.s.Info)
}
