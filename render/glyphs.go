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
