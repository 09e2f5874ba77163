package handlers

import "testing"

// "Q3 vừa qua", "q 04", "6 tháng vừa qua", "3 tháng vừa qua": periods a
// coordinator types for /tally (and a volunteer where procedures are
// searched) were not understood. "Q3 vừa qua" is the third quarter just
// past ("vừa qua" makes it no Quận 3); "q 04" the fourth quarter (no
// commune is written with a zero before its number); "N tháng vừa qua"
// the N whole months just ended, as "tháng vừa qua" is the month just
// ended.
func TestParsePeriodQuarterJustPastAndLastMonths(t *testing.T) {
	now := atVN(2026, 12, 1)
	checkPeriods(t, []periodCase{
		{"Q3 vừa qua", now, "01/07/2026", "30/09/2026", ""},
		{"q3 vừa rồi", now, "01/07/2026", "30/09/2026", ""},
		{"Q4 vừa qua", now, "01/10/2025", "31/12/2025", ""},
		{"báo cáo Q III vừa qua", now, "01/07/2026", "30/09/2026", ""},
		{"q 04", now, "01/10/2026", "31/12/2026", ""},
		{"Q04", now, "01/10/2026", "31/12/2026", ""},
		{"Q.03", now, "01/07/2026", "30/09/2026", ""},
		{"q 05", now, "", "", "tally.no_such_quarter"},
		{"6 tháng vừa qua", now, "01/06/2026", "30/11/2026", ""},
		{"3 tháng vừa qua", now, "01/09/2026", "30/11/2026", ""},
		{"3 tháng qua", now, "01/09/2026", "30/11/2026", ""},
		{"3 tháng vừa rồi", now, "01/09/2026", "30/11/2026", ""},
		{"thống kê 3 tháng gần đây", now, "01/09/2026", "30/11/2026", ""},
		{"12 tháng qua", now, "01/12/2025", "30/11/2026", ""},
		{"last 3 months", now, "01/09/2026", "30/11/2026", ""},
		{"past 6 months", now, "01/06/2026", "30/11/2026", ""},
		{"3 tháng vừa qua", atVN(2026, 2, 10), "01/11/2025", "31/01/2026", ""},
		{"0 tháng qua", now, "", "", "tally.bad_period"},
		// Unchanged.
		{"Q3", now, "", "", "tally.bad_period"}, // Quận 3 to the commune search
		{"q 4", now, "", "", "tally.bad_period"},
		{"tháng 6 vừa qua", now, "01/06/2026", "30/06/2026", ""},
		{"tháng vừa qua", now, "01/11/2026", "30/11/2026", ""},
		{"6 tháng đầu năm", now, "01/01/2026", "30/06/2026", ""},
		{"7 ngày qua", now, "25/11/2026", "01/12/2026", ""},
	})
}
