package main

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
)

// IconSizes are the hicolor sizes the Linux packages install.
var IconSizes = []int{16, 24, 32, 48, 64, 128, 256, 512}

// WriteIconSet reads the square PNG src and writes, for each size, a scaled
// copy to DIR/<size>x<size>/apps/affdesk.png, the layout of
// /usr/share/icons/hicolor. Sizes larger than the source are refused.
func WriteIconSet(src, dir string, sizes []int) error {
	img, err := readPNG(src)
	if err != nil {
		return err
	}
	b := img.Bounds()
	if b.Dx() != b.Dy() {
		return fmt.Errorf("icon %s is %dx%d; it must be square", src, b.Dx(), b.Dy())
	}
	for _, n := range sizes {
		if n > b.Dx() {
			return fmt.Errorf("icon %s is %d pixels wide, smaller than the %d asked for", src, b.Dx(), n)
		}
		out := filepath.Join(dir, fmt.Sprintf("%dx%d", n, n), "apps", "affdesk.png")
		if err := writePNG(out, Downscale(img, n)); err != nil {
			return err
		}
	}
	return nil
}

func readPNG(path string) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open icon: %w", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("decode icon %s: %w", path, err)
	}
	return img, nil
}

func writePNG(path string, img image.Image) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("create icon folder: %w", err)
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create icon: %w", err)
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return fmt.Errorf("encode icon %s: %w", path, err)
	}
	return f.Close()
}

// Downscale returns an n×n copy of the square image src, each pixel the
// average of the source pixels it covers (premultiplied, so transparent
// pixels lend no colour to their neighbours).
func Downscale(src image.Image, n int) *image.RGBA {
	b := src.Bounds()
	in := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(in, in.Bounds(), src, b.Min, draw.Src)
	out := image.NewRGBA(image.Rect(0, 0, n, n))
	for y := range n {
		y0, y1 := span(y, n, b.Dy())
		for x := range n {
			x0, x1 := span(x, n, b.Dx())
			out.SetRGBA(x, y, average(in, x0, x1, y0, y1))
		}
	}
	return out
}

// span returns the source pixels [lo, hi) that destination pixel i of n
// covers in a source of size pixels; it never is empty.
func span(i, n, size int) (int, int) {
	lo := i * size / n
	hi := ((i+1)*size + n - 1) / n
	return lo, max(hi, lo+1)
}

// average returns the mean colour of the rectangle [x0,x1)×[y0,y1) of img.
func average(img *image.RGBA, x0, x1, y0, y1 int) color.RGBA {
	var sum [4]int
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			c := img.RGBAAt(x, y)
			sum[0], sum[1], sum[2], sum[3] = sum[0]+int(c.R), sum[1]+int(c.G), sum[2]+int(c.B), sum[3]+int(c.A)
		}
	}
	k := (x1 - x0) * (y1 - y0)
	return color.RGBA{uint8(sum[0] / k), uint8(sum[1] / k), uint8(sum[2] / k), uint8(sum[3] / k)}
}
