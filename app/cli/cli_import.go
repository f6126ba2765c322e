package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/spf13/cobra"
)

// newAutomationsCmd is `affdesk automations list|export|import`.
func newAutomationsCmd(env *cliEnv) *cobra.Command {
	list := &cobra.Command{Use: "list", Short: "print the automations as JSON", Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return env.printJSON(func(s *service.Services) (any, error) { return s.ShownAutomations() })
		}}
	export := &cobra.Command{Use: "export", Short: "print every automation, with its templates and connections, as JSON (no secrets)",
		Args: cobra.NoArgs, RunE: func(*cobra.Command, []string) error {
			return env.printJSON(func(s *service.Services) (any, error) { return s.ExportAutomations() })
		}}
	return groupCmd("automations", "list, export and import automations", list, export, newImportCmd(env))
}

func newImportCmd(env *cliEnv) *cobra.Command {
	var onClash string
	cmd := &cobra.Command{Use: "import FILE [--on-clash rename|replace|skip]",
		Short: "import an automations or templates export, all or nothing",
		Long: `Imports an automations or templates export, all or nothing. A name
already in use is renamed "Name (2)" (rename, the default), replaced
keeping its ID and secrets (replace), or skipped, the stored record being
used (skip). Secrets are entered again in the app, or with
affdesk connections set-secret.`,
		Args: oneArg("automations import needs a file"),
		RunE: func(_ *cobra.Command, args []string) error {
			policy, err := service.ParseClashPolicy(onClash)
			if err != nil {
				return usagef("%s", core.ErrorMessage(err))
			}
			return exitWith(withServices(env.dataDir, env.stderr, func(s *service.Services) int {
				return importCommand(s, args[0], policy, env.stdout, env.stderr)
			}))
		}}
	cmd.Flags().StringVar(&onClash, "on-clash", "rename", "on a name clash: rename, replace or skip")
	return cmd
}

// importCommand imports the file and prints what was written. Exit
// status 1 when the import fails (nothing is then written).
func importCommand(s *service.Services, file string, policy service.ClashPolicy, stdout, stderr io.Writer) int {
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

// printImport writes an import's result for people.
func printImport(w io.Writer, res service.ImportResult) {
	for _, k := range []struct {
		kind string
		o    service.ImportOutcome
	}{{"connection", res.Connections}, {"template", res.Templates}, {"automation", res.Automations}} {
		fmt.Fprintf(w, "%ss: %d added, %d replaced, %d skipped\n", core.Capitalize(k.kind), len(k.o.Added), len(k.o.Replaced), len(k.o.Skipped))
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
