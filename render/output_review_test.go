package render

import (
	"image/color"
	"strings"
	"testing"
)

// A dossier code of 40 characters (privacy.DossierCode accepts up to 40)
// must stay on one line of the slip: it is what the resident types or reads
// out at the portal or the desk, and a code broken between two characters
// with no mark reads as two things. Found in review (2026-11-30): codes
// over ~34 characters wrapped; now they are drawn smaller, on one line.
func TestSlipDossierCodeOnOneLine(t *testing.T) {
	link := "https://t.me/dvcbot_demo_bot?start=ofspDMcAK3I7M6aBcyueP-FL"
	height := func(code string) int {
		s := sampleSlip(link)
		s.Fields[0].Value = code
		b, err := Slip(s)
		if err != nil {
			t.Fatal(err)
		}
		img := decode(t, b)
		if got := scan(t, img); got != link {
			t.Fatalf("QR code reads %q, want %q", got, link)
		}
		return img.Bounds().Dy()
	}
	short := height("000.00.12.H26-251127-0001")
	for _, code := range []string{
		"000.00.12.H26-251127-0001-ABCDEFGHIJKLMN", // 40
		strings.Repeat("0123456789", 4),            // 40
	} {
		if h := height(code); h != short {
			t.Errorf("dossier code %q (%d chars) wrapped: slip %d px tall, %d with a 25-char code", code, len(code), h, short)
		}
	}
}

// A huge count does not overflow the bar's length (found in review: scaled
// in int, the largest bar was drawn as the 3-pixel minimum).
func TestBarChartHugeCounts(t *testing.T) {
	b, err := BarChart(Chart{Title: "t", Subtitle: "s", Bars: []Bar{{Label: "max", Value: 1 << 62}, {Label: "half", Value: 1 << 61}, {Label: "one", Value: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	img := decode(t, b)
	blue := func(i int) int {
		y := chartHeader + i*chartRow + chartLabelH + chartBarH/2
		n := 0
		for x := chartMargin; x < ChartWidth; x++ {
			if c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA); c == barColour {
				n++
			}
		}
		return n
	}
	if w0, w1, w2 := blue(0), blue(1), blue(2); !(w0 > w1 && w1 > w2) {
		t.Errorf("bar lengths %d, %d, %d for 2^62, 2^61, 1: want decreasing (the largest bar full width)", w0, w1, w2)
	}
}
