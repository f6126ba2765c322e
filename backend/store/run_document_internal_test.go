package store

import (
	"encoding/json"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

// rawRun decodes a run's document as stored, nothing filled in.
func rawRun(t *testing.T, db *DB, id uint64) core.Run {
	t.Helper()
	var r core.Run
	err := db.bolt.View(func(tx *bolt.Tx) error {
		return json.Unmarshal(tx.Bucket(bucketRuns).Get(itob(id)), &r)
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestSavingARunReadBackKeepsItemsApart proves that a run read (its
// loop's first page of items and its write summary filled in), changed
// and saved again does not copy them into the run document, while a
// loop whose items were only ever kept inline keeps them.
func TestSavingARunReadBackKeepsItemsApart(t *testing.T) {
	db, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	inline := []core.Iteration{{Index: 1, Item: "old", Status: core.StepOK}}
	r := core.Run{Status: core.RunRunning, Steps: []core.StepResult{
		{StepID: "s1", Label: "1", Kind: core.StepForEach, Items: &core.ItemCounts{Total: 2, Succeeded: 2}},
		{StepID: "s2", Label: "2", Kind: core.StepForEach, Iterations: inline},
	}}
	if err := db.SaveRun(&r); err != nil {
		t.Fatal(err)
	}
	items := []core.Iteration{{Index: 1, Item: "a", Status: core.StepOK}, {Index: 2, Item: "b", Status: core.StepOK}}
	if err := db.SaveItems(r.ID, "1", items); err != nil {
		t.Fatal(err)
	}
	w := core.WriteEntry{RunID: r.ID, Step: "1.1", Kind: "request", Method: "POST"}
	if err := db.BeginWrite(&w); err != nil {
		t.Fatal(err)
	}
	got, err := db.GetRun(r.ID)
	if err != nil || len(got.Steps[0].Iterations) != 2 || got.Writes == nil {
		t.Fatalf("read: %v, %d items, writes %v", err, len(got.Steps[0].Iterations), got.Writes)
	}
	got.Status = core.RunCompleted
	if err := db.SaveRun(&got); err != nil {
		t.Fatal(err)
	}
	doc := rawRun(t, db, r.ID)
	if doc.Status != core.RunCompleted || len(doc.Steps[0].Iterations) != 0 || doc.Writes != nil {
		t.Fatalf("document %s with %d inline items, writes %v", doc.Status, len(doc.Steps[0].Iterations), doc.Writes)
	}
	if len(doc.Steps[1].Iterations) != 1 || doc.Steps[1].Iterations[0].Item != "old" {
		t.Fatalf("inline items of a loop kept in the run were dropped: %+v", doc.Steps[1].Iterations)
	}
	if len(got.Steps[0].Iterations) != 2 {
		t.Errorf("saving changed the caller's run: %d items", len(got.Steps[0].Iterations))
	}
}
