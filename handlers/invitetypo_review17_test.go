package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// A commune name typed with a slip of the finger ("an hoi tey", "go vsp",
// "phuogn 12 go vap") found nothing, and the admin was told to type fewer
// letters, as if the name did not exist. The search now tries the names'
// words one typo away and says which it read: the commune is a tap away.
// A word no name is near still finds nothing.
func TestInviteSearchForgivesATypo(t *testing.T) {
	w := newWorld(t)
	const anHoiTay = "Phường An Hội Tây, Thành phố Hồ Chí Minh"
	for _, tc := range []struct{ typed, read string }{
		{"an hoi tey", "an hoi tay"},
		{"phuong 12 go vsp", "phuong 12 go vap"},
		{"phuogn 12 go vap", "phuong 12 go vap"},
		{"An Hộy Tây", "an hoi tay"},
		{"an hoi tya", "an hoi tay"}, // typed last, "tya" begins no word
	} {
		t.Run(tc.typed, func(t *testing.T) {
			w.send(w.admin, "/invite")
			m := only(t, fresh(w.send(w.admin, tc.typed)))
			note := w.vi("invite.typo", locales.Data{"Query": tc.typed, "Read": tc.read})
			if !strings.HasPrefix(m.Text, note) || !hasButton(m, anHoiTay) {
				t.Fatalf("typed %q: %q, want %q above a button for %s", tc.typed, m.Text, note, anHoiTay)
			}
			w.press(w.admin, anHoiTay)
			if m := w.admin.Last(); !strings.Contains(m.Text, anHoiTay) || !hasButton(m, w.vi("invite.role_volunteer")) {
				t.Fatalf("the commune found through a typo is not the one invited to: %q", m.Text)
			}
			w.send(w.admin, "/cancel")
		})
	}

	// Within a province too (the commune list's search), and Back from the
	// results leads to that list.
	w.send(w.admin, "/invite")
	w.press(w.admin, "Thành phố Hồ Chí Minh")
	m := only(t, fresh(w.send(w.admin, "an hoi tey")))
	if !strings.HasPrefix(m.Text, w.vi("invite.typo", locales.Data{"Query": "an hoi tey", "Read": "an hoi tay"})) || !hasButton(m, anHoiTay) {
		t.Fatalf("typo within the province: %q", m.Text)
	}
	m = only(t, w.press(w.admin, w.vi("button.back")))
	if !hasButton(m, w.vi("invite.whole_province")) {
		t.Fatalf("Back from a typo's results: %q", m.Text)
	}

	// A province's name mistyped, its last word the beginning of some
	// other word ("lia"): the province's communes, the province on top.
	w.send(w.admin, "/cancel")
	w.send(w.admin, "/invite")
	m = only(t, fresh(w.send(w.admin, "gia lia")))
	if !strings.HasPrefix(m.Text, w.vi("invite.typo", locales.Data{"Query": "gia lia", "Read": "gia lai"})) ||
		!hasButton(m, w.vi("invite.province_button", locales.Data{"Province": "Gia Lai"})) {
		t.Fatalf("a mistyped province: %q", m.Text)
	}

	// Nothing near: the answer it always gave.
	m = only(t, fresh(w.send(w.admin, "xyzzy qwrtp")))
	if !strings.Contains(m.Text, w.vi("invite.no_results", locales.Data{"Query": "xyzzy qwrtp"})) {
		t.Fatalf("a name nothing is near: %q", m.Text)
	}
}
