package cli

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/demotracker"
	"github.com/spf13/cobra"
)

// newDemoTrackerCmd is `affdesk demo-tracker`: the built-in demo tracker
// on its own, for trying other tools (or benchmarks) against the same
// sample data the Demo connection uses.
func newDemoTrackerCmd(env *cliEnv) *cobra.Command {
	var addr string
	cmd := &cobra.Command{Use: "demo-tracker [--addr 127.0.0.1:PORT]", Short: "run the built-in demo tracker on this machine until SIGINT or SIGTERM",
		Long: `Runs the demo tracker (sample impact.com, Affise, CAKE, Binom and Everflow
APIs) on a loopback address and prints its base URL and credentials, until
SIGINT (Ctrl-C) or SIGTERM. The address must be on this machine.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if !loopback(addr) {
				return usagef("--addr %q: the demo tracker listens on this machine only (127.0.0.1 or ::1)", addr)
			}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop() // caught before the URL is printed, so a quick stop is clean
			srv, err := demotracker.Start(addr, nil)
			if err != nil {
				env.say("%v", err)
				return exitError(ExitFailed)
			}
			defer srv.Close()
			fmt.Fprintf(env.stdout, "%s\nimpact.com: /Advertisers/%s (Basic %s:%s); Affise, Binom, Everflow key: %s\n",
				srv.URL, core.DemoAccountSID, core.DemoAccountSID, core.DemoAuthToken, core.DemoAPIKey)
			<-ctx.Done()
			return nil
		}}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:0", "the loopback address and port to listen on (port 0: any free one)")
	return cmd
}

// loopback reports whether addr (host:port) is on this machine's loopback.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
