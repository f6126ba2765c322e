package service_test

import (
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/backend/core"
)

// countedSecrets counts reads of the connection's API key.
type countedSecrets struct {
	testkit.MemSecrets
	reads atomic.Int64
}

func (c *countedSecrets) GetSecret(k string) (string, error) {
	if strings.HasSuffix(k, "api_key") {
		c.reads.Add(1)
	}
	return c.MemSecrets.GetSecret(k)
}

// TestARunResolvesItsConnectionOnce runs a loop of 40 writes (one GET
// and the PUTs on one connection) twice, changing the API key between
// the runs: each run reads the key once, and the second run's writes
// all carry the new key, so nothing resolved is kept past its run.
func TestARunResolvesItsConnectionOnce(t *testing.T) {
	const n = 40
	tr := newBulkTracker(n)
	srv := httptest.NewServer(tr)
	defer srv.Close()
	sec := &countedSecrets{MemSecrets: testkit.MemSecrets{}}
	s, _ := testkit.MustServices(t, sec)
	id, conn := bulkAutomationConn(t, s, srv.URL, 4)
	for i, key := range []string{"k-123456", "k-654321"} {
		if i > 0 {
			if _, err := s.SaveConnection(core.ConnectionInput{Connection: conn, Secrets: map[string]string{"api_key": key}}); err != nil {
				t.Fatal(err)
			}
		}
		before := sec.reads.Load()
		runBulkN(t, s, id, tr, n)
		if got := sec.reads.Load() - before; got != 1 {
			t.Fatalf("run %d read the key %d times, want once", i+1, got)
		}
		if tr.keys[key] != n {
			t.Fatalf("run %d: PUTs by key %v, want %d with %s", i+1, tr.keys, n, key)
		}
	}
}
