package request

import (
	"bytes"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

// TestReadCappedSizesAndReusesItsBuffer proves a body is read whole
// whatever its declared length, into a buffer sized once from a declared
// length within the cap, that a shared buffer is reused by the next read
// when it is large enough, and that a body over the cap is EINVALID.
func TestReadCappedSizesAndReusesItsBuffer(t *testing.T) {
	big := strings.Repeat("a", 10_000)
	tests := []struct {
		name    string
		body    string
		size    int64
		max     int64
		wantCap int // the buffer's capacity after the read; 0: not checked
		err     string
	}{
		{"declared length", big, int64(len(big)), 1 << 20, len(big) + 1, ""},
		{"unknown length", big, -1, 1 << 20, 0, ""},
		{"declared length too short", big, 10, 1 << 20, 0, ""},
		{"empty", "", 0, 1 << 20, 0, ""},
		{"over the cap", big, int64(len(big)), 100, 0, core.EINVALID},
		{"over the cap, length unknown", big, -1, 100, 0, core.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf []byte
			got, err := readCapped(strings.NewReader(tt.body), tt.max, &buf, tt.size)
			if core.ErrorCode(err) != tt.err || (tt.err != "" && err == nil) {
				t.Fatalf("err %v, want %q", err, tt.err)
			}
			if tt.err != "" {
				return
			}
			if string(got) != tt.body {
				t.Fatalf("read %d bytes, want %d", len(got), len(tt.body))
			}
			if tt.wantCap != 0 && cap(buf) != tt.wantCap {
				t.Errorf("buffer capacity %d, want %d", cap(buf), tt.wantCap)
			}
		})
	}
	t.Run("next page reuses the buffer", func(t *testing.T) {
		var buf []byte
		first, _ := readCapped(strings.NewReader(big), 1<<20, &buf, int64(len(big)))
		second, err := readCapped(strings.NewReader("b"+big[1:]), 1<<20, &buf, int64(len(big)))
		if err != nil || &first[0] != &second[0] || !bytes.Equal(second, []byte("b"+big[1:])) {
			t.Fatalf("second read %v: shares the first's array %v", err, &first[0] == &second[0])
		}
	})
}
