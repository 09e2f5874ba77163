package handlers

import "testing"

// Months from one to another written as months are written alone
// ("11/2026"), each with its year: the span offices write across a year's
// turn ("12/2025 - 2/2026"). "T12/2025-T2/2026" was read, the same without
// the T was not understood.
func TestParsePeriodMonthsEachWithItsYear(t *testing.T) {
	now := atVN(2026, 12, 1)
	checkPeriods(t, []periodCase{
		{"9/2026 - 11/2026", now, "01/09/2026", "30/11/2026", ""},
		{"09/2026 – 11/2026", now, "01/09/2026", "30/11/2026", ""},
		{"12/2025-2/2026", now, "01/12/2025", "28/02/2026", ""},
		{"từ 9/2026 đến 11/2026", now, "01/09/2026", "30/11/2026", ""},
		{"from 9/2026 to 11/2026", now, "01/09/2026", "30/11/2026", ""},
		{"11/2026 - 11/2026", now, "01/11/2026", "30/11/2026", ""},
		{"11/2026 - 9/2026", now, "", "", "tally.period_reversed"},
		{"13/2025 - 2/2026", now, "", "", "tally.no_such_date"},
		{"1/2027 - 3/2027", now, "", "", "tally.period_future"},
		// Unchanged: a day is still a day, a range of days a range.
		{"9/11/2026", now, "09/11/2026", "09/11/2026", ""},
		{"1/11/2026 - 15/11/2026", now, "01/11/2026", "15/11/2026", ""},
	})
}
