package handlers

import "testing"

// Review 31B: a quarter named in words ("quý ba", "quý tư", "quy bon",
// "quý hai năm nay") was not understood, as a month in words was not. It
// is that quarter, as "quý 3" is.
func TestParsePeriodQuarterInWords(t *testing.T) {
	now := atVN(2026, 12, 3)
	checkPeriods(t, []periodCase{
		{"quý một", now, "01/01/2026", "31/03/2026", ""},
		{"quý hai năm nay", now, "01/04/2026", "30/06/2026", ""},
		{"quý ba", now, "01/07/2026", "30/09/2026", ""},
		{"quy ba nam ngoai", now, "01/07/2025", "30/09/2025", ""},
		{"quý tư", now, "01/10/2026", "31/12/2026", ""},
		{"quý bốn 2025", now, "01/10/2025", "31/12/2025", ""},
		{"quy bon", now, "01/10/2026", "31/12/2026", ""},
		{"quí ba", now, "01/07/2026", "30/09/2026", ""},
		{"từ quý ba đến quý tư", now, "01/07/2026", "31/12/2026", ""},
		{"quý ba vừa qua", now, "01/07/2026", "30/09/2026", ""},
		{"báo cáo quý tư ạ", now, "01/10/2026", "31/12/2026", ""},
		// Unchanged, or still none.
		{"quý này", now, "01/10/2026", "31/12/2026", ""},
		{"quý năm", now, "", "", "tally.bad_period"},
		{"quy nhon", now, "", "", "tally.bad_period"},
	})
}
