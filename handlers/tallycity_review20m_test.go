package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// Review 20m: on /tally, "Nam Dinh City" offered the whole of Ninh Bình
// (the province Nam Định merged into), as "thành phố Nam Định" did: both
// are the former city of Nam Định, its wards now. They list those wards,
// as "Ho Chi Minh City" still offers its city whole.
func TestTallyFormerCityIsItsWards(t *testing.T) {
	w, _, _ := tallyWorld(t)
	w.send(w.admin, "/lang")
	w.press(w.admin, "English")
	whole := w.en("tally.whole_province", locales.Data{"Province": "Ninh Bình"})
	for _, typed := range []string{"Nam Dinh City", "thành phố Nam Định"} {
		only(t, fresh(w.send(w.admin, "/tally")))
		only(t, w.press(w.admin, w.en("tally.change_unit")))
		m := only(t, fresh(w.send(w.admin, typed)))
		texts := buttonTexts(m)
		if strings.Contains(strings.Join(texts, "|"), whole) || !strings.Contains(strings.Join(texts, "|"), "Phường Nam Định") {
			t.Errorf("%q on the unit screen: %q %q, want Phường Nam Định listed and not %q", typed, m.Text, texts, whole)
		}
	}
}
