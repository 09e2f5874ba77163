package handlers

import "testing"

// Review 31B, item 1: a month named in words ("tháng mười một", "tháng
// giêng", "tháng chạp", "thang muoi mot") was not read: "Mình chưa hiểu
// khoảng thời gian này". It is the month of that number, with or without
// diacritics, with its year or without (the latest that has begun).
// "Tháng năm" is May where nothing else can be meant (alone, before a
// year, "năm 2026", "vừa qua" or another month), not before "nay" /
// "ngoái" ("tháng năm nay" may be "tháng này năm nay"): not understood,
// never a wrong period. "Tháng sau" (no diacritics) stays next month;
// "tháng sáu" is June (until now "tháng sáu" was next month: "not
// started yet").
func TestParsePeriodMonthInWords(t *testing.T) {
	now := atVN(2026, 12, 3)
	checkPeriods(t, []periodCase{
		{"tháng mười một", now, "01/11/2026", "30/11/2026", ""},
		{"Tháng Mười Một", now, "01/11/2026", "30/11/2026", ""},
		{"thang muoi mot", now, "01/11/2026", "30/11/2026", ""},
		{"tháng mười hai", now, "01/12/2026", "31/12/2026", ""},
		{"tháng mười", now, "01/10/2026", "31/10/2026", ""},
		{"tháng một", now, "01/01/2026", "31/01/2026", ""},
		{"tháng giêng", now, "01/01/2026", "31/01/2026", ""},
		{"thang gieng", now, "01/01/2026", "31/01/2026", ""},
		{"tháng chạp", now, "01/12/2026", "31/12/2026", ""},
		{"tháng hai", now, "01/02/2026", "28/02/2026", ""},
		{"tháng ba", now, "01/03/2026", "31/03/2026", ""},
		{"tháng tư", now, "01/04/2026", "30/04/2026", ""},
		{"tháng bốn", now, "01/04/2026", "30/04/2026", ""},
		{"tháng năm", now, "01/05/2026", "31/05/2026", ""},
		{"tháng sáu", now, "01/06/2026", "30/06/2026", ""},
		{"tháng bảy", now, "01/07/2026", "31/07/2026", ""},
		{"tháng bẩy", now, "01/07/2026", "31/07/2026", ""},
		{"tháng tám", now, "01/08/2026", "31/08/2026", ""},
		{"tháng chín", now, "01/09/2026", "30/09/2026", ""},
		{"tháng 11 năm nay", now, "01/11/2026", "30/11/2026", ""},
		{"tháng mười một năm nay", now, "01/11/2026", "30/11/2026", ""},
		{"tháng mười một năm ngoái", now, "01/11/2025", "30/11/2025", ""},
		{"thang muoi mot nam ngoai", now, "01/11/2025", "30/11/2025", ""},
		{"tháng mười một năm 2025", now, "01/11/2025", "30/11/2025", ""},
		{"tháng mười một 2025", now, "01/11/2025", "30/11/2025", ""},
		{"tháng năm năm 2025", now, "01/05/2025", "31/05/2025", ""},
		{"tháng năm 2025", now, "01/05/2025", "31/05/2025", ""},
		{"tháng năm năm ngoái", now, "01/05/2025", "31/05/2025", ""},
		{"tháng mười một này", now, "01/11/2026", "30/11/2026", ""},
		{"tháng mười một vừa qua", atVN(2026, 11, 20), "01/11/2025", "30/11/2025", ""},
		{"báo cáo tháng mười một ạ", now, "01/11/2026", "30/11/2026", ""},
		{"tháng năm ạ", now, "01/05/2026", "31/05/2026", ""},
		{"tháng năm vừa qua", now, "01/05/2026", "31/05/2026", ""},
		{"tháng sáu năm ngoái", now, "01/06/2025", "30/06/2025", ""},
		{"từ tháng chín đến tháng mười một", now, "01/09/2026", "30/11/2026", ""},
		{"tháng năm - tháng bảy", now, "01/05/2026", "31/07/2026", ""},
		{"từ tháng năm đến nay", now, "01/05/2026", "03/12/2026", ""},
		{"tháng mười hai năm ngoái", atVN(2027, 1, 5), "01/12/2026", "31/12/2026", ""},
		// Unchanged.
		{"tháng này", now, "01/12/2026", "31/12/2026", ""},
		{"tháng trước", now, "01/11/2026", "30/11/2026", ""},
		{"tháng rồi", now, "01/11/2026", "30/11/2026", ""},
		{"tháng sau", now, "", "", "tally.period_future"},
		{"thang sau", now, "", "", "tally.period_future"},
		{"tháng tới", now, "", "", "tally.period_future"},
		{"tháng này năm ngoái", now, "01/12/2025", "31/12/2025", ""},
		{"tháng 11", now, "01/11/2026", "30/11/2026", ""},
		// Not one month: not understood, never a wrong one.
		// Review 32B: "tháng năm nay" is this year's May, "tháng mười
		// ba" a month the calendar lacks (period_review32B_test.go).
		{"tháng năm nay", now, "01/05/2026", "31/05/2026", ""},
		{"tháng năm ngoái", now, "", "", "tally.bad_period"},
		{"tháng mười ba", now, "", "", noSuchMonth},
		{"Thắng Nam", now, "", "", "tally.bad_period"}, // communes' names
		{"Thắng Tam", now, "", "", "tally.bad_period"},
		{"mười một", now, "", "", "tally.bad_period"},
		{"tháng", now, "", "", "tally.bad_period"},
	})
}

// Review 31B, item 1: English months' names: "last November" (the
// latest that has ended), "this November" (this year's) were not read.
func TestParsePeriodEnglishLastMonthName(t *testing.T) {
	now := atVN(2026, 12, 3)
	checkPeriods(t, []periodCase{
		{"last November", now, "01/11/2026", "30/11/2026", ""},
		{"last November", atVN(2026, 11, 20), "01/11/2025", "30/11/2025", ""},
		{"last Nov", now, "01/11/2026", "30/11/2026", ""},
		{"last December", now, "01/12/2025", "31/12/2025", ""},
		{"this November", now, "01/11/2026", "30/11/2026", ""},
		{"this June", now, "01/06/2026", "30/06/2026", ""},
		// Unchanged.
		{"November", now, "01/11/2026", "30/11/2026", ""},
		{"Nov 2026", now, "01/11/2026", "30/11/2026", ""},
		{"November last year", now, "01/11/2025", "30/11/2025", ""},
		{"last month", now, "01/11/2026", "30/11/2026", ""},
	})
}
