package service

import (
	"fmt"
	"io"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/tracker"
)

// ImportPlan is what a file would import, found before anything is
// written: its records, the names that clash with stored ones (so the
// window can ask what to do), and warnings.
type ImportPlan struct {
	Format      string        `json:"format"`
	Version     int           `json:"version"`
	Connections []string      `json:"connections"`
	Templates   []string      `json:"templates"`
	Automations []string      `json:"automations"`
	Clashes     []ImportClash `json:"clashes"`
	Warnings    []string      `json:"warnings"`
}

// ImportOutcome names the records of one kind an import added (under the
// names they got), replaced and skipped.
type ImportOutcome struct {
	Added    []string `json:"added"`
	Replaced []string `json:"replaced"`
	Skipped  []string `json:"skipped"`
}

// SecretsToEnter names an imported connection and the secrets (by label)
// to enter before it can be used.
type SecretsToEnter struct {
	ConnectionID uint64   `json:"connectionId"`
	Connection   string   `json:"connection"`
	Fields       []string `json:"fields"`
}

// ImportResult says what an import wrote.
type ImportResult struct {
	Connections ImportOutcome    `json:"connections"`
	Templates   ImportOutcome    `json:"templates"`
	Automations ImportOutcome    `json:"automations"`
	Renamed     []string         `json:"renamed"`
	Warnings    []string         `json:"warnings"`
	Secrets     []SecretsToEnter `json:"secrets"`
}

// PlanImport reads and checks an export file as ImportBundle would and
// returns its plan, writing nothing. Errors are those of ImportBundle.
func (s *Services) PlanImport(r io.Reader) (ImportPlan, error) {
	j, err := s.prepareImport(r, ClashRename)
	if err != nil {
		return ImportPlan{}, err
	}
	p := ImportPlan{Format: j.file.Format, Version: j.file.Version, Clashes: []ImportClash{},
		Warnings:    append(tlsWarnings(j.file.Connections), scheduleWarnings(j.file.Automations)...),
		Connections: names(j.file.Connections, func(c core.Connection) string { return c.Name }),
		Templates:   names(j.file.Templates, func(t core.ActionTemplate) string { return t.Name }),
		Automations: names(j.file.Automations, func(a core.Automation) string { return a.Name })}
	for _, n := range j.namers {
		p.Clashes = append(p.Clashes, n.clashes...)
	}
	return p, nil
}

// ImportBundle imports an automations or templates export: every record
// is checked exactly as the editor's save checks it, references must
// resolve within the file, and names that clash with stored records are
// handled by policy. It writes all of it in one transaction, or nothing.
// Connections arrive without secrets; a replaced one keeps its own unless
// its platform or URL changed. Literal webhook credentials move to the
// secret store as saving moves them, after the transaction commits; a
// secret reference in the file is refused. Errors are EINVALID naming the record and
// field (`template "Reverse", path: …`), or ECONFLICT when a name to
// replace or skip matches several stored records.
func (s *Services) ImportBundle(r io.Reader, policy ClashPolicy) (ImportResult, error) {
	j, err := s.prepareImport(r, policy)
	if err != nil {
		return ImportResult{}, err
	}
	ids, err := s.DB.Import(j.batch)
	if err != nil {
		return ImportResult{}, err
	}
	defer s.refreshHooks()
	defer s.reloadSchedules()
	return j.result(ids), s.afterImport(j)
}

// afterImport changes the secret store once the import has committed (a
// failed import leaves it as it was): it stores the webhook secrets moved
// out of the file, and drops those of replaced automations and of
// replaced connections that now point elsewhere. A failure here leaves
// the records written; the error says what to enter again.
func (s *Services) afterImport(j *importJob) error {
	var stored []string
	for key, val := range j.hookSecrets {
		if err := s.Secrets.SetSecret(key, val); err != nil {
			s.dropSecretKeys(stored)
			return core.Errorf(core.EUNAVAILABLE, "The import was written, but its webhook headers' secrets could not be stored (%s): enter them again in the Send Webhook steps.", core.ErrorMessage(err))
		}
		stored = append(stored, key)
	}
	s.dropSecretKeys(j.oldHookRefs)
	for _, c := range j.dropSecrets {
		if err := s.dropSecrets(&c, nil); err != nil {
			return fmt.Errorf("drop the secrets of connection %q, which the import pointed elsewhere: %w", c.Name, err)
		}
	}
	return nil
}

// result describes what the job wrote, ids mapping file IDs to stored.
func (j *importJob) result(ids core.ImportIDs) ImportResult {
	out := ImportResult{Renamed: []string{}, Warnings: []string{}, Secrets: []SecretsToEnter{},
		Connections: outcome(j.batch.Connections, func(c core.Connection) string { return c.Name }),
		Templates:   outcome(j.batch.Templates, func(t core.ActionTemplate) string { return t.Name }),
		Automations: outcome(j.batch.Automations, func(a core.Automation) string { return a.Name })}
	for _, n := range j.namers {
		out.Renamed = append(out.Renamed, n.renamed...)
	}
	var written []core.Connection
	for _, it := range j.batch.Connections {
		if it.Action != core.ImportSkip {
			c := it.Record
			c.ID = ids.Connections[c.ID]
			written = append(written, c)
		}
	}
	out.Warnings = append(tlsWarnings(written), scheduleWarnings(j.file.Automations)...)
	for _, c := range written {
		if need := missingSecrets(c); len(need) > 0 {
			out.Secrets = append(out.Secrets, SecretsToEnter{ConnectionID: c.ID, Connection: c.Name, Fields: need})
		}
	}
	return out
}

func outcome[T any](items []core.ImportItem[T], name func(T) string) ImportOutcome {
	out := ImportOutcome{Added: []string{}, Replaced: []string{}, Skipped: []string{}}
	for _, it := range items {
		switch it.Action {
		case core.ImportAdd:
			out.Added = append(out.Added, name(it.Record))
		case core.ImportReplace:
			out.Replaced = append(out.Replaced, name(it.Record))
		case core.ImportSkip:
			out.Skipped = append(out.Skipped, name(it.Record))
		}
	}
	return out
}

// scheduleWarnings names each automation whose schedule was on in the
// file: it is imported switched off, so the same slots never run in two
// data folders at once.
func scheduleWarnings(autos []core.Automation) []string {
	out := []string{}
	for _, a := range autos {
		if a.Schedule != nil && a.Schedule.Enabled {
			out = append(out, fmt.Sprintf("Automation %q has a schedule: it is imported switched off, so its slots never run in two places. Turn it on where it should run.", a.Name))
		}
	}
	return out
}

// tlsWarnings names each connection that skips TLS certificate checks.
func tlsWarnings(conns []core.Connection) []string {
	out := []string{}
	for _, name := range ConnectionsSkippingTLS(conns) {
		out = append(out, fmt.Sprintf("Connection %q skips TLS certificate checks.", name))
	}
	return out
}

// missingSecrets lists the labels of the required secrets c has none of.
func missingSecrets(c core.Connection) []string {
	p, _ := tracker.Lookup(c.Platform)
	var out []string
	for _, f := range p.Fields {
		if f.Secret() && f.Required && f.Visible(c.Settings) && c.SecretMasks[f.Key] == "" {
			out = append(out, f.Label)
		}
	}
	return out
}

func names[T any](list []T, name func(T) string) []string {
	out := make([]string, len(list))
	for i, x := range list {
		out[i] = name(x)
	}
	return out
}
