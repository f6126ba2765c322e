package main

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// buildELF writes a minimal 64-bit little-endian ELF executable for machine
// with one program header of each given type.
func buildELF(t *testing.T, machine elf.Machine, typ elf.Type, progs ...elf.ProgType) string {
	t.Helper()
	var b bytes.Buffer
	h := elf.Header64{Type: uint16(typ), Machine: uint16(machine), Version: 1, Phoff: 64, Ehsize: 64, Phentsize: 56, Phnum: uint16(len(progs))}
	copy(h.Ident[:], elf.ELFMAG)
	h.Ident[elf.EI_CLASS], h.Ident[elf.EI_DATA], h.Ident[elf.EI_VERSION] = byte(elf.ELFCLASS64), byte(elf.ELFDATA2LSB), 1
	binary.Write(&b, binary.LittleEndian, h)
	for _, p := range progs {
		binary.Write(&b, binary.LittleEndian, elf.Prog64{Type: uint32(p)})
	}
	path := filepath.Join(t.TempDir(), "bin")
	if err := os.WriteFile(path, b.Bytes(), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCheckStaticELF(t *testing.T) {
	for _, tc := range []struct {
		name    string
		machine elf.Machine
		typ     elf.Type
		progs   []elf.ProgType
		arch    string
		wantErr string
	}{
		{"static amd64", elf.EM_X86_64, elf.ET_EXEC, []elf.ProgType{elf.PT_LOAD}, "amd64", ""},
		{"static arm64", elf.EM_AARCH64, elf.ET_EXEC, []elf.ProgType{elf.PT_LOAD}, "arm64", ""},
		{"wrong machine", elf.EM_X86_64, elf.ET_EXEC, []elf.ProgType{elf.PT_LOAD}, "arm64", "not EM_AARCH64"},
		{"interpreter", elf.EM_X86_64, elf.ET_EXEC, []elf.ProgType{elf.PT_INTERP, elf.PT_LOAD}, "amd64", "dynamically linked"},
		{"shared libraries", elf.EM_X86_64, elf.ET_EXEC, []elf.ProgType{elf.PT_LOAD, elf.PT_DYNAMIC}, "amd64", "dynamically linked"},
		{"position independent", elf.EM_X86_64, elf.ET_DYN, []elf.ProgType{elf.PT_LOAD}, "amd64", "not a static executable"},
		{"unknown arch", elf.EM_X86_64, elf.ET_EXEC, nil, "riscv64", "unknown architecture"},
	} {
		_, err := CheckStaticELF(buildELF(t, tc.machine, tc.typ, tc.progs...), tc.arch)
		if tc.wantErr == "" && err != nil || tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.wantErr)
		}
	}
}
