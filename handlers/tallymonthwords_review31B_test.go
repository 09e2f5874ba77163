package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// Review 31B, item 1: a month named in words on /tally's screen ("tháng
// mười một", "thang muoi mot", "tháng giêng") was "Mình chưa hiểu khoảng
// thời gian này", and "tháng sáu" (June) was read as "tháng sau", next
// month: "not started yet". Each is that month's report, its label in
// figures; with a commune's name before it, that commune's. "Last
// November" in English is the latest November that has ended.
func TestTallyMonthTypedInWords(t *testing.T) {
	w, _, _ := tallyWorld(t) // 27/11/2026
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	for typed, want := range map[string]string{
		"tháng mười một":            "tháng 11/2026",
		"thang muoi mot":            "tháng 11/2026",
		"Tháng Mười năm ngoái":      "tháng 10/2025",
		"tháng giêng":               "tháng 1/2026",
		"tháng sáu":                 "tháng 6/2026",
		"báo cáo tháng chạp ạ":      "tháng 12/2025",
		"từ tháng chín đến nay":     "01/09/2026 – 27/11/2026",
		"an hội tây tháng mười một": "tháng 11/2026",
	} {
		only(t, fresh(w.send(coord, "/tally")))
		ms := fresh(w.send(coord, typed))
		if !hasReport(ms) {
			t.Errorf("%q: %q, want a report", typed, firstText(ms))
			continue
		}
		if first := firstLine(firstReport(ms)); !strings.Contains(first, want) {
			t.Errorf("%q: the report of %q, want %s", typed, first, want)
		}
	}
	// Not a month: never a report ("tháng năm nay" is May since review
	// 32B: tally_review32B_test.go).
	for _, typed := range []string{"tháng năm ngoái", "tháng mười ba"} {
		only(t, fresh(w.send(coord, "/tally")))
		if ms := fresh(w.send(coord, typed)); hasReport(ms) {
			t.Errorf("%q made a report: %q", typed, firstLine(firstReport(ms)))
		}
		fresh(w.send(coord, "/cancel"))
	}
	w.send(coord, "/lang en")
	only(t, fresh(w.send(coord, "/tally")))
	ms := fresh(w.send(coord, "last November"))
	if !hasReport(ms) || !strings.Contains(firstLine(firstReport(ms)), "November 2025") {
		t.Errorf("last November on 27/11/2026: %q, want November 2025's report", firstText(ms))
	}
}
