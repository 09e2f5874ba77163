package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 19l, item 2: two Lan joined Phường Quy Nhơn the same day; the
// confirmation showed which one ("✕ 4. Lan": her line of the list), but
// once removed the list said only "Đã xoá Lan khỏi đội.". It now says
// which Lan went, by the line the confirmation showed; a member with no
// namesake is named as before.
func TestTeamRemovedSaysWhichNamesake(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		t.Run(lang, func(t *testing.T) {
			w := newWorld(t)
			tr := w.vi
			coord := w.member("Cường", storage.RoleCoordinator, quyNhon)
			if lang == "en" {
				w.setLang(coord, "en")
				tr = w.en
			}
			early := w.member("Lan", storage.RoleVolunteer, quyNhon)
			late := w.member("Lan", storage.RoleVolunteer, quyNhon)
			w.member("Hùng", storage.RoleVolunteer, quyNhon)
			for u, at := range map[int64]time.Time{
				early.ID: time.Date(2026, 10, 1, 8, 49, 0, 0, ict),
				late.ID:  time.Date(2026, 10, 1, 14, 5, 0, 0, ict),
			} {
				if _, err := w.store.DB().Exec(`UPDATE users SET joined_at = $2 WHERE telegram_id = $1`, u, at); err != nil {
					t.Fatal(err)
				}
			}
			day := w.texts.For(lang).Date // as the coordinator's language writes days
			today := day(time.Now().In(ict))
			lanLine := tr("team.member_line", locales.Data{"Number": 4, "Name": "Lan", "Role": tr("role.volunteer"),
				"Joined": tr("team.joined_time", locales.Data{"Day": day(time.Date(2026, 10, 1, 0, 0, 0, 0, ict)), "Time": "14:05"}), "Cases": 0, "Active": today})

			w.send(coord, "/team")
			c := only(t, w.press(coord, "✕ 4. Lan"))
			if !strings.Contains(c.Text, lanLine) {
				t.Fatalf("confirmation of ✕ 4. Lan: %q, want %q", c.Text, lanLine)
			}
			m := only(t, w.press(coord, tr("team.remove_yes")))
			want := tr("team.removed_namesake", locales.Data{"Name": "Lan", "Line": lanLine})
			if !strings.HasPrefix(m.Text, want+"\n") {
				t.Errorf("after removing the Lan of 14:05: %q, want it to begin %q", m.Text, want)
			}
			if !strings.Contains(want, "14:05") || strings.Contains(want, "08:49") {
				t.Errorf("the note %q does not tell which Lan", want)
			}
			if u := w.userRow(late); u.Role != storage.RoleGuest {
				t.Errorf("the Lan who joined at 14:05 is still %s", u.Role)
			}

			// No namesake (the other Lan now, Hùng): named alone, as before.
			for _, label := range []string{"✕ 3. Lan", "✕ 2. Hùng"} {
				name := label[strings.Index(label, ". ")+2:]
				w.press(coord, label)
				m := only(t, w.press(coord, tr("team.remove_yes")))
				if want := tr("team.removed", locales.Data{"Name": name}); !strings.HasPrefix(m.Text, want+"\n") {
					t.Errorf("after removing %s: %q, want it to begin %q", name, m.Text, want)
				}
			}
		})
	}
}
