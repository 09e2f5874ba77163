package handlers

import "testing"

// Periods a coordinator types for the report they pass upward, still not
// read: the reporting periods of Vietnamese offices ("9 tháng đầu năm",
// the report of September; "3 tháng đầu năm"; "cả năm 2026"), the last
// one as the South says it ("tuần rồi", "tháng rồi"), and a period after
// the words of the report itself ("báo cáo tháng 11", "thống kê quý 3",
// "sơ kết 6 tháng đầu năm"), the screen's own word being "Thống kê".
func TestParsePeriodReportingPeriods(t *testing.T) {
	now := atVN(2026, 12, 1)
	checkPeriods(t, []periodCase{
		{"9 tháng đầu năm", now, "01/01/2026", "30/09/2026", ""},
		{"9 tháng đầu năm 2025", now, "01/01/2025", "30/09/2025", ""},
		{"9 tháng đầu năm nay", now, "01/01/2026", "30/09/2026", ""},
		{"9 thang dau nam ngoai", now, "01/01/2025", "30/09/2025", ""},
		{"3 tháng đầu năm", now, "01/01/2026", "31/03/2026", ""},
		{"3 tháng cuối năm 2025", now, "01/10/2025", "31/12/2025", ""},
		{"6 tháng đầu năm", now, "01/01/2026", "30/06/2026", ""},
		{"6 tháng cuối năm 2025", now, "01/07/2025", "31/12/2025", ""},
		{"12 tháng đầu năm 2025", now, "01/01/2025", "31/12/2025", ""},
		{"first 9 months of 2026", now, "01/01/2026", "30/09/2026", ""},
		{"first 9 months", now, "01/01/2026", "30/09/2026", ""},
		{"13 tháng đầu năm", now, "", "", "tally.no_such_month"},
		{"0 tháng đầu năm", now, "", "", "tally.no_such_month"},
		// Still running: counted up to now, as "6 tháng đầu năm" in May.
		{"9 tháng đầu năm", atVN(2026, 5, 15), "01/01/2026", "30/09/2026", ""},
		{"cả năm 2026", now, "01/01/2026", "31/12/2026", ""},
		{"cả năm 2025", now, "01/01/2025", "31/12/2025", ""},
		{"cả năm ngoái", now, "01/01/2025", "31/12/2025", ""},
		{"tuần rồi", now, "23/11/2026", "29/11/2026", ""},
		{"tháng rồi", now, "01/11/2026", "30/11/2026", ""},
		{"quý rồi", now, "01/07/2026", "30/09/2026", ""},
		{"năm rồi", now, "01/01/2025", "31/12/2025", ""},
		{"báo cáo tháng 11", now, "01/11/2026", "30/11/2026", ""},
		{"Thống kê tháng 11/2026", now, "01/11/2026", "30/11/2026", ""},
		{"số liệu quý 3", now, "01/07/2026", "30/09/2026", ""},
		{"sơ kết 6 tháng đầu năm", now, "01/01/2026", "30/06/2026", ""},
		{"tổng kết năm 2025", now, "01/01/2025", "31/12/2025", ""},
		{"báo cáo tuần trước", now, "23/11/2026", "29/11/2026", ""},
		{"report for last month", now, "01/11/2026", "30/11/2026", ""},
		// Unchanged: "6 tháng" and "cả năm" alone are no period, nor are
		// the report's words alone.
		{"6 tháng", now, "", "", "tally.bad_period"},
		{"cả năm", now, "", "", "tally.bad_period"},
		{"báo cáo", now, "", "", "tally.bad_period"},
		{"thống kê", now, "", "", "tally.bad_period"},
	})
}
