package render

import (
	"image"
	"testing"
)

// restLength is the run of rest-coloured pixels along the middle of bar i.
func restLength(img image.Image, i int) int {
	y := chartHeader + i*chartRow + chartLabelH + chartBarH/2
	n := 0
	for x := chartMargin; x < ChartWidth; x++ {
		r, g, b, _ := img.At(x, y).RGBA()
		if uint8(r>>8) == restColour.R && uint8(g>>8) == restColour.G && uint8(b>>8) == restColour.B {
			n++
		}
	}
	return n
}

// Review 23c, item 3: the others summed were drawn as a number alone, no
// bar, a row that read as missing. They have a bar, in a lighter colour
// (a sum, not one item), on the same scale as the others: a sum larger
// than every item is the longest bar, not one cut at the top's length.
func TestReview23cRestHasABar(t *testing.T) {
	b, err := BarChart(Chart{Title: "t", Bars: []Bar{{Label: "a", Value: 400}, {Label: "b", Value: 200}, {Label: "Khác (5 tỉnh)", Value: 600, Rest: true}}})
	if err != nil {
		t.Fatal(err)
	}
	img := decode(t, b)
	a, half, rest := barLength(img, 0), barLength(img, 1), restLength(img, 2)
	if rest < ChartWidth/2 || a < rest*2/3-2 || a > rest*2/3+2 || half < rest/3-2 || half > rest/3+2 {
		t.Errorf("bars 400, 200 and the rest (600) drawn %d, %d and %d pixels long", a, half, rest)
	}
	if barLength(img, 2) != 0 || restLength(img, 0) != 0 {
		t.Error("the rest's bar and the items' bars are not told apart by their colour")
	}
}

// A sum of the others more than twice the largest count (a ward's volunteers
// but twelve) drew the counts as slivers beside it. The largest count takes
// half the bars' width now, the others in proportion, and the sum's bar the
// whole width with a break in it: still the longest, plainly not to scale.
// A sum up to twice the largest stays on the same scale (the test above).
func TestRestFarAboveTheItemsIsBroken(t *testing.T) {
	b, err := BarChart(Chart{Title: "t", Bars: []Bar{{Label: "a", Value: 528}, {Label: "b", Value: 264}, {Label: "Khác (1.789 tình nguyện viên)", Value: 63599, Rest: true}}})
	if err != nil {
		t.Fatal(err)
	}
	img := decode(t, b)
	a, half, rest := barLength(img, 0), barLength(img, 1), restLength(img, 2)
	// The bars' room: the chart less its margins and the widest number.
	room := 0
	y := chartHeader + chartLabelH + chartBarH/2
	for x := chartMargin; x < ChartWidth; x++ {
		if r, g, bl, _ := img.At(x, y).RGBA(); uint8(r>>8) == track.R && uint8(g>>8) == track.G && uint8(bl>>8) == track.B {
			room = x - chartMargin + 1
		}
	}
	if a < room/2-2 || a > room/2+2 || half < a/2-2 || half > a/2+2 {
		t.Errorf("counts 528 and 264 drawn %d and %d pixels long, want half and a quarter of %d", a, half, room)
	}
	if rest < room*3/4 || rest > room-breakWidth {
		t.Errorf("the sum's bar is %d pixels of rest colour, want nearly all of %d less a break", rest, room)
	}
	// Across the bar's middle: rest colour, then the break (white), then rest colour to the end.
	row := chartHeader + 2*chartRow + chartLabelH + chartBarH/2
	var runs []bool // true: rest colour
	for x := chartMargin; x < chartMargin+room; x++ {
		r, g, bl, _ := img.At(x, row).RGBA()
		isRest := uint8(r>>8) == restColour.R && uint8(g>>8) == restColour.G && uint8(bl>>8) == restColour.B
		if len(runs) == 0 || runs[len(runs)-1] != isRest {
			runs = append(runs, isRest)
		}
	}
	if len(runs) != 3 || !runs[0] || runs[1] || !runs[2] {
		t.Errorf("the sum's bar is not one bar with one break: runs %v", runs)
	}
}
