package cli

import (
	"fmt"

	"github.com/affdesk/affdesk/app/service"
	"github.com/spf13/cobra"
)

// newConnectionsCmd is `affdesk connections list|set-secret`.
func newConnectionsCmd(env *cliEnv) *cobra.Command {
	list := &cobra.Command{Use: "list", Short: "print the connections as JSON (which secrets are set, masked; never a secret)",
		Args: cobra.NoArgs, RunE: func(*cobra.Command, []string) error {
			return env.printJSON(func(s *service.Services) (any, error) { return s.ConnectionListing() })
		}}
	set := &cobra.Command{Use: "set-secret NAME|ID FIELD", Short: "store a connection's secret read from standard input",
		Long: `Stores one secret field of a connection, read from standard input (pipe
it; never put it on the command line, where it would stay in the shell
history), e.g.

  printf '%s' "$KEY" | affdesk connections set-secret "Shop API" api_key`,
		Args: cobra.ArbitraryArgs,
		RunE: func(_ *cobra.Command, args []string) error {
			return exitWith(setSecretCommand(args, env.dataDir, env.stdin, env.stdout, env.stderr))
		}}
	return groupCmd("connections", "list connections and store their secrets", list, set)
}

// say prints one line on standard error, prefixed with the program's name.
func (env *cliEnv) say(format string, a ...any) {
	fmt.Fprintln(env.stderr, "affdesk:", fmt.Sprintf(format, a...))
}
