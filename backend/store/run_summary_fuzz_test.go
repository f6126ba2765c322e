package store

import (
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

// FuzzDecodeSummary feeds arbitrary bytes to the summary decoder, which
// must answer with an error or a run whose header agrees with it, never
// panic.
func FuzzDecodeSummary(f *testing.F) {
	good, _ := encodeSummary(&core.Run{ID: 3, AutomationID: 9, Status: core.RunFailed, Error: "x"})
	for _, seed := range [][]byte{good, good[:10], {}, {0, 0, 0, 0, 0, 0, 0, 1, 200, 'a'}} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, v []byte) {
		h, at, err := decodeHeader(v)
		if err != nil {
			return
		}
		if at > len(v) || string(h.Status) != string(v[9:at]) {
			t.Fatalf("header %+v ends at %d of %d", h, at, len(v))
		}
		_, _ = decodeSummary(v)
	})
}

// FuzzUnpack feeds arbitrary bytes to the reader of packed items and
// journals, which must answer with an error or entries, never panic.
func FuzzUnpack(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff})
	f.Fuzz(func(t *testing.T, raw []byte) {
		_ = unpack(raw, func(k, v []byte) error { return nil })
		_, _, _ = field(raw)
	})
}
