package app

import "github.com/spf13/cobra"

// addScheduleCmds adds the commands that run or show schedules.
func addScheduleCmds(root *cobra.Command, env *cliEnv) {}
