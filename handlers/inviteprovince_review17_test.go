package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// The first screen of /invite asks for a province or a commune's name.
// An admin who typed a province's name ("gia lai", "Đà Nẵng", or "tỉnh
// Bình Dương", merged into Thành phố Hồ Chí Minh in 2025) got eight of its
// communes and "type more letters": the province's own screen, with its
// province coordinator's invite, could not be reached by typing. A
// province's name now opens that screen (saying where a merged province
// went); a name that is a province's and a commune's too ("bình định":
// Xã Bình Định, Hưng Yên, and the old province now in Gia Lai) lists the
// communes with the province on top.
func TestInviteTypedProvinceOpensIt(t *testing.T) {
	w := newWorld(t)
	for _, tc := range []struct{ typed, province, old string }{
		{"gia lai", "Gia Lai", ""},
		{"Đà Nẵng", "Thành phố Đà Nẵng", ""},
		{"tp hcm", "Thành phố Hồ Chí Minh", ""},
		{"tinh binh duong", "Thành phố Hồ Chí Minh", "Bình Dương"},
	} {
		t.Run(tc.typed, func(t *testing.T) {
			w.send(w.admin, "/invite")
			m := only(t, fresh(w.send(w.admin, tc.typed)))
			if !hasButton(m, w.vi("invite.whole_province")) || !strings.Contains(m.Text, tc.province+" – ") {
				t.Fatalf("typed %q: %q, want %s's communes and its province coordinator's invite", tc.typed, m.Text, tc.province)
			}
			merged := w.vi("tally.province_merged", locales.Data{"Old": tc.old, "Province": tc.province})
			if (tc.old != "") != strings.HasPrefix(m.Text, merged) {
				t.Fatalf("typed %q: %q, merged note wanted: %v", tc.typed, m.Text, tc.old != "")
			}
			w.send(w.admin, "/cancel")
		})
	}

	w.send(w.admin, "/invite")
	m := only(t, fresh(w.send(w.admin, "binh dinh")))
	button := w.vi("invite.province_button", locales.Data{"Province": "Gia Lai"})
	if !hasButton(m, "Xã Bình Định, Hưng Yên") || !hasButton(m, button) || m.Buttons()[0].Text != button {
		t.Fatalf("a province's and a commune's name: %q %+v", m.Text, m.Buttons())
	}
	m = only(t, w.press(w.admin, button))
	if !hasButton(m, w.vi("invite.whole_province")) || !strings.HasPrefix(m.Text, "Gia Lai – ") {
		t.Fatalf("the province's button: %q", m.Text)
	}
	m = only(t, w.press(w.admin, w.vi("invite.whole_province")))
	if !strings.Contains(m.Text, "Gia Lai") || inviteLink.FindStringSubmatch(m.Text) == nil {
		t.Fatalf("no province coordinator's link: %q", m.Text)
	}
}
