package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// An admin's /team phường tây hồ, the exact current name of one commune of
// Hà Nội that has members, listed 14 members "in several provinces": the
// ward's, and Hoa and Hoang of Phường An Hội Tây ("tây" its commune, "hồ"
// their first name begun), Phường Tây Nha Trang's Hồng, everyone of Phường
// Hội An Tây. The commune's exact name is that commune's members; a
// member's own name is still searched everywhere.
func TestTeamAdminExactCommuneNameIsThatCommune(t *testing.T) {
	w := newWorld(t)
	w.member("Lan", storage.RoleVolunteer, "00103")   // Phường Tây Hồ, Thành phố Hà Nội
	w.member("Minh", storage.RoleVolunteer, "00103")  // Phường Tây Hồ
	w.member("Hoa", storage.RoleVolunteer, "26882")   // Phường An Hội Tây, Thành phố Hồ Chí Minh
	w.member("Hoang", storage.RoleVolunteer, "26882") // Phường An Hội Tây
	w.member("Hồng", storage.RoleVolunteer, "22390")  // Phường Tây Nha Trang, Khánh Hòa
	w.member("Bảo", storage.RoleVolunteer, "20401")   // Phường Hội An Tây, Thành phố Đà Nẵng
	w.member("Lan", storage.RoleVolunteer, "20401")   // Phường Hội An Tây

	for _, typed := range []string{"phường tây hồ", "Tây Hồ"} {
		m := only(t, fresh(w.send(w.admin, "/team "+typed)))
		if !strings.Contains(m.Text, "Tìm “"+typed+"” trong đội Thành phố Hà Nội: 2 người") ||
			!strings.Contains(m.Text, "1. Lan") || !strings.Contains(m.Text, "2. Minh") {
			t.Fatalf("an admin's /team %s is not Phường Tây Hồ's members: %q", typed, m.Text)
		}
		for _, other := range []string{"Hoa", "Hoang", "Hồng", "Bảo", "An Hội Tây", "Nha Trang"} {
			if strings.Contains(m.Text, other) {
				t.Fatalf("an admin's /team %s lists %s: %q", typed, other, m.Text)
			}
		}
	}

	// Xã Tây Hồ of Đà Nẵng, with no member, is still said to be named too.
	if m := only(t, fresh(w.send(w.admin, "/team Tây Hồ"))); !strings.HasPrefix(m.Text, "ℹ️ “Tây Hồ” còn là tên của Xã Tây Hồ, Thành phố Đà Nẵng") {
		t.Fatalf("an admin's /team Tây Hồ, no note of Đà Nẵng's Xã Tây Hồ: %q", m.Text)
	}

	// A first name is still every member of that name.
	m := only(t, fresh(w.send(w.admin, "/team Lan")))
	if !hasButton(m, "Thành phố Hà Nội (1)") || !hasButton(m, "Thành phố Đà Nẵng (1)") {
		t.Fatalf("an admin's /team Lan: %q", m.Text)
	}
}
