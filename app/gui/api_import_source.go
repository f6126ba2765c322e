package gui

import (
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
)

// ImportKinds lists the kinds of source PlanSourceImport reads.
func (a *TemplatesAPI) ImportKinds() []string { return service.ImportSourceKinds() }

// PlanSourceImport reads a source's text (a cURL command, …) and returns
// what importing it would do, writing nothing.
func (a *TemplatesAPI) PlanSourceImport(kind, text string) (service.SourcePlan, error) {
	return guard(func() (service.SourcePlan, error) { return a.s.PlanSourceImport(kind, []byte(text)) })
}

// ImportSource imports the picked requests (all when keys is empty) of a
// source's text, all or nothing, handling name clashes by policy.
func (a *TemplatesAPI) ImportSource(kind, text string, keys []string, onClash string) (service.ImportResult, error) {
	return guard(func() (service.ImportResult, error) {
		policy, err := service.ParseClashPolicy(onClash)
		if err != nil {
			return service.ImportResult{}, err
		}
		return a.s.ImportSource(kind, []byte(text), keys, policy)
	})
}

// CopyAsCurl returns the request a stored template makes with values as
// a cURL command; secrets are masked unless reveal is set.
func (a *TemplatesAPI) CopyAsCurl(id uint64, values map[string]string, reveal bool) (string, error) {
	return guard(func() (string, error) { return a.s.CopyTemplateAsCurl(id, values, reveal) })
}

// RequestAsCurl returns a recorded request of a run as a cURL command,
// with the masks the record holds.
func (a *RunsAPI) RequestAsCurl(rec core.HTTPRecord) string { return service.RunRequestAsCurl(rec) }
