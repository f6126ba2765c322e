package service

import (
	"io"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/tracker"
)

// importJob is a read and checked import file with a decision for every
// record, ready to write.
type importJob struct {
	file        bundle
	batch       core.ImportBatch
	conns       map[uint64]core.Connection // file ID -> the connection its users get
	dropSecrets []core.Connection          // replaced connections whose secrets no longer apply
	namers      [3]*namer                  // connections, templates, automations
	hookSecrets map[string]string          // webhook secrets moved out of the file, by key: stored after the commit
	oldHookRefs []string                   // webhook secrets of replaced automations: dropped after the commit
}

// prepareImport reads r and checks every record exactly as the editor's
// save does, resolving references within the file, and decides what to do
// with each name under policy. It writes nothing.
func (s *Services) prepareImport(r io.Reader, policy ClashPolicy) (*importJob, error) {
	b, err := readBundle(r)
	if err != nil {
		return nil, err
	}
	return s.prepareBundle(b, policy, nil)
}

// prepareBundle checks and decides a read bundle as prepareImport does.
// uses maps file connection IDs the bundle's templates name, but the
// bundle does not hold, to stored connections they use as they are.
func (s *Services) prepareBundle(b bundle, policy ClashPolicy, uses map[uint64]core.Connection) (*importJob, error) {
	j := &importJob{file: b, conns: map[uint64]core.Connection{}, hookSecrets: map[string]string{}}
	if err := s.newNamers(j, policy); err != nil {
		return nil, err
	}
	for fileID, c := range uses {
		rec := c
		rec.ID = fileID
		j.conns[fileID] = c
		j.batch.Connections = append(j.batch.Connections, core.ImportItem[core.Connection]{Record: rec, Action: core.ImportSkip, TargetID: c.ID})
	}
	steps := []func() error{j.connections(s), j.templates, j.automations(s)}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return j, nil
}

// newNamers loads the stored names of each kind.
func (s *Services) newNamers(j *importJob, policy ClashPolicy) error {
	conns, err := s.DB.ListConnections()
	if err != nil {
		return err
	}
	tpls, err := s.DB.ListTemplates()
	if err != nil {
		return err
	}
	autos, err := s.DB.ListAutomations()
	if err != nil {
		return err
	}
	j.namers = [3]*namer{
		newNamer("connection", policy, namesOf(conns, func(c core.Connection) (uint64, string) { return c.ID, c.Name })),
		newNamer("template", policy, namesOf(tpls, func(t core.ActionTemplate) (uint64, string) { return t.ID, t.Name })),
		newNamer("automation", policy, namesOf(autos, func(a core.Automation) (uint64, string) { return a.ID, a.Name })),
	}
	return nil
}

func namesOf[T any](list []T, f func(T) (uint64, string)) map[uint64]string {
	out := make(map[uint64]string, len(list))
	for _, x := range list {
		id, name := f(x)
		out[id] = name
	}
	return out
}

// connections checks and decides each connection. A replaced connection
// keeps its secrets only while its platform and URLs stay the same, so a
// file can never send kept credentials to another host.
func (j *importJob) connections(s *Services) func() error {
	return func() error {
		for i, c := range j.file.Connections {
			if err := checkConnection(&c); err != nil {
				return itemError("connection", i, c.Name, nil, err)
			}
			item, err := decideItem(j.namers[0], &c, &c.Name)
			if err != nil {
				return itemError("connection", i, c.Name, nil, err)
			}
			j.conns[c.ID] = item.Record
			if item.Action != core.ImportAdd {
				old, err := s.DB.GetConnection(item.TargetID)
				if err != nil {
					return err
				}
				item.Record, j.conns[c.ID] = j.overStored(item.Record, old, item.Action)
			}
			j.batch.Connections = append(j.batch.Connections, item)
		}
		return nil
	}
}

