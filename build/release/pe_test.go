package main

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// buildRsrc returns a resource directory listing types, each with one
// entry in its own subdirectory, followed by extra bytes.
func buildRsrc(types []uint32, extra []byte) []byte {
	le := binary.LittleEndian
	root := make([]byte, 16+8*len(types))
	le.PutUint16(root[14:], uint16(len(types)))
	var subs []byte
	for i, ty := range types {
		sub := make([]byte, 24)
		le.PutUint16(sub[14:], 1)
		le.PutUint32(sub[16:], 1)
		le.PutUint32(root[16+8*i:], ty)
		le.PutUint32(root[20+8*i:], 0x80000000|uint32(len(root)+len(subs)))
		subs = append(subs, sub...)
	}
	return append(append(root, subs...), extra...)
}

// buildPE returns a minimal 64-bit PE file with the given subsystem and one
// section holding rsrc as the resource directory.
func buildPE(t *testing.T, subsystem uint16, rsrc []byte) string {
	t.Helper()
	var b bytes.Buffer
	dos := make([]byte, 64)
	copy(dos, "MZ")
	binary.LittleEndian.PutUint32(dos[0x3c:], 64)
	b.Write(dos)
	b.WriteString("PE\x00\x00")
	const rawAt, rva = 512, 0x1000
	w := func(v any) {
		if err := binary.Write(&b, binary.LittleEndian, v); err != nil {
			t.Fatal(err)
		}
	}
	w(pe.FileHeader{Machine: pe.IMAGE_FILE_MACHINE_AMD64, NumberOfSections: 1, SizeOfOptionalHeader: 240, Characteristics: 0x22})
	oh := pe.OptionalHeader64{Magic: 0x20b, Subsystem: subsystem, NumberOfRvaAndSizes: 16, SectionAlignment: 0x1000, FileAlignment: 0x200}
	oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE] = pe.DataDirectory{VirtualAddress: rva, Size: uint32(len(rsrc))}
	w(oh)
	sh := pe.SectionHeader32{VirtualSize: uint32(len(rsrc)), VirtualAddress: rva, SizeOfRawData: uint32(len(rsrc)), PointerToRawData: rawAt}
	copy(sh.Name[:], ".rsrc")
	w(sh)
	b.Write(make([]byte, rawAt-b.Len()))
	b.Write(rsrc)
	path := filepath.Join(t.TempDir(), "app.exe")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCheckWindowsGUI(t *testing.T) {
	all := []uint32{rtIcon, rtGroupIcon, rtVersion, rtManifest}
	gui, console := uint16(pe.IMAGE_SUBSYSTEM_WINDOWS_GUI), uint16(pe.IMAGE_SUBSYSTEM_WINDOWS_CUI)
	for _, tc := range []struct {
		name      string
		subsystem uint16
		types     []uint32
		strings   string
		wantErr   string
	}{
		{"complete", gui, all, "1.2.0-3-gabc", ""},
		{"console", console, all, "1.2.0-3-gabc", "subsystem"},
		{"no version", gui, []uint32{rtIcon, rtGroupIcon, rtManifest}, "1.2.0-3-gabc", "lack: version"},
		{"no icons", gui, []uint32{rtVersion, rtManifest}, "1.2.0-3-gabc", "lack: icon, group icon"},
		{"other version", gui, all, "1.1.0", "does not name version"},
		{"no resources", gui, nil, "", "lack"},
	} {
		path := buildPE(t, tc.subsystem, buildRsrc(tc.types, utf16LE(tc.strings)))
		_, err := CheckWindowsGUI(path, "1.2.0-3-gabc")
		if tc.wantErr == "" && err != nil || tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.wantErr)
		}
	}
}

func TestCheckWindowsGUIRefusesOtherFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.exe")
	os.WriteFile(path, []byte("#!/bin/sh\n"), 0o644)
	if _, err := CheckWindowsGUI(path, "1"); err == nil {
		t.Error("a shell script passed as a Windows executable")
	}
}

func TestResourceTypesRefusesTruncated(t *testing.T) {
	full := buildRsrc([]uint32{rtIcon, rtVersion}, nil)
	for _, n := range []int{0, 15, 16, 31, 40} {
		if _, err := ResourceTypes(full[:n]); err == nil {
			t.Errorf("%d of %d bytes: no error", n, len(full))
		}
	}
	got, err := ResourceTypes(full)
	if err != nil || len(got) != 2 || got[0] != rtIcon || got[1] != rtVersion {
		t.Errorf("ResourceTypes = %v, %v", got, err)
	}
}

func FuzzResourceTypes(f *testing.F) {
	f.Add(buildRsrc([]uint32{rtIcon, rtGroupIcon, rtVersion}, nil))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		types, err := ResourceTypes(data)
		if err == nil && len(data) < 16 {
			t.Fatalf("%d bytes gave types %v", len(data), types)
		}
	})
}
