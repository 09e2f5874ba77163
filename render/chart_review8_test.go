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
// wide is now drawn smaller until it fits (down to 22 pixels), then on two
// lines (the longest commune's name, a week across the new year); a short
// one keeps its size.
func TestChartSubtitleFitsWhole(t *testing.T) {
	var mk styles
	inner := ChartWidth - 2*chartMargin
	for _, sub := range []string{
		"Phường An Hội Tây, Thành phố Hồ Chí Minh – tháng 12/2026 (tính đến 03:14 ngày 01/12/2026)",
		"Phường An Hội Tây, Thành phố Hồ Chí Minh – tuần 30/11 – 06/12/2026 (tính đến 23:59 ngày 06/12/2026)",
		"Phường An Hội Tây, Thành phố Hồ Chí Minh – week 30/11 – 06/12/2026 (as of 23:59 on 06/12/2026)",
		"Xã Đăk Pxi, Tỉnh Quảng Ngãi – 01/11/2026 – 30/11/2026 (tính đến 10:00 ngày 27/11/2026)",
		"Phường Văn Miếu - Quốc Tử Giám, Thành phố Hà Nội – tuần 28/12/2026 – 03/01/2027 (tính đến 23:59 ngày 03/01/2027)",
		"Phường Văn Miếu - Quốc Tử Giám, Thành phố Hà Nội – week 28/12/2026 – 03/01/2027 (as of 23:59 on 03/01/2027)",
	} {
		s, lines := mk.subtitle(sub, inner)
		if mk.err != nil {
			t.Fatal(mk.err)
		}
		drawn := strings.Join(lines, " ")
		for _, l := range lines {
			if s.width(l) > inner {
				t.Errorf("a line of %q is %d px wide, the chart %d", sub, s.width(l), inner)
			}
		}
		if len(lines) > 2 || len(lines) == 2 && s.size != minSubtitle {
			t.Errorf("%q on %d lines at %d pixels", sub, len(lines), s.size)
		}
		if 40+titleSize*3/2+(len(lines)-1)*s.size*13/10+s.lineHeight() > chartHeader {
			t.Errorf("%q runs below the header", sub)
		}
		if drawn != sub {
			t.Errorf("the subtitle is drawn %q, not whole (%d px at %d, the line holds %d)", drawn, s.width(sub), s.size, inner)
		}
		if s.size < 22 || s.size > subtitleSize {
			t.Errorf("%q drawn at %d pixels", sub, s.size)
		}
	}
	short := "Phường An Hội Tây, Thành phố Hồ Chí Minh – tháng 11/2026"
	if s, lines := mk.subtitle(short, inner); len(lines) != 1 || lines[0] != short || s.size != subtitleSize {
		t.Errorf("a subtitle that fits is drawn %q at %d pixels, want %d", lines, s.size, subtitleSize)
	}
	// Too long even on two lines: the second cut at a word.
	long := strings.Repeat("Phường An Hội Tây ", 20)
	if s, lines := mk.subtitle(long, inner); len(lines) != 2 || !strings.HasSuffix(lines[1], ellipsis) || s.width(lines[1]) > inner {
		t.Errorf("a subtitle too long is drawn %q", lines)
	}
}
