package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"os"
)

// IcoSizes are the sizes of the Windows installer's icon.
var IcoSizes = []int{16, 32, 48, 256}

// WriteIco reads the square PNG src and writes a Windows .ico file holding
// it at each size as an uncompressed 32-bit bitmap with alpha, the form
// every Windows version and makensis read.
func WriteIco(src, out string, sizes []int) error {
	img, err := readPNG(src)
	if err != nil {
		return err
	}
	if b := img.Bounds(); b.Dx() != b.Dy() || b.Dx() < sizes[len(sizes)-1] {
		return fmt.Errorf("icon %s is %dx%d; it must be square and at least %d wide", src, b.Dx(), b.Dy(), sizes[len(sizes)-1])
	}
	var head, body bytes.Buffer
	le := binary.LittleEndian
	binary.Write(&head, le, [3]uint16{0, 1, uint16(len(sizes))})
	offset := 6 + 16*len(sizes)
	for _, n := range sizes {
		dib := icoBitmap(Downscale(img, n))
		binary.Write(&head, le, struct {
			W, H, Colors, Reserved uint8
			Planes, Bits           uint16
			Size, Offset           uint32
		}{uint8(n % 256), uint8(n % 256), 0, 0, 1, 32, uint32(len(dib)), uint32(offset + body.Len())})
		body.Write(dib)
	}
	if err := os.WriteFile(out, append(head.Bytes(), body.Bytes()...), 0o644); err != nil {
		return fmt.Errorf("write icon: %w", err)
	}
	return nil
}

// icoBitmap encodes img as an icon's bitmap: a BITMAPINFOHEADER of twice
// the height, bottom-up BGRA rows, then an all-clear AND mask.
func icoBitmap(img *image.RGBA) []byte {
	n := img.Bounds().Dx()
	maskRow := (n + 31) / 32 * 4
	var b bytes.Buffer
	le := binary.LittleEndian
	binary.Write(&b, le, struct {
		Size          uint32
		W, H          int32
		Planes, Bits  uint16
		Compression   uint32
		ImageSize     uint32
		XPels, YPels  int32
		Used, Allowed uint32
	}{40, int32(n), int32(2 * n), 1, 32, 0, uint32(n*n*4 + maskRow*n), 0, 0, 0, 0})
	for y := n - 1; y >= 0; y-- {
		for x := range n {
			c := color.NRGBAModel.Convert(img.RGBAAt(x, y)).(color.NRGBA)
			b.Write([]byte{c.B, c.G, c.R, c.A})
		}
	}
	b.Write(make([]byte, maskRow*n))
	return b.Bytes()
}
