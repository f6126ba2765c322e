package cli

import (
	"strings"

	"github.com/affdesk/affdesk/app/service"
	"github.com/spf13/cobra"
)

// completeAutomations offers the names of the stored automations that
// start with what was typed. It opens the data file for reading only and
// offers nothing when it cannot (a window holding it, say).
func (env *cliEnv) completeAutomations(cmd *cobra.Command, args []string, typed string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 && cmd.Name() == "run" {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	_ = env.readDataDir(cmd, nil)
	dataDir, err := service.DataDirOr(env.dataDir)
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	svc, err := service.Open(service.Config{DataDir: dataDir, Secrets: service.NoSecrets{}, ReadOnly: true})
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	defer svc.Close()
	all, err := svc.DB.ListAutomations()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, a := range all {
		if strings.HasPrefix(strings.ToLower(a.Name), strings.ToLower(typed)) {
			out = append(out, a.Name)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
