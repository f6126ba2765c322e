package schedule

import (
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// cronFields names the five fields of an expression and what each takes.
var cronFields = [5][2]string{
	{"minute", "0 to 59"},
	{"hour", "0 to 23"},
	{"day-of-month", "1 to 31"},
	{"month", "1 to 12 or JAN to DEC"},
	{"day-of-week", "0 to 6 (0 is Sunday) or SUN to SAT"},
}

// cronError explains in plain words why expr does not parse, naming the
// first field at fault and what it may hold.
func cronError(expr string) error {
	fields := strings.Fields(expr)
	if len(fields) == 5 {
		for i, f := range fields {
			probe := []string{"*", "*", "*", "*", "*"}
			probe[i] = f
			if _, err := cronParser.Parse(strings.Join(probe, " ")); err != nil {
				return core.FieldError("schedule.cron",
					"The %s field %q cannot be read: use %s, a range (1-5), a list (1,3), a step (*/2) or *.",
					cronFields[i][0], f, cronFields[i][1])
			}
		}
	}
	return core.FieldError("schedule.cron",
		"The cron expression %q cannot be read. It has five fields: minute hour day-of-month month day-of-week, e.g. 0 9 * * MON.", expr)
}
