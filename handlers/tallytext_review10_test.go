package handlers

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// The whole country's year has thousands of volunteers: the text's "…
// và 7474 nữa" was the one count of the message without its thousands
// separator ("21.928" above it), read as a year or a code when pasted.
func TestTallyTextAndMoreCountsAsNumbers(t *testing.T) {
	texts, err := locales.Load("vi", nil)
	if err != nil {
		t.Fatal(err)
	}
	tl := storage.Tally{Cases: 3000, Helped: 2000, Outcomes: map[string]int{}, Modes: map[string]int{}}
	for i := range 1510 {
		tl.Volunteers = append(tl.Volunteers, storage.VolunteerCount{ID: int64(i + 1), FirstName: fmt.Sprintf("TNV%d", i), Commune: "X", Cases: 2})
	}
	for _, lang := range []string{"vi", "en"} {
		l := texts.For(lang)
		text := (&Handlers{}).tallyTextWith(l, tl, "Cả nước", "năm 2026", "", "", "", 10, true)
		if want := l.T("tally.and_more", locales.Data{"Count": l.Num(1500)}); !strings.Contains(text, want) {
			t.Errorf("%s: the text lacks %q:\n%s", lang, want, text)
		}
	}
}

// A dossier's mode is named alike in the summary sheet, the text and the
// case list: one label (handlers.modeLabel) since review 21t, checked
// through the bot by TestTallyCaseListModeOfSameDossier.

// The chart is forwarded alone (a photo in a Zalo group): its bars leave
// out the idle communes and sum the rest as "Khác", and it said nowhere
// how many cases in all — the number a district asks first, to be added
// up from a dozen bars. Its title says it, the same as the text's.
func TestTallyChartSaysTheTotal(t *testing.T) {
	texts, err := locales.Load("vi", nil)
	if err != nil {
		t.Fatal(err)
	}
	tl := storage.Tally{Scope: storage.Scope{Province: "79"}, Cases: 1234, Helped: 1000, Outcomes: map[string]int{}, Modes: map[string]int{}}
	for i := range 20 {
		tl.Communes = append(tl.Communes, storage.CommuneCount{Code: fmt.Sprint(i), Name: fmt.Sprintf("Xã %d", i), Cases: 1234 / 20})
	}
	tl.Communes[0].Cases += 1234 % 20
	for _, lang := range []string{"vi", "en"} {
		l := texts.For(lang)
		c := (&Handlers{}).tallyChart(l, tl, "Thành phố Hồ Chí Minh", "tháng 11/2026", "")
		if !strings.Contains(c.Title, l.Num(1234)) {
			t.Errorf("%s: the chart's title %q does not say the %s cases", lang, c.Title, l.Num(1234))
		}
		sum := 0
		for _, b := range c.Bars {
			sum += b.Value
		}
		if sum != tl.Cases {
			t.Errorf("%s: the bars add up to %d, the tally has %d", lang, sum, tl.Cases)
		}
	}
}
