package render

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"
)

var update = flag.Bool("update", false, "write sample PNGs to testdata/")

// save writes a sample picture to testdata/ when -update is given.
func save(t testing.TB, name string, b []byte) {
	t.Helper()
	if !*update {
		return
	}
	if err := os.WriteFile(filepath.Join("testdata", name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func decode(t testing.TB, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	return img
}

// procedures are real procedure and commune names, long and short.
var procedures = []Bar{
	{Label: "Đăng ký khai sinh, thường trú, cấp thẻ BHYT cho trẻ dưới 6 tuổi", Value: 1234},
	{Label: "Đăng ký khai tử, xoá đăng ký thường trú, hưởng chế độ tử tuất", Value: 871},
	{Label: "Cấp lại thẻ bảo hiểm y tế", Value: 640},
	{Label: "Đăng ký kết hôn", Value: 512},
	{Label: "Kích hoạt tài khoản định danh điện tử mức độ 2 (VNeID)", Value: 498},
	{Label: "Phường An Hội Tây", Value: 301},
	{Label: "Xã Ỷ La", Value: 120},
	{Label: "Cấp phiếu lý lịch tư pháp số 1 cho công dân Việt Nam và người nước ngoài đang cư trú", Value: 99},
	{Label: "Đăng ký thường trú", Value: 57},
	{Label: "Thanh toán trực tuyến phí, lệ phí", Value: 12},
	{Label: "Đổi giấy phép lái xe do ngành Giao thông vận tải cấp", Value: 1},
	{Label: "Khác", Value: 0},
}

func TestBarChartSize(t *testing.T) {
	for _, n := range []int{0, 1, 5, 12, MaxBars} {
		bars := make([]Bar, n)
		for i := range bars {
			bars[i] = procedures[i%len(procedures)]
		}
		b, err := BarChart(Chart{Title: "Hồ sơ theo thủ tục", Subtitle: "Tháng 11/2026", Bars: bars, Empty: "Chưa có ca nào"})
		if err != nil {
			t.Fatalf("%d bars: %v", n, err)
		}
		got := decode(t, b).Bounds().Size()
		if want := image.Pt(ChartWidth, ChartHeight(n)); got != want {
			t.Errorf("%d bars: size %v, want %v", n, got, want)
		}
		if n == 12 {
			save(t, "chart.png", b)
		}
	}
	if ChartHeight(0) != ChartHeight(1) || ChartHeight(2)-ChartHeight(1) != chartRow {
		t.Errorf("ChartHeight is not header + rows: %d %d %d", ChartHeight(0), ChartHeight(1), ChartHeight(2))
	}
}

// barLength is the run of bar-coloured pixels along the middle of bar i.
func barLength(img image.Image, i int) int {
	y := chartHeader + i*chartRow + chartLabelH + chartBarH/2
	n := 0
	for x := chartMargin; x < ChartWidth; x++ {
		r, g, b, _ := img.At(x, y).RGBA()
		if uint8(r>>8) == barColour.R && uint8(g>>8) == barColour.G && uint8(b>>8) == barColour.B {
			n++
		}
	}
	return n
}

func TestBarChartScales(t *testing.T) {
	b, err := BarChart(Chart{Title: "t", Bars: []Bar{{Label: "a", Value: 400}, {Label: "b", Value: 200}, {Label: "c", Value: 1}, {Label: "d", Value: 0}}})
	if err != nil {
		t.Fatal(err)
	}
	img := decode(t, b)
	full, half, one, zero := barLength(img, 0), barLength(img, 1), barLength(img, 2), barLength(img, 3)
	if full < ChartWidth/2 || half < full/2-1 || half > full/2+1 {
		t.Errorf("bars 400 and 200 drawn %d and %d pixels long", full, half)
	}
	if one < 1 || one > 5 || zero != 0 {
		t.Errorf("bars 1 and 0 drawn %d and %d pixels long", one, zero)
	}
}

func TestBarChartAllZero(t *testing.T) {
	b, err := BarChart(Chart{Title: "t", Bars: []Bar{{Label: "a", Value: 0}, {Label: "b", Value: 0}}})
	if err != nil {
		t.Fatal(err)
	}
	img := decode(t, b)
	if l0, l1 := barLength(img, 0), barLength(img, 1); l0 != 0 || l1 != 0 {
		t.Errorf("all zero drew bars %d and %d pixels long", l0, l1)
	}
}

// inked counts the non-white pixels in r.
func inked(img image.Image, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if r, g, b, _ := img.At(x, y).RGBA(); r&g&b != 0xffff {
				n++
			}
		}
	}
	return n
}

func TestBarChartEmpty(t *testing.T) {
	body := image.Rect(0, chartHeader, ChartWidth, ChartHeight(0))
	with, err := BarChart(Chart{Title: "t", Empty: "Chưa có ca nào trong kỳ này"})
	if err != nil {
		t.Fatal(err)
	}
	without, err := BarChart(Chart{Title: "t"})
	if err != nil {
		t.Fatal(err)
	}
	if n := inked(decode(t, with), body); n < 500 {
		t.Errorf("Empty text drew only %d pixels", n)
	}
	if n := inked(decode(t, without), body); n != 0 {
		t.Errorf("no Empty text, yet %d pixels drawn below the header", n)
	}
}

func TestBarChartRefuses(t *testing.T) {
	if _, err := BarChart(Chart{Bars: []Bar{{Label: "a", Value: 1}, {Label: "b", Value: -1}}}); err == nil {
		t.Error("negative value accepted")
	}
	if _, err := BarChart(Chart{Bars: make([]Bar, MaxBars+1)}); err == nil {
		t.Errorf("%d bars accepted", MaxBars+1)
	}
}

// vietnamese is every letter of the Vietnamese alphabet with each of the
// six tones, upper and lower case, composed to NFC.
func vietnamese() string {
	var sb strings.Builder
	for _, v := range "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY" {
		for _, tone := range []string{"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"} {
			sb.WriteString(norm.NFC.String(string(v) + tone))
		}
	}
	sb.WriteString("đĐbcdghklmnpqrstvxBCDGHKLMNPQRSTVX0123456789 .,:;()–—…/-")
	return sb.String()
}

func TestFontsHaveVietnamese(t *testing.T) {
	fs, err := fonts()
	if err != nil {
		t.Fatal(err)
	}
	text := norm.NFC.String("Đăng ký khai sinh – Phường Ỷ Lan, ữ ặ ẫ") + vietnamese()
	if n := utf8.RuneCountInString(vietnamese()); n < 144 {
		t.Fatalf("alphabet has only %d runes", n)
	}
	var buf sfnt.Buffer
	for i, f := range fs {
		for _, r := range text {
			g, err := f.GlyphIndex(&buf, r)
			if err != nil || g == 0 {
				t.Errorf("font %d has no glyph for %q (%U): %v", i, r, r, err)
			}
		}
	}
}

func TestEllipsize(t *testing.T) {
	s, err := newStyle(false, labelSize, ink)
	if err != nil {
		t.Fatal(err)
	}
	// NFC has no precomposed x with acute: the mark stays separate and
	// must never be cut off its letter.
	text := clean(norm.NFD.String(procedures[0].Label) + " x\u0301 ỹ\u0323 Ỷ")
	full := s.width(text)
	if s.ellipsize(text, full) != text {
		t.Errorf("a text that fits was cut")
	}
	for max := s.width(ellipsis); max < full; max += 7 {
		got := s.ellipsize(text, max)
		head, ok := strings.CutSuffix(got, ellipsis)
		if !ok || !strings.HasPrefix(text, head) || !utf8.ValidString(got) {
			t.Fatalf("max %d: %q is not a prefix of the text and …", max, got)
		}
		if w := s.width(got); w > max {
			t.Errorf("max %d: %q is %d pixels wide", max, got, w)
		}
		if r, _ := utf8.DecodeRuneInString(text[len(head):]); norm.NFC.PropertiesString(string(r)).CCC() != 0 {
			t.Errorf("max %d: %q cut a mark off its letter", max, got)
		}
	}
	if got := s.ellipsize(text, 0); got != ellipsis {
		t.Errorf("no room: %q", got)
	}
}

func TestWrap(t *testing.T) {
	s, err := newStyle(false, 30, ink)
	if err != nil {
		t.Fatal(err)
	}
	text := "Tra cứu kết quả tại https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma=000.00.12.H26-251127-0001 hoặc gọi 1900 1234.\nMang theo phiếu này."
	for _, max := range []int{120, 300, 700} {
		lines := s.wrap(text, max)
		for _, l := range lines {
			if w := s.width(l); w > max {
				t.Errorf("max %d: line %q is %d pixels wide", max, l, w)
			}
		}
		squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
		if got, want := squash(strings.Join(lines, "")), squash(text); got != want {
			t.Errorf("max %d: wrapping lost text:\n%s\n%s", max, got, want)
		}
		if !slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, "Mang") }) {
			t.Errorf("max %d: paragraph break lost: %q", max, lines)
		}
	}
}

