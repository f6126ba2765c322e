package postman

import "strings"

// flatRequest is one request with the folders above it and the auth it
// ends up with after inheritance.
type flatRequest struct {
	folders []string
	item    *item
	auth    *authBlock
}

// key names the request by its folder path and name.
func (q flatRequest) key() string {
	return strings.Join(append(append([]string(nil), q.folders...), q.item.Name), " / ")
}

// flatten lists the requests under items in order. A folder's or
// request's auth replaces the inherited one unless it says "inherit".
func (r *reader) flatten(items []item, folders []string, auth *authBlock, depth int) {
	if depth > maxDepth {
		r.warn(strings.Join(folders, " / "), "Folders nested deeper than %d levels were not read.", maxDepth)
		return
	}
	for i := range items {
		it := &items[i]
		own := inherit(auth, it.Auth)
		if it.isFolder() {
			r.flatten(it.Item, append(append([]string(nil), folders...), strings.TrimSpace(it.Name)), own, depth+1)
			continue
		}
		if it.Request == nil {
			continue
		}
		if len(r.reqs) >= MaxRequests {
			if !r.truncated {
				r.warn(it.Name, "The collection has more than %d requests; the rest were not read.", MaxRequests)
			}
			r.truncated = true
			return
		}
		r.reqs = append(r.reqs, flatRequest{folders: folders, item: it, auth: inherit(own, it.Request.Auth)})
	}
}

func inherit(parent, own *authBlock) *authBlock {
	if own == nil || own.Type == "" || own.Type == "inherit" {
		return parent
	}
	return own
}
