package main

import (
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// writeTestPNG writes a w×h PNG whose left half is opaque red and right
// half fully transparent.
func writeTestPNG(t *testing.T, w, h int) string {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w / 2 {
			img.SetNRGBA(x, y, color.NRGBA{R: 255, A: 255})
		}
	}
	path := filepath.Join(t.TempDir(), "icon.png")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestWriteIconSetWritesEachSize(t *testing.T) {
	src, dir := writeTestPNG(t, 96, 96), t.TempDir()
	sizes := []int{16, 24, 32, 48, 96}
	if err := WriteIconSet(src, dir, sizes); err != nil {
		t.Fatal(err)
	}
	for _, n := range sizes {
		img, err := readPNG(filepath.Join(dir, fmt.Sprintf("%dx%d", n, n), "apps", "affdesk.png"))
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != n || b.Dy() != n {
			t.Errorf("size %d: got %v", n, b)
		}
		if r, _, _, a := img.At(0, 0).RGBA(); r>>8 != 255 || a>>8 != 255 {
			t.Errorf("size %d: left pixel is not opaque red", n)
		}
		if _, _, _, a := img.At(n-1, 0).RGBA(); a != 0 {
			t.Errorf("size %d: right pixel is not transparent", n)
		}
	}
}

func TestWriteIconSetRefuses(t *testing.T) {
	for _, tc := range []struct {
		name  string
		w, h  int
		sizes []int
	}{
		{"not square", 64, 32, []int{16}},
		{"upscale", 32, 32, []int{64}},
	} {
		if err := WriteIconSet(writeTestPNG(t, tc.w, tc.h), t.TempDir(), tc.sizes); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
	if err := WriteIconSet(filepath.Join(t.TempDir(), "none.png"), t.TempDir(), IconSizes); err == nil {
		t.Error("a missing source gave no error")
	}
}

func TestDownscaleAveragesAcrossTheEdge(t *testing.T) {
	img, err := readPNG(writeTestPNG(t, 6, 6))
	if err != nil {
		t.Fatal(err)
	}
	// Into 4 pixels, the second covers source columns 1 and 2 (red) and
	// the third columns 3 and 4 (transparent); into 5, the middle one
	// straddles both halves and is half covered.
	mid := Downscale(img, 5).RGBAAt(2, 0)
	if mid.A < 100 || mid.A > 160 || mid.R != mid.A {
		t.Errorf("middle pixel %+v: want half-covered premultiplied red", mid)
	}
}

func TestWriteIcoHoldsEachSize(t *testing.T) {
	out := filepath.Join(t.TempDir(), "app.ico")
	if err := WriteIco(writeTestPNG(t, 64, 64), out, []int{16, 32, 64}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	le := binary.LittleEndian
	if le.Uint16(data[2:]) != 1 || le.Uint16(data[4:]) != 3 {
		t.Fatalf("header %v: want an icon with 3 images", data[:6])
	}
	for i, n := range []int{16, 32, 64} {
		e := data[6+16*i:]
		size, off := le.Uint32(e[8:]), le.Uint32(e[12:])
		if int(e[0]) != n%256 || int(off+size) > len(data) || size != uint32(40+n*n*4+(n+31)/32*4*n) {
			t.Errorf("entry %d: width %d, %d bytes at %d", i, e[0], size, off)
		}
		// The first pixel of the bottom row is on the opaque red half.
		if px := data[off+40 : off+44]; px[2] != 255 || px[3] != 255 {
			t.Errorf("entry %d: first pixel %v, want opaque red in BGRA", i, px)
		}
	}
	if err := WriteIco(writeTestPNG(t, 32, 32), out, []int{16, 64}); err == nil {
		t.Error("a source smaller than the largest size gave no error")
	}
}
