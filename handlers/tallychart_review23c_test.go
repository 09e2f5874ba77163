package handlers

import (
	"fmt"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 23c, item 3: the chart's "Khác" row could hide a single item (13
// communes: twelve bars and "Khác – 1", where the thirteenth would have
// fitted), and said nothing of what it summed. One left over is drawn as
// itself; more are one row that says how many it groups.
func TestReview23cChartRest(t *testing.T) {
	c, err := locales.Load("vi", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"vi", "en"} {
		tr := c.For(lang)
		h := &Handlers{}
		province := func(n int) storage.Tally {
			tl := storage.Tally{Scope: storage.Scope{Province: "79"}}
			for i := range n {
				tl.Communes = append(tl.Communes, storage.CommuneCount{Code: fmt.Sprint(i), Name: fmt.Sprintf("Phường %d", i+1), Cases: 30 - i})
				tl.Cases += 30 - i
			}
			return tl
		}
		ch := h.tallyChart(tr, province(chartBars+1), "u", "p", "")
		if len(ch.Bars) != chartBars+1 || ch.Bars[chartBars].Rest || ch.Bars[chartBars].Label != "Phường 13" {
			t.Errorf("%s: one left over: %+v", lang, ch.Bars[chartBars:])
		}
		ch = h.tallyChart(tr, province(chartBars+3), "u", "p", "")
		want := map[string]string{"vi": "Khác (3 xã/phường)", "en": "Others (3 communes)"}[lang]
		if len(ch.Bars) != chartBars+1 || !ch.Bars[chartBars].Rest || ch.Bars[chartBars].Label != want || ch.Bars[chartBars].Value != 18+17+16 {
			t.Errorf("%s: three left over: %+v, want %q", lang, ch.Bars[chartBars:], want)
		}
	}
}

// Review 23c, item 6: a month as the report now writes it ("tháng
// 6/2025", "June 2025") reads back as that month.
func TestReview23cMonthLabelsReadBack(t *testing.T) {
	now := atVN(2026, 12, 2)
	checkPeriods(t, []periodCase{
		{"tháng 6/2025", now, "01/06/2025", "30/06/2025", ""},
		{"June 2025", now, "01/06/2025", "30/06/2025", ""},
		{"November 2026", now, "01/11/2026", "30/11/2026", ""},
	})
}
