package service

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/store"
)

// ownerSuffix names the file beside the data file where the process that
// holds it for writing says who it is, so a second process can name it.
const ownerSuffix = ".owner"

// lockOwner is what the owner file holds. It never holds a secret: the
// command line carries none (set-secret reads standard input).
type lockOwner struct {
	PID     int       `json:"pid"`
	Command string    `json:"command"`
	Since   time.Time `json:"since"`
}

func ownerPath(dataDir string) string { return filepath.Join(dataDir, store.FileName+ownerSuffix) }

// writeOwner records this process as the data file's holder. It is best
// effort: a folder that refuses the file only loses the better message.
func writeOwner(dataDir string, now time.Time) {
	cmd := strings.Join(append([]string{filepath.Base(os.Args[0])}, os.Args[1:]...), " ")
	raw, _ := json.Marshal(lockOwner{PID: os.Getpid(), Command: short(cmd, 160), Since: now.UTC()})
	_ = os.WriteFile(ownerPath(dataDir), raw, 0o600)
}

// dropOwner removes the owner file if this process wrote it.
func dropOwner(dataDir string) {
	if o, ok := readOwner(dataDir); ok && o.PID == os.Getpid() {
		_ = os.Remove(ownerPath(dataDir))
	}
}

// readOwner reads the owner file; ok is false when there is none or it
// does not parse.
func readOwner(dataDir string) (lockOwner, bool) {
	raw, err := os.ReadFile(ownerPath(dataDir))
	if err != nil || len(raw) > 4096 {
		return lockOwner{}, false
	}
	return parseOwner(raw)
}

// parseOwner reads an owner file's text: a positive process ID and a
// one-line command are required.
func parseOwner(raw []byte) (lockOwner, bool) {
	var o lockOwner
	if json.Unmarshal(raw, &o) != nil || o.PID <= 0 || strings.ContainsAny(o.Command, "\r\n") {
		return lockOwner{}, false
	}
	o.Command = short(o.Command, 160)
	return o, true
}

// WithHolder adds to "the data file is in use" which process holds it,
// when the holder wrote its owner file. Other errors pass unchanged.
func WithHolder(dataDir string, err error) error {
	if core.ErrorCode(err) != core.EUNAVAILABLE {
		return err
	}
	o, ok := readOwner(dataDir)
	if !ok || o.PID == os.Getpid() {
		return err
	}
	return core.Errorf(core.EUNAVAILABLE, "%s It is held by process %d (%s), running since %s.",
		core.ErrorMessage(err), o.PID, o.Command, o.Since.Local().Format("2006-01-02 15:04"))
}
