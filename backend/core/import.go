package core

// ImportAction says what an import does with one record of its file.
// Persisted in nothing; shown in results.
type ImportAction string

// The import actions.
const (
	ImportAdd     ImportAction = "add"     // store as a new record
	ImportReplace ImportAction = "replace" // overwrite TargetID, keeping its ID
	ImportSkip    ImportAction = "skip"    // write nothing; references use TargetID
)

// ImportItem is one record of an import. Record keeps the ID it has in the
// file, which the file's references use; TargetID names the stored record
// a replace overwrites or a skip stands for.
type ImportItem[T any] struct {
	Record   T
	Action   ImportAction
	TargetID uint64
}

// ImportBatch is everything one import writes, already validated.
// References inside it (a template's connection, a step's template, a
// Pull Stats step's connection) use file IDs.
type ImportBatch struct {
	Connections []ImportItem[Connection]
	Templates   []ImportItem[ActionTemplate]
	Automations []ImportItem[Automation]
}

// ImportIDs maps each kind's file IDs to the stored IDs they became.
type ImportIDs struct {
	Connections map[uint64]uint64
	Templates   map[uint64]uint64
	Automations map[uint64]uint64
}

// Importer writes an import batch.
type Importer interface {
	// Import writes the batch in one transaction, renumbering references:
	// all of it or, on any error, none of it. It returns ENOTFOUND if a
	// replace or skip names a record that is not stored, and EINVALID if
	// a reference names a record the batch does not hold.
	Import(b ImportBatch) (ImportIDs, error)
}
