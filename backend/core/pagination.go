package core

import "strings"

// PaginationKind says how a list endpoint pages. Persisted.
type PaginationKind string

// Pagination kinds.
const (
	PageNone     PaginationKind = ""          // one request
	PageImpact   PaginationKind = "impact"    // follow @nextpageuri up to @numpages
	PageAffise   PaginationKind = "affise"    // follow pagination.next_page
	PageNumber   PaginationKind = "page"      // page=1,2,3… until an empty page
	PageOffset   PaginationKind = "offset"    // offset=0,n,2n… until an empty page
	PageNextLink PaginationKind = "next_link" // follow a next URL found at NextKey
)

// DefaultMaxPages is the page cap when a template sets none.
const DefaultMaxPages = 10

// Pagination says how to fetch every page of a list and merge them.
type Pagination struct {
	Kind      PaginationKind `json:"kind"`
	PageParam string         `json:"pageParam"` // query parameter of the page number or offset
	SizeParam string         `json:"sizeParam"` // query parameter of the page size
	Size      int            `json:"size"`      // page size to ask for; 0 leaves the API's default
	Start     int            `json:"start"`     // first page number or offset (page: 1, offset: 0 unless set)
	ItemsKey  string         `json:"itemsKey"`  // dotted path of the list merged across pages, e.g. Actions or data.items
	NextKey   string         `json:"nextKey"`   // next_link: dotted path of the next page's URL
	MaxPages  int            `json:"maxPages"`  // page cap; 0 means DefaultMaxPages
	// IDKey is the dotted path, within each item, of the field that
	// identifies a record (impact.com's actions: Id). Date windows share
	// their boundaries, so a record can come back twice; merging keeps the
	// first record of each ID, or drops whole identical records when
	// IDKey is empty.
	IDKey string `json:"idKey,omitempty"`
}

// Enabled reports whether the template pages.
func (p Pagination) Enabled() bool { return p.Kind != PageNone }

// Cap returns the page cap in force.
func (p Pagination) Cap() int {
	if p.MaxPages <= 0 {
		return DefaultMaxPages
	}
	return p.MaxPages
}

// Validate checks the settings each kind needs.
func (p Pagination) Validate() error {
	switch p.Kind {
	case PageNone:
		return nil
	case PageImpact, PageAffise:
	case PageNumber, PageOffset:
		if strings.TrimSpace(p.PageParam) == "" {
			return FieldError("pagination.pageParam", "Name the query parameter that carries the page number or offset.")
		}
	case PageNextLink:
		if strings.TrimSpace(p.NextKey) == "" {
			return FieldError("pagination.nextKey", "Name the response field that holds the next page's URL, e.g. links.next.")
		}
	default:
		return FieldError("pagination.kind", "Unknown pagination %q.", p.Kind)
	}
	if strings.TrimSpace(p.ItemsKey) == "" {
		return FieldError("pagination.itemsKey", "Name the response field that holds the list, e.g. Actions or data.items.")
	}
	if p.MaxPages < 0 || p.MaxPages > 1000 {
		return FieldError("pagination.maxPages", "The page cap must be between 1 and 1,000.")
	}
	if p.Size < 0 {
		return FieldError("pagination.size", "Page size must be a positive number.")
	}
	return nil
}
