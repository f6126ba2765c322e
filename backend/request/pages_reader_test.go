package request_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

// TestPageReaderTakesEachPage checks that a call with a PageReader hands
// over every page as it arrives, keeps none of the records, follows the
// next links from the envelopes the reader returns, and returns the first
// envelope with counts for the whole list.
func TestPageReaderTakesEachPage(t *testing.T) {
	srv, hits := impactPages(t, 3)
	var ids []string
	call := callTo(srv, paged(core.PageImpact, 0))
	call.Pages = func(page []byte) (any, int, error) {
		var doc map[string]any
		if err := json.Unmarshal(page, &doc); err != nil {
			return nil, 0, err
		}
		list := doc["Actions"].([]any)
		for _, it := range list {
			ids = append(ids, fmt.Sprint(it.(map[string]any)["Id"]))
		}
		doc["Actions"] = []any{}
		return doc, len(list), nil
	}
	res, err := client(newClock()).Do(context.Background(), call)
	if err != nil || res.Pages != 3 || *hits != 3 {
		t.Fatalf("pages %d hits %d err %v", res.Pages, *hits, err)
	}
	if got := strings.Join(ids, ","); got != "1.a,1.b,2.a,2.b,3.a,3.b" {
		t.Errorf("reader saw %s", got)
	}
	var env map[string]any
	if err := json.Unmarshal(res.Body, &env); err != nil {
		t.Fatal(err)
	}
	if len(env["Actions"].([]any)) != 0 || env["@numpages"] != "1" || env["@nextpageuri"] != "" || env["@total"] != nil {
		t.Errorf("envelope %v", env)
	}
}

func TestPageReaderErrorStopsTheCall(t *testing.T) {
	srv, hits := impactPages(t, 3)
	call := callTo(srv, paged(core.PageImpact, 0))
	call.Pages = func([]byte) (any, int, error) { return nil, 0, core.Errorf(core.EINVALID, "no list") }
	_, err := client(newClock()).Do(context.Background(), call)
	if core.ErrorCode(err) != core.EINVALID || *hits != 1 {
		t.Fatalf("err %v after %d pages", err, *hits)
	}
}

// TestMergedPagesKeepTheSizeCap checks that pages merged into one body
// may not pass the client's response size cap together.
func TestMergedPagesKeepTheSizeCap(t *testing.T) {
	srv, hits := impactPages(t, 50)
	c := client(newClock())
	c.MaxBody = 500 // each page is about 100 bytes; the page cap is 10
	_, err := c.Do(context.Background(), callTo(srv, paged(core.PageImpact, 0)))
	if core.ErrorCode(err) != core.EINVALID || !strings.Contains(err.Error(), "pages together pass") || *hits >= 50 {
		t.Fatalf("err %v after %d pages", err, *hits)
	}
}
