package handlers

import "testing"

// "Quí" is how many write "quý" (the i of the old spelling, as "kì" for
// "kỳ"), and a quarter is written with a leading zero as months are ("quý
// 04", as "tháng 04"): "quí 4", "quí IV/2026", "kì báo cáo: quí 3" and
// "quý 04" were not understood, and "quí 4" was searched as a commune.
func TestParsePeriodQuiAndLeadingZeroQuarter(t *testing.T) {
	now := atVN(2026, 12, 1)
	checkPeriods(t, []periodCase{
		{"quí 4", now, "01/10/2026", "31/12/2026", ""},
		{"Quí IV/2026", now, "01/10/2026", "31/12/2026", ""},
		{"quí 3 năm ngoái", now, "01/07/2025", "30/09/2025", ""},
		{"quí này", now, "01/10/2026", "31/12/2026", ""},
		{"quí trước", now, "01/07/2026", "30/09/2026", ""},
		{"từ đầu quí đến nay", now, "01/10/2026", "01/12/2026", ""},
		{"từ quí 3 đến quí 4/2026", now, "01/07/2026", "31/12/2026", ""},
		{"kì báo cáo: quí 3/2026", now, "01/07/2026", "30/09/2026", ""},
		{"kì báo cáo: tháng 11/2026", now, "01/11/2026", "30/11/2026", ""},
		{"quý 04", now, "01/10/2026", "31/12/2026", ""},
		{"Quý 03/2026", now, "01/07/2026", "30/09/2026", ""},
		{"quí 5", now, "", "", "tally.no_such_quarter"},
		{"quý 05", now, "", "", "tally.no_such_quarter"},
	})
}
