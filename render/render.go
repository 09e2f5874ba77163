// Package render draws the pictures the bot sends — a bar chart for the
// coordinators' tallies and a slip with a QR code for residents — as PNGs,
// with an embedded font (DejaVu Sans, see fonts/LICENSE) that has every
// Vietnamese glyph. Every text comes from the caller, already localized.
//
// It draws with golang.org/x/image/font/opentype straight onto an
// image.RGBA (the chart) or an image.Gray (the slip, which has no colour).
// The pictures need only filled rectangles and anti-aliased text, and the
// layout that reads well on a phone (a label on its own line above each
// bar, "…" cut only between whole words, values at the bar ends, text
// wrapped by measured width) is a few lines of arithmetic. A
// plotting library (gonum.org/v1/plot) would bring axes, ticks and a PDF/SVG
// stack we do not use, and squeeze long category labels into an axis
// column; fogleman/gg is unmaintained since 2019. x/image is kept by the Go
// team and is one small dependency.
//
// Texts are normalized to NFC first: Vietnamese then needs only precomposed
// letters, which DejaVu Sans has, so no mark has to be positioned by hand.
package render

import (
	"bytes"
	"embed"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"runtime"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/norm"
)

//go:embed fonts/DejaVuSans.ttf fonts/DejaVuSans-Bold.ttf
var fontFiles embed.FS

// fonts are parsed once; an *opentype.Font is safe for concurrent use,
// the faces made from it are not, so each picture makes its own.
var fonts = sync.OnceValues(func() (*[2]*opentype.Font, error) {
	var fs [2]*opentype.Font
	for i, name := range []string{"fonts/DejaVuSans.ttf", "fonts/DejaVuSans-Bold.ttf"} {
		b, err := fontFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		if fs[i], err = opentype.Parse(b); err != nil {
			return nil, fmt.Errorf("render: parse %s: %w", name, err)
		}
	}
	return &fs, nil
})

// style is a face of one size and weight with its colour and line spacing.
type style struct {
	face  font.Face
	color *image.Uniform
	size  int // pixels per em
}

func newStyle(bold bool, size int, c color.Color) (style, error) {
	fs, err := fonts()
	if err != nil {
		return style{}, err
	}
	f := fs[0]
	if bold {
		f = fs[1]
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: float64(size), DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		return style{}, err
	}
	return style{face: cachedFace{Face: face, key: faceKey{bold, size}}, color: image.NewUniform(c), size: size}, nil
}

// styles makes styles and keeps the first error, to check once.
type styles struct{ err error }

func (m *styles) new(bold bool, size int, c color.Color) style {
	s, err := newStyle(bold, size, c)
	if m.err == nil {
		m.err = err
	}
	return s
}

// lineHeight leaves room above capitals with two Vietnamese marks (Ẫ, Ỷ),
// which rise above the font's ascent, and below descenders.
func (s style) lineHeight() int { return s.size * 3 / 2 }

// baseline is the baseline's offset from the top of a line.
func (s style) baseline() int { return s.size * 6 / 5 }

func (s style) width(text string) int { return font.MeasureString(s.face, text).Ceil() }

// draw writes one line of text with its top-left corner at (x, top).
func (s style) draw(dst draw.Image, x, top int, text string) {
	drawString(dst, s.color, s.face, fixed.P(x, top+s.baseline()), text)
}

// clean normalizes to NFC and turns line breaks, tabs and runs of spaces
// into single spaces, for texts drawn on one line.
func clean(s string) string {
	return strings.Join(strings.Fields(norm.NFC.String(s)), " ")
}

// cuts are the byte offsets where s may be cut: before every rune that is
// not a combining mark (and at the end), so a cut never splits a rune or
// separates a letter from a mark NFC could not compose into it.
func cuts(s string) []int {
	var cs []int
	for i, r := range s {
		if i > 0 && !unicode.Is(unicode.M, r) {
			cs = append(cs, i)
		}
	}
	return append(cs, len(s))
}

const ellipsis = "…"

// ellipsize returns text if it fits in max pixels, otherwise its longest
// prefix of whole words (cut before a space; trailing spaces, commas and
// the like dropped) followed by "…" that fits; only when not even the
// first word fits, its longest prefix cut between whole characters. A cut
// inside a word would leave another word: "mai táng" cut after "tán".
func (s style) ellipsize(text string, max int) string {
	if s.width(text) <= max {
		return text
	}
	fit := func(end int) string {
		return strings.TrimRightFunc(text[:end], func(r rune) bool {
			return unicode.IsSpace(r) || strings.ContainsRune(",;:+–-(/&", r)
		}) + ellipsis
	}
	var words []int // the ends of the words
	for i, r := range text {
		if i > 0 && unicode.IsSpace(r) {
			words = append(words, i)
		}
	}
	if head := s.longestFit(words, fit, max); head != "" && head != ellipsis {
		return head
	}
	if head := s.longestFit(cuts(text), fit, max); head != "" {
		return head
	}
	return ellipsis
}

