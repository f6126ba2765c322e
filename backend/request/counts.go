package request

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// genericCounts are the count fields a list envelope commonly carries
// beside its list.
var genericCounts = []string{"count", "total", "total_count", "totalCount", "total_items", "totalItems", "totalResults"}

// setCounts makes a merged body's counts describe the merged list of n
// items instead of its first page: impact.com's @total, @page, @numpages,
// @end and next-page link; Affise's pagination block; and generic count
// fields of the root and of the object that holds the list. A field is
// only rewritten where the tracker sent it, in the tracker's own type.
func setCounts(root any, itemsKey string, n int) {
	doc, ok := root.(map[string]any)
	if !ok {
		return
	}
	setImpactCounts(doc, n)
	if p, ok := doc["pagination"].(map[string]any); ok {
		setNum(p, "total_count", n)
		setNum(p, "page", 1)
		if p["per_page"] != nil && numOf(p["per_page"]) < n {
			setNum(p, "per_page", n)
		}
		if _, ok := p["next_page"]; ok {
			p["next_page"] = false
		}
	}
	parents := []map[string]any{doc}
	if i := strings.LastIndex(strings.TrimPrefix(itemsKey, "$."), "."); i > 0 {
		if parent, ok := core.Dig(doc, strings.TrimPrefix(itemsKey, "$.")[:i]).(map[string]any); ok {
			parents = append(parents, parent)
		}
	}
	for _, p := range parents {
		for _, k := range genericCounts {
			setNum(p, k, n)
		}
	}
}

func setImpactCounts(doc map[string]any, n int) {
	if _, ok := doc["@numpages"]; !ok {
		if _, ok := doc["@total"]; !ok {
			return
		}
	}
	setNum(doc, "@total", n)
	setNum(doc, "@numpages", 1)
	setNum(doc, "@page", 1)
	if doc["@pagesize"] != nil && numOf(doc["@pagesize"]) < n {
		setNum(doc, "@pagesize", n)
	}
	if doc["@start"] != nil && doc["@end"] != nil {
		setNum(doc, "@end", numOf(doc["@start"])+n-1)
	}
	for _, k := range []string{"@nextpageuri", "@previouspageuri"} {
		if _, ok := doc[k]; ok {
			doc[k] = ""
		}
	}
}

// setNum sets an existing count field to n, keeping its JSON type (a
// number, or a number written as text as impact.com does).
func setNum(m map[string]any, key string, n int) {
	switch m[key].(type) {
	case string:
		m[key] = strconv.Itoa(n)
	case json.Number:
		m[key] = json.Number(strconv.Itoa(n))
	case float64:
		m[key] = float64(n)
	case int64:
		m[key] = int64(n)
	}
}

func numOf(v any) int {
	switch t := v.(type) {
	case string:
		n, _ := strconv.Atoi(t)
		return n
	case json.Number:
		n, _ := strconv.Atoi(t.String())
		return n
	case float64:
		return int(t)
	case int64:
		return int(t)
	}
	return 0
}
