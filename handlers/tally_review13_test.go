package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A province coordinator's typed commune name that finds more communes
// than the unit screen lists says so, as /invite's search does: "phuong
// tan" in Hồ Chí Minh City found eight of its many "Phường Tân …" and
// listed them as if they were all (Phường Tân Hưng, among the busiest,
// was not there, and nothing said to type more).
func TestTallyUnitSearchSaysWhenThereAreMore(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	more := w.vi("tally.unit_results_more", locales.Data{"Count": 8})
	only(t, fresh(w.send(prov, "/tally")))
	m := only(t, fresh(w.send(prov, "phuong tan")))
	communes := 0
	for _, b := range m.Buttons() {
		if strings.HasPrefix(b.Text, "Phường Tân") {
			communes++
		}
	}
	if !strings.Contains(m.Text, more) || communes != 8 {
		t.Errorf("a broad name: %d communes listed, the text %q (want %q in it)", communes, m.Text, more)
	}
	// A name that finds few says nothing of more.
	only(t, fresh(w.send(prov, "/tally")))
	if m := only(t, fresh(w.send(prov, "go vap"))); strings.Contains(m.Text, more) || !hasButton(m, "Phường An Hội Tây, Thành phố Hồ Chí Minh") {
		t.Errorf("a narrow name: %q %+v", m.Text, m.Buttons())
	}
}