// longestFit is fit(ends[i]) for the largest i whose fit is within max
// pixels ("" if none is): widths grow with i.
func (s style) longestFit(ends []int, fit func(int) string, max int) string {
	lo, hi := -1, len(ends)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if s.width(fit(ends[mid])) <= max {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo < 0 {
		return ""
	}
	return fit(ends[lo])
}

// wrap breaks text (NFC-normalized; "\n" starts a new paragraph) into
// lines no wider than max pixels, at spaces; a word wider than a line (a
// link, a long code) is broken between characters.
func (s style) wrap(text string, max int) []string {
	var lines []string
	for _, para := range strings.Split(norm.NFC.String(text), "\n") {
		line := ""
		for _, w := range strings.Fields(para) {
			if line != "" && s.width(line+" "+w) <= max {
				line += " " + w
				continue
			}
			if line != "" {
				lines = append(lines, line)
			}
			line = w
			for s.width(line) > max {
				head := s.longestPrefix(line, max)
				lines = append(lines, head)
				line = line[len(head):]
			}
		}
		if line != "" {
			lines = append(lines, line)
		}
	}
	return lines
}

// longestPrefix is the longest prefix of text, cut between whole
// characters, within max pixels; at least one character.
func (s style) longestPrefix(text string, max int) string {
	cs := cuts(text)
	lo, hi := 0, len(cs)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if s.width(text[:cs[mid]]) <= max {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return text[:cs[lo]]
}

// fill paints r in c, on the two kinds of canvas the pictures use.
func fill(dst draw.Image, r image.Rectangle, c color.RGBA) {
	switch dst := dst.(type) {
	case *image.RGBA:
		r = r.Intersect(dst.Rect)
		for y := r.Min.Y; y < r.Max.Y; y++ {
			row := dst.Pix[dst.PixOffset(r.Min.X, y):dst.PixOffset(r.Max.X, y)]
			for i := 0; i < len(row); i += 4 {
				row[i], row[i+1], row[i+2], row[i+3] = c.R, c.G, c.B, c.A
			}
		}
	case *image.Gray:
		r = r.Intersect(dst.Rect)
		if r.Empty() {
			return
		}
		g := color.GrayModel.Convert(c).(color.Gray).Y
		// The first row pixel by pixel, the others copied from it.
		first := dst.Pix[dst.PixOffset(r.Min.X, r.Min.Y):dst.PixOffset(r.Max.X, r.Min.Y)]
		for i := range first {
			first[i] = g
		}
		for y := r.Min.Y + 1; y < r.Max.Y; y++ {
			copy(dst.Pix[dst.PixOffset(r.Min.X, y):], first)
		}
	default:
		draw.Draw(dst, r, image.NewUniform(c), image.Point{}, draw.Src)
	}
}

// encode makes the PNG. Encoding, not drawing, is most of a picture's
// cost: the fastest compression is a few per cent larger and twice as fast,
// and the compressor's buffers (a megabyte) are reused.
func encode(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: encoderBuffers{}}).Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// encoders keeps PNG encoders' buffers, one per turn to draw. (A
// sync.Pool is emptied by the garbage collections between two pictures:
// a 10-second bench of 50 chats allocated 48 MB of new compressors.)
var encoders = make(chan *png.EncoderBuffer, cap(drawing))

// encoderBuffers lends PNG encoders' buffers kept in encoders.
type encoderBuffers struct{}

func (encoderBuffers) Get() *png.EncoderBuffer {
	select {
	case b := <-encoders:
		return b
	default:
		return nil
	}
}

func (encoderBuffers) Put(b *png.EncoderBuffer) {
	select {
	case encoders <- b:
	default:
	}
}

// drawing bounds how many pictures are drawn at once: a picture is CPU
// work and a few megabytes while it is drawn, and the bot may be asked for
// one by every database connection at once (a slip closes each case).
var drawing = make(chan struct{}, max(2, runtime.GOMAXPROCS(0)))

// gate waits for a turn to draw; the returned func ends it.
func gate() func() {
	drawing <- struct{}{}
	return func() { <-drawing }
}

var (
	white      = color.RGBA{0xff, 0xff, 0xff, 0xff}
	ink        = color.RGBA{0x1f, 0x29, 0x37, 0xff} // near-black text
	muted      = color.RGBA{0x5b, 0x64, 0x72, 0xff} // secondary text
	track      = color.RGBA{0xe8, 0xec, 0xf2, 0xff} // behind a bar; rules
	barColour  = color.RGBA{0x1d, 0x5f, 0xd1, 0xff}
	restColour = color.RGBA{0x8f, 0xb0, 0xe6, 0xff} // the others summed: a lighter bar
	black      = color.RGBA{0, 0, 0, 0xff}          // QR modules
)
