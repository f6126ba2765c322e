package service

import (
	"errors"
	"fmt"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/tracker"
)

// itemError names the file's record an error is about: its kind, name and
// field, as in `template "Reverse", path: …` or `automation "Weekly
// stats", step 3: …`. The error's field is the record's place in the file
// followed by the field the check named (e.g. "templates[0].path").
func itemError(kind string, i int, name string, steps []core.Step, err error) error {
	var e *core.Error
	if !errors.As(err, &e) || e.Code == core.EINTERNAL {
		return fmt.Errorf("import %s %q: %w", kind, name, err)
	}
	label := fmt.Sprintf("%s %q", kind, strings.TrimSpace(name))
	if strings.TrimSpace(name) == "" {
		label = fmt.Sprintf("%s #%d", kind, i+1)
	}
	where := e.Field
	if id, ok := stepOf(e.Field); ok {
		where = "step " + stepPositions(steps)[id]
	}
	msg := label + ": " + e.Message
	if where != "" {
		msg = label + ", " + where + ": " + e.Message
	}
	field := fmt.Sprintf("%ss[%d]", kind, i)
	if e.Field != "" {
		field += "." + e.Field
	}
	return &core.Error{Code: e.Code, Field: field, Message: msg}
}

// stepOf returns the step ID of a field such as "steps.s3.templateId".
func stepOf(field string) (string, bool) {
	rest, ok := strings.CutPrefix(field, "steps.")
	if !ok {
		return "", false
	}
	id, _, ok := strings.Cut(rest, ".")
	return id, ok
}

// stepPositions numbers steps as the builder shows them: 1, 2, 2.1, ….
func stepPositions(steps []core.Step) map[string]string {
	out := map[string]string{}
	var walk func([]core.Step, string)
	walk = func(ss []core.Step, prefix string) {
		for i, st := range ss {
			pos := fmt.Sprintf("%s%d", prefix, i+1)
			if _, seen := out[st.ID]; !seen {
				out[st.ID] = pos
			}
			walk(st.Steps, pos+".")
		}
	}
	walk(steps, "")
	return out
}

// checkConnection is the editor's check of an imported connection. Its
// secrets never travel in a file, so none is required here: the result
// says which to enter.
func checkConnection(c *core.Connection) error {
	c.SecretMasks = map[string]string{}
	return tracker.ValidateConnection(c, func(string) bool { return true })
}

// checkTemplate is the editor's check of an imported template against the
// connection it will use; ok is false when the file lacks that connection.
func checkTemplate(t *core.ActionTemplate, conn core.Connection, ok bool) error {
	switch {
	case t.ConnectionID == 0:
		return core.FieldError("connectionId", "Choose a connection.")
	case !ok:
		return core.FieldError("connectionId", "It uses connection %d, which is not in the file.", t.ConnectionID)
	}
	return tracker.ValidateTemplate(t, conn)
}

// fileRefs resolves an automation's references within the file.
func fileRefs(tpls, conns map[uint64]int) recordRefs {
	return recordRefs{
		template:   func(id uint64) bool { _, ok := tpls[id]; return ok },
		connection: func(id uint64) bool { _, ok := conns[id]; return ok },
		inFile:     true,
	}
}
