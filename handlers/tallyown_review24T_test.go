package handlers_test

import (
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Found while walking /tally as a commune's coordinator: their own
// commune's name typed ("an hoi tay", an old name "phuong 12 go vap", or
// with a slip "an hoi tey") lists it, and its button pressed answered
// "You can no longer pick another commune (your role or unit just
// changed)": the list was taken for a province coordinator's made
// meanwhile (pickGone). It is their own unit: its period screen.
func TestTallyCommuneCoordinatorPressesTheirOwnListed(t *testing.T) {
	w, _, _ := tallyWorld(t)
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	const anHoiTay = "Phường An Hội Tây, Thành phố Hồ Chí Minh"
	own := w.vi("tally.choose_period", locales.Data{"Unit": anHoiTay})
	// Since review 30 a name that finds their commune better than any other
	// ("an hoi tay", "phuong 12 go vap") opens its period screen at once:
	// names that list it still ("go vap" finds Phường Gò Vấp too).
	for _, typed := range []string{"go vap", "an hoi tey"} {
		only(t, fresh(w.send(coord, "/tally")))
		if m := only(t, fresh(w.send(coord, typed))); !hasButton(m, anHoiTay) {
			t.Errorf("%q: %q %q, want %s listed", typed, m.Text, buttonTexts(m), anHoiTay)
			fresh(w.send(coord, "/cancel"))
			continue
		}
		if m := only(t, w.press(coord, anHoiTay)); m.Text != own {
			t.Errorf("%q, their own commune pressed: %q, want %q", typed, m.Text, own)
		}
		fresh(w.send(coord, "/cancel"))
	}
}
