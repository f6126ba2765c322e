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

// maxSourceBytes bounds what `affdesk import` reads.
const maxSourceBytes = 32 << 20

// newImportSourceCmd is `affdesk import KIND FILE|-`: templates from a
// cURL command (and any other kind the service reads), all or nothing.
func newImportSourceCmd(env *cliEnv) *cobra.Command {
	var onClash string
	var picks []string
	cmd := &cobra.Command{Use: "import KIND FILE|- [--pick KEY]... [--on-clash rename|replace|skip]",
		Short: "import action templates from a " + strings.Join(service.ImportSourceKinds(), ", ") + " source, all or nothing",
		Long: `Imports action templates and the connection they call from a source
(FILE, or - for standard input): curl reads one curl command, openapi an
OpenAPI 3.0/3.1 or Swagger 2.0 file (JSON or YAML), postman a Postman
collection (v2.0 or v2.1). The
templates use a stored connection on the same host when there is one;
otherwise a new connection is added with the credentials the source
holds, which go to the secret store. --pick KEY (repeatable) imports only
those requests. A name already in use is renamed (the default), replaced
or skipped, as with automations import.`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 2 {
				return usagef("import needs a kind (%s) and a file, or - for standard input", strings.Join(service.ImportSourceKinds(), ", "))
			}
			return nil
		},
		RunE: func(_ *cobra.Command, args []string) error {
			policy, err := service.ParseClashPolicy(onClash)
			if err != nil {
				return usagef("%s", core.ErrorMessage(err))
			}
			if !knownKind(args[0]) {
				return usagef("import reads %s, not %q", strings.Join(service.ImportSourceKinds(), ", "), args[0])
			}
			data, err := readSource(args[1], env.stdin)
			if err != nil {
				return usagef("%v", err)
			}
			return exitWith(withServices(env.dataDir, env.stderr, func(s *service.Services) int {
				return importSource(s, args[0], data, picks, policy, env.stdout, env.stderr)
			}))
		}}
	cmd.Flags().StringVar(&onClash, "on-clash", "rename", "on a name clash: rename, replace or skip")
	cmd.Flags().StringArrayVar(&picks, "pick", nil, "import only the request with this key (repeatable)")
	return cmd
}

func knownKind(kind string) bool {
	for _, k := range service.ImportSourceKinds() {
		if k == kind {
			return true
		}
	}
	return false
}

// readSource reads the file, or standard input for "-".
func readSource(name string, stdin io.Reader) ([]byte, error) {
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, maxSourceBytes+1))
	if err == nil && len(data) > maxSourceBytes {
		err = fmt.Errorf("%s is larger than %d MB", name, maxSourceBytes>>20)
	}
	return data, err
}

// importSource imports and prints what was written. Exit status 2 for a
// pick the source lacks, 1 when the source cannot be imported (nothing
// is then written).
func importSource(s *service.Services, kind string, data []byte, picks []string, policy service.ClashPolicy, stdout, stderr io.Writer) int {
	res, err := s.ImportSource(kind, data, picks, policy)
	if err != nil {
		fmt.Fprintln(stderr, "affdesk: nothing was imported:", core.ErrorMessage(err))
		if core.ErrorField(err) == "pick" {
			return ExitUsage
		}
		return 1
	}
	printImport(stdout, res)
	return 0
}
