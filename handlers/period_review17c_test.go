package handlers

import "testing"

// "Tháng 11/2026 vừa qua", "quý 3 năm 2026 vừa rồi", "năm 2025 vừa qua": a
// month, a quarter or a year just past with its year, as reports name it
// ("báo cáo tháng 11/2026 vừa qua"), was not understood, though the same
// without the year or without "vừa qua" was. With its year, it is that
// month, quarter or year.
func TestParsePeriodJustPastWithYear(t *testing.T) {
	now := atVN(2026, 12, 1)
	checkPeriods(t, []periodCase{
		{"tháng 11/2026 vừa qua", now, "01/11/2026", "30/11/2026", ""},
		{"báo cáo tháng 11/2026 vừa qua", now, "01/11/2026", "30/11/2026", ""},
		{"T11/2026 vừa rồi", now, "01/11/2026", "30/11/2026", ""},
		{"tháng 11 năm 2026 vừa qua", now, "01/11/2026", "30/11/2026", ""},
		{"tháng 9 năm ngoái vừa qua", now, "01/09/2025", "30/09/2025", ""},
		{"quý 3 năm 2026 vừa qua", now, "01/07/2026", "30/09/2026", ""},
		{"quý 3 năm nay vừa qua", now, "01/07/2026", "30/09/2026", ""},
		{"Q3/2026 vừa qua", now, "01/07/2026", "30/09/2026", ""},
		{"quí IV/2025 vừa rồi", now, "01/10/2025", "31/12/2025", ""},
		{"tháng 13/2026 vừa qua", now, "", "", "tally.no_such_month"},
		{"năm 2025 vừa qua", now, "01/01/2025", "31/12/2025", ""},
		{"báo cáo năm 2025 vừa qua", now, "01/01/2025", "31/12/2025", ""},
		// Unchanged: without the year, the latest that has ended.
		{"tháng 12 vừa qua", now, "01/12/2025", "31/12/2025", ""},
		{"quý 4 vừa qua", now, "01/10/2025", "31/12/2025", ""},
	})
}
