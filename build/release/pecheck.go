package main

import (
	"bytes"
	"debug/pe"
	"fmt"
	"slices"
	"strings"
	"unicode/utf16"
)

// CheckWindowsGUI checks that the file at path is a 64-bit Windows
// executable for the GUI subsystem (no console window opens with it) whose
// resources hold an icon, a manifest and a version resource naming version.
// It returns a one-line summary, or an error naming what is missing.
func CheckWindowsGUI(path, version string) (string, error) {
	f, err := pe.Open(path)
	if err != nil {
		return "", fmt.Errorf("read %s as a Windows executable: %w", path, err)
	}
	defer f.Close()
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok || f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		return "", fmt.Errorf("%s is not a 64-bit x86 executable (machine %#x)", path, f.Machine)
	}
	if oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		return "", fmt.Errorf("%s uses subsystem %d, not the Windows GUI subsystem (%d): build with -ldflags -H=windowsgui", path, oh.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	}
	rsrc, err := resourceData(f, oh)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	if err := checkResources(rsrc, version); err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return fmt.Sprintf("%s: amd64, GUI subsystem, icon, manifest and version %s in its resources", path, version), nil
}

// resourceData returns the bytes of the resource directory the optional
// header points to.
func resourceData(f *pe.File, oh *pe.OptionalHeader64) ([]byte, error) {
	if int(oh.NumberOfRvaAndSizes) <= pe.IMAGE_DIRECTORY_ENTRY_RESOURCE {
		return nil, fmt.Errorf("no resource directory")
	}
	dir := oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
	if dir.VirtualAddress == 0 || dir.Size == 0 {
		return nil, fmt.Errorf("no resources (icon, version): build with the .syso from go-winres beside main.go")
	}
	for _, s := range f.Sections {
		if dir.VirtualAddress >= s.VirtualAddress && dir.VirtualAddress < s.VirtualAddress+s.VirtualSize {
			data, err := s.Data()
			if err != nil {
				return nil, fmt.Errorf("read section %s: %w", s.Name, err)
			}
			return data[dir.VirtualAddress-s.VirtualAddress:], nil
		}
	}
	return nil, fmt.Errorf("the resource directory at %#x lies in no section", dir.VirtualAddress)
}

// checkResources checks the resource types the app needs and that the
// version resource's strings hold version.
func checkResources(rsrc []byte, version string) error {
	types, err := ResourceTypes(rsrc)
	if err != nil {
		return err
	}
	var missing []string
	for _, t := range []uint32{rtIcon, rtGroupIcon, rtVersion, rtManifest} {
		if !slices.Contains(types, t) {
			missing = append(missing, resourceTypeNames[t])
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("resources lack: %s", strings.Join(missing, ", "))
	}
	if !bytes.Contains(rsrc, utf16LE(version)) {
		return fmt.Errorf("the version resource does not name version %s", version)
	}
	return nil
}

// utf16LE encodes s as UTF-16, little-endian, the encoding of resource strings.
func utf16LE(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}
