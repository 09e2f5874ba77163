package handlers_test

// Review 3 (2026-11-30): a commune and a province coordinator in Vietnam
// (UTC+7) while the server runs in UTC, at the edges of days, weeks,
// months and years.

import (
	"bytes"
	"context"
	"github.com/dvcbot/dvcbot/jobs"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// typedTally is /tally and a typed period (or a pressed button when
// press): the text and, when sent, the spreadsheet.
func typedTally(t *testing.T, w *world, coord *telegramtest.User, period string, press bool) (string, *excelize.File) {
	t.Helper()
	only(t, fresh(w.send(coord, "/tally")))
	var ms []*telegramtest.Message
	if press {
		ms = w.press(coord, period)
	} else {
		ms = fresh(w.send(coord, period))
	}
	if len(ms) == 0 {
		t.Fatalf("%q: no answer", period)
	}
	var f *excelize.File
	if d := ms[len(ms)-1].Document; d != nil {
		var err error
		if f, err = excelize.OpenReader(bytes.NewReader(d.Data)); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
	}
	return ms[0].Text, f
}

// One case closed at 23:30 on Sunday 29/11 (16:30 UTC) and one at 00:30
// on Monday 30/11 (17:30 UTC, still Sunday in UTC): on Monday morning
// each is on its own Vietnamese day, week, in the text, the case list's
// date column and /me.
func TestTallyAtMidnightVietnam(t *testing.T) {
	w := newWorld(t, handlers.WithClock(func() time.Time { return time.Date(2026, 11, 30, 8, 0, 0, 0, ict) }))
	vol := w.tallyMember("An", anHoiTayCode, storage.RoleVolunteer)
	w.closedCase(vol.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", nov(29, 23, 0), nov(29, 23, 30))
	w.closedCase(vol.ID, anHoiTayCode, "tam-tru", "dossier", "mot-phan", "submitted", "", nov(30, 0, 5), nov(30, 0, 30))
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	one := w.vi("tally.cases", locales.Data{"Cases": 1, "Helped": 1})
	two := w.vi("tally.cases", locales.Data{"Cases": 2, "Helped": 2})
	sunday, monday := "29/11/2026 23:30", "30/11/2026 00:30" // the case list's dates, Vietnam time
	for _, c := range []struct {
		period string
		press  bool
		want   string
		guide  string
		dates  string
	}{
		{"Hôm nay", true, one, "tam-tru", monday},
		{"hôm qua", false, one, "khai-sinh", sunday},
		{"tuần này", false, one, "tam-tru", monday},
		{"tuần trước", false, one, "khai-sinh", sunday},
		{"29/11/2026", false, one, "khai-sinh", sunday},
		{"30/11", false, one, "tam-tru", monday},
		{"Tháng này", true, two, "", sunday + " " + monday},
		{"từ 29/11 đến nay", false, two, "", sunday + " " + monday},
	} {
		text, f := typedTally(t, w, coord, c.period, c.press)
		if !strings.Contains(text, c.want) {
			t.Errorf("%q: want %q:\n%s", c.period, c.want, text)
			continue
		}
		if c.guide != "" && !strings.Contains(text, guide(t, c.guide).Title.Vi) {
			t.Errorf("%q counts the wrong case:\n%s", c.period, text)
		}
		if f == nil {
			t.Errorf("%q: no spreadsheet", c.period)
			continue
		}
		rows, err := f.GetRows(w.vi("tally.sheet_cases"))
		if err != nil {
			t.Fatal(err)
		}
		var dates []string
		for _, r := range rows[1:] {
			if len(r) > 1 && r[0] != w.vi("tally.total") {
				dates = append(dates, r[1])
			}
		}
		if got := strings.Join(dates, " "); got != c.dates {
			t.Errorf("%q: the case list's dates are %q, want %q", c.period, got, c.dates)
		}
	}
	me := only(t, w.send(vol, "/me")).Text
	for _, want := range []string{"Hôm nay: 1 ca", "Tuần này: 1 ca", "Tháng này: 2 ca"} {
		if !strings.Contains(me, want) {
			t.Errorf("/me lacks %q:\n%s", want, me)
		}
	}
}

// A case closed at 00:10 on 1 December, Vietnam time (17:10 UTC on 30
// November) and one at 23:50 on 30 November: the months, the quarter and
// the year, for the commune and for the province (whose whole months are
// read from the rollups).
func TestTallyAtMonthEdgeVietnam(t *testing.T) {
	w := newWorld(t, handlers.WithClock(func() time.Time { return time.Date(2026, 12, 1, 8, 0, 0, 0, ict) }))
	vol := w.tallyMember("An", anHoiTayCode, storage.RoleVolunteer)
	w.closedCase(vol.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", nov(30, 23, 0), nov(30, 23, 50))
	w.closedCase(vol.ID, anHoiTayCode, "tam-tru", "dossier", "mot-phan", "submitted", "", nov(30, 23, 55), time.Date(2026, 12, 1, 0, 10, 0, 0, ict))
	// started in October, closed in November
	w.closedCase(vol.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", time.Date(2026, 10, 31, 23, 50, 0, 0, ict), nov(1, 0, 20))
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	cases := func(n int) string { return w.vi("tally.cases", locales.Data{"Cases": n, "Helped": n}) }
	for _, u := range []*telegramtest.User{coord, prov} {
		for _, c := range []struct {
			period string
			press  bool
			want   string
		}{
			{"Tháng này", true, cases(1)},
			{"Tháng trước", true, cases(2)},
			{"T11/2026", false, cases(2)},
			{"tháng 12", false, cases(1)},
			{"quý 4", false, cases(3)},
			{"Năm nay", true, cases(3)},
			{"Từ đầu", true, cases(3)},
			{"hôm nay", false, cases(1)},
			{"hôm qua", false, cases(1)},
			{"1/11/2026-30/11/2026", false, cases(2)},
			{"tháng 10", false, w.vi("tally.empty")},
		} {
			text, _ := typedTally(t, w, u, c.period, c.press)
			if !strings.Contains(text, c.want) {
				t.Errorf("%s %q: want %q:\n%s", u.FirstName, c.period, c.want, text)
			}
		}
	}
}

// The weekly digest of Monday 30/11: not at 07:30 UTC (14:30 in Vietnam)
// nor before 07:30 Vietnam time; at 07:30 it counts Sunday 23:30 (16:30
// UTC) and not Monday 00:30 (17:30 UTC on Sunday).
func TestDigestAtTheEdgesOfTheWeek(t *testing.T) {
	clock := &jobs.Clock{}
	clock.Set(vn(2026, 11, 29, 20, 0)) // Sunday evening
	w := newWorld(t, handlers.WithClock(clock.Now))
	coord := w.member("Hà", storage.RoleCoordinator, anHoiTayCode)
	vol := w.member("An", storage.RoleVolunteer, anHoiTayCode)
	w.closedCase(vol.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", vn(2026, 11, 23, 0, 1), vn(2026, 11, 23, 0, 5))    // Monday 00:05: last week
	w.closedCase(vol.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", vn(2026, 11, 22, 23, 0), vn(2026, 11, 22, 23, 55)) // the week before
	w.closedCase(vol.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", vn(2026, 11, 29, 23, 0), vn(2026, 11, 29, 23, 30))
	w.closedCase(vol.ID, anHoiTayCode, "tam-tru", "dossier", "mot-phan", "submitted", "", vn(2026, 11, 30, 0, 5), vn(2026, 11, 30, 0, 30))
	ctx := context.Background()
	q := startQueue(t, w, clock)
	if err := w.h.EnsureDigest(ctx, q.client); err != nil {
		t.Fatal(err)
	}
	clock.Set(vn(2026, 11, 30, 7, 29))
	if got := w.settle(coord); len(got) != 0 {
		t.Fatalf("a digest at 07:29 Vietnam time: %q", got[0].Text)
	}
	var due time.Time
	if err := w.store.DB().Get(&due, `SELECT scheduled_at FROM river_job WHERE kind = 'digest'`); err != nil {
		t.Fatal(err)
	}
	if want := vn(2026, 11, 30, 7, 30); !due.Equal(want) {
		t.Errorf("the digest is scheduled at %v, want %v (Monday 07:30 in Vietnam)", due.UTC(), want.UTC())
	}
	clock.Set(vn(2026, 11, 30, 7, 31))
	q.waitFor("digest_to", 1)
	got := w.settle(coord)
	if len(got) != 3 {
		t.Fatalf("got %d messages", len(got))
	}
	if want := w.vi("tally.cases", locales.Data{"Cases": 2, "Helped": 2}); !strings.Contains(got[0].Text, want) || !strings.Contains(got[0].Text, "23/11 – 29/11/2026") {
		t.Errorf("the digest does not count Monday 00:05 to Sunday 23:30 (want %q):\n%s", want, got[0].Text)
	}
}

// A volunteer removed from the team, and one moved to another commune:
// their closed cases stay their old commune's; /me of the moved one still
// counts them.
func TestTallyAfterRemovalAndMove(t *testing.T) {
	w, an, binh := tallyWorld(t) // An: 2 in November; Bình: 2
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	before, _ := monthTally(t, w, coord, "Tháng này")
	w.removeMember(an)
	ctx := context.Background()
	if err := w.store.InTx(ctx, func(tx *storage.Tx) error {
		return tx.SetMembership(ctx, binh.ID, "Bình", benThanhCode, storage.RoleVolunteer)
	}); err != nil {
		t.Fatal(err)
	}
	after, _ := monthTally(t, w, coord, "Tháng này")
	want := w.vi("tally.cases", locales.Data{"Cases": 4, "Helped": 3})
	if !strings.Contains(before, want) || !strings.Contains(after, want) {
		t.Errorf("the commune's month after a removal and a move (want %q):\nbefore:\n%s\nafter:\n%s", want, before, after)
	}
	ben := w.tallyMember("Bảo", benThanhCode, storage.RoleCoordinator)
	if other, _ := monthTally(t, w, ben, "Tháng này"); !strings.Contains(other, w.vi("tally.cases", locales.Data{"Cases": 1, "Helped": 1})) {
		t.Errorf("the moved volunteer's cases went with them to their new commune:\n%s", other)
	}
	if me := only(t, w.send(binh, "/me")).Text; !strings.Contains(me, "Tháng này: 2 ca") {
		t.Errorf("/me of the moved volunteer lost their cases:\n%s", me)
	}
}

// Texts a volunteer or admin typed (a first name) that Excel would read as
// a formula if it were typed into a cell.
func TestSpreadsheetFormulaLikeNames(t *testing.T) {
	w := newWorld(t, at27Nov())
	for _, name := range []string{"=HYPERLINK(\"http://x\",\"a\")", "+1", "-2+3", "@SUM(A1)"} {
		vol := w.tallyMember(name, anHoiTayCode, storage.RoleVolunteer)
		w.closedCase(vol.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", nov(3, 9, 0), nov(3, 9, 30))
	}
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	_, f := monthTally(t, w, coord, "Tháng này")
	sheet := w.vi("tally.sheet_volunteers")
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	names := 0
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		formula, _ := f.GetCellFormula(sheet, cell)
		typ, _ := f.GetCellType(sheet, cell)
		if formula != "" || typ == excelize.CellTypeFormula {
			t.Errorf("%s %q is a formula %q", cell, r[0], formula)
		}
		if strings.ContainsAny(r[0][:1], "=+-@") {
			names++
		}
	}
	if names != 4 {
		t.Errorf("the sheet does not show the 4 names as typed: %q", rows)
	}
}

// A case begun at 23:50 on Sunday, paused at 23:55 and taken up again at
// 00:10 on Monday, closed at 00:20: Monday's, 15 active minutes (the pause
// across midnight left out), in the text and the case list.
func TestTallyCasePausedAcrossMidnight(t *testing.T) {
	w := newWorld(t, handlers.WithClock(func() time.Time { return time.Date(2026, 11, 30, 8, 0, 0, 0, ict) }))
	vol := w.tallyMember("An", anHoiTayCode, storage.RoleVolunteer)
	w.closedCase(vol.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", nov(29, 23, 50), nov(30, 0, 20),
		storage.CaseEvent{Kind: "pause", At: nov(29, 23, 55)}, storage.CaseEvent{Kind: "resume", At: nov(30, 0, 10)})
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	text, f := typedTally(t, w, coord, "Hôm nay", true)
	if !strings.Contains(text, w.vi("tally.cases", locales.Data{"Cases": 1, "Helped": 1})) || !strings.Contains(text, w.vi("tally.median", locales.Data{"Time": "15 phút"})) {
		t.Errorf("Monday's tally does not count the case with its 15 active minutes:\n%s", text)
	}
	rows, _ := sheetTotals(t, f, w.vi("tally.sheet_cases"))
	if len(rows) != 1 || rows[0][1] == "" || num(t, rows[0][7]) != 15 {
		t.Errorf("the case list: %q, want one case of 15 minutes", rows)
	}
	if text, _ := typedTally(t, w, coord, "hôm qua", false); !strings.Contains(text, w.vi("tally.empty")) {
		t.Errorf("Sunday, when the case began, counts it:\n%s", text)
	}
}
