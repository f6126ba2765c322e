package core

// A run search (RunFilter.Query) is bounded in what it returns and in
// what it reads, so a query that few runs match stays quick however many
// runs are stored: it returns at most MaxRunSearch runs (a Limit of 0, or
// above it, asks for that many) and reads at most RunSearchBudget run
// summaries per call, then says where it stopped (RunPage.Next).
const (
	MaxRunSearch    = 200
	RunSearchBudget = 20_000
)

// RunPage is one page of a run listing, newest first.
type RunPage struct {
	Runs []Run `json:"runs"`
	// Next, when not 0, is where the listing stopped with older runs
	// left unread: list again with RunFilter.Before set to it to go on.
	// 0 when no older run is left.
	Next uint64 `json:"next"`
	// Partial says a search stopped at RunSearchBudget before it filled
	// the page: the runs older than Next were not searched yet, and the
	// user may search on ("Search older runs").
	Partial bool `json:"partial"`
}
