package handlers

import "testing"

// Review 31B, item 3: periods coordinators type that were not read: up
// to today with no start ("đến nay", "đến hôm nay": all time, as "đến
// 15/11" is), half a year with "năm" first ("nửa năm đầu"), the
// cumulative total of reports ("lũy kế từ đầu năm").
func TestParsePeriodMoreTypedPeriods(t *testing.T) {
	now := atVN(2026, 12, 3)
	all := func(text string) periodCase { return periodCase{text, now, "01/01/0001", "03/12/2026", ""} }
	checkPeriods(t, []periodCase{
		all("đến nay"), all("đến hôm nay"), all("tới nay"), all("đến bây giờ"), all("đến hiện tại"), all("until now"), all("until today"),
		all("từ đầu đến nay"),
		{"nửa năm đầu", now, "01/01/2026", "30/06/2026", ""},
		{"nửa năm cuối", now, "01/07/2026", "31/12/2026", ""},
		{"nửa năm đầu 2025", now, "01/01/2025", "30/06/2025", ""},
		{"nửa năm cuối năm ngoái", now, "01/07/2025", "31/12/2025", ""},
		{"lũy kế từ đầu năm", now, "01/01/2026", "03/12/2026", ""},
		{"luỹ kế từ đầu năm đến nay", now, "01/01/2026", "03/12/2026", ""},
		{"luy ke tu dau nam", now, "01/01/2026", "03/12/2026", ""},
		{"lũy kế từ 1/10", now, "01/10/2026", "03/12/2026", ""},
		// Already read (kept so).
		{"quý 4", now, "01/10/2026", "31/12/2026", ""},
		{"quý này", now, "01/10/2026", "31/12/2026", ""},
		{"quý trước", now, "01/07/2026", "30/09/2026", ""},
		{"6 tháng đầu năm", now, "01/01/2026", "30/06/2026", ""},
		{"6 tháng cuối năm", now, "01/07/2026", "31/12/2026", ""},
		{"nửa đầu năm", now, "01/01/2026", "30/06/2026", ""},
		{"năm 2025", now, "01/01/2025", "31/12/2025", ""},
		{"năm nay", now, "01/01/2026", "31/12/2026", ""},
		{"năm ngoái", now, "01/01/2025", "31/12/2025", ""},
		{"từ đầu năm", now, "01/01/2026", "03/12/2026", ""},
		{"từ 1/10 đến nay", now, "01/10/2026", "03/12/2026", ""},
		{"tuần trước nữa", now, "16/11/2026", "22/11/2026", ""},
		{"hôm kia", now, "01/12/2026", "01/12/2026", ""},
		// Still no period.
		{"lũy kế", now, "", "", "tally.bad_period"},
		{"nửa năm", now, "", "", "tally.bad_period"},
		{"6 tháng", now, "", "", "tally.bad_period"},
		{"đến", now, "", "", "tally.bad_period"},
	})
}
