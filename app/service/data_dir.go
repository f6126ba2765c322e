package service

import (
	"fmt"
	"os"
	"path/filepath"
)

// DataDirOr returns dir, or the default data folder when dir is empty.
func DataDirOr(dir string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	return DefaultDataDir()
}

// DefaultDataDir returns AFFDESK_DATA_DIR, or AffDesk under the user's
// config directory.
func DefaultDataDir() (string, error) {
	if d := os.Getenv("AFFDESK_DATA_DIR"); d != "" {
		return d, nil
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the user config directory (set AFFDESK_DATA_DIR): %w", err)
	}
	return filepath.Join(base, Name), nil
}
