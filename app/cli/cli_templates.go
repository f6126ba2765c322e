package cli

import (
	"strconv"

	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/spf13/cobra"
)

// newTemplatesCmd is `affdesk templates list|show|export`.
func newTemplatesCmd(env *cliEnv) *cobra.Command {
	list := &cobra.Command{Use: "list", Short: "print the action templates as JSON", Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return env.printJSON(func(s *service.Services) (any, error) { return s.DB.ListTemplates() })
		}}
	show := &cobra.Command{Use: "show ID", Short: "print one template as JSON", Args: oneArg("templates show needs a template ID."),
		RunE: func(_ *cobra.Command, args []string) error {
			id, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil {
				return usagef("%q is not a template ID (a whole number).", args[0])
			}
			return env.printJSON(func(s *service.Services) (any, error) { return s.DB.GetTemplate(id) })
		}}
	export := &cobra.Command{Use: "export", Short: "print every template and its connection as JSON (no secrets)", Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return env.printJSON(func(s *service.Services) (any, error) { return s.ExportTemplates() })
		}}
	return groupCmd("templates", "list, show, export and copy as curl action templates", list, show, export, newTemplateCurlCmd(env))
}

// oneArg accepts exactly one argument; none gives missing, more a
// usage error naming the extra one.
func oneArg(missing string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case len(args) == 0:
			return usagef("%s", missing)
		case len(args) > 1:
			return usagef("%s takes one argument, got %q and %q", cmd.CommandPath(), args[0], args[1])
		}
		return nil
	}
}

// parseID reads a record's ID from the command line.
func parseID(kind, raw string) (uint64, error) {
	id, err := strconv.ParseUint(raw, 10, 64)
	if err != nil || id == 0 {
		return 0, usagef("%q is not a %s ID (a whole number).", raw, kind)
	}
	return id, nil
}

// reportErr prints a coded error's message and returns the exit code:
// ExitUsage for the codes listed in usage, else ExitFailed.
func (env *cliEnv) reportErr(err error, usage ...string) error {
	env.say("%s", core.ErrorMessage(err))
	for _, c := range usage {
		if core.ErrorCode(err) == c {
			return exitError(ExitUsage)
		}
	}
	return exitError(ExitFailed)
}
