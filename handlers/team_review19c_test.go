package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Two volunteers named Lan joined Phường Quy Nhơn on the same day (a
// third, a few days later). /team listed "2. Lan – … · vào 01/10/2026"
// twice, and "✕ 3. Lan" asked "Xoá Lan (Tình nguyện viên, Phường Quy
// Nhơn, Gia Lai) khỏi đội?": nothing said which Lan was about to go. The
// list now gives the time they joined where a namesake of the commune
// joined the same day (as the tally does, and nothing more than is
// stored), and the confirmation of a member who has a namesake shows
// their line of the list, the number on the button pressed. The one
// confirmed is the one removed.
func TestTeamTellsApartNamesakesWhoJoinedTheSameDay(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Cường", storage.RoleCoordinator, quyNhon)
	early := w.member("Lan", storage.RoleVolunteer, quyNhon)
	late := w.member("Lan", storage.RoleVolunteer, quyNhon)
	other := w.member("Lan", storage.RoleVolunteer, quyNhon)
	for u, at := range map[int64]time.Time{
		early.ID: time.Date(2026, 10, 1, 8, 49, 0, 0, ict),
		late.ID:  time.Date(2026, 10, 1, 14, 5, 0, 0, ict),
		other.ID: time.Date(2026, 10, 5, 9, 0, 0, 0, ict),
	} {
		if _, err := w.store.DB().Exec(`UPDATE users SET joined_at = $2 WHERE telegram_id = $1`, u, at); err != nil {
			t.Fatal(err)
		}
	}
	today := time.Now().In(ict).Format("02/01/2006")
	line := func(n int, joined string) string {
		return w.vi("team.member_line", locales.Data{"Number": n, "Name": "Lan", "Role": w.vi("role.volunteer"),
			"Joined": joined, "Cases": 0, "Active": today})
	}
	at := func(clock string) string {
		return w.vi("team.joined_time", locales.Data{"Day": "01/10/2026", "Time": clock})
	}
	want := []string{line(2, at("08:49")), line(3, at("14:05")), line(4, "05/10/2026")}

	m := only(t, w.send(coord, "/team"))
	for _, l := range want {
		if !strings.Contains(m.Text, l+"\n") && !strings.HasSuffix(m.Text, l) {
			t.Errorf("/team: no line %q in %q", l, m.Text)
		}
	}

	c := only(t, w.press(coord, "✕ 3. Lan"))
	if !strings.Contains(c.Text, want[1]) || strings.Contains(c.Text, "08:49") {
		t.Errorf("confirmation of ✕ 3. Lan: %q, want it to show %q", c.Text, want[1])
	}
	only(t, w.press(coord, w.vi("team.remove_yes")))
	if u := w.userRow(late); u.Role != storage.RoleGuest {
		t.Errorf("the Lan who joined at 14:05 is still %s", u.Role)
	}
	for _, u := range []int64{early.ID, other.ID} {
		var role string
		if err := w.store.DB().QueryRow(`SELECT role FROM users WHERE telegram_id = $1`, u).Scan(&role); err != nil || role != storage.RoleVolunteer {
			t.Errorf("another Lan: %q, %v", role, err)
		}
	}

	// One Lan left who joined on 01/10: her line needs no time now, and a
	// member with no namesake is asked about as before.
	m = only(t, fresh(w.send(coord, "/team")))
	if !strings.Contains(m.Text, line(2, "01/10/2026")) {
		t.Errorf("/team after the removal: %q, want %q", m.Text, line(2, "01/10/2026"))
	}
}
