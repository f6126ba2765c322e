package engine

import (
	"context"
	"fmt"

	"github.com/affdesk/affdesk/backend/core"
)

// begin records a write's intent in the journal before it is sent. When
// the intent cannot be recorded the write must not be sent.
func (r *runner) begin(ctx context.Context, w core.WriteEntry) (core.WriteEntry, error) {
	w.Item, w.ItemLabel = itemOf(ctx)
	w.RunID, w.At = r.run.ID, r.e.now().UTC()
	if r.e.Journal == nil {
		return w, nil
	}
	if err := r.e.Journal.BeginWrite(&w); err != nil {
		return w, core.Errorf(core.EUNAVAILABLE, "The write could not be recorded before sending, so it was not sent: %v.", err)
	}
	return w, nil
}

// end records a write's outcome in the journal; a failure to record it
// becomes a warning on the step (the intent stays, and reads as unknown).
func (r *runner) end(w core.WriteEntry, outcome string, status int, err error, res *core.StepResult) {
	if r.e.Journal == nil {
		return
	}
	w.Outcome, w.Status, w.At = outcome, status, r.e.now().UTC()
	if err != nil {
		w.Error = core.ErrorMessage(err)
	}
	if jerr := r.e.Journal.EndWrite(w); jerr != nil {
		res.Warnings = append(res.Warnings, fmt.Sprintf("The outcome of this write (%s) could not be recorded: %v.", outcome, jerr))
	}
}

// unknownErr makes err say that a write's outcome is unknown (EUNKNOWN,
// which ends its step as unknown) when core.WriteStepStatus finds the
// write's outcome unknown; what words it ("The email may or may not have
// gone"). No error, a cancel, or an error already EUNKNOWN stands.
func unknownErr(outcome string, err error, dry bool, what string) error {
	if err == nil || isCancel(err) || core.ErrorCode(err) == core.EUNKNOWN || core.WriteStepStatus(outcome, true, dry) != core.StepUnknown {
		return err
	}
	return core.Errorf(core.EUNKNOWN, "%s: %s", what, core.ErrorMessage(err))
}

// callOutcome says what became of a template write: the request layer's
// own verdict when it gives one, else what the answer proves.
func callOutcome(out Outcome, err error, dry bool) (string, int) {
	if dry || out.NotSent {
		return core.OutcomeNotSent, 0
	}
	status, verdict := 0, ""
	for _, rec := range out.Records {
		if rec.Status != 0 {
			status = rec.Status
		}
		if rec.Outcome != "" {
			verdict = rec.Outcome
		}
	}
	switch {
	case verdict != "":
		return verdict, status
	case core.ErrorCode(err) == core.EUNKNOWN:
		return core.OutcomeUnknown, status
	case status != 0:
		return core.AnswerOutcome(status), status
	case err == nil:
		return core.OutcomeSent, status
	case isCancel(err) && len(out.Records) > 0:
		return core.OutcomeUnknown, 0
	}
	return core.OutcomeNotSent, 0
}

// sendOutcome says what became of an email or webhook. An answer's
// status decides as for a tracker's (core.AnswerOutcome): 429 and 503
// not sent, 502 and 504 unknown, any other sent. Without an answer it is
// sent when there was no error, not sent when it was refused before
// leaving, else unknown (written, then the answer was lost).
func sendOutcome(status int, err error) string {
	if status != 0 {
		return core.AnswerOutcome(status)
	}
	if err == nil {
		return core.OutcomeSent
	}
	switch core.ErrorCode(err) {
	case core.EINVALID, core.EUNAUTHORIZED, core.ENOTFOUND:
		return core.OutcomeNotSent
	}
	return core.OutcomeUnknown
}

// markOutcome stamps the final record of a write with its outcome.
func markOutcome(recs []core.HTTPRecord, outcome string) {
	if n := len(recs); n > 0 && recs[n-1].Outcome == "" {
		recs[n-1].Outcome = outcome
	}
}

// refusedKey is a tracker's refusal of a connection's credentials; it
// names the connection, and it stops a loop at once.
type refusedKey struct {
	conn string
	err  *core.Error
}

func (e *refusedKey) Error() string { return e.err.Error() }
func (e *refusedKey) Unwrap() error { return e.err }

// refused wraps an EUNAUTHORIZED error with the name of the connection
// whose key the tracker refused.
func (r *runner) refused(connID uint64, err error) error {
	name := fmt.Sprintf("#%d", connID)
	if r.e.Connections != nil {
		if c, cerr := r.e.Connections.GetConnection(connID); cerr == nil && c.Name != "" {
			name = c.Name
		}
	}
	msg := fmt.Sprintf("The tracker refused the key of connection “%s”: %s Fix the key in Connections, then run again.", name, core.ErrorMessage(err))
	return &refusedKey{conn: name, err: core.Errorf(core.EUNAUTHORIZED, "%s", msg)}
}
