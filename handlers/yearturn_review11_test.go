package handlers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// The Monday digest of 4/1/2027 reports 28/12/2026–03/01/2027, a week of
// two years: the cases closed in it by Vietnam's clock (23:30 on 31/12 and
// on 3/1 among them), none of the Sunday before nor of Monday's first
// minutes, under a title that names both years.
func TestDigestOfTheWeekAcrossTheNewYear(t *testing.T) {
	clock := &jobs.Clock{}
	clock.Set(vn(2027, 1, 3, 20, 0)) // a Sunday evening
	w := newWorld(t, handlers.WithClock(clock.Now))
	coord := w.member("Hà", storage.RoleCoordinator, anHoiTayCode)
	vol := w.member("An", storage.RoleVolunteer, anHoiTayCode)
	closed := func(finish time.Time) {
		w.closedCase(vol.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", finish.Add(-20*time.Minute), finish)
	}
	closed(vn(2026, 12, 27, 23, 30)) // the Sunday before: not counted
	closed(vn(2026, 12, 28, 0, 10))
	closed(vn(2026, 12, 31, 23, 30)) // 16:30 UTC: 2026's, and the week's
	closed(vn(2027, 1, 1, 0, 30))    // 31/12 17:30 UTC: 2027's
	closed(vn(2027, 1, 3, 23, 45))
	closed(vn(2027, 1, 4, 0, 15)) // Monday: next week's
	q := startQueue(t, w, clock)
	if err := w.h.EnsureDigest(context.Background(), q.client); err != nil {
		t.Fatal(err)
	}
	clock.Set(vn(2027, 1, 4, 7, 31))
	q.waitFor("digest", 1)
	q.waitFor("digest_to", 1)
	got := w.settle(coord)
	if len(got) != 3 {
		t.Fatalf("the coordinator got %d messages, want the text, the chart and the spreadsheet", len(got))
	}
	if !strings.Contains(got[0].Text, "28/12/2026 – 03/01/2027") || !strings.Contains(got[1].Caption, "28/12/2026 – 03/01/2027") ||
		!strings.Contains(got[2].Document.Name, "2026-12-28_2027-01-03") {
		t.Errorf("the digest does not name its week:\n%s\n%s\n%s", got[0].Text, got[1].Caption, got[2].Document.Name)
	}
	if want := w.vi("tally.cases", locales.Data{"Cases": 4, "Helped": 4}); !strings.Contains(got[0].Text, want) {
		t.Errorf("the digest does not say %q:\n%s", want, got[0].Text)
	}
}

// A province's coordinator on 2/1/2027 reports the year just ended: the
// province's tallies come from the monthly rollups, whose months are
// Vietnam's, so the case closed at 23:30 on 31/12 (16:30 UTC) is 2026's,
// and the one at 00:30 on 1/1 (17:30 UTC on 31/12) is 2027's — by the
// year, the quarter, the month and the week alike.
func TestProvinceTallyAcrossTheNewYear(t *testing.T) {
	clock := &jobs.Clock{}
	clock.Set(vn(2027, 1, 2, 10, 0))
	w := newWorld(t, handlers.WithClock(clock.Now))
	coord := w.tallyMember("Phúc", "", storage.RoleProvinceCoordinator)
	vol := w.tallyMember("An", anHoiTayCode, storage.RoleVolunteer)
	closed := func(finish time.Time) {
		w.closedCase(vol.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", finish.Add(-20*time.Minute), finish)
	}
	closed(vn(2026, 11, 30, 23, 30))
	closed(vn(2026, 12, 31, 23, 30))
	closed(vn(2027, 1, 1, 0, 30))
	for _, c := range []struct {
		typed, label string
		cases        int
	}{
		{"năm 2026", "năm 2026", 2},
		{"năm ngoái", "năm 2026", 2},
		{"năm nay", "năm 2027 (tính đến 10:00 ngày 02/01/2027)", 1},
		{"quý 4", "quý 4/2026", 2},
		{"tháng trước", "tháng 12/2026", 1},
		{"tháng 12", "tháng 12/2026", 1},
		{"6 tháng cuối năm", "01/07/2026 – 31/12/2026", 2},
		{"tuần này", "tuần 28/12/2026 – 03/01/2027 (tính đến 10:00 ngày 02/01/2027)", 2},
		{"hôm qua", "ngày 01/01/2027", 1},
	} {
		only(t, fresh(w.send(coord, "/tally")))
		ms := fresh(w.send(coord, c.typed))
		if len(ms) == 0 {
			t.Errorf("%q: no answer", c.typed)
			continue
		}
		text := ms[0].Text
		want := w.vi("tally.cases", locales.Data{"Cases": c.cases, "Helped": c.cases})
		if !strings.Contains(text, c.label) || !strings.Contains(text, want) {
			t.Errorf("%q on 2/1/2027: want %q and %q in\n%s", c.typed, c.label, want, text)
		}
	}
}

// A volunteer asked in January for their year's figures (the Youth Union's
// year-end review) found none in /me: today, this week, this month, last
// month and all time — the year just ended mixed into "all time" with the
// years before and the days since. /me now says this year's and, when it
// has cases, last year's, named by its number; a case at 23:30 on 31/12 is
// the old year's.
func TestMeSaysTheYearJustEnded(t *testing.T) {
	w := newWorld(t, handlers.WithClock(func() time.Time { return vn(2027, 1, 2, 10, 0) }))
	v := w.tallyMember("Lan", anHoiTayCode, storage.RoleVolunteer)
	closed := func(finish time.Time) {
		w.closedCase(v.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", finish.Add(-20*time.Minute), finish)
	}
	closed(vn(2025, 12, 20, 9, 0))
	closed(vn(2026, 3, 2, 9, 0))
	closed(vn(2026, 12, 31, 23, 30))
	closed(vn(2027, 1, 1, 0, 30))
	text := last(t, w.send(v, "/me")).Text
	for _, want := range []string{
		w.vi("me.line", locales.Data{"Period": w.vi("tally.period_year"), "Cases": "1", "Helped": "1"}),
		w.vi("me.line", locales.Data{"Period": w.vi("me.year", locales.Data{"Year": 2026}), "Cases": "2", "Helped": "2"}),
		w.vi("me.line", locales.Data{"Period": w.vi("tally.period_all"), "Cases": "4", "Helped": "4"}),
	} {
		if !strings.Contains(text, want) {
			t.Errorf("/me on 2/1/2027 lacks %q:\n%s", want, text)
		}
	}
	// A volunteer with no case last year is not shown a line of zeros.
	n := w.tallyMember("Nam", anHoiTayCode, storage.RoleVolunteer)
	w.closedCase(n.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", vn(2027, 1, 2, 8, 0), vn(2027, 1, 2, 8, 20))
	if text := last(t, w.send(n, "/me")).Text; strings.Contains(text, "2026") {
		t.Errorf("/me of a volunteer who began in 2027 names 2026:\n%s", text)
	}
}
