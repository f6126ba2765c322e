package service

import (
	"sort"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// sourceConnID is the file ID the connection of a source import gets in
// the bundle built for it.
const sourceConnID = 1

// PlanSourceImport reads data as kind ("curl", …) and returns what
// ImportSource would import, writing nothing: every request found, the
// connection the templates would use (a stored one on the same host, else
// the one proposed), warnings and name clashes. Errors are those of
// ImportSource.
func (s *Services) PlanSourceImport(kind string, data []byte) (SourcePlan, error) {
	j, err := s.readSource(kind, data, nil)
	if err != nil {
		return SourcePlan{}, err
	}
	job, err := s.prepareSource(j, ClashRename)
	if err != nil {
		return SourcePlan{}, err
	}
	clashes := []ImportClash{}
	for _, n := range job.namers {
		clashes = append(clashes, n.clashes...)
	}
	return j.plan(clashes), nil
}

// ImportSource imports the requests keys names (all when empty) from
// data read as kind, with their connection, exactly as a templates
// export is imported: every record checked as the editor checks it, name
// clashes handled by policy, all written in one transaction or none.
// The credentials found go to the secret store after the commit, for a
// connection the import adds or replaces. Errors are EINVALID naming the
// source's field ("kind", "pick", "curl") or the record and field
// (`template "Get partners", path: …`).
func (s *Services) ImportSource(kind string, data []byte, keys []string, policy ClashPolicy) (ImportResult, error) {
	j, err := s.readSource(kind, data, keys)
	if err != nil {
		return ImportResult{}, err
	}
	job, err := s.prepareSource(j, policy)
	if err != nil {
		return ImportResult{}, err
	}
	ids, err := s.DB.Import(job.batch)
	if err != nil {
		return ImportResult{}, err
	}
	res := job.result(ids)
	res.Warnings = append(res.Warnings, j.warnings...)
	if j.stored != nil {
		res.Connections = ImportOutcome{} // used as it is, as the plan said: not a skipped clash
		return res, nil
	}
	if len(job.batch.Connections) == 0 || job.batch.Connections[0].Action == core.ImportSkip {
		return res, nil
	}
	id := ids.Connections[sourceConnID]
	if err := s.storeSourceSecrets(id, j.res.Secrets); err != nil {
		return res, err
	}
	return res, s.refreshSecretsToEnter(&res, id)
}

// prepareSource builds the templates export the source amounts to and
// checks it on the bundle import's path.
func (s *Services) prepareSource(j *sourceJob, policy ClashPolicy) (*importJob, error) {
	b := bundle{Format: FormatTemplates, Version: BundleVersion}
	var uses map[uint64]core.Connection
	if j.stored != nil {
		uses = map[uint64]core.Connection{sourceConnID: *j.stored}
	} else {
		c := j.res.Connection
		c.ID = sourceConnID
		b.Connections = []core.Connection{c}
	}
	for i, cand := range j.picked {
		t := cand.Template
		t.ID, t.ConnectionID = uint64(i+1), sourceConnID
		t.Notes = withExample(t.Notes, cand.Example)
		b.Templates = append(b.Templates, t)
	}
	return s.prepareBundle(b, policy, uses)
}

// storeSourceSecrets stores the source's credentials for the connection
// with their masked hints, in key order.
func (s *Services) storeSourceSecrets(id uint64, secrets map[string]string) error {
	if len(secrets) == 0 {
		return nil
	}
	c, err := s.DB.GetConnection(id)
	if err != nil {
		return err
	}
	keys := make([]string, 0, len(secrets))
	for k := range secrets {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if c.SecretMasks == nil {
		c.SecretMasks = map[string]string{}
	}
	valid := secretFieldsOf(c)
	for _, k := range keys {
		if !contains(valid, k) {
			continue
		}
		if err := s.Secrets.SetSecret(core.SecretKey(id, k), secrets[k]); err != nil {
			return core.Errorf(core.EUNAVAILABLE, "The import was written, but the credentials of connection %q could not be stored (%s): enter them in the connection.", c.Name, core.ErrorMessage(err))
		}
		c.SecretMasks[k] = core.MaskSecret(secrets[k])
	}
	return s.DB.SaveConnection(&c)
}

// refreshSecretsToEnter recomputes what the connection still needs once
// its found credentials are stored.
func (s *Services) refreshSecretsToEnter(res *ImportResult, id uint64) error {
	c, err := s.DB.GetConnection(id)
	if err != nil {
		return err
	}
	res.Secrets = []SecretsToEnter{}
	if need := missingSecrets(c); len(need) > 0 {
		res.Secrets = append(res.Secrets, SecretsToEnter{ConnectionID: c.ID, Connection: c.Name, Fields: need})
	}
	return nil
}

// withExample adds a sample response from the source to a template's
// notes, where the editor shows it beside the request.
func withExample(notes, example string) string {
	if strings.TrimSpace(example) == "" {
		return notes
	}
	if notes != "" {
		notes += "\n\n"
	}
	return notes + "Example response:\n" + example
}
