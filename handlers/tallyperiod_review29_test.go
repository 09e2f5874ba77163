package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 29: a quarter or a month the calendar does not have ("quý 5",
// "Q5 2026", "tháng 13", "tháng 0/2026") was answered with a day's and a
// month's examples ("ví dụ 30/11/2026 hoặc tháng 11/2026"): a quarter
// typed wrong is told a year has 4 quarters, with a quarter's example; a
// month, 12 months, with a month's. A day keeps its answer. So on /tally's
// screen, right after a report, and in English.
func TestQuarterOrMonthNotOnTheCalendarHasItsOwnExamples(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	cases := []struct{ typed, want, example string }{
		{"quý 5", "tally.no_such_quarter", "quý 4/2026"},
		{"Q5 2026", "tally.no_such_quarter", "quý 4/2026"},
		{"Q5", "tally.no_such_quarter", "quý 4/2026"}, // no Quận 5 is theirs
		{"tháng 13", "tally.no_such_month", "tháng 11/2026"},
		{"tháng 0/2026", "tally.no_such_month", "tháng 11/2026"},
		{"31/02/2026", "tally.no_such_date", "30/11/2026"},
	}
	for _, c := range cases {
		only(t, fresh(w.send(coord, "/tally")))
		m := only(t, fresh(w.send(coord, c.typed)))
		if !strings.HasPrefix(m.Text, w.vi(c.want)) || !strings.Contains(m.Text, c.example) || !hasButton(m, "Tháng này") {
			t.Errorf("%q on /tally's screen: %q, want %q above the period's buttons", c.typed, m.Text, w.vi(c.want))
		}
		if c.want != "tally.no_such_date" && strings.Contains(m.Text, "30/11/2026") {
			t.Errorf("%q on /tally's screen is given a day as its example: %q", c.typed, m.Text)
		}
		fresh(w.send(coord, "/cancel"))
		typedTally(t, w, coord, "Từ đầu", true)
		if m := last(t, w.send(coord, c.typed)); !strings.HasPrefix(m.Text, w.vi(c.want)) || !strings.Contains(m.Text, "Phường An Hội Tây") {
			t.Errorf("%q after a report: %q, want %q on the report unit's period screen", c.typed, m.Text, w.vi(c.want))
		}
		fresh(w.send(coord, "/cancel"))
	}
	w.send(coord, "/lang en")
	for typed, want := range map[string]string{"quarter 5": "tally.no_such_quarter", "Q5 2026": "tally.no_such_quarter", "month 13": "tally.no_such_month", "31/02/2026": "tally.no_such_date"} {
		only(t, fresh(w.send(coord, "/tally")))
		if m := only(t, fresh(w.send(coord, typed))); !strings.HasPrefix(m.Text, w.en(want)) {
			t.Errorf("%q in English: %q, want %q", typed, m.Text, w.en(want))
		}
		fresh(w.send(coord, "/cancel"))
	}
}

// Review 29: a date of birth typed on /tally's period screen ("12/05/1990")
// was answered "dvcbot only has figures from 2020 on", as if a day of 1990
// had been asked for. A whole day before 2020 is said to look like a date
// of birth, which dvcbot does not keep, with how to type a period; it is
// not shown back, nor kept in the conversation or anywhere in the
// database. A month or a year before 2020 is still a period too old.
func TestDateOfBirthOnThePeriodScreen(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	for _, u := range []*telegramtest.User{coord, prov} {
		for _, typed := range []string{"12/05/1990", "05/08/1987", "ngày 5 tháng 8 năm 1987", "1987-08-05"} {
			only(t, fresh(w.send(u, "/tally")))
			// The screen is drawn again (its version moves): its state stays.
			state := func() string { c := w.conversationOf(t, u); return c[:strings.LastIndex(c, ":")] }
			before := state()
			m := only(t, fresh(w.send(u, typed)))
			if !strings.HasPrefix(m.Text, w.vi("tally.period_birth_date")) || !hasButton(m, "Tháng này") {
				t.Errorf("%q on the period screen: %q, want %q above the period's buttons", typed, m.Text, w.vi("tally.period_birth_date"))
			}
			if strings.Contains(m.Text, "1987") || strings.Contains(m.Text, "1990") {
				t.Errorf("%q is shown back: %q", typed, m.Text)
			}
			if after := state(); after != before {
				t.Errorf("%q moved the conversation: %s → %s", typed, before, after)
			}
			fresh(w.send(u, "/cancel"))
		}
	}
	for _, s := range []string{"12/05/1990", "05/08/1987", "1987-08-05", "5 tháng 8 năm 1987"} {
		if tables := w.stored(t, s); len(tables) > 0 {
			t.Errorf("%q is kept in %v", s, tables)
		}
	}
	// The same right after a report, and with the unit's name.
	typedTally(t, w, coord, "Từ đầu", true)
	if m := last(t, w.send(coord, "an hội tây 12/05/1990")); !strings.HasPrefix(m.Text, w.vi("tally.period_birth_date")) {
		t.Errorf("a commune's name and a birth date: %q", m.Text)
	}
	fresh(w.send(coord, "/cancel"))
	// In English.
	w.send(coord, "/lang en")
	only(t, fresh(w.send(coord, "/tally")))
	if m := only(t, fresh(w.send(coord, "12/05/1990"))); !strings.HasPrefix(m.Text, w.en("tally.period_birth_date")) {
		t.Errorf("a birth date in English: %q", m.Text)
	}
	fresh(w.send(coord, "/cancel"))
	w.send(coord, "/lang vi")
	// A month, a year or a span before 2020: a period too old.
	for _, typed := range []string{"10/2019", "2018", "tháng 12/2019", "1/1/2019 - 31/12/2019"} {
		only(t, fresh(w.send(coord, "/tally")))
		if m := only(t, fresh(w.send(coord, typed))); !strings.HasPrefix(m.Text, w.vi("tally.period_too_old")) {
			t.Errorf("%q: %q, want %q", typed, m.Text, w.vi("tally.period_too_old"))
		}
		fresh(w.send(coord, "/cancel"))
	}
}

// Review 29: right after a report, a name typed that finds several
// communes ("phuong 12": the communes that took in a Phường 12) lists them;
// a period typed then on that list ("tháng 10", "quý 3") was answered
// "press a unit in the list first". It is the report's unit's, as it would
// have been on the report: the province's, or the commune's reported (Back
// from the list goes to that unit's period screen). So after a restart and
// in English; a list /tally itself opened still asks to press a unit first.
func TestPeriodOnAListTypedAfterAReport(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	const city, benThanh = "Thành phố Hồ Chí Minh", "Phường Bến Thành, Thành phố Hồ Chí Minh"
	list := func(u *telegramtest.User) {
		t.Helper()
		if m := last(t, w.send(u, "phuong 12")); !strings.Contains(m.Text, "Phường 12") || len(m.Buttons()) < 3 {
			t.Fatalf("\"phuong 12\" after a report: %q, want the communes it names", m.Text)
		}
	}
	// The province's report, then the list, then a month.
	typedTally(t, w, prov, "Tháng này", true)
	list(prov)
	if ms := fresh(w.send(prov, "tháng 10")); len(ms) == 0 || !strings.HasPrefix(ms[0].Text, "📊 "+city+" – tháng 10/2026") {
		t.Fatalf("\"tháng 10\" on the list after the province's report: %q", firstText(ms))
	}
	// A commune's report (Bến Thành picked), the list, a restart, a quarter.
	only(t, fresh(w.send(prov, "/tally")))
	fresh(w.send(prov, "Phường Bến Thành"))
	if ms := w.press(prov, "Tháng này"); len(ms) == 0 || !strings.Contains(firstText(ms), benThanh) {
		t.Fatalf("Bến Thành's month: %q", firstText(ms))
	}
	list(prov)
	if m := last(t, w.press(prov, "← Quay lại")); !strings.Contains(m.Text, benThanh) || !hasButton(m, "Tháng này") {
		t.Fatalf("Back from the list after Bến Thành's report: %q, want Bến Thành's period screen", m.Text)
	}
	if m := last(t, w.send(prov, "phuong 12")); len(m.Buttons()) < 3 {
		t.Fatalf("\"phuong 12\" on Bến Thành's period screen: %q", m.Text)
	}
	w.restart()
	if ms := fresh(w.send(prov, "quý 3")); len(ms) == 0 || !strings.HasPrefix(ms[0].Text, "📊 "+benThanh+" – quý 3/2026") {
		t.Fatalf("\"quý 3\" on the list after Bến Thành's report: %q", firstText(ms))
	}
	// In English.
	w.send(prov, "/lang en")
	typedTally(t, w, prov, "This month", true)
	list(prov)
	if ms := fresh(w.send(prov, "last month")); len(ms) == 0 || !strings.HasPrefix(ms[0].Text, "📊 "+city+" – October 2026") {
		t.Fatalf("\"last month\" on the list in English: %q", firstText(ms))
	}
	w.send(prov, "/lang vi")
	// A list /tally opened asks for a unit first, as before.
	only(t, fresh(w.send(prov, "/tally")))
	only(t, fresh(w.send(prov, "phuong 12")))
	if m := only(t, fresh(w.send(prov, "tháng 10"))); !strings.HasPrefix(m.Text, w.vi("tally.pick_unit_first")) {
		t.Errorf("\"tháng 10\" on /tally's own list: %q, want %q", m.Text, w.vi("tally.pick_unit_first"))
	}
}
