package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// bucketWipe is a scratch bucket that exists only while free pages are
// being overwritten.
var bucketWipe = []byte("wipe_scratch")

// wipeFreePages overwrites the file's free pages with zeros, so values a
// transaction replaced or deleted (a secret masked in old records) no
// longer sit in the file: bbolt frees their pages without clearing them.
// It fills a scratch bucket with pages of zeros, taking up every free
// page before the file grows, then deletes it, leaving them free again.
func (db *DB) wipeFreePages() error {
	st := db.bolt.Stats()
	pages := st.FreePageN + st.PendingPageN + 8
	size := db.bolt.Info().PageSize / 4
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketWipe)
		if err != nil {
			return err
		}
		zeros := make([]byte, size)
		for i := 0; i < 2*pages; i++ { // two values fill a leaf page
			if err := b.Put(itob(uint64(i)), zeros); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		err = db.bolt.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(bucketWipe) })
	}
	if err != nil {
		return fmt.Errorf("overwrite free pages: %w", err)
	}
	return nil
}
