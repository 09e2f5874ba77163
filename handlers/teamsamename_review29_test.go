package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Three communes are named Quảng Yên today: Phường Quảng Yên of Quảng Ninh
// (the old town's name), Xã Quảng Yên of Phú Thọ and Xã Quảng Yên of Thanh
// Hóa. An admin's /team Quảng Yên listed the members of the one that had
// some, in Phú Thọ, and said nothing of the others: the admin who meant
// Quảng Ninh's read Phú Thọ's team as theirs. Now the list says the others
// are named too, and have no member.
func TestReview29TeamNamesSameNameCommunesElsewhere(t *testing.T) {
	w := newWorld(t)
	w.team()
	w.member("Long", storage.RoleVolunteer, "08173") // Xã Quảng Yên, Phú Thọ

	m := only(t, fresh(w.send(w.admin, "/team Quảng Yên")))
	first := lines(m)[0]
	if !strings.HasPrefix(first, "ℹ️ “Quảng Yên”") || !strings.Contains(first, "Phường Quảng Yên, Quảng Ninh") ||
		!strings.Contains(first, "Xã Quảng Yên, Thanh Hóa") || strings.Contains(first, "Phú Thọ") {
		t.Fatalf("an admin's /team Quảng Yên, first line: %q", m.Text)
	}
	if !strings.Contains(m.Text, "1. Long") || !hasButton(m, w.vi("team.search_clear")) {
		t.Fatalf("an admin's /team Quảng Yên does not list Phú Thọ's member: %q", m.Text)
	}

	// With members in two of them: the grid of those provinces, the third
	// named above it.
	w.member("Hoa", storage.RoleVolunteer, "16480") // Xã Quảng Yên, Thanh Hóa
	m = only(t, fresh(w.send(w.admin, "/team quang yen")))
	if want := w.vi("team.named_also", locales.Data{"Query": "quang yen", "Communes": "Phường Quảng Yên, Quảng Ninh"}); lines(m)[0] != want ||
		!hasButton(m, "Phú Thọ (1)") || !hasButton(m, "Thanh Hóa (1)") {
		t.Fatalf("an admin's /team quang yen with members in two: %q", m.Text)
	}

	// A member found by their own name: no note about communes.
	w.member("Bình Minh", storage.RoleVolunteer, "08173")
	m = only(t, fresh(w.send(w.admin, "/team Bình Minh")))
	if strings.Contains(m.Text, "ℹ️") || !strings.Contains(m.Text, "Bình Minh") {
		t.Fatalf("an admin's /team Bình Minh: %q", m.Text)
	}
}
