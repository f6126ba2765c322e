package cli

import (
	"fmt"
	"io"

	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
)

// setSecretCommand runs `connections set-secret NAME|ID FIELD`, the value
// read from stdin. A value on the command line is refused: it would stay
// in the shell history and the process list.
func setSecretCommand(args []string, dataDir string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 2 {
		fmt.Fprintf(stderr, "affdesk: connections set-secret takes no value on the command line (it would stay in the shell history): pipe it on standard input, e.g. printf '%%s' \"$KEY\" | affdesk connections set-secret NAME FIELD\n")
		return 2
	}
	if len(args) < 2 {
		fmt.Fprintln(stderr, "affdesk: usage: affdesk connections set-secret NAME|ID FIELD (the value on standard input)")
		return 2
	}
	value, err := service.ReadSecret(stdin)
	if err != nil {
		fmt.Fprintln(stderr, "affdesk:", core.ErrorMessage(err))
		return 2
	}
	return withServices(dataDir, stderr, func(s *service.Services) int {
		c, err := s.SetConnectionSecret(args[0], args[1], value)
		if err != nil {
			fmt.Fprintln(stderr, "affdesk:", core.ErrorMessage(err))
			if core.ErrorCode(err) == core.ENOTFOUND || core.ErrorCode(err) == core.EINVALID {
				return 2
			}
			return 1
		}
		fmt.Fprintf(stdout, "Stored the %s of connection %q (%s).\n", args[1], c.Name, c.SecretMasks[args[1]])
		return 0
	})
}
