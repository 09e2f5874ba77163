package render

import (
	"strings"
	"testing"
)

// A report's chart is forwarded alone, and its subtitle says what it
// counts: the unit, the period and, for a period still running, up to when
// ("… – tháng 12/2026 (tính đến 03:14 ngày 01/12/2026)"). At 30 pixels a
// letter that line was cut with "…" right before the time, the one part
// that tells a month's first days from the whole month. A subtitle too
// wide is now drawn smaller until it fits (down to 22 pixels); a short one
// keeps its size.
func TestChartSubtitleFitsWhole(t *testing.T) {
	var mk styles
	inner := ChartWidth - 2*chartMargin
	for _, sub := range []string{
		"Phường An Hội Tây, Thành phố Hồ Chí Minh – tháng 12/2026 (tính đến 03:14 ngày 01/12/2026)",
		"Phường An Hội Tây, Thành phố Hồ Chí Minh – tuần 30/11 – 06/12/2026 (tính đến 23:59 ngày 06/12/2026)",
		"Phường An Hội Tây, Thành phố Hồ Chí Minh – week 30/11 – 06/12/2026 (as of 23:59 on 06/12/2026)",
		"Xã Đăk Pxi, Tỉnh Quảng Ngãi – 01/11/2026 – 30/11/2026 (tính đến 10:00 ngày 27/11/2026)",
	} {
		s, drawn := mk.subtitle(sub, inner)
		if mk.err != nil {
			t.Fatal(mk.err)
		}
		if drawn != sub {
			t.Errorf("the subtitle is drawn %q, not whole (%d px at %d, the line holds %d)", drawn, s.width(sub), s.size, inner)
		}
		if s.size < 22 || s.size > subtitleSize {
			t.Errorf("%q drawn at %d pixels", sub, s.size)
		}
	}
	short := "Phường An Hội Tây, Thành phố Hồ Chí Minh – tháng 11/2026"
	if s, drawn := mk.subtitle(short, inner); drawn != short || s.size != subtitleSize {
		t.Errorf("a subtitle that fits is drawn %q at %d pixels, want %d", drawn, s.size, subtitleSize)
	}
	// Too long even at the smallest size: cut at a word, as before.
	long := strings.Repeat("Phường An Hội Tây ", 10)
	if s, drawn := mk.subtitle(long, inner); !strings.HasSuffix(drawn, ellipsis) || s.width(drawn) > inner {
		t.Errorf("a subtitle too long is drawn %q (%d px)", drawn, s.width(drawn))
	}
}
