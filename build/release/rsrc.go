package main

import (
	"encoding/binary"
	"fmt"
)

// Resource type IDs of the Windows resource directory.
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

// resourceTypeNames name the resource types the checks ask for.
var resourceTypeNames = map[uint32]string{rtIcon: "icon", rtGroupIcon: "group icon", rtVersion: "version", rtManifest: "manifest"}

// ResourceTypes reads the root of a PE resource directory (the start of the
// .rsrc data) and returns the numeric type IDs it lists, each of which must
// point to a non-empty subdirectory inside rsrc. Named types are skipped.
// It returns an error when the directory runs past the data.
func ResourceTypes(rsrc []byte) ([]uint32, error) {
	named, ids, err := dirCounts(rsrc, 0)
	if err != nil {
		return nil, err
	}
	var types []uint32
	for i := range named + ids {
		at := 16 + 8*i
		name := binary.LittleEndian.Uint32(rsrc[at:])
		off := binary.LittleEndian.Uint32(rsrc[at+4:])
		if name&0x80000000 != 0 {
			continue
		}
		if off&0x80000000 == 0 {
			return nil, fmt.Errorf("resource type %d points to data, not to a directory", name)
		}
		sub, subIDs, err := dirCounts(rsrc, int(off&0x7fffffff))
		if err != nil {
			return nil, fmt.Errorf("resource type %d: %w", name, err)
		}
		if sub+subIDs == 0 {
			return nil, fmt.Errorf("resource type %d has no entries", name)
		}
		types = append(types, name)
	}
	return types, nil
}

// dirCounts returns the named and numbered entry counts of the resource
// directory at off, checking that its entries lie inside data.
func dirCounts(data []byte, off int) (int, int, error) {
	if off < 0 || off+16 > len(data) {
		return 0, 0, fmt.Errorf("resource directory at %d lies past the %d-byte section", off, len(data))
	}
	named := int(binary.LittleEndian.Uint16(data[off+12:]))
	ids := int(binary.LittleEndian.Uint16(data[off+14:]))
	if off+16+8*(named+ids) > len(data) {
		return 0, 0, fmt.Errorf("resource directory at %d lists %d entries past the section's end", off, named+ids)
	}
	return named, ids, nil
}
