package gui

import "github.com/affdesk/affdesk/app/service"

// Hooks returns the webhook listener's settings and state.
func (a *SettingsAPI) Hooks() (service.HookSettings, error) { return guard(a.s.HookStatus) }

// SaveHooks stores the webhook listener's settings and applies them.
func (a *SettingsAPI) SaveHooks(in service.HookSettings) (service.HookSettings, error) {
	return guard(func() (service.HookSettings, error) { return a.s.SetHookSettings(in) })
}

// NewHookToken returns a new token for a webhook trigger being turned on.
func (a *AutomationsAPI) NewHookToken() (string, error) { return guard(service.NewHookToken) }

// HookURLBase returns the base of every trigger's URL, as Settings say.
func (a *AutomationsAPI) HookURLBase() (string, error) {
	return guard(func() (string, error) {
		h, err := a.s.HookSettings()
		return h.URLBase, err
	})
}
