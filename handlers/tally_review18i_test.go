package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// foundKhaiSinh says whether the messages are the procedure search's
// answer to "khai sinh": its guide offered.
func foundKhaiSinh(ms []*telegramtest.Message) bool {
	for _, m := range ms {
		for _, b := range m.Buttons() {
			if strings.HasPrefix(b.Text, "Khai sinh") {
				return true
			}
		}
	}
	return false
}

// A coordinator types "tháng sau" (or a reversed range) outside any
// flow: it is answered as /tally answers it, on its period screen. The
// next words, "khai sinh", a procedure, were read as a period there ("Mình
// chưa hiểu khoảng thời gian này…"): the chat was kept by a flow it never
// opened. Words that are no period and no unit now go to the procedure
// search, as before; a period there is still read as one. So after a
// commune's name typed after a report. /tally's own screen reads them as
// it did.
func TestTallyTypedOutsideAFlowDoesNotKeepTheChat(t *testing.T) {
	w, _, _ := tallyWorld(t)
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	for _, typed := range []string{"tháng sau", "30/11/2026 - 1/11/2026"} {
		fresh(w.send(coord, "/cancel")) // off the search results the last turn left
		if m := only(t, fresh(w.send(coord, typed))); !hasButton(m, "Tháng này") {
			t.Fatalf("%q: %q, want the period screen", typed, m.Text)
		}
		if ms := fresh(w.send(coord, "khai sinh")); !foundKhaiSinh(ms) {
			t.Errorf("\"khai sinh\" after %q: %+v, want the procedure found", typed, ms)
		}
	}
	// A period typed on that screen is still its report.
	fresh(w.send(coord, "/cancel"))
	only(t, fresh(w.send(coord, "tháng sau")))
	if ms := fresh(w.send(coord, "tháng 10/2026")); len(ms) == 0 || !strings.HasPrefix(ms[0].Text, "📊") {
		t.Errorf("a period after \"tháng sau\": %+v, want its report", ms)
	}

	// A commune's name typed after a report: its period screen (a list of
	// one until review 33C), then a procedure.
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	typedTally(t, w, prov, "Tháng này", true)
	if m := only(t, fresh(w.send(prov, "Bến Thành"))); !w.periodScreenOf(m, benThanhFull) {
		t.Fatalf("\"Bến Thành\" after a report: %q", m.Text)
	}
	if ms := fresh(w.send(prov, "khai sinh")); !foundKhaiSinh(ms) {
		t.Errorf("\"khai sinh\" after Bến Thành's list: %+v, want the procedure found", ms)
	}

	// /tally asked for: its screen reads the words as before.
	only(t, fresh(w.send(coord, "/tally")))
	if ms := fresh(w.send(coord, "khai sinh")); foundKhaiSinh(ms) {
		t.Errorf("\"khai sinh\" on /tally's screen: %+v, want it read by /tally", ms)
	}
}

// A province coordinator picks Bến Thành on /tally; a period typed right
// after counts Bến Thành again. Days later (or after /help, or a search)
// "tháng 10/2026" gave Bến Thành's figures still, as if its report were
// on screen: the note never expired. It is honoured now only within
// half an hour of the report and until the chat turns to something else;
// then the province's is counted, and a commune's name is searched.
func TestTallyReportOnScreenIsForgotten(t *testing.T) {
	clock := &jobs.Clock{}
	clock.Set(nov(27, 10, 0))
	w := newWorld(t, handlers.WithClock(clock.Now))
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	head := func(unit string) string {
		return w.vi("tally.head", locales.Data{"Unit": unit, "Period": "tháng 10/2026"})
	}
	period := func(when, want string) {
		t.Helper()
		ms := fresh(w.send(prov, "tháng 10/2026"))
		if len(ms) == 0 || firstLine(ms[0].Text) != head(want) {
			t.Errorf("a period typed %s: %+v, want %q", when, ms, head(want))
		}
	}

	w.pickBenThanh(prov, "Tháng này")
	clock.Set(nov(27, 10, 20))
	period("20 minutes after Bến Thành's report", benThanhFull)

	w.pickBenThanh(prov, "Tháng này")
	clock.Set(nov(27, 11, 0))
	period("an hour after Bến Thành's report", "Thành phố Hồ Chí Minh")

	clock.Set(nov(27, 12, 0))
	typedTally(t, w, prov, "Tháng này", true)
	clock.Set(nov(27, 13, 0))
	for _, m := range fresh(w.send(prov, "Bến Thành")) {
		if hasButton(m, benThanhFull) {
			t.Errorf("\"Bến Thành\" an hour after a report: %q, want it searched", m.Text)
		}
	}

	for _, other := range []string{"/help", "/me"} {
		w.pickBenThanh(prov, "Tháng này")
		fresh(w.send(prov, other))
		period("after "+other, "Thành phố Hồ Chí Minh")
	}
	// After a search, a period is searched too (under its results), not
	// Bến Thành's.
	w.pickBenThanh(prov, "Tháng này")
	fresh(w.send(prov, "khai sinh"))
	for _, m := range fresh(w.send(prov, "tháng 10/2026")) {
		if firstLine(m.Text) == head(benThanhFull) {
			t.Errorf("a period typed after a search: %q", m.Text)
		}
	}
}

// "từ 2019 đến nay" is counted from the unit's first closed case
// (20/10/2026), and a case started on 1/10/2026 and still open was left
// out of the "not yet counted" note: it started in the period asked.
func TestTallySinceBeforeTheFiguresSaysWhatIsUnfinished(t *testing.T) {
	w, an, _ := tallyWorld(t)
	w.liveCase(an.ID, anHoiTayCode, time.Date(2026, 10, 1, 9, 0, 0, 0, ict), storage.CaseOpen)
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	text, _ := typedTally(t, w, coord, "từ 2019 đến nay", false)
	if !strings.Contains(text, w.unfinishedLine(1)) {
		t.Errorf("\"từ 2019 đến nay\": %q, want %q", text, w.unfinishedLine(1))
	}
}