func BenchmarkBarChart(b *testing.B) {
	c := Chart{Title: "Hồ sơ theo thủ tục — Phường An Hội Tây", Subtitle: "01/11/2026 – 30/11/2026", Bars: procedures}
	if len(c.Bars) != 12 {
		b.Fatal(fmt.Sprint(len(c.Bars), " bars"))
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := BarChart(c); err != nil {
			b.Fatal(err)
		}
	}
}

// Pictures are drawn concurrently by the bot: each call makes its own
// faces, so results are the same as drawn alone.
func TestConcurrent(t *testing.T) {
	c := Chart{Title: "Hồ sơ theo xã", Bars: procedures[:4]}
	want, err := BarChart(c)
	if err != nil {
		t.Fatal(err)
	}
	got := make([][]byte, 4)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() { got[i], _ = BarChart(c) })
	}
	wg.Wait()
	for i, b := range got {
		if !bytes.Equal(b, want) {
			t.Errorf("goroutine %d drew a different chart", i)
		}
	}
}

// A label too long for its line is shortened at a word's end: cut inside
// a word it would read as another word ("mai táng" → "mai tán"). Only a
// first word wider than the line is cut between characters.
func TestEllipsizeAtWords(t *testing.T) {
	s, err := newStyle(false, labelSize, ink)
	if err != nil {
		t.Fatal(err)
	}
	text := "Khai tử liên thông (khai tử + xoá thường trú + mai táng phí, tử tuất)"
	words := strings.Fields(text)
	for max := s.width("Khai…"); max < s.width(text); max += 5 {
		got := s.ellipsize(text, max)
		head, _ := strings.CutSuffix(got, ellipsis)
		fields := strings.Fields(head)
		if s.width(got) > max || len(fields) == 0 {
			t.Fatalf("max %d: %q", max, got)
		}
		last := len(fields) - 1
		if fields[last] != words[last] && fields[last] != strings.TrimRight(words[last], ",;:+–-(/&") {
			t.Errorf("max %d: %q cuts the word %q", max, got, words[last])
		}
	}
	long := "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html"
	if got := s.ellipsize(long, 300); !strings.HasPrefix(long, strings.TrimSuffix(got, ellipsis)) || len(got) < 10 || s.width(got) > 300 {
		t.Errorf("one long word: %q", got)
	}
}
