package handlers_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"

	"github.com/makiuchi-d/gozxing"

	"github.com/dvcbot/dvcbot/render"
)

// decodeQR reads a slip's pixels itself (luminance) rather than through
// gozxing's image.At for each: what it reads must be what gozxing would
// have read, byte for byte, on a real slip and on any palette, else a test
// could read a code a phone would not.
func TestSlipLuminanceIsGozxings(t *testing.T) {
	slip, err := render.Slip(render.SlipData{
		Title:  "Đăng ký khai sinh",
		Fields: []render.Field{{Label: "Mã hồ sơ", Value: "000.00.12.H26-251127-0001", OneLine: true}},
		Note:   "Tra cứu kết quả trên Cổng Dịch vụ công",
		Footer: "https://t.me/dvcbot?start=abcdefghijklmnop",
		Link:   "https://t.me/dvcbot?start=abcdefghijklmnop",
	})
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(slip))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := img.(*image.Paletted); !ok {
		t.Fatalf("the slip decodes as a %T: luminance reads it through image.At", img)
	}
	// Colours and transparency too, off the origin: the sum is gozxing's.
	odd := image.NewPaletted(image.Rect(3, 5, 40, 29), color.Palette{
		color.RGBA{200, 10, 60, 255}, color.NRGBA{10, 200, 90, 128}, color.Gray{7}, color.Alpha{0}, color.White,
	})
	for i := range odd.Pix {
		odd.Pix[i] = uint8(i*7) % 5
	}
	for name, img := range map[string]image.Image{"slip": img, "odd": odd, "gray": image.NewGray(image.Rect(0, 0, 9, 4))} {
		got := luminance(t, img).GetMatrix()
		want := gozxing.NewLuminanceSourceFromImage(img).GetMatrix()
		if !bytes.Equal(got, want) {
			t.Errorf("%s: %d bytes read differ from gozxing's %d", name, len(got), len(want))
		}
	}
	if link := decodeQR(t, slip); link != "https://t.me/dvcbot?start=abcdefghijklmnop" {
		t.Errorf("the slip's QR code reads %q", link)
	}
}
