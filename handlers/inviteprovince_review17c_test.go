package handlers_test

import (
	"slices"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A province coordinator of Gia Lai who typed their own province's name
// ("gia lai", "tỉnh Gia Lai") got eight communes picked by an old name's
// words and "type more letters": their province's screen — where /invite
// starts for them — opens, as an administrator's does. A name that is
// their province's and a commune's of it too ("bình định": Phường Bình
// Định, and the old province merged into Gia Lai) lists the communes with
// the province on top, and its button opens the province's screen.
// Another province's name is still outside theirs.
func TestProvinceCoordinatorTypesTheirProvince(t *testing.T) {
	w := newWorld(t)
	pc := w.member("Phú", storage.RoleProvinceCoordinator, "")
	first := only(t, w.send(pc, "/invite"))
	var want []string
	for _, b := range first.Buttons() {
		want = append(want, b.Text)
	}
	for _, typed := range []string{"gia lai", "Tỉnh Gia Lai"} {
		m := only(t, fresh(w.send(pc, typed)))
		var got []string
		for _, b := range m.Buttons() {
			got = append(got, b.Text)
		}
		if m.Text != first.Text || !slices.Equal(got, want) {
			t.Fatalf("typed %q: %q %q, want the province's screen %q %q", typed, m.Text, got, first.Text, want)
		}
	}

	m := only(t, fresh(w.send(pc, "binh dinh")))
	button := w.vi("invite.province_button", locales.Data{"Province": "Gia Lai"})
	if !hasButton(m, "Phường Bình Định, Gia Lai") || len(m.Buttons()) == 0 || m.Buttons()[0].Text != button {
		t.Fatalf("their province's and a commune's name: %q %+v", m.Text, m.Buttons())
	}
	if m := only(t, w.press(pc, button)); m.Text != first.Text {
		t.Fatalf("the province's button: %q, want %q", m.Text, first.Text)
	}

	m = only(t, fresh(w.send(pc, "da nang")))
	if want := w.vi("invite.outside_province", locales.Data{"Query": "da nang", "Province": "Gia Lai"}); len(m.Text) < len(want) || m.Text[:len(want)] != want {
		t.Fatalf("another province's name: %q", m.Text)
	}
}
