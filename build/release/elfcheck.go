package main

import (
	"debug/elf"
	"fmt"
)

// elfMachines maps GOARCH names to ELF machines.
var elfMachines = map[string]elf.Machine{"amd64": elf.EM_X86_64, "arm64": elf.EM_AARCH64}

// CheckStaticELF checks that the file at path is a Linux executable for
// arch (a GOARCH name) that needs no dynamic loader and no shared library,
// so it runs on any Linux of that architecture. It returns a one-line
// summary, or an error naming what is wrong.
func CheckStaticELF(path, arch string) (string, error) {
	want, ok := elfMachines[arch]
	if !ok {
		return "", fmt.Errorf("unknown architecture %q: use amd64 or arm64", arch)
	}
	f, err := elf.Open(path)
	if err != nil {
		return "", fmt.Errorf("read %s as an ELF file: %w", path, err)
	}
	defer f.Close()
	if f.Machine != want {
		return "", fmt.Errorf("%s is built for %s, not %s", path, f.Machine, want)
	}
	if f.Type != elf.ET_EXEC {
		return "", fmt.Errorf("%s is of type %s, not a static executable", path, f.Type)
	}
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP || p.Type == elf.PT_DYNAMIC {
			return "", fmt.Errorf("%s is dynamically linked (%s): build with CGO_ENABLED=0", path, p.Type)
		}
	}
	return fmt.Sprintf("%s: %s, static (no interpreter, no shared libraries)", path, arch), nil
}
