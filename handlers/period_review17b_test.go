package handlers

import "testing"

// "Tháng 11 vừa qua", "quý 3 vừa rồi": the month or quarter of that
// number just past, as reports name it ("báo cáo tháng 11 vừa qua"). They
// were not understood. One still running is not "just past": on 1/12,
// "tháng 12 vừa qua" is December of last year, as "quý 4 vừa qua" the
// fourth quarter of last year.
func TestParsePeriodMonthJustPast(t *testing.T) {
	now := atVN(2026, 12, 1)
	checkPeriods(t, []periodCase{
		{"tháng 11 vừa qua", now, "01/11/2026", "30/11/2026", ""},
		{"báo cáo tháng 11 vừa qua", now, "01/11/2026", "30/11/2026", ""},
		{"T10 vừa rồi", now, "01/10/2026", "31/10/2026", ""},
		{"thang 12 vua qua", now, "01/12/2025", "31/12/2025", ""},
		{"quý 3 vừa qua", now, "01/07/2026", "30/09/2026", ""},
		{"quý IV vừa rồi", now, "01/10/2025", "31/12/2025", ""},
		{"tháng 13 vừa qua", now, "", "", "tally.no_such_month"},
		// Unchanged: the words of their own.
		{"tuần vừa qua", now, "23/11/2026", "29/11/2026", ""},
		{"7 ngày vừa qua", now, "25/11/2026", "01/12/2026", ""},
		{"tháng vừa rồi", now, "01/11/2026", "30/11/2026", ""},
	})
}
