package handlers_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 25A, item 1: an English coordinator's /tally wrote its days
// dd/mm/yyyy ("week 23/11 – 29/11/2026", "01/11/2026 – 15/11/2026", the
// spreadsheet's "figures as of 27/11/2026 10:00"), where "01/12/2026"
// reads as January 12. They are written as English writes them; the
// Vietnamese are as they were.
func TestReview25ATallyDatesInTheUsersLanguage(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026 10:00, a Friday
	vi := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	en := w.tallyMember("Dũng", anHoiTayCode, storage.RoleCoordinator)
	fresh(w.send(en, "/lang en"))
	unit := "Phường An Hội Tây, Thành phố Hồ Chí Minh"
	for _, c := range []struct {
		typed, vi, en string
	}{
		{"tuần này",
			w.vi("tally.as_of", locales.Data{"Period": "tuần 23/11 – 29/11/2026", "Time": "10:00", "Day": "27/11/2026"}),
			w.en("tally.as_of", locales.Data{"Period": "week 23 Nov – 29 Nov 2026", "Time": "10:00", "Day": "27 Nov 2026"})},
		{"26/11/2026", "ngày 26/11/2026", "26 Nov 2026"},
		{"1/11/2026 - 15/11/2026", "01/11/2026 – 15/11/2026", "1 Nov 2026 – 15 Nov 2026"},
		{"1/11/2026 - 27/11/2026",
			w.vi("tally.as_of_today", locales.Data{"Period": "01/11/2026 – 27/11/2026", "Time": "10:00"}),
			w.en("tally.as_of_today", locales.Data{"Period": "1 Nov 2026 – 27 Nov 2026", "Time": "10:00"})},
	} {
		for _, u := range []struct {
			who  *telegramtest.User
			lang string
			want string
		}{{vi, "vi", c.vi}, {en, "en", c.en}} {
			ms := fresh(w.send(u.who, "/tally "+c.typed))
			want := w.texts.For(u.lang).T("tally.head", locales.Data{"Unit": unit, "Period": u.want})
			if len(ms) == 0 || lines(ms[0])[0] != want {
				t.Errorf("%s: /tally %s: %q, want %q", u.lang, c.typed, firstText(ms), want)
			}
		}
	}
	// The spreadsheet's title line: when its figures were taken.
	for _, u := range []struct {
		who        *telegramtest.User
		lang, made string
	}{{vi, "vi", "27/11/2026 10:00"}, {en, "en", "27 Nov 2026 10:00"}} {
		ms := fresh(w.send(u.who, "/tally 11/2026"))
		if len(ms) != 3 || ms[2].Document == nil {
			t.Fatalf("%s: /tally 11/2026: %d messages", u.lang, len(ms))
		}
		f, err := excelize.OpenReader(bytes.NewReader(ms[2].Document.Data))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows(w.texts.For(u.lang).T("tally.sheet_summary"))
		if err != nil {
			t.Fatal(err)
		}
		// The date cells of the case list, as the language writes a day
		// (review 25: dd/mm/yyyy in English files too).
		cases := w.texts.For(u.lang).T("tally.sheet_cases")
		caseRows, err := f.GetRows(cases)
		if err != nil {
			t.Fatal(err)
		}
		format := ""
		for i, row := range caseRows {
			if len(row) > 1 && row[0] != "" && strings.Trim(row[0], "0123456789") == "" {
				id, err := f.GetCellStyle(cases, "B"+strconv.Itoa(i+1))
				if err != nil {
					t.Fatal(err)
				}
				st, err := f.GetStyle(id)
				if err != nil || st.CustomNumFmt == nil {
					t.Fatalf("%s: the case list's date cell has no format: %v", u.lang, err)
				}
				format = *st.CustomNumFmt
				break
			}
		}
		f.Close()
		if want := w.texts.For(u.lang).T("format.sheet_date_time"); format != want {
			t.Errorf("%s: the case list's dates are formatted %q, want %q", u.lang, format, want)
		}
		if len(rows) < 2 || len(rows[1]) == 0 || !strings.Contains(rows[1][0], " "+u.made+" ") {
			t.Errorf("%s: the spreadsheet's title line: %q, want the time %q", u.lang, rows[:min(2, len(rows))], u.made)
		}
	}
}

