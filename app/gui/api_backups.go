package gui

import (
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
)

// Backups lists the backups folder and the last automatic backup's failure.
func (a *SettingsAPI) Backups() (service.BackupStatus, error) {
	if a.s == nil {
		return service.BackupStatus{}, uiError(errNotOpen)
	}
	return guard(a.s.BackupStatus)
}

// BackUpNow writes a backup of the data file into the backups folder.
func (a *SettingsAPI) BackUpNow() (service.BackupFile, error) {
	if a.s == nil {
		return service.BackupFile{}, uiError(errNotOpen)
	}
	return guard(a.s.BackupNow)
}

var errNotOpen = core.Errorf(core.EUNAVAILABLE, "The data file is not open.")
