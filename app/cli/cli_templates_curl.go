package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/spf13/cobra"
)

// newTemplateCurlCmd is `affdesk templates curl NAME|ID [--value k=v]...
// [--reveal]`.
func newTemplateCurlCmd(env *cliEnv) *cobra.Command {
	var reveal bool
	var values []string
	cmd := &cobra.Command{Use: "curl NAME|ID [--value NAME=VALUE]... [--reveal]",
		Short: "print the request a template makes as a curl command (secrets masked unless --reveal)",
		Args:  oneArg("templates curl needs a template name or ID."),
		RunE: func(_ *cobra.Command, args []string) error {
			vals, err := parseValues(values)
			if err != nil {
				return err
			}
			return env.withData(func(s *service.Services) error {
				t, err := findTemplate(s, args[0])
				if err != nil {
					return env.reportErr(err, core.ENOTFOUND)
				}
				out, err := s.CopyTemplateAsCurl(t.ID, vals, reveal)
				if err != nil {
					return env.reportErr(err, core.EINVALID, core.ENOTFOUND)
				}
				fmt.Fprintln(env.stdout, out)
				return nil
			})
		}}
	cmd.Flags().BoolVar(&reveal, "reveal", false, "show the connection's secrets instead of masks")
	cmd.Flags().StringArrayVar(&values, "value", nil, "a parameter value, NAME=VALUE (repeatable)")
	return cmd
}

func parseValues(list []string) (map[string]string, error) {
	out := map[string]string{}
	for _, kv := range list {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return nil, usagef("--value %q must be NAME=VALUE", kv)
		}
		out[k] = v
	}
	return out, nil
}

// findTemplate returns the template with the ID or exact name (ignoring
// case); ENOTFOUND otherwise.
func findTemplate(s *service.Services, ref string) (core.ActionTemplate, error) {
	all, err := s.DB.ListTemplates()
	if err != nil {
		return core.ActionTemplate{}, err
	}
	for _, t := range all {
		if strconv.FormatUint(t.ID, 10) == ref || strings.EqualFold(t.Name, ref) {
			return t, nil
		}
	}
	return core.ActionTemplate{}, core.Errorf(core.ENOTFOUND, "No template is named %q or has that ID.", ref)
}