// An English admin's new invite link said "until the end of 08/12/2026"
// (12 August to an English reader): its last day is written as English
// writes it; in Vietnamese as before.
func TestReview25AInviteExpiryInTheUsersLanguage(t *testing.T) {
	w := newWorld(t)
	fresh(w.send(w.admin, "/lang en"))
	w.send(w.admin, "/invite")
	w.press(w.admin, "Thành phố Hồ Chí Minh")
	m := only(t, w.press(w.admin, w.en("invite.whole_province")))
	code := linkIn(m.Text)
	if code == "" {
		t.Fatalf("no link: %q", m.Text)
	}
	vn, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		t.Fatal(err)
	}
	lastDay := w.invite(code).ExpiresAt.In(vn).Add(-time.Second)
	if want := "until the end of " + lastDay.Format("2 Jan 2006"); !strings.Contains(m.Text, want) {
		t.Errorf("the English invite: %q, want %q", m.Text, want)
	}
	// /team's list of links: made today, usable to the end of that day.
	fresh(w.send(w.admin, "/team"))
	w.press(w.admin, "Thành phố Hồ Chí Minh")
	list := last(t, w.press(w.admin, w.en("team.invites_button")))
	made := w.invite(code).CreatedAt.In(vn)
	if want := "created " + made.Format("2 Jan 2006") + " · until the end of " + lastDay.Format("2 Jan 2006"); !strings.Contains(list.Text, want) {
		t.Errorf("/team's links in English: %q, want %q", list.Text, want)
	}
	// In Vietnamese as before.
	fresh(w.send(w.admin, "/lang vi"))
	w.send(w.admin, "/invite")
	w.press(w.admin, "Thành phố Hồ Chí Minh")
	m = only(t, w.press(w.admin, w.vi("invite.whole_province")))
	if code = linkIn(m.Text); code == "" {
		t.Fatalf("no link: %q", m.Text)
	}
	if want := "đến hết " + expiryShown(w.invite(code)) + "."; !strings.Contains(m.Text, want) {
		t.Errorf("the Vietnamese invite: %q, want %q", m.Text, want)
	}
}

// /resume said when an open case began days ago as "16:00 27/11" in
// English too: written as English writes a day, "16:00 27 Nov".
func TestReview25AResumeDaysInTheUsersLanguage(t *testing.T) {
	clk := newClock() // Friday 27/11/2026, 16:00 in Vietnam
	w := newWorld(t, handlers.WithClock(clk.now))
	u := w.volunteer("Mười ba")
	w.startBirthCase(u)
	clk.advance(65 * time.Minute)
	w.startBirthCase(u)
	clk.advance(3 * 24 * time.Hour)
	for _, c := range []struct{ lang, first, second string }{
		{"vi", "16:00 27/11", "17:05 27/11"},
		{"en", "16:00 27 Nov", "17:05 27 Nov"},
	} {
		w.setLang(u, c.lang)
		m := last(t, w.send(u, "/resume"))
		lines := strings.Split(m.Text, "\n")[1:]
		if len(lines) != 2 || !strings.Contains(lines[0], " · "+c.second+" · ") || !strings.Contains(lines[1], " · "+c.first+" · ") {
			t.Errorf("%s: /resume: %q, want the cases begun %q and %q", c.lang, m.Text, c.second, c.first)
		}
		w.send(u, "/cancel")
	}
}

// The ℹ screen's sources are dated as the screen's other days are: an
// English volunteer read "kenh14.vn, 21/12/2025" below "compared with its
// sources on 29 Nov 2026". A day reads "21 Dec 2025", a month "Dec 2025"
// in English; in Vietnamese as before.
func TestReview25AInfoSourceDatesInTheUsersLanguage(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "ket-hon")
	for _, c := range []struct{ lang, day, month string }{
		{"vi", "02/01/2006", "01/2006"},
		{"en", "2 Jan 2006", "Jan 2006"},
	} {
		tr := w.texts.For(c.lang)
		u, _ := w.openGuide(g, c.lang)
		m := last(t, w.press(u, tr.T("case.info")))
		listed := infoSourceLines(m)
		for hasButton(m, tr.T("button.next")) {
			m = last(t, w.press(u, tr.T("button.next")))
			listed = append(listed, infoSourceLines(m)...)
		}
		if len(listed) != len(g.Sources) {
			t.Fatalf("%s: %d sources listed, want %d", c.lang, len(listed), len(g.Sources))
		}
		days, months := 0, 0
		for i, s := range g.Sources {
			want := s.Date
			if d, err := time.Parse(time.DateOnly, s.Date); err == nil {
				want, days = d.Format(c.day), days+1
			} else if d, err := time.Parse("2006-01", s.Date); err == nil {
				want, months = d.Format(c.month), months+1
			}
			if want != "" && !strings.Contains(listed[i], ", "+want+": ") {
				t.Errorf("%s: source %d (%s) is listed %q, want its date %q", c.lang, i+1, s.Date, listed[i], want)
			}
		}
		if days == 0 || months == 0 {
			t.Fatalf("the guide's sources have %d days and %d months; the test wants both", days, months)
		}
	}
}
