package render

import (
	"fmt"
	"image"
	"strconv"
	"strings"
)

// Chart is a horizontal bar chart: a title, a subtitle (unit, period) and
// one bar per label, drawn in the order given. Texts are localized by the
// caller; Empty is drawn instead of the bars when there are none.
type Chart struct {
	Title    string
	Subtitle string
	Bars     []Bar
	Empty    string
	// Number writes a count as the reader's language does (1.017 in
	// Vietnamese); plain digits when nil.
	Number func(int) string
}

// Bar is one labelled count. A Rest bar (the others summed, its label
// saying how many) is drawn in a lighter colour, on the same scale: a sum,
// told apart from the single counts, but a row with a bar like the others
// (until review 23 it was its number alone, a row that read as missing).
// A sum more than twice the largest single count (a province's hundred
// communes but twelve, a ward's volunteers but twelve) would leave the
// counts as slivers beside it: then the largest count takes half the
// width, and the sum's bar the whole width with a break in it, its number
// saying how much it holds.
type Bar struct {
	Label string
	Value int
	Rest  bool
}

// ChartWidth is the width of every chart in pixels: the most Telegram
// shows a photo without scaling it down. At this width every shipped
// procedure title, in Vietnamese and in English (up to ~1,170 pixels at
// 34 pixels a letter), is drawn whole on its line above its bar, and the
// labels stay readable on a phone screen.
const ChartWidth = 1280

// MaxBars is the most bars a chart takes (callers keep the top ~12 and
// sum the rest); more would make the photo too tall to read.
const MaxBars = 20

// subtitle is the style and the lines of a chart's subtitle on lines of
// width pixels: the unit and the period, and for a period still running
// up to when it counts, which comes last and must not be cut. A text too
// wide at subtitleSize is drawn smaller, down to minSubtitle, then on two
// lines at that size (the header holds them), and only then shortened at a
// word's end.
func (m *styles) subtitle(text string, width int) (style, []string) {
	text = clean(text)
	s := m.new(false, subtitleSize, muted)
	for size := subtitleSize - 2; m.err == nil && s.width(text) > width && size >= minSubtitle; size -= 2 {
		s = m.new(false, size, muted)
	}
	if m.err != nil || s.width(text) <= width {
		return s, []string{s.ellipsize(text, width)}
	}
	lines := s.wrap(text, width)
	if len(lines) > 2 {
		lines = []string{lines[0], s.ellipsize(strings.Join(lines[1:], " "), width)}
	}
	return s, lines
}

// Chart layout, in pixels.
const (
	chartMargin  = 48
	chartHeader  = 176 // top margin, title line, subtitle line, gap
	chartRow     = 120 // label line 51, bar 44, gap 25
	chartBottom  = 40
	chartBarH    = 44
	chartLabelH  = 51
	titleSize    = 44
	subtitleSize = 30
	minSubtitle  = 22 // a subtitle too wide is drawn smaller, down to this, then on two lines
	labelSize    = 34
	breakWidth   = 10 // the white band across a broken bar
)

// ChartHeight is the height in pixels of a chart with n bars:
// 176 + 120·max(n, 1) + 40 (a header with title and subtitle, a row per
// bar — label above its bar — and a bottom margin; no bars take one row,
// for the Empty text).
func ChartHeight(n int) int {
	return chartHeader + max(n, 1)*chartRow + chartBottom
}

// BarChart draws c as a PNG of ChartWidth × ChartHeight(len(c.Bars))
// pixels. Each label sits on its own line above its bar and is shortened,
// at a word's end, with "…" if wider than the chart; the bars are scaled to the largest value
// (all zero: no bar at all), or broken as Bar says, and each bar's number
// is printed at its end.
// Values must not be negative, and there must be at most MaxBars bars.
func BarChart(c Chart) ([]byte, error) {
	defer gate()()
	if len(c.Bars) > MaxBars {
		return nil, fmt.Errorf("render: %d bars, at most %d", len(c.Bars), MaxBars)
	}
	top, topItem := 0, 0
	for _, b := range c.Bars {
		if b.Value < 0 {
			return nil, fmt.Errorf("render: negative value %d for %q", b.Value, b.Label)
		}
		top = max(top, b.Value)
		if !b.Rest {
			topItem = max(topItem, b.Value)
		}
	}
	broken := topItem > 0 && top-topItem > topItem // a sum over twice every count (Bar); no overflow of huge counts
	var mk styles
	title := mk.new(true, titleSize, ink)
	sub, subtitle := mk.subtitle(c.Subtitle, ChartWidth-2*chartMargin)
	label := mk.new(false, labelSize, ink)
	value := mk.new(true, labelSize, ink)
	empty := mk.new(false, labelSize, muted)
	if mk.err != nil {
		return nil, mk.err
	}

	img := image.NewRGBA(image.Rect(0, 0, ChartWidth, ChartHeight(len(c.Bars))))
	fill(img, img.Rect, white)
	inner := ChartWidth - 2*chartMargin
	title.draw(img, chartMargin, 40, title.ellipsize(clean(c.Title), inner))
	for i, line := range subtitle { // two lines at most, minSubtitle apart by 1.3 em: within the header
		sub.draw(img, chartMargin, 40+title.lineHeight()+i*sub.size*13/10, line)
	}

	if len(c.Bars) == 0 {
		text := empty.ellipsize(clean(c.Empty), inner)
		y := chartHeader + (chartRow-empty.lineHeight())/2
		empty.draw(img, (ChartWidth-empty.width(text))/2, y, text)
		return encode(img)
	}

	// The bars leave room at their right for the widest number.
	values := make([]string, len(c.Bars))
	numW := 0
	for i, b := range c.Bars {
		values[i] = strconv.Itoa(b.Value)
		if c.Number != nil {
			values[i] = c.Number(b.Value)
		}
		numW = max(numW, value.width(values[i]))
	}
	barMax := inner - numW - 16
	full := float64(top) // the count a whole bar stands for
	if broken {
		full = 2 * float64(topItem)
	}

	for i, b := range c.Bars {
		y := chartHeader + i*chartRow
		label.draw(img, chartMargin, y, label.ellipsize(clean(b.Label), inner))
		barTop := y + chartLabelH
		// Numbers are centred on the bar: digits rise about 0.73 em.
		numTop := barTop + chartBarH/2 + labelSize*73/200 - value.baseline()
		fill(img, image.Rect(chartMargin, barTop, chartMargin+barMax, barTop+chartBarH), track)
		w := 0
		if top > 0 {
			w = int(min(float64(b.Value)/full, 1) * float64(barMax)) // no overflow of huge counts
			if b.Value > 0 {
				w = max(w, 3) // a small count still shows
			}
		}
		colour := barColour
		if b.Rest {
			colour = restColour
		}
		fill(img, image.Rect(chartMargin, barTop, chartMargin+w, barTop+chartBarH), colour)
		if broken && b.Value-topItem > topItem {
			// The break: a slanted white band across the bar, three
			// quarters along.
			at := chartMargin + barMax*3/4
			for r := range chartBarH {
				x := at + (chartBarH-r)/3
				fill(img, image.Rect(x, barTop+r, x+breakWidth, barTop+r+1), white)
			}
		}
		value.draw(img, chartMargin+w+12, numTop, values[i])
	}
	return encode(img)
}
