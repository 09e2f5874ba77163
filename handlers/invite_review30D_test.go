package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// Review 30D, leftover 1: /invite read the name typed after it with its
// diacritics dropped, where /team reads "Lân" as Lân and not Lan or Lạn
// (vntext.MarksFit). A commune coordinator's "/invite Dũng" (whom they
// invite) was refused as the old Thị trấn Dùng of Nghệ An, "not your
// commune"; an admin's "/invite Lân" listed Xã Mường Lạn and Phường Tự
// Lạn among the communes "matching “Lân”", and a province coordinator's
// of Thành phố Hồ Chí Minh listed nothing but Phường Cầu Ông Lãnh and Xã
// Láng Lớn, Láng Dài as "3 communes matching “Lân”". Marks typed are
// meant; a word typed without them still finds every name it folds to.
func TestReview30DInviteReadsTheMarksTyped(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Hà", storage.RoleCoordinator, anHoiTayCode)
	if m := only(t, w.send(coord, "/invite Dũng")); !strings.Contains(m.Text, "t.me/") {
		t.Errorf("/invite Dũng from a commune coordinator: %q", m.Text)
	}
	// Typed as that old name is, it is still another commune.
	if m := only(t, w.send(coord, "/invite Dùng")); strings.Contains(m.Text, "t.me/") || !strings.Contains(m.Text, "Thị trấn Dùng") {
		t.Errorf("/invite Dùng from a commune coordinator: %q", m.Text)
	}

	m := last(t, w.send(w.admin, "/invite Lân"))
	for _, want := range []string{"Xã Tân Lân, Tây Ninh", "Xã Lân Phong, Quảng Ngãi"} {
		if !hasButton(m, want) {
			t.Errorf("an admin's /invite Lân lacks %q: %q", want, m.Text)
		}
	}
	for _, b := range m.Buttons() {
		if strings.Contains(b.Text, "Mường Lạn") || strings.Contains(b.Text, "Tự Lạn") {
			t.Errorf("an admin's /invite Lân lists %q: %q", b.Text, m.Text)
		}
	}
	m = last(t, w.send(w.admin, "/invite lan"))
	if !hasButton(m, "Xã Mường Lạn, Sơn La") && !strings.Contains(m.Text, "Mường Lạn") {
		t.Errorf("an admin's /invite lan (no marks) lacks Mường Lạn: %q", m.Text)
	}

	pc := w.provinceMember("Phúc", "79")
	m = last(t, w.send(pc, "/invite Lân"))
	for _, b := range m.Buttons() {
		if strings.Contains(b.Text, "Lãnh") || strings.Contains(b.Text, "Láng") {
			t.Errorf("a province coordinator's /invite Lân lists %q: %q", b.Text, m.Text)
		}
	}
	if !strings.Contains(m.Text, "Lân") {
		t.Errorf("a province coordinator's /invite Lân does not say what it looked for: %q", m.Text)
	}
}
