package render

import (
	"errors"
	"fmt"
	"image"
	"image/color"

	qrcode "github.com/skip2/go-qrcode"
)

// SlipData is what a resident takes home: a QR code of Link and texts,
// all localized by the caller.
type SlipData struct {
	Link   string  // encoded in the QR code
	Title  string  // the procedure
	Fields []Field // e.g. dossier code, expected date
	Note   string  // how to check the result; "\n" starts a paragraph
	Footer string  // e.g. the link as text
}

// Field is one labelled value on a slip.
type Field struct {
	Label, Value string
}

// SlipWidth is the width of every slip in pixels.
const SlipWidth = 1080

// Slip layout, in pixels.
const (
	slipMargin    = 56
	slipQR        = 560 // the QR code's side at most, quiet zone included
	slipMaxHeight = 6000
	slipGap       = 28
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
	footer := mk.new(false, 28, muted)
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
			text(value, f.Value, false)
		}
	}
	if s.Note != "" {
		rule()
		text(note, s.Note, false)
	}
	if s.Footer != "" {
		gap(slipGap)
		text(footer, s.Footer, false)
	}

	h := 2 * slipMargin
	for _, b := range blocks {
		h += b.h
	}
	if h > slipMaxHeight {
		return nil, fmt.Errorf("render: slip texts need %d pixels, more than %d", h, slipMaxHeight)
	}
	img := image.NewGray(image.Rect(0, 0, SlipWidth, h)) // black, grays and white only: a quarter of the bytes
	fill(img, img.Rect, white)
	y := slipMargin
	for _, b := range blocks {
		b.draw(img, y)
		y += b.h
	}
	return encode(sixteenGrays(img))
}

// grays16 is the palette a slip is stored in: 16 grays, 4 bits a pixel.
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
// palette is not filtered and packs two pixels to a byte: the slip encodes
// in about half the time of its 8-bit grays, and the anti-aliased text
// keeps 16 shades, more than the eye tells apart at that size.
func sixteenGrays(img *image.Gray) *image.Paletted {
	for i, v := range img.Pix {
		img.Pix[i] = toGrays16[v]
	}
	return &image.Paletted{Pix: img.Pix, Stride: img.Stride, Rect: img.Rect, Palette: grays16}
}
