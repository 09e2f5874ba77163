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
