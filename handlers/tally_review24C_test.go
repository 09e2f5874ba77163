package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// Thừa Thiên Huế, typed on the unit screen, is Thành phố Huế: the answer
// takes the city and says it is the province's name now, not that a
// province was merged into it in 2025 (it was renamed on 2025-01-01).
func TestTallyTypedThuaThienHue(t *testing.T) {
	w, _, _ := tallyWorld(t)
	hue := "Thành phố Huế"
	only(t, fresh(w.send(w.admin, "/tally")))
	only(t, w.press(w.admin, w.vi("tally.change_unit")))
	m := only(t, fresh(w.send(w.admin, "thua thien hue")))
	if want := w.vi("tally.province_renamed", locales.Data{"Old": "Thừa Thiên Huế", "Province": hue}); !strings.Contains(m.Text, want) {
		t.Errorf("no note that Thừa Thiên Huế is Thành phố Huế now (want %q):\n%s", want, m.Text)
	}
	if strings.Contains(m.Text, w.vi("tally.province_merged", locales.Data{"Old": "Thừa Thiên Huế", "Province": hue})) {
		t.Errorf("Thừa Thiên Huế told as merged into Huế:\n%s", m.Text)
	}
	// Taken (review 32B; offered first on a list of one before).
	if !strings.Contains(m.Text, w.vi("tally.choose_period", locales.Data{"Unit": hue})) {
		t.Errorf("the city is not taken: %q %q", m.Text, buttonTexts(m))
	}
}
