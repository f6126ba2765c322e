package store_test

import "testing"

// TestMetaFlag checks a flag is unset at first, set once recorded, kept
// across reopenings, and independent of other flags.
func TestMetaFlag(t *testing.T) {
	dir := t.TempDir()
	db := MustOpen(t, dir)
	if set, err := db.MetaFlag("adopted"); set || err != nil {
		t.Fatalf("fresh file: %v %v", set, err)
	}
	if err := db.SetMetaFlag("adopted"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db = MustOpen(t, dir)
	defer db.Close()
	if set, err := db.MetaFlag("adopted"); !set || err != nil {
		t.Errorf("after reopening: %v %v", set, err)
	}
	if set, _ := db.MetaFlag("other"); set {
		t.Error("another flag is set")
	}
}
