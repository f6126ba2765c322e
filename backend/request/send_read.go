package request

import (
	"errors"
	"fmt"
	"io"

	"github.com/affdesk/affdesk/backend/core"
)

// readCapped reads a response body of at most max bytes. A body over max
// is an EINVALID error. The body is read into *buf when buf is set (and
// the grown buffer left there), else into a new one. A declared length
// (size, -1 when unknown) within max sizes the buffer at once, so a large
// body is read without the buffer doubling its way up to it.
func readCapped(r io.Reader, max int64, buf *[]byte, size int64) ([]byte, error) {
	var b []byte
	if buf != nil {
		b = (*buf)[:0]
	}
	if size >= 0 && size <= max && int64(cap(b)) < size+1 {
		b = make([]byte, 0, size+1) // +1: room to see the end without growing
	}
	b, err := readAllInto(b, io.LimitReader(r, max+1))
	if buf != nil {
		*buf = b
	}
	if err != nil {
		return nil, fmt.Errorf("read response: %w", err)
	}
	if int64(len(b)) > max {
		return nil, core.Errorf(core.EINVALID, "The response is larger than the %s limit; narrow the request (dates, page size) or raise the limit in Settings.", FormatSize(max))
	}
	return b, nil
}

// readAllInto appends everything r holds to b, growing b only when it is
// full. It doubles b each time: append's growth (a quarter at a time for
// large slices, as io.ReadAll has) copied a 21 MB body of unknown length
// about five times over on its way up, a quarter of a Get step's CPU.
func readAllInto(b []byte, r io.Reader) ([]byte, error) {
	if cap(b) == 0 {
		b = make([]byte, 0, 512)
	}
	for {
		if len(b) == cap(b) {
			grown := make([]byte, len(b), 2*cap(b))
			copy(grown, b)
			b = grown
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if errors.Is(err, io.EOF) {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}
