package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/affdesk/affdesk/app/service"
	"github.com/spf13/cobra"
)

// cliEnv is what every command reads: the data folder (from --data-dir,
// else the default), the standard streams, and how to open the window.
type cliEnv struct {
	dataDir string
	stdin   io.Reader
	stdout  io.Writer
	stderr  io.Writer
	window  func(dataDir string) int // nil: no window here (help instead)
}

// exitError ends a command with an exit code whose message the command
// has already printed.
type exitError int

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// exitWith turns an exit code into the error RunE returns: nil for 0.
func exitWith(code int) error {
	if code == 0 {
		return nil
	}
	return exitError(code)
}

// usageError is a mistake on the command line: exit status 2, the
// message and a pointer to the command's help.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// execute runs the command line args and returns the exit code: the
// command's own, or ExitUsage for anything the parser refused.
func execute(env *cliEnv, args []string) int {
	root := newRootCmd(env)
	root.SetArgs(normalizeArgs(args))
	root.SetIn(env.stdin)
	root.SetOut(env.stdout)
	root.SetErr(env.stderr)
	cmd, err := root.ExecuteC()
	var code exitError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &code):
		return int(code)
	}
	path := root.Name()
	if cmd != nil {
		path = cmd.CommandPath()
	}
	fmt.Fprintf(env.stderr, "affdesk: %s\nRun '%s --help' for usage.\n", strings.TrimSuffix(err.Error(), "\n"), path)
	return ExitUsage
}

// normalizeArgs accepts the single-dash long forms the command line took
// before (-data-dir, -dry-run, -help) by giving them their second dash.
func normalizeArgs(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		name, _, _ := strings.Cut(a, "=")
		switch name {
		case "-data-dir", "-dry-run", "-help", "-bundle", "-json":
			a = "-" + a
		}
		out[i] = a
	}
	return out
}

// newRootCmd builds the command tree. The root with no command opens the
// window; it ignores flags it does not know (a desktop launcher may pass
// some).
func newRootCmd(env *cliEnv) *cobra.Command {
	root := &cobra.Command{
		Use:                "affdesk",
		Short:              "AffDesk: tracker API automations for affiliate-network teams",
		Long:               rootLong,
		Version:            service.Version + commitSuffix(),
		SilenceErrors:      true,
		SilenceUsage:       true,
		FParseErrWhitelist: cobra.FParseErrWhitelist{UnknownFlags: true},
		PersistentPreRunE:  env.readDataDir,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if env.window == nil {
				return cmd.Help()
			}
			return exitWith(env.window(env.dataDir))
		},
	}
	root.PersistentFlags().String("data-dir", "", "the data folder (default $AFFDESK_DATA_DIR, else the user config folder)")
	root.SetVersionTemplate(service.Name + " {{.Version}}\n")
	root.SetFlagErrorFunc(flagError)
	root.AddCommand(newVersionCmd(env), newRunCmd(env), newRunsCmd(env), newAutomationsCmd(env),
		newConnectionsCmd(env), newTemplatesCmd(env), newBackupCmd(env), newRestoreCmd(env), newScheduleCmd(env), newServeCmd(env), newDemoTrackerCmd(env),
		newImportSourceCmd(env))
	setHelp(root)
	return root
}

// readDataDir takes --data-dir, refusing an empty one.
func (env *cliEnv) readDataDir(cmd *cobra.Command, _ []string) error {
	f := cmd.Flags().Lookup("data-dir")
	if f == nil || !f.Changed {
		return nil
	}
	if f.Value.String() == "" {
		return usagef("--data-dir needs a folder")
	}
	env.dataDir = f.Value.String()
	return nil
}

// flagError words the flag parser's errors as the rest of the command
// line does.
func flagError(cmd *cobra.Command, err error) error {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "flag needs an argument: --data-dir"):
		return usagef("--data-dir needs a folder")
	case strings.HasPrefix(msg, "unknown flag: "):
		return usagef("%s: unknown flag %q", cmd.Name(), strings.TrimPrefix(msg, "unknown flag: "))
	}
	return usagef("%s: %s", cmd.Name(), msg)
}

// groupCmd is a command that only holds others: alone or with an unknown
// word it is a usage error naming its commands.
func groupCmd(use, short string, subs ...*cobra.Command) *cobra.Command {
	g := &cobra.Command{Use: use, Short: short, Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			names := make([]string, 0, len(subs))
			for _, c := range subs {
				names = append(names, c.Name())
			}
			if len(args) > 0 {
				return usagef("unknown command %q for %q: use %s", args[0], cmd.CommandPath(), strings.Join(names, ", "))
			}
			return usagef("%s needs a command: %s", cmd.CommandPath(), strings.Join(names, ", "))
		}}
	g.AddCommand(subs...)
	return g
}

func newVersionCmd(env *cliEnv) *cobra.Command {
	return &cobra.Command{Use: "version", Short: "print the version", Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprintf(env.stdout, "%s %s%s\n", service.Name, service.Version, commitSuffix())
			return nil
		}}
}
