package service

import (
	"github.com/affdesk/affdesk/backend/tracker"
)

// AppInfo describes the running app for Settings and the About box.
type AppInfo struct {
	Name          string `json:"name"`
	Version       string `json:"version"`
	Commit        string `json:"commit"`
	DataFile      string `json:"dataFile"`
	SchemaVersion uint64 `json:"schemaVersion"`
	SecretBackend string `json:"secretBackend"`
	SecretNote    string `json:"secretNote"`
	MaxResponseMB int    `json:"maxResponseMB"`
	// RateWaitMinutes caps one run's waits for rate limits and retries.
	RateWaitMinutes int `json:"rateWaitMinutes"`
}

// Info returns the app's name, version, data file and where secrets live,
// with a plain note when they live in the data file for want of a keychain.
func (s *Services) Info() (AppInfo, error) {
	v, err := s.DB.Version()
	if err != nil {
		return AppInfo{}, err
	}
	mb, err := s.MaxResponseMB()
	if err != nil {
		return AppInfo{}, err
	}
	wait, err := s.RateWaitMinutes()
	info := AppInfo{MaxResponseMB: mb, RateWaitMinutes: wait, Name: Name, Version: Version, Commit: Commit, DataFile: s.DB.Path, SchemaVersion: v, SecretBackend: s.Secrets.Backend()}
	if info.SecretBackend == "file" {
		info.SecretNote = "No system keychain was found, so API keys and tokens are stored in the data file, readable only by your user account (mode 0600). Install and unlock a keychain (GNOME Keyring, KWallet) to keep them there instead."
	} else {
		info.SecretNote = "API keys and tokens are stored in the system keychain, never in the data file."
	}
	return info, err
}

// PresetsFor lists the presets a connection's platform can use.
func (s *Services) PresetsFor(connectionID uint64) ([]tracker.Preset, error) {
	c, err := s.DB.GetConnection(connectionID)
	if err != nil {
		return nil, err
	}
	return tracker.Presets(c.Platform), nil
}
