package service

import (
	"fmt"
	"net"
	"strconv"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/hooks"
)

// Settings keys of the webhook listener.
const (
	keyHooksEnabled = "hooks_enabled" // "on" (the default) or "off"
	keyHooksAddress = "hooks_address" // an IP address; 127.0.0.1 by default
	keyHooksPort    = "hooks_port"    // 1 to 65535; hooks.DefaultPort by default
)

// HookSettings are the webhook listener's settings, and how it stands.
type HookSettings struct {
	Enabled bool   `json:"enabled"`
	Address string `json:"address"`
	Port    int    `json:"port"`
	// Read only: the base of every trigger's URL, whether the address
	// lets other machines reach the automations, whether the listener
	// runs, and why it last failed to start.
	URLBase string `json:"urlBase"`
	Exposed bool   `json:"exposed"`
	Running bool   `json:"running"`
	Error   string `json:"error,omitempty"`
}

// listenAddr is host:port.
func (h HookSettings) listenAddr() string { return net.JoinHostPort(h.Address, strconv.Itoa(h.Port)) }

// HookSettings returns the stored settings (defaults for those never set).
func (s *Services) HookSettings() (HookSettings, error) {
	out := HookSettings{Enabled: true, Address: hooks.DefaultAddress, Port: hooks.DefaultPort}
	vals := map[string]string{}
	for _, k := range []string{keyHooksEnabled, keyHooksAddress, keyHooksPort} {
		v, err := s.DB.Setting(k)
		if err != nil {
			return out, err
		}
		vals[k] = v
	}
	out.Enabled = vals[keyHooksEnabled] != "off"
	if a := vals[keyHooksAddress]; net.ParseIP(a) != nil {
		out.Address = a
	}
	if p, err := strconv.Atoi(vals[keyHooksPort]); err == nil && p > 0 && p < 65536 {
		out.Port = p
	}
	out.fill()
	return out, nil
}

// fill sets the read-only fields that follow from the address.
// An unspecified address (0.0.0.0, ::) listens on every interface; this
// machine reaches it on 127.0.0.1.
func (h *HookSettings) fill() {
	h.URLBase = localBase(h.listenAddr())
	h.Exposed = !net.ParseIP(h.Address).IsLoopback()
}

// localBase is the URL base this machine reaches a listener at addr on.
func localBase(addr string) string {
	host, port, _ := net.SplitHostPort(addr)
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = hooks.DefaultAddress
	}
	return "http://" + net.JoinHostPort(host, port) + "/hooks/"
}

// HookStatus returns the settings with whether the listener runs (and
// then the URL base of the address it listens on).
func (s *Services) HookStatus() (HookSettings, error) {
	out, err := s.HookSettings()
	s.hooks.mu.Lock()
	defer s.hooks.mu.Unlock()
	if out.Running = s.hooks.srv != nil; out.Running {
		out.URLBase = localBase(s.hooks.srv.Addr())
	}
	if s.hooks.err != nil {
		out.Error = core.ErrorMessage(s.hooks.err)
	}
	return out, err
}

// SetHookSettings validates and stores the listener's settings, then
// starts, moves or stops it to match. The address must be an IP address
// (another than 127.0.0.1 exposes the automations to the network: it is
// only ever set here, explicitly); the port 1 to 65535.
func (s *Services) SetHookSettings(in HookSettings) (HookSettings, error) {
	addr := strings.Trim(strings.TrimSpace(in.Address), "[]")
	if net.ParseIP(addr) == nil {
		return in, core.FieldError("address", "%q is not an IP address (127.0.0.1 keeps the webhooks on this machine).", in.Address)
	}
	if in.Port < 1 || in.Port > 65535 {
		return in, core.FieldError("port", "The port must be between 1 and 65,535.")
	}
	onOff := map[bool]string{true: "on", false: "off"}[in.Enabled]
	for k, v := range map[string]string{keyHooksEnabled: onOff, keyHooksAddress: addr, keyHooksPort: strconv.Itoa(in.Port)} {
		if err := s.DB.SetSetting(k, v); err != nil {
			return in, fmt.Errorf("store the webhook listener's settings: %w", err)
		}
	}
	err := s.refreshHooks()
	out, _ := s.HookStatus()
	return out, err
}
