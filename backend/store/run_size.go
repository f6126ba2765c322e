package store

import bolt "go.etcd.io/bbolt"

// RunBytes returns how many bytes of keys and values a run's records
// take: its document, its summary, its loop items and its write journal
// (bbolt's page overhead aside).
func (db *DB) RunBytes(id uint64) (int64, error) {
	var n int64
	key := itob(id)
	err := db.bolt.View(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketRuns, bucketRunSummaries} {
			if v := tx.Bucket(name).Get(key); v != nil {
				n += int64(len(key) + len(v))
			}
		}
		for _, name := range [][]byte{bucketRunItems, bucketRunWrites} {
			if b := tx.Bucket(name).Bucket(key); b != nil {
				n += int64(len(key)) + nestedBytes(b)
			}
		}
		return nil
	})
	return n, err
}

// nestedBytes sums the keys and values in b and the buckets under it.
func nestedBytes(b *bolt.Bucket) int64 {
	var n int64
	_ = b.ForEach(func(k, v []byte) error {
		n += int64(len(k) + len(v))
		if v == nil {
			n += nestedBytes(b.Bucket(k))
		}
		return nil
	})
	return n
}