// overStored returns the record to write for the file's connection c over
// the stored old one, and the connection its templates will use: for a
// skip, c unchanged (nothing is written) and old; for a replace that keeps
// platform and URLs, c with old's secret hints, twice; else c with none,
// twice, and old's secrets are to be dropped.
func (j *importJob) overStored(c, old core.Connection, action core.ImportAction) (core.Connection, core.Connection) {
	switch {
	case action == core.ImportSkip:
		return c, old
	case old.Platform == c.Platform && sameURLs(old, c):
		c.SecretMasks = old.SecretMasks
	default:
		j.dropSecrets = append(j.dropSecrets, old)
	}
	return c, c
}

func sameURLs(a, b core.Connection) bool {
	p, _ := tracker.Lookup(a.Platform)
	for _, f := range p.Fields {
		if f.Kind == tracker.FieldURL && a.Settings[f.Key] != b.Settings[f.Key] {
			return false
		}
	}
	return true
}

func (j *importJob) templates() error {
	for i, t := range j.file.Templates {
		conn, ok := j.conns[t.ConnectionID]
		if err := checkTemplate(&t, conn, ok); err != nil {
			return itemError("template", i, t.Name, nil, err)
		}
		item, err := decideItem(j.namers[1], &t, &t.Name)
		if err != nil {
			return itemError("template", i, t.Name, nil, err)
		}
		j.batch.Templates = append(j.batch.Templates, item)
	}
	return nil
}

// automations checks and decides each automation, and moves the literal
// credential headers of those to write out of the file as saving does
// (moveWebhookSecretsTo), holding the secrets until the import commits. A
// file owns no secret reference: one in it is refused.
func (j *importJob) automations(s *Services) func() error {
	return func() error {
		tpls := indexIDs(j.file.Templates, func(t core.ActionTemplate) uint64 { return t.ID })
		conns := indexIDs(j.file.Connections, func(c core.Connection) uint64 { return c.ID })
		for i, a := range j.file.Automations {
			if err := renewHookToken(&a); err != nil {
				return itemError("automation", i, a.Name, nil, err)
			}
			if a.Schedule != nil {
				off := *a.Schedule  // a copy: the file's record stays as read, for the warnings
				off.Enabled = false // never the same slots in two data folders
				a.Schedule = &off
			}
			if err := checkAutomation(&a, fileRefs(tpls, conns)); err != nil {
				return itemError("automation", i, a.Name, a.Steps, err)
			}
			item, err := decideItem(j.namers[2], &a, &a.Name)
			if err != nil {
				return itemError("automation", i, a.Name, nil, err)
			}
			if err := j.moveHookSecrets(s, &item); err != nil {
				return itemError("automation", i, a.Name, a.Steps, err)
			}
			j.batch.Automations = append(j.batch.Automations, item)
		}
		return nil
	}
}

// moveHookSecrets moves the webhook secrets of an automation to write
// into hookSecrets, and notes those of the stored one it replaces.
func (j *importJob) moveHookSecrets(s *Services, item *core.ImportItem[core.Automation]) error {
	if item.Action == core.ImportSkip {
		return nil
	}
	hold := func(key, value string) error { j.hookSecrets[key] = value; return nil }
	if _, err := moveWebhookSecretsTo(&item.Record, nil, hold); err != nil {
		return err
	}
	if item.Action == core.ImportReplace {
		old, err := s.DB.GetAutomation(item.TargetID)
		if err != nil {
			return err
		}
		for key := range webhookRefs(&old) {
			j.oldHookRefs = append(j.oldHookRefs, key)
		}
	}
	return nil
}

// decideItem gives *rec the name the namer decides (name points at rec's
// name field) and wraps a copy of it with its action.
func decideItem[T any](n *namer, rec *T, name *string) (core.ImportItem[T], error) {
	newName, action, target, err := n.decide(*name)
	if err != nil {
		return core.ImportItem[T]{}, err
	}
	*name = newName
	return core.ImportItem[T]{Record: *rec, Action: action, TargetID: target}, nil
}

func indexIDs[T any](list []T, id func(T) uint64) map[uint64]int {
	out := make(map[uint64]int, len(list))
	for i, x := range list {
		out[id(x)] = i
	}
	return out
}
