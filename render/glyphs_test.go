package render

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// Text drawn from the glyph cache is the text the face draws, pixel for
// pixel, the first time (glyphs rasterized) and the second (from the cache),
// at whole and fractional positions.
func TestCachedGlyphsDrawAsTheFace(t *testing.T) {
	s, err := newStyle(true, 40, ink)
	if err != nil {
		t.Fatal(err)
	}
	cached, ok := s.face.(cachedFace)
	if !ok {
		t.Fatalf("a style's face is a %T, not the cached one", s.face)
	}
	text := clean(procedures[0].Label + " Ỷ Ẫ 0123 ñ ☃ \u0301")
	for _, dot := range []fixed.Point26_6{fixed.P(10, 50), {X: fixed.I(10) + 21, Y: fixed.I(50) + 7}} {
		want := image.NewGray(image.Rect(0, 0, 1200, 80))
		(&font.Drawer{Dst: want, Src: s.color, Face: cached.Face, Dot: dot}).DrawString(text)
		for round := range 2 {
			got := image.NewGray(want.Rect)
			draw.Draw(got, got.Rect, image.White, image.Point{}, draw.Src)
			draw.Draw(want, want.Rect, image.White, image.Point{}, draw.Src)
			(&font.Drawer{Dst: want, Src: s.color, Face: cached.Face, Dot: dot}).DrawString(text)
			(&font.Drawer{Dst: got, Src: s.color, Face: s.face, Dot: dot}).DrawString(text)
			if !bytes.Equal(got.Pix, want.Pix) {
				t.Fatalf("dot %v, round %d: the cached glyphs drew other pixels than the face", dot, round)
			}
			if bytes.Count(got.Pix, []byte{0xff}) == len(got.Pix) {
				t.Fatalf("dot %v: nothing was drawn", dot)
			}
		}
	}
}

// Text blended onto a gray canvas by drawString is what image/draw draws,
// pixel for pixel: in both colours of the slip's texts, cut off at every
// edge of the canvas.
func TestDrawStringOnGrayAsImageDraw(t *testing.T) {
	text := clean(procedures[0].Label + " Ỷ Ẫ 0123 ñ ☃")
	for _, c := range []color.RGBA{ink, muted, {0x80, 0x10, 0xf0, 0xff}} {
		s, err := newStyle(false, 32, c)
		if err != nil {
			t.Fatal(err)
		}
		for _, dot := range []fixed.Point26_6{fixed.P(10, 40), {X: fixed.I(-30) + 13, Y: fixed.I(12)}, fixed.P(500, 60)} {
			want := image.NewGray(image.Rect(0, 0, 640, 50))
			got := image.NewGray(want.Rect)
			for i := range want.Pix {
				want.Pix[i] = uint8(i * 7) // not one background: the blend reads it
			}
			copy(got.Pix, want.Pix)
			(&font.Drawer{Dst: want, Src: s.color, Face: s.face, Dot: dot}).DrawString(text)
			drawString(got, s.color, s.face, dot, text)
			if !bytes.Equal(got.Pix, want.Pix) {
				t.Fatalf("colour %v, dot %v: drawString drew other pixels than image/draw", c, dot)
			}
		}
	}
}
