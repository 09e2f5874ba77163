package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A day or month the calendar does not have, typed in a form the bot
// reads, is answered as such, not as a text it could not read (whose
// examples the coordinator followed); a month or a quarter with examples
// of its own form (review 29).
func TestTallyDayNotOnTheCalendar(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	for _, c := range []struct{ typed, want string }{
		{"31/11/2026", "tally.no_such_date"}, {"29/02/2027", "tally.no_such_date"}, {"29/2/2026", "tally.no_such_date"},
		{"31/4", "tally.no_such_date"}, {"32/1", "tally.no_such_date"}, {"tháng 13", "tally.no_such_month"},
		{"13/2026", "tally.no_such_month"}, {"T13/2026", "tally.no_such_month"}, {"quý 5", "tally.no_such_quarter"},
		{"q5/2026", "tally.no_such_quarter"}, {"từ 31/11 đến nay", "tally.no_such_date"},
		{"1/11/2026-31/11/2026", "tally.no_such_date"}, {"từ tháng 9 đến tháng 13", "tally.no_such_month"},
	} {
		only(t, fresh(w.send(coord, "/tally")))
		m := only(t, fresh(w.send(coord, c.typed)))
		if !strings.HasPrefix(m.Text, w.vi(c.want)) {
			t.Errorf("%q: want %q, got %.120q", c.typed, w.vi(c.want), m.Text)
		}
		fresh(w.send(coord, "/cancel"))
	}
	// What the calendar has still reads.
	for _, p := range []string{"29/02/2024", "28/2/2026", "27/11/2026", "tháng 12/2025", "quý 4/2025"} {
		only(t, fresh(w.send(coord, "/tally")))
		ms := fresh(w.send(coord, p))
		if len(ms) == 0 || !strings.HasPrefix(ms[0].Text, "📊 Phường An Hội Tây") {
			t.Errorf("%q is not read as a period: %+v", p, ms)
		}
	}
}

// Five years typed as years ("2021-2025") is a period, for a commune and
// for a province (read from the rollups), with the years' edges in Vietnam
// time: 00:10 on 1 January is 17:10 UTC on 31 December.
func TestTallyOfYears(t *testing.T) {
	w := newWorld(t, at27Nov())
	vol := w.tallyMember("An", anHoiTayCode, storage.RoleVolunteer)
	vn := func(y, m, d, h, min int) time.Time { return time.Date(y, time.Month(m), d, h, min, 0, 0, ict) }
	for _, at := range []time.Time{vn(2020, 12, 31, 23, 50), vn(2021, 1, 1, 0, 10), vn(2023, 6, 1, 9, 0), vn(2025, 12, 31, 23, 50), vn(2026, 1, 1, 0, 10)} {
		w.closedCase(vol.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", at.Add(-5*time.Minute), at)
	}
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	cases := func(n int) string { return w.vi("tally.cases", locales.Data{"Cases": n, "Helped": n}) }
	for _, u := range []*telegramtest.User{coord, prov} {
		for _, c := range []struct{ period, label, want string }{
			{"2021-2025", "giai đoạn 2021 – 2025", cases(3)},
			{"từ năm 2021 đến năm 2025", "giai đoạn 2021 – 2025", cases(3)},
			{"1/1/2021-31/12/2025", "giai đoạn 2021 – 2025", cases(3)},
			{"năm 2025", "năm 2025", cases(1)},
			{"2020", "năm 2020", cases(1)},
			{"2026", "năm 2026", cases(1)},
		} {
			text, _ := typedTally(t, w, u, c.period, false)
			head, _, _ := strings.Cut(text, "\n")
			if !strings.Contains(head, c.label) || !strings.Contains(text, c.want) {
				t.Errorf("%s %q: want %s, %q:\n%.300s", u.FirstName, c.period, c.label, c.want, text)
			}
		}
	}
}

// A period to come typed in words ("tháng sau", "next week") is answered
// as a period to come, not as a text not understood (or looked up as a
// commune's name).
func TestTallyPeriodsToComeInWords(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	for _, p := range []string{"ngày mai", "tuần sau", "tuần tới", "tháng sau", "quý sau", "năm sau", "tháng 3 năm sau", "next month"} {
		only(t, fresh(w.send(coord, "/tally")))
		if m := only(t, fresh(w.send(coord, p))); !strings.HasPrefix(m.Text, w.vi("tally.period_future")) {
			t.Errorf("%q: want the answer that it has not come yet, got %.120q", p, m.Text)
		}
		fresh(w.send(coord, "/cancel"))
	}
}
