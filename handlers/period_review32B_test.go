package handlers

import "testing"

// Review 32B, item 1: a month beyond the twelfth named in words ("tháng
// mười ba", "thang muoi ba", "tháng mười lăm", "tháng hai mươi") was read
// as October (or February) with a word left over, which /tally's screen
// took for a commune's name ("Các xã/phường khớp “ba”…"). It is a month
// the calendar does not have, answered as "tháng 13" is.
func TestParsePeriodMonthInWordsBeyondTwelve(t *testing.T) {
	now := atVN(2026, 12, 3)
	checkPeriods(t, []periodCase{
		{"tháng mười ba", now, "", "", noSuchMonth},
		{"Tháng Mười Ba", now, "", "", noSuchMonth},
		{"thang muoi ba", now, "", "", noSuchMonth},
		{"tháng mười bốn", now, "", "", noSuchMonth},
		{"tháng mười lăm", now, "", "", noSuchMonth},
		{"tháng mười chín năm nay", now, "", "", noSuchMonth},
		{"tháng mười ba 2026", now, "", "", noSuchMonth},
		{"tháng hai mươi", now, "", "", noSuchMonth},
		{"thang hai muoi", now, "", "", noSuchMonth},
		{"tháng 13", now, "", "", noSuchMonth},
		{"quý 5", now, "", "", noSuchQuarter},
		// Unchanged: the months there are.
		{"tháng mười", now, "01/10/2026", "31/10/2026", ""},
		{"tháng mười một", now, "01/11/2026", "30/11/2026", ""},
		{"tháng mười hai", now, "01/12/2026", "31/12/2026", ""},
		{"tháng mười năm 2025", now, "01/10/2025", "31/10/2025", ""},
		{"tháng mười năm nay", now, "01/10/2026", "31/10/2026", ""},
		{"tháng hai", now, "01/02/2026", "28/02/2026", ""},
	})
}

// Review 32B, item 2: "tháng năm nay" (May of this year, as "tháng năm
// này", "tháng 5 này" are: "nay" binds to the month as to any time) was
// not understood. It is this year's May, with or without diacritics;
// "tháng này" is still this month, "tháng năm" alone the latest May, and
// "tháng năm ngoái" (no month is "ngoái": "năm ngoái" is last year, and
// the month's number is missing) still not understood.
func TestParsePeriodMayOfThisYear(t *testing.T) {
	now := atVN(2026, 12, 3)
	checkPeriods(t, []periodCase{
		{"tháng năm nay", now, "01/05/2026", "31/05/2026", ""},
		{"Tháng Năm nay", now, "01/05/2026", "31/05/2026", ""},
		{"thang nam nay", now, "01/05/2026", "31/05/2026", ""},
		{"tháng năm này", now, "01/05/2026", "31/05/2026", ""},
		{"báo cáo tháng năm nay ạ", now, "01/05/2026", "31/05/2026", ""},
		{"tháng năm nay", atVN(2026, 3, 10), "", "", "tally.period_future"},
		// Unchanged.
		{"tháng này", now, "01/12/2026", "31/12/2026", ""},
		{"thang nay", now, "01/12/2026", "31/12/2026", ""},
		{"tháng này năm nay", now, "01/12/2026", "31/12/2026", ""},
		{"tháng năm", now, "01/05/2026", "31/05/2026", ""},
		{"tháng năm", atVN(2026, 3, 10), "01/05/2025", "31/05/2025", ""},
		{"tháng năm năm nay", now, "01/05/2026", "31/05/2026", ""},
		{"tháng năm ngoái", now, "", "", "tally.bad_period"},
		{"năm nay", now, "01/01/2026", "31/12/2026", ""},
	})
}

// Review 32B, the demo: "quý sáu" (a sixth quarter) was read as "quý
// sau", next quarter: "not started yet"; "thang muoi sau" (a sixteenth
// month, without diacritics) as October and a commune "sau" — for a
// province coordinator Phường Xuân Hòa's October. Each is a quarter or a
// month the calendar lacks; "quý sau", "quy sau", "tháng sau" stay next
// quarter and next month.
func TestParsePeriodBeyondTheCalendarInWords(t *testing.T) {
	now := atVN(2026, 12, 3)
	checkPeriods(t, []periodCase{
		{"quý sáu", now, "", "", noSuchQuarter},
		{"quý bảy", now, "", "", noSuchQuarter},
		{"quý tám 2026", now, "", "", noSuchQuarter},
		{"quý chín", now, "", "", noSuchQuarter},
		{"thang muoi sau", now, "", "", noSuchMonth},
		{"tháng mười sau", now, "", "", noSuchMonth},
		// Unchanged.
		{"quý sau", now, "", "", "tally.period_future"},
		{"quy sau", now, "", "", "tally.period_future"},
		{"tháng sau", now, "", "", "tally.period_future"},
		{"quý năm", now, "", "", "tally.bad_period"},
		{"quý tư", now, "01/10/2026", "31/12/2026", ""},
	})
}
