package store

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	bolt "go.etcd.io/bbolt"
)

// packChunk is how many entries one packed value holds.
const packChunk = 256

// A finished run's loop items and write journal are packed: their
// entries, keys and values as stored, are gathered packChunk at a time
// into gzip-compressed values under 9-byte keys (0xff, then the chunk's
// number), which sort after every 8-byte entry key. Nothing is lost, and
// the many alike entries of a long loop take a fraction of their size.
func packKey(n uint64) []byte {
	k := make([]byte, 9)
	k[0] = 0xff
	binary.BigEndian.PutUint64(k[1:], n)
	return k
}

func isPackKey(k []byte) bool { return len(k) == 9 && k[0] == 0xff }

// packRun packs the items of each loop of a run and its journal, unless
// they are packed already.
func packRun(tx *bolt.Tx, key []byte) error {
	if items := tx.Bucket(bucketRunItems).Bucket(key); items != nil {
		var loops [][]byte
		_ = items.ForEach(func(k, v []byte) error {
			if v == nil {
				loops = append(loops, append([]byte(nil), k...))
			}
			return nil
		})
		for _, l := range loops {
			if err := packBucket(items.Bucket(l)); err != nil {
				return fmt.Errorf("pack items of run %d loop %s: %w", btoi(key), l, err)
			}
		}
	}
	if w := tx.Bucket(bucketRunWrites).Bucket(key); w != nil {
		if err := packBucket(w); err != nil {
			return fmt.Errorf("pack journal of run %d: %w", btoi(key), err)
		}
	}
	return nil
}

// packBucket replaces b's plain entries by packed chunks.
func packBucket(b *bolt.Bucket) error {
	var keys [][]byte
	var chunk bytes.Buffer
	n := uint64(0)
	c := b.Cursor()
	for k, v := c.First(); k != nil && !isPackKey(k); k, v = c.Next() {
		keys = append(keys, append([]byte(nil), k...))
		chunk.Write(binary.AppendUvarint(nil, uint64(len(k))))
		chunk.Write(k)
		chunk.Write(binary.AppendUvarint(nil, uint64(len(v))))
		chunk.Write(v)
		if len(keys)%packChunk == 0 {
			if err := putChunk(b, &n, &chunk); err != nil {
				return err
			}
		}
	}
	if chunk.Len() > 0 {
		if err := putChunk(b, &n, &chunk); err != nil {
			return err
		}
	}
	for _, k := range keys {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// putChunk compresses chunk into the next packed value after the last
// one stored and empties it.
func putChunk(b *bolt.Bucket, n *uint64, chunk *bytes.Buffer) error {
	if *n == 0 {
		if k, _ := b.Cursor().Last(); k != nil && isPackKey(k) {
			*n = binary.BigEndian.Uint64(k[1:])
		}
	}
	*n++
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	if _, err := zw.Write(chunk.Bytes()); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	chunk.Reset()
	return b.Put(packKey(*n), out.Bytes())
}

// errStopEntries ends forEachEntry early without an error.
var errStopEntries = errors.New("stop")

// forEachEntry calls f with every entry of b in key order, plain or
// packed; a packed entry's value is only valid during the call.
func forEachEntry(b *bolt.Bucket, f func(k, v []byte) error) error {
	err := b.ForEach(func(k, v []byte) error {
		if v == nil {
			return nil
		}
		if !isPackKey(k) {
			return f(k, v)
		}
		return unpack(v, f)
	})
	if errors.Is(err, errStopEntries) {
		return nil
	}
	return err
}

// unpack calls f with each entry of a packed value.
func unpack(packed []byte, f func(k, v []byte) error) error {
	zr, err := gzip.NewReader(bytes.NewReader(packed))
	if err != nil {
		return fmt.Errorf("unpack: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return fmt.Errorf("unpack: %w", err)
	}
	for len(raw) > 0 {
		var k, v []byte
		if k, raw, err = field(raw); err == nil {
			v, raw, err = field(raw)
		}
		if err != nil {
			return err
		}
		if err := f(k, v); err != nil {
			return err
		}
	}
	return nil
}

// field splits a length-prefixed field off raw.
func field(raw []byte) ([]byte, []byte, error) {
	n, w := binary.Uvarint(raw)
	if w <= 0 || n > uint64(len(raw)-w) {
		return nil, nil, errors.New("unpack: a packed entry is cut short")
	}
	return raw[w : w+int(n)], raw[w+int(n):], nil
}
