package gui

import (
	"encoding/json"
	"fmt"

	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/store"
	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// exportFileName is the name the save dialog offers.
const exportFileName = "affdesk-automations.json"

// Export returns the export file's text of the automations with the given
// IDs (every one when ids is empty), with the templates and connections
// they use and never a secret: the format `affdesk automations export`
// writes and Import reads.
func (a *AutomationsAPI) Export(ids []uint64) (string, error) {
	return guard(func() (string, error) { return exportText(a.s, ids) })
}

// ExportToFile asks where to save the export of the automations with the
// given IDs (every one when ids is empty) and writes it there, readable
// by the user only. Returns the file's path, or "" when the dialog was
// cancelled.
func (a *AutomationsAPI) ExportToFile(ids []uint64) (string, error) {
	return guard(func() (string, error) {
		text, err := exportText(a.s, ids)
		if err != nil {
			return "", err
		}
		if a.ctx == nil || a.ctx() == nil {
			return "", core.Errorf(core.EINVALID, "No window is open to ask where to save the export.")
		}
		path, err := runtime.SaveFileDialog(a.ctx(), runtime.SaveDialogOptions{Title: "Export automations", DefaultFilename: exportFileName,
			Filters: []runtime.FileFilter{{DisplayName: "AffDesk export (*.json)", Pattern: "*.json"}}})
		if err != nil || path == "" {
			return "", err
		}
		if err := store.WriteFileAtomic(path, []byte(text)); err != nil {
			return "", core.Errorf(core.EINVALID, "The export could not be written to %s: %v", path, err)
		}
		return path, nil
	})
}

// exportText is the export of the chosen automations as indented JSON.
func exportText(s *service.Services, ids []uint64) (string, error) {
	exp, err := s.ExportSelected(ids)
	if err != nil {
		return "", err
	}
	b, err := json.MarshalIndent(exp, "", "  ")
	if err != nil {
		return "", fmt.Errorf("encode export: %w", err)
	}
	return string(b) + "\n", nil
}
