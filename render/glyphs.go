package render

import (
	"image"
	"image/draw"
	"sync"
	"sync/atomic"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// cachedFace draws glyphs from a cache every picture shares: the slips and
// charts of a day draw the same few hundred glyphs again and again, and
// rasterizing them was a third of a slip's time. Measuring goes to the
// face itself.
type cachedFace struct {
	font.Face
	key faceKey
}

type faceKey struct {
	bold bool
	size int
}

// glyphKey is a glyph of a face at a position within its pixel (a
// hinted face's advances are whole pixels, so that is nearly always 0).
type glyphKey struct {
	face   faceKey
	r      rune
	dx, dy fixed.Int26_6
}

type cachedGlyph struct {
	dr      image.Rectangle // relative to the pixel of the dot
	mask    *image.Alpha    // nil when dr is empty
	advance fixed.Int26_6
	ok      bool
}

// maxGlyphs bounds the cache (a glyph of the slip's largest size is about
// 2 KB): texts in other scripts than the usual ones are drawn uncached.
const maxGlyphs = 4096

var (
	glyphs      sync.Map // glyphKey → *cachedGlyph
	glyphsCount atomic.Int64
)

func (f cachedFace) Glyph(dot fixed.Point26_6, r rune) (image.Rectangle, image.Image, image.Point, fixed.Int26_6, bool) {
	ix, iy := dot.X.Floor(), dot.Y.Floor()
	k := glyphKey{f.key, r, dot.X - fixed.I(ix), dot.Y - fixed.I(iy)}
	v, ok := glyphs.Load(k)
	if !ok {
		if glyphsCount.Load() >= maxGlyphs {
			return f.Face.Glyph(dot, r)
		}
		// The face's mask lives until its next Glyph call: keep a copy.
		dr, mask, mp, advance, found := f.Face.Glyph(fixed.Point26_6{X: k.dx, Y: k.dy}, r)
		g := &cachedGlyph{dr: dr, advance: advance, ok: found}
		if found && !dr.Empty() {
			g.mask = image.NewAlpha(image.Rect(0, 0, dr.Dx(), dr.Dy()))
			draw.Draw(g.mask, g.mask.Rect, mask, mp, draw.Src)
		}
		var loaded bool
		if v, loaded = glyphs.LoadOrStore(k, g); !loaded {
			glyphsCount.Add(1)
		}
	}
	g := v.(*cachedGlyph)
	if g.mask == nil {
		return g.dr.Add(image.Pt(ix, iy)), image.Transparent, image.Point{}, g.advance, g.ok
	}
	return g.dr.Add(image.Pt(ix, iy)), g.mask, image.Point{}, g.advance, g.ok
}

// drawString draws s as font.Drawer.DrawString does. On a gray canvas it
// blends the cached glyphs itself, with the arithmetic of image/draw's
// generic path, which went through interface calls for every pixel: that
// was a fifth of a slip's time (image/draw is fast on RGBA canvases only).
func drawString(dst draw.Image, src *image.Uniform, face font.Face, dot fixed.Point26_6, s string) {
	gray, _ := dst.(*image.Gray)
	if gray == nil {
		(&font.Drawer{Dst: dst, Src: src, Face: face, Dot: dot}).DrawString(s)
		return
	}
	sr, sg, sb, sa := src.RGBA()
	prev := rune(-1)
	for _, c := range s {
		if prev >= 0 {
			dot.X += face.Kern(prev, c)
		}
		dr, mask, mp, advance, _ := face.Glyph(dot, c)
		if !dr.Empty() {
			if a, ok := mask.(*image.Alpha); ok {
				blendGray(gray, dr, a, mp, sr, sg, sb, sa)
			} else {
				draw.DrawMask(dst, dr, src, image.Point{}, mask, mp, draw.Over)
			}
		}
		dot.X += advance
		prev = c
	}
}

// blendGray draws a colour (sr…sa, 16 bits each, as color.Color.RGBA
// gives) over dst through mask, mask's point mp at dr.Min, as draw.DrawMask
// does with draw.Over.
func blendGray(dst *image.Gray, dr image.Rectangle, mask *image.Alpha, mp image.Point, sr, sg, sb, sa uint32) {
	r := dr.Intersect(dst.Rect).Intersect(mask.Rect.Add(dr.Min.Sub(mp)))
	if r.Empty() {
		return
	}
	mp = mp.Add(r.Min.Sub(dr.Min))
	for y := r.Min.Y; y < r.Max.Y; y++ {
		d := dst.Pix[dst.PixOffset(r.Min.X, y):][:r.Dx()]
		m := mask.Pix[mask.PixOffset(mp.X, mp.Y+y-r.Min.Y):][:r.Dx()]
		for i, m8 := range m {
			if m8 == 0 {
				continue
			}
			ma := uint32(m8) * 0x101
			v := uint32(d[i]) * 0x101
			a := 0xffff - sa*ma/0xffff
			cr := (v*a + sr*ma) / 0xffff
			cg := (v*a + sg*ma) / 0xffff
			cb := (v*a + sb*ma) / 0xffff
			d[i] = uint8((19595*cr + 38470*cg + 7471*cb + 1<<15) >> 24)
		}
	}
}
