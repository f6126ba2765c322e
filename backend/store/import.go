package store

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

var _ core.Importer = (*DB)(nil)

// Import writes connections, then templates, then automations in one
// bbolt transaction, renumbering the batch's references from file IDs to
// stored IDs: all of it or, on any error, none of it. A replace keeps the
// stored record's ID and CreatedAt; an add gets a new ID and fresh times.
// Returns ENOTFOUND if a replace or skip names a record that is not
// stored, and EINVALID if a reference names a record the batch lacks.
func (db *DB) Import(b core.ImportBatch) (core.ImportIDs, error) {
	ids := core.ImportIDs{Connections: map[uint64]uint64{}, Templates: map[uint64]uint64{}, Automations: map[uint64]uint64{}}
	now := db.now().UTC()
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		w := importTx{tx: tx, now: now, ids: ids}
		if err := w.connections(b.Connections); err != nil {
			return err
		}
		if err := w.templates(b.Templates); err != nil {
			return err
		}
		return w.automations(b.Automations)
	})
	if err != nil {
		return core.ImportIDs{}, err
	}
	return ids, nil
}

// importTx is one import's transaction and the IDs it has given so far.
type importTx struct {
	tx  *bolt.Tx
	now time.Time
	ids core.ImportIDs
}

func (w importTx) connections(items []core.ImportItem[core.Connection]) error {
	for _, it := range items {
		c := it.Record
		id, err := write(w, bucketConnections, "Connection", it.Action, it.TargetID, &c, &c.CreatedAt)
		if err != nil {
			return fmt.Errorf("import connection %q: %w", c.Name, err)
		}
		w.ids.Connections[it.Record.ID] = id
	}
	return nil
}

func (w importTx) templates(items []core.ImportItem[core.ActionTemplate]) error {
	for _, it := range items {
		t := it.Record
		if it.Action != core.ImportSkip {
			conn, ok := w.ids.Connections[t.ConnectionID]
			if !ok {
				return core.Errorf(core.EINVALID, "Template %q names connection %d, which the import does not hold.", t.Name, t.ConnectionID)
			}
			t.ConnectionID = conn
		}
		id, err := write(w, bucketTemplates, "Template", it.Action, it.TargetID, &t, &t.CreatedAt)
		if err != nil {
			return fmt.Errorf("import template %q: %w", t.Name, err)
		}
		w.ids.Templates[it.Record.ID] = id
	}
	return nil
}

func (w importTx) automations(items []core.ImportItem[core.Automation]) error {
	for _, it := range items {
		a := it.Record
		a.Steps = cloneSteps(a.Steps)
		if it.Action != core.ImportSkip {
			if err := w.renumber(a.Name, a.Steps); err != nil {
				return err
			}
		}
		id, err := write(w, bucketAutomations, "Automation", it.Action, it.TargetID, &a, &a.CreatedAt)
		if err != nil {
			return fmt.Errorf("import automation %q: %w", a.Name, err)
		}
		w.ids.Automations[it.Record.ID] = id
	}
	return nil
}

// renumber points an automation's steps at the stored templates and
// connections.
func (w importTx) renumber(name string, steps []core.Step) error {
	var err error
	core.Walk(steps, func(st *core.Step, _ []*core.Step) {
		if err != nil {
			return
		}
		if st.TemplateID != 0 {
			id, ok := w.ids.Templates[st.TemplateID]
			if !ok {
				err = core.Errorf(core.EINVALID, "Automation %q names template %d, which the import does not hold.", name, st.TemplateID)
			}
			st.TemplateID = id
		}
		if st.Stats != nil && st.Stats.ConnectionID != 0 {
			id, ok := w.ids.Connections[st.Stats.ConnectionID]
			if !ok {
				err = core.Errorf(core.EINVALID, "Automation %q names connection %d, which the import does not hold.", name, st.Stats.ConnectionID)
			}
			st.Stats.ConnectionID = id
		}
	})
	return err
}

// write carries out one item's action on rec and returns the stored ID it
// stands for. created is rec's CreatedAt, reset for an add and taken from
// the stored record for a replace.
func write[R core.Record](w importTx, bucket []byte, what string, action core.ImportAction, target uint64, rec R, created *time.Time) (uint64, error) {
	b := w.tx.Bucket(bucket)
	switch action {
	case core.ImportAdd:
		seq, err := b.NextSequence()
		if err != nil {
			return 0, fmt.Errorf("next %s id: %w", what, err)
		}
		*created = time.Time{}
		return seq, put(b, what, seq, rec, w.now)
	case core.ImportReplace, core.ImportSkip:
		old := b.Get(itob(target))
		if old == nil || target == 0 {
			return 0, core.Errorf(core.ENOTFOUND, "%s %d was not found.", what, target)
		}
		if action == core.ImportSkip {
			return target, nil
		}
		var stored struct {
			CreatedAt time.Time `json:"createdAt"`
		}
		if err := json.Unmarshal(old, &stored); err != nil {
			return 0, fmt.Errorf("decode %s %d: %w", what, target, err)
		}
		*created = stored.CreatedAt
		return target, put(b, what, target, rec, w.now)
	}
	return 0, core.Errorf(core.EINVALID, "Unknown import action %q.", action)
}

// put stamps rec with id and now and stores it.
func put[R core.Record](b *bolt.Bucket, what string, id uint64, rec R, now time.Time) error {
	rec.Stamp(id, now)
	v, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("encode %s %d: %w", what, id, err)
	}
	if err := b.Put(itob(id), v); err != nil {
		return fmt.Errorf("store %s %d: %w", what, id, err)
	}
	return nil
}

// cloneSteps deep-copies steps as far as renumbering writes (IDs in steps
// and their stats), so the caller's batch is left as it was.
func cloneSteps(steps []core.Step) []core.Step {
	if steps == nil {
		return nil
	}
	out := make([]core.Step, len(steps))
	for i, st := range steps {
		if st.Stats != nil {
			cp := *st.Stats
			st.Stats = &cp
		}
		st.Steps = cloneSteps(st.Steps)
		out[i] = st
	}
	return out
}
