package app

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// importCommand runs `automations import FILE [--on-clash POLICY]` and
// prints what was written. Exit status 2 for a usage mistake, 1 when the
// import fails (nothing is then written).
func (s *Services) importCommand(args []string, stdout, stderr io.Writer) int {
	file, policy, err := importArgs(args)
	if err != nil {
		fmt.Fprintln(stderr, "affdesk:", core.ErrorMessage(err))
		return 2
	}
	f, err := os.Open(file)
	if err != nil {
		fmt.Fprintln(stderr, "affdesk:", err)
		return 1
	}
	defer f.Close()
	res, err := s.ImportBundle(f, policy)
	if err != nil {
		fmt.Fprintln(stderr, "affdesk: nothing was imported:", core.ErrorMessage(err))
		return 1
	}
	printImport(stdout, res)
	return 0
}

// importArgs reads the file and the clash policy, as `--on-clash skip` or
// `--on-clash=skip`.
func importArgs(args []string) (string, ClashPolicy, error) {
	file, raw := "", ""
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--on-clash" && i+1 < len(args):
			raw = args[i+1]
			i++
		case strings.HasPrefix(a, "--on-clash="):
			raw = strings.TrimPrefix(a, "--on-clash=")
		case strings.HasPrefix(a, "-") || file != "":
			return "", "", core.Errorf(core.EINVALID, "usage: affdesk automations import FILE [--on-clash rename|replace|skip]")
		default:
			file = a
		}
	}
	if file == "" {
		return "", "", core.Errorf(core.EINVALID, "automations import needs a file")
	}
	policy, err := ParseClashPolicy(raw)
	return file, policy, err
}

// printImport writes an import's result for people.
func printImport(w io.Writer, res ImportResult) {
	for _, k := range []struct {
		kind string
		o    ImportOutcome
	}{{"connection", res.Connections}, {"template", res.Templates}, {"automation", res.Automations}} {
		fmt.Fprintf(w, "%ss: %d added, %d replaced, %d skipped\n", capitalize(k.kind), len(k.o.Added), len(k.o.Replaced), len(k.o.Skipped))
	}
	for _, line := range res.Renamed {
		fmt.Fprintln(w, line)
	}
	for _, line := range res.Warnings {
		fmt.Fprintln(w, "Warning:", line)
	}
	for _, need := range res.Secrets {
		fmt.Fprintf(w, "Connection %q (ID %d) needs its %s: enter them in the app.\n", need.Connection, need.ConnectionID, strings.Join(need.Fields, ", "))
	}
}
