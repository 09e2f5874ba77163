package render

import (
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	"strings"

	qrcode "github.com/skip2/go-qrcode"
)

// SlipData is what a resident takes home: a QR code of Link and texts,
// all localized by the caller.
type SlipData struct {
	Link   string  // encoded in the QR code
	Title  string  // the procedure
	Fields []Field // e.g. dossier code, expected date
	Note   string  // how to check the result; "\n" starts a paragraph
	Footer string  // the link as text, for those who type it (footerLines)
}

// Field is one labelled value on a slip. A OneLine value (a dossier code,
// read off character by character) is never wrapped: too long, it is drawn
// smaller.
type Field struct {
	Label, Value string
	OneLine      bool
}

// SlipWidth is the width of every slip in pixels.
const SlipWidth = 1080

// Slip layout, in pixels.
const (
	slipMargin    = 56
	slipQR        = 560 // the QR code's side at most, quiet zone included
	slipMaxHeight = 6000
	slipGap       = 28
	slipMinCode   = 24 // px: the smallest a one-line value (a 40-character code) is drawn
	slipFooter    = 28 // px: the footer's link, at most
)

// Slip draws s as a PNG SlipWidth pixels wide, as tall as its texts need
// (at most 6000 pixels): the title, the QR code of s.Link (medium error
// correction, with its quiet zone, whole pixels per module so it scans
// from a photo or a print), the fields (label above value), the note and
// the footer, each wrapped by measured width. Empty texts are left out.
func Slip(s SlipData) ([]byte, error) {
	if s.Link == "" {
		return nil, errors.New("render: slip without a link")
	}
	q, err := qrcode.New(s.Link, qrcode.Medium)
	if err != nil {
		return nil, fmt.Errorf("render: QR code: %w", err)
	}
	bits := q.Bitmap() // includes the quiet zone
	module := slipQR / len(bits)
	if module < 3 {
		return nil, fmt.Errorf("render: link of %d bytes too long for a legible QR code", len(s.Link))
	}

	defer gate()()
	var mk styles
	title := mk.new(true, 44, ink)
	label := mk.new(false, 30, muted)
	value := mk.new(true, 40, ink)
	note := mk.new(false, 32, ink)
	footer := mk.new(false, slipFooter, muted)
	if mk.err != nil {
		return nil, mk.err
	}

	// Lay out first, as blocks that know their height, then draw them.
	type block struct {
		h    int
		draw func(dst *image.Gray, top int)
	}
	var blocks []block
	inner := SlipWidth - 2*slipMargin
	text := func(st style, t string, centred bool) {
		for _, line := range st.wrap(t, inner) {
			x := slipMargin
			if centred {
				x = (SlipWidth - st.width(line)) / 2
			}
			blocks = append(blocks, block{st.lineHeight(), func(dst *image.Gray, top int) { st.draw(dst, x, top, line) }})
		}
	}
	gap := func(h int) { blocks = append(blocks, block{h, func(*image.Gray, int) {}}) }
	rule := func() {
		blocks = append(blocks, block{2 + 2*slipGap, func(dst *image.Gray, top int) {
			fill(dst, image.Rect(slipMargin, top+slipGap, SlipWidth-slipMargin, top+slipGap+2), track)
		}})
	}

	text(title, s.Title, true)
	side := module * len(bits)
	blocks = append(blocks, block{side, func(dst *image.Gray, top int) {
		left := (SlipWidth - side) / 2
		for y, row := range bits {
			for x, set := range row {
				if set {
					fill(dst, image.Rect(left+x*module, top+y*module, left+(x+1)*module, top+(y+1)*module), black)
				}
			}
		}
	}})
	if len(s.Fields) > 0 {
		rule()
		for i, f := range s.Fields {
			if i > 0 {
				gap(slipGap / 2)
			}
			text(label, f.Label, false)
			if !f.OneLine {
				text(value, f.Value, false)
				continue
			}
			st, line := value, clean(f.Value)
			for size := value.size - 2; st.width(line) > inner && size >= slipMinCode; size -= 2 {
				st = mk.new(true, size, ink)
			}
			if mk.err != nil {
				return nil, mk.err
			}
			lift := (value.lineHeight() - st.lineHeight()) / 2 // in the line a full-size value takes
			blocks = append(blocks, block{value.lineHeight(), func(dst *image.Gray, top int) { st.draw(dst, slipMargin, top+lift, line) }})
		}
	}
	if s.Note != "" {
		rule()
		text(note, s.Note, false)
	}
	if s.Footer != "" {
		gap(slipGap)
		for _, l := range footerLines(&mk, s.Footer, inner) {
			lift := (footer.lineHeight() - l.st.lineHeight()) / 2 // in the line a full-size footer takes
			blocks = append(blocks, block{footer.lineHeight(), func(dst *image.Gray, top int) { l.st.draw(dst, slipMargin, top+lift, l.text) }})
		}
		if mk.err != nil {
			return nil, mk.err
		}
	}

	h := 2 * slipMargin
	for _, b := range blocks {
		h += b.h
	}
	if h > slipMaxHeight {
		return nil, fmt.Errorf("render: slip texts need %d pixels, more than %d", h, slipMaxHeight)
	}
	img := grayCanvas(image.Rect(0, 0, SlipWidth, h)) // black, grays and white only: a quarter of the bytes
	defer reuseCanvas(img)
	fill(img, img.Rect, white)
	y := slipMargin
	for _, b := range blocks {
		b.draw(img, y)
		y += b.h
	}
	return encode(sixteenGrays(img))
}

