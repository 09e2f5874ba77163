package render

import (
	"bytes"
	"image"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
	xdraw "golang.org/x/image/draw"
)

func sampleSlip(link string) SlipData {
	return SlipData{
		Link:  link,
		Title: "Đăng ký khai sinh, thường trú, cấp thẻ BHYT cho trẻ dưới 6 tuổi",
		Fields: []Field{
			{Label: "Mã hồ sơ", Value: "000.00.12.H26-251127-0001", OneLine: true},
			{Label: "Ngày hẹn trả kết quả (dự kiến)", Value: "05/12/2026"},
		},
		Note: "Ông/bà quét mã QR hoặc mở đường dẫn bên dưới để xem tình trạng hồ sơ và nhận nhắc khi có kết quả. " +
			"Có thể tra cứu trên Cổng Dịch vụ công quốc gia bằng mã hồ sơ, hoặc hỏi tại bộ phận Một cửa của phường, xã.\n" +
			"Mang theo phiếu này khi đến nhận kết quả.",
		Footer: link,
	}
}

// scan decodes the QR code found anywhere in img.
func scan(t *testing.T, img image.Image) string {
	t.Helper()
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true})
	if err != nil {
		t.Fatalf("no QR code read: %v", err)
	}
	return res.GetText()
}

func TestSlipQR(t *testing.T) {
	links := []string{
		"https://t.me/dvcbot?start=" + strings.Repeat("Ab9_-", 12) + "Zz09", // 64-character token
		"https://dvc.example.vn/f/k3J9x-Qp_7LmN2vB8cT4wY6zR1sD0fG5hU",
		"https://t.me/x?start=a",
	}
	for i, link := range links {
		b, err := Slip(sampleSlip(link))
		if err != nil {
			t.Fatal(err)
		}
		img := decode(t, b)
		if w := img.Bounds().Dx(); w != SlipWidth {
			t.Errorf("slip %d pixels wide, want %d", w, SlipWidth)
		}
		if got := scan(t, img); got != link {
			t.Errorf("QR code reads %q, want %q", got, link)
		}
		// A photo of the slip on a phone screen has fewer pixels.
		small := image.NewRGBA(image.Rect(0, 0, img.Bounds().Dx()*2/5, img.Bounds().Dy()*2/5))
		xdraw.CatmullRom.Scale(small, small.Rect, img, img.Bounds(), xdraw.Src, nil)
		if got := scan(t, small); got != link {
			t.Errorf("QR code at 40%% reads %q, want %q", got, link)
		}
		if i == 0 {
			save(t, "slip.png", b)
		}
	}
}

func TestSlipHeightFollowsText(t *testing.T) {
	link := "https://t.me/dvcbot?start=abc"
	s := sampleSlip(link)
	b, err := Slip(s)
	if err != nil {
		t.Fatal(err)
	}
	h := decode(t, b).Bounds().Dy()
	s.Note += "\n" + s.Note
	b, err = Slip(s)
	if err != nil {
		t.Fatal(err)
	}
	if h2 := decode(t, b).Bounds().Dy(); h2 <= h {
		t.Errorf("a longer note did not make the slip taller: %d then %d", h, h2)
	}
	bare, err := Slip(SlipData{Link: link})
	if err != nil {
		t.Fatal(err)
	}
	img := decode(t, bare)
	if got := scan(t, img); got != link {
		t.Errorf("bare slip QR reads %q", got)
	}
	if img.Bounds().Dy() >= h {
		t.Errorf("a slip without texts is %d pixels tall, one with texts %d", img.Bounds().Dy(), h)
	}
}

func TestSlipRefuses(t *testing.T) {
	if _, err := Slip(SlipData{Title: "t"}); err == nil {
		t.Error("slip without a link accepted")
	}
	if _, err := Slip(SlipData{Link: strings.Repeat("x", 3000)}); err == nil {
		t.Error("a link too long for a QR code accepted")
	}
	s := sampleSlip("https://t.me/dvcbot?start=abc")
	s.Note = strings.Repeat(s.Note+"\n", 40)
	if _, err := Slip(s); err == nil {
		t.Error("a slip taller than the limit accepted")
	}
}

func BenchmarkSlip(b *testing.B) {
	s := sampleSlip("https://t.me/dvcbot?start=" + strings.Repeat("Ab9_-", 12) + "Zz09")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Slip(s); err != nil {
			b.Fatal(err)
		}
	}
}

// A slip drawn on a kept canvas — after a taller slip and after one of its
// own size — is the slip drawn on a new canvas, byte for byte.
func TestSlipOnAKeptCanvas(t *testing.T) {
	forget := func() {
		for {
			select {
			case <-canvases:
			default:
				return
			}
		}
	}
	s := sampleSlip("https://t.me/dvcbot?start=kept")
	tall := s
	tall.Note = strings.Repeat(s.Note+"\n", 4)
	forget()
	want, err := Slip(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, before := range []SlipData{tall, s} {
		forget()
		if _, err := Slip(before); err != nil {
			t.Fatal(err)
		}
		if len(canvases) != 1 {
			t.Fatalf("%d canvases kept after a slip, want 1", len(canvases))
		}
		got, err := Slip(s)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatal("a slip drawn on a kept canvas differs from one drawn on a new canvas")
		}
	}
}
