package gui

import "testing"

// TestWindowFitsCommonLaptops proves the first window fits the smallest
// common laptop screen with a taskbar and title bar (80 px), and not a
// smaller one, so the check can fail.
func TestWindowFitsCommonLaptops(t *testing.T) {
	tests := []struct {
		w, h int
		want bool
	}{{1366, 768, true}, {1920, 1080, true}, {1280, 720, false}, {1024, 768, false}}
	for _, tt := range tests {
		if got := fitsScreen(tt.w, tt.h, 80); got != tt.want {
			t.Errorf("fitsScreen(%d, %d) = %v, want %v", tt.w, tt.h, got, tt.want)
		}
	}
}