// footerLine is a line of the footer and the style it is drawn in.
type footerLine struct {
	st   style
	text string
}

// footerLines lays out the footer, a link a resident may type by hand:
// on one line, drawn smaller (down to slipMinCode) if need be, as a
// dossier code is; a link broken between two characters ("…WtmDu" and a
// lone "x" below) reads as the link and something else. A link too long
// for one line even then is broken where it has parts — before its query
// ("?start=…"), else after its last "/" — so that its token stays whole on
// a line of its own; a part still too long is wrapped between characters.
func footerLines(mk *styles, link string, max int) []footerLine {
	link = clean(link)
	for size := slipFooter; size >= slipMinCode; size -= 2 {
		st := mk.new(false, size, muted)
		if mk.err != nil {
			return nil
		}
		if st.width(link) <= max {
			return []footerLine{{st, link}}
		}
	}
	st := mk.new(false, slipMinCode, muted)
	cut := strings.LastIndex(link, "?")
	if cut <= 0 {
		cut = strings.LastIndex(link, "/") + 1
	}
	var ls []footerLine
	for _, part := range []string{link[:cut], link[cut:]} {
		for _, l := range st.wrap(part, max) {
			ls = append(ls, footerLine{st, l})
		}
	}
	return ls
}

// canvases keeps the canvases of the last slips for the next ones, one per
// turn to draw: a slip's canvas (about 2 MB) was most of the bytes the bot
// allocated per update under the bench, and so most of its garbage
// collections.
var canvases = make(chan []byte, cap(drawing))

// grayCanvas returns a canvas of r, a kept one when it is large enough; its
// pixels are whatever they were.
func grayCanvas(r image.Rectangle) *image.Gray {
	n := r.Dx() * r.Dy()
	select {
	case b := <-canvases:
		if cap(b) >= n {
			return &image.Gray{Pix: b[:n], Stride: r.Dx(), Rect: r}
		}
	default:
	}
	return image.NewGray(r)
}

// reuseCanvas keeps img's pixels for a next canvas; img is not used after.
func reuseCanvas(img *image.Gray) {
	select {
	case canvases <- img.Pix:
	default:
	}
}

// grays16 is the palette a slip is stored in: 16 grays, and white again
// (see sixteenGrays).
var grays16 = func() color.Palette {
	p := make(color.Palette, 17)
	for i := range 16 {
		p[i] = color.Gray{Y: uint8(i * 17)}
	}
	p[16] = p[15]
	return p
}()

// toGrays16 maps a gray to the nearest of grays16.
var toGrays16 = func() (t [256]uint8) {
	for v := range t {
		t[v] = uint8((v + 8) / 17)
	}
	return t
}()

// sixteenGrays turns img, in place, into an image of grays16. A PNG of a
// palette is not filtered, and 16 shades compress better than 256: the
// slip encodes in about half the time of its 8-bit grays, and the
// anti-aliased text keeps more shades than the eye tells apart at that
// size. (The palette has a 17th entry so that image/png writes a byte per
// pixel: it packs 4-bit pixels one interface call at a time, slower.)
func sixteenGrays(img *image.Gray) *image.Paletted {
	pix := img.Pix
	const white8, whiteIndex8 = ^uint64(0), 0x0f0f0f0f0f0f0f0f // most of a slip is white: 8 pixels at a time
	i := 0
	for ; i+8 <= len(pix); i += 8 {
		if binary.NativeEndian.Uint64(pix[i:]) == white8 {
			binary.NativeEndian.PutUint64(pix[i:], whiteIndex8)
			continue
		}
		for j := i; j < i+8; j++ {
			pix[j] = toGrays16[pix[j]]
		}
	}
	for ; i < len(pix); i++ {
		pix[i] = toGrays16[pix[i]]
	}
	return &image.Paletted{Pix: img.Pix, Stride: img.Stride, Rect: img.Rect, Palette: grays16}
}
