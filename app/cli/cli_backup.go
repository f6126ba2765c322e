package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/store"
	"github.com/spf13/cobra"
)

// backupCLI runs `affdesk backup [FILE]` and `affdesk restore FILE` and
// returns the exit code: 2 for a wrong command or a file that is not a
// usable AffDesk data file, 1 for any other failure.
func backupCLI(args []string, dataDir string, now func() time.Time, stdout, stderr io.Writer) int {
	dataDir, err := service.DataDirOr(dataDir)
	if err != nil {
		fmt.Fprintln(stderr, "affdesk:", err)
		return 1
	}
	switch {
	case args[0] == "backup" && len(args) <= 2:
		err = backupCommand(args[1:], dataDir, now, stdout)
	case args[0] == "restore" && len(args) == 2:
		err = restoreCommand(args[1], dataDir, now, stdout)
	default:
		err = core.Errorf(core.EINVALID, "Usage: affdesk backup [FILE], or affdesk restore FILE.")
	}
	if err == nil {
		return 0
	}
	fmt.Fprintln(stderr, "affdesk:", core.ErrorMessage(err))
	if core.ErrorCode(err) == core.EINVALID {
		return 2
	}
	return 1
}

// backupCommand writes a backup of the data file to args[0], into it when
// it is a folder, or into the backups folder when there is no argument.
func backupCommand(args []string, dataDir string, now func() time.Time, stdout io.Writer) error {
	if _, err := os.Stat(filepath.Join(dataDir, store.FileName)); errors.Is(err, fs.ErrNotExist) {
		return core.Errorf(core.ENOTFOUND, "There is no data file in %s to back up.", dataDir)
	}
	path := filepath.Join(service.BackupsDir(dataDir), service.BackupName(service.BackupManual, now()))
	if len(args) == 1 {
		path = args[0]
		if st, err := os.Stat(path); err == nil && st.IsDir() {
			path = filepath.Join(path, service.BackupName(service.BackupManual, now()))
		}
	}
	db, err := store.Open(dataDir, store.WithClock(now))
	if core.ErrorCode(err) == core.EUNAVAILABLE {
		return core.Errorf(core.EUNAVAILABLE, "%s In the open window, use Settings, Backups, Back up now.", core.ErrorMessage(err))
	}
	if err != nil {
		return err
	}
	defer db.Close()
	n, err := db.Backup(path)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Backed up %s to %s (%d bytes).\n", db.Path, path, n)
	return nil
}

// restoreCommand replaces the data file with the backup at src, keeping
// the data file as it was in the backups folder.
func restoreCommand(src, dataDir string, now func() time.Time, stdout io.Writer) error {
	safety := filepath.Join(service.BackupsDir(dataDir), service.BackupName(service.BackupRestore, now()))
	res, err := store.Restore(dataDir, src, safety, store.WithClock(now))
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Restored %s (%d bytes, schema %d) into %s.\n", src, res.Size, res.FromVersion, res.Path)
	if res.FromVersion < res.Version {
		fmt.Fprintf(stdout, "Its data was brought up to schema %d.\n", res.Version)
	}
	if res.SafetyBackup != "" {
		fmt.Fprintf(stdout, "The data file as it was is kept in %s.\n", res.SafetyBackup)
	}
	fmt.Fprintln(stdout, "Secrets kept in the system keychain are not part of a backup: enter any that a connection reports missing.")
	return nil
}

func newBackupCmd(env *cliEnv) *cobra.Command {
	return &cobra.Command{Use: "backup [FILE]", Short: "write a consistent copy of the data file (while no window has it open)",
		Long: `Writes a consistent copy of the data file to FILE (a folder: a dated file
in it), else to a dated file in DIR/backups. Works only while no window
has the data file open: there, use Settings, Backups, Back up now.`,
		Args: cobra.ArbitraryArgs,
		RunE: func(_ *cobra.Command, args []string) error {
			return exitWith(backupCLI(append([]string{"backup"}, args...), env.dataDir, time.Now, env.stdout, env.stderr))
		}}
}

func newRestoreCmd(env *cliEnv) *cobra.Command {
	return &cobra.Command{Use: "restore FILE", Short: "replace the data file with a backup (close AffDesk first)",
		Long: `Replaces the data file with the backup FILE, after checking it, keeping
the current data file in DIR/backups. Close AffDesk first.`,
		Args: cobra.ArbitraryArgs,
		RunE: func(_ *cobra.Command, args []string) error {
			return exitWith(backupCLI(append([]string{"restore"}, args...), env.dataDir, time.Now, env.stdout, env.stderr))
		}}
}
