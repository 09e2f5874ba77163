package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A province coordinator of Gia Lai who typed a commune of another
// province with a slip ("an hoi tey") was told no commune matches and to
// type fewer letters, while the same name typed right is answered that it
// is not a commune of their province. The slip is read, saying so, and
// answered the same: outside their province, with no commune of another
// province to tap.
func TestProvinceCoordinatorTypoOutsideTheirProvince(t *testing.T) {
	w := newWorld(t)
	pc := w.member("Phú", storage.RoleProvinceCoordinator, "")
	w.send(pc, "/invite")
	m := only(t, fresh(w.send(pc, "an hoi tey")))
	typo := w.vi("invite.typo", locales.Data{"Query": "an hoi tey", "Read": "an hoi tay"})
	outside := w.vi("invite.outside_province", locales.Data{"Query": "an hoi tay", "Province": "Gia Lai"})
	if !strings.HasPrefix(m.Text, typo) || !strings.Contains(m.Text, outside) {
		t.Fatalf("a slip in another province's commune: %q, want %q and %q", m.Text, typo, outside)
	}
	for _, b := range m.Buttons() {
		if strings.Contains(b.Text, "Hồ Chí Minh") {
			t.Fatalf("a commune of another province offered: %q", b.Text)
		}
	}
	// A slip in one of their own communes is still read within it.
	m = only(t, fresh(w.send(pc, "quy nhonn")))
	if !strings.HasPrefix(m.Text, w.vi("invite.typo", locales.Data{"Query": "quy nhonn", "Read": "quy nhon"})) || !hasButton(m, quyNhonVi) {
		t.Fatalf("a slip in their own commune: %q", m.Text)
	}
}
