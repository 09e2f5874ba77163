package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 32B, item 4: the numbers of /team's list are places in it, read
// again at each press. A coordinator read the list (1. Cường, 2. Dũng, 3.
// An, 4. Hùng, 5. Lan, 6. Lan); another coordinator removed An; the first
// then pressed "✕ 6. Lan" on the list they had read, and the confirmation
// said "Người bạn chọn: 5. Lan – …" — the number that, on the screen they
// read, was the other Lan. A number now always means the person it stood
// for on the screen pressed: a ✕ whose number is no longer its member's
// asks nothing, and the list comes again, up to date, saying so and who
// is which number now; pressed on the list as it is, the confirmation and
// the note of the removal show the number of that list.
func TestTeamNumbersShiftedByAnotherRemoval(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Cường", storage.RoleCoordinator, quyNhon)
	other := w.member("Dũng", storage.RoleCoordinator, quyNhon)
	an := w.member("An", storage.RoleVolunteer, quyNhon)
	w.member("Hùng", storage.RoleVolunteer, quyNhon)
	early := w.member("Lan", storage.RoleVolunteer, quyNhon)
	late := w.member("Lan", storage.RoleVolunteer, quyNhon)
	for u, at := range map[int64]time.Time{
		early.ID: time.Date(2026, 10, 1, 8, 49, 0, 0, ict),
		late.ID:  time.Date(2026, 10, 1, 14, 5, 0, 0, ict),
	} {
		if _, err := w.store.DB().Exec(`UPDATE users SET joined_at = $2 WHERE telegram_id = $1`, u, at); err != nil {
			t.Fatal(err)
		}
	}
	list := only(t, w.send(coord, "/team"))
	if !hasButton(list, "✕ 6. Lan") || !hasButton(list, "✕ 3. An") {
		t.Fatalf("the list read: %q %q", list.Text, buttonTexts(list))
	}

	// Another coordinator removes An meanwhile.
	w.send(other, "/team")
	w.press(other, "✕ 3. An")
	w.press(other, w.vi("team.remove_yes"))
	if u := w.userRow(an); u.Role != storage.RoleGuest {
		t.Fatalf("An not removed: %s", u.Role)
	}

	// "✕ 6. Lan" on the list read: Lan of 14:05 is number 5 now, where
	// the list read had the other Lan.
	m := only(t, w.press(coord, "✕ 6. Lan"))
	if strings.Contains(m.Text, w.vi("team.remove_yes")) || hasButton(m, w.vi("team.remove_yes")) {
		t.Fatalf("a ✕ whose number moved asked to remove: %q %q", m.Text, buttonTexts(m))
	}
	for _, line := range strings.Split(m.Text, "\n") {
		if strings.HasPrefix(line, "5. Lan") && !strings.Contains(line, "14:05") {
			t.Errorf("number 5 shown as another Lan than the one pressed: %q", line)
		}
	}
	want := w.vi("team.numbers_moved", locales.Data{"Pressed": "✕ 6. Lan", "Name": "Lan", "Number": 5})
	if !strings.HasPrefix(m.Text, want+"\n") {
		t.Errorf("after ✕ 6. Lan on a list that changed: %q, want it to begin %q", m.Text, want)
	}
	if hasButton(m, "✕ 6. Lan") || !hasButton(m, "✕ 5. Lan") || !hasButton(m, "✕ 3. Hùng") {
		t.Errorf("the list is not the list as it is now: %q", buttonTexts(m))
	}
	if u := w.userRow(late); u.Role != storage.RoleVolunteer {
		t.Fatalf("Lan of 14:05 is %s", u.Role)
	}

	// Pressed on the list as it is: the confirmation names number 5, the
	// Lan of 14:05, and so does the note of her removal.
	c := only(t, w.press(coord, "✕ 5. Lan"))
	if !strings.Contains(c.Text, "\n5. Lan") || !strings.Contains(c.Text, "14:05") {
		t.Errorf("confirmation of ✕ 5. Lan: %q", c.Text)
	}
	done := only(t, w.press(coord, w.vi("team.remove_yes")))
	if !strings.HasPrefix(done.Text, w.vi("team.removed_namesake", locales.Data{"Name": "Lan", "Line": ""})) ||
		!strings.Contains(done.Text, "\n5. Lan") || !strings.Contains(done.Text, "14:05") {
		t.Errorf("after removing Lan of 14:05: %q", done.Text)
	}
	if u := w.userRow(late); u.Role != storage.RoleGuest {
		t.Errorf("the Lan of 14:05 is still %s", u.Role)
	}
	if u := w.userRow(early); u.Role != storage.RoleVolunteer {
		t.Errorf("the Lan of 08:49 is %s", u.Role)
	}

	// A ✕ whose number did not move asks as before.
	c = only(t, w.press(coord, "✕ 3. Hùng"))
	if !hasButton(c, w.vi("team.remove_yes")) {
		t.Errorf("✕ 3. Hùng on the list as it is: %q %q", c.Text, buttonTexts(c))
	}
}
