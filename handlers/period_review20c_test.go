package handlers

import "testing"

// Review 20c: months of one year written with the year once and no word
// ("9-11/2026", "10–11/2026", "9 - 11/26"), as "tháng 9-11/2026" is, were
// read as one day, 9 November 2026 ("ngày 09/11/2026"): the dash between
// the two months taken for a date's. They are September to November. A
// date written with dashes alone ("09-11-2026") is still that day, and days
// of a month ("1-15/11/2026") still those days.
func TestParsePeriodMonthsYearOnce(t *testing.T) {
	now := atVN(2026, 12, 2)
	checkPeriods(t, []periodCase{
		{"9-11/2026", now, "01/09/2026", "30/11/2026", ""},
		{"10–11/2026", now, "01/10/2026", "30/11/2026", ""},
		{"9 - 11/2026", now, "01/09/2026", "30/11/2026", ""},
		{"1-12/2025", now, "01/01/2025", "31/12/2025", ""},
		{"9-11/26", now, "01/09/2026", "30/11/2026", ""},
		{"báo cáo 9-11/2026", now, "01/09/2026", "30/11/2026", ""},
		{"09-11-2026", now, "09/11/2026", "09/11/2026", ""},
		{"9/11/2026", now, "09/11/2026", "09/11/2026", ""},
		{"1-15/11/2026", now, "01/11/2026", "15/11/2026", ""},
		{"10-13/2026", now, "", "", "tally.no_such_date"},
		{"1-7/12", now, "01/12/2026", "07/12/2026", ""},
		{"1 - 2/12", now, "01/12/2026", "02/12/2026", ""},
		{"1-30/11", now, "01/11/2026", "30/11/2026", ""},
		{"tháng 9-11/2026", now, "01/09/2026", "30/11/2026", ""},
		{"T9-11/2026", now, "01/09/2026", "30/11/2026", ""},
	})
}

// Review 20c: in English, days and months by their English names beyond a
// month alone ("November 2026", "november"): "1 Nov - 15 Nov", "since 1
// November", "Oct - Nov 2026", "October to November" were "I could not
// read that period", though the same in figures ("1/11 - 15/11", "T10-T11")
// are read. A month's short name alone ("nov") stays refused, as before,
// and "máy" (a machine, folded "may") is no May.
func TestParsePeriodEnglishMonthNames(t *testing.T) {
	now := atVN(2026, 12, 2)
	checkPeriods(t, []periodCase{
		{"1 Nov - 15 Nov", now, "01/11/2026", "15/11/2026", ""},
		{"Nov 1 - Nov 15", now, "01/11/2026", "15/11/2026", ""},
		{"November 1-15", now, "01/11/2026", "15/11/2026", ""},
		{"1-15 November", now, "01/11/2026", "15/11/2026", ""},
		{"1 November 2026", now, "01/11/2026", "01/11/2026", ""},
		{"Nov 1, 2026", now, "01/11/2026", "01/11/2026", ""},
		{"since 1 November", now, "01/11/2026", "02/12/2026", ""},
		{"from Oct 15 to now", now, "15/10/2026", "02/12/2026", ""},
		{"Oct - Nov 2026", now, "01/10/2026", "30/11/2026", ""},
		{"October to November", now, "01/10/2026", "30/11/2026", ""},
		{"September 2026 - November 2026", now, "01/09/2026", "30/11/2026", ""},
		{"Dec 2025 - Feb 2026", now, "01/12/2025", "28/02/2026", ""},
		// As before.
		{"November 2026", now, "01/11/2026", "30/11/2026", ""},
		{"Sept. 2026", now, "01/09/2026", "30/09/2026", ""},
		{"October last year", now, "01/10/2025", "31/10/2025", ""},
		{"november", now, "01/11/2026", "30/11/2026", ""},
		{"nov", now, "", "", "tally.bad_period"},
		{"may", now, "", "", "tally.bad_period"},
		{"1 máy", now, "", "", "tally.bad_period"},
	})
}

// Review 20c: "2 tuần qua" (the last two weeks) was not read, though "14
// ngày qua" and "3 tháng qua" are; "tháng này năm ngoái" (this month last
// year, as reports compare) was not read, though "tháng 12 năm ngoái" is.
// The weeks are whole weeks, the running one left out, as "3 tháng qua"
// leaves out the running month and "tuần qua" is last week.
func TestParsePeriodLastWeeksAndThisOneLastYear(t *testing.T) {
	now := atVN(2026, 12, 2) // a Wednesday
	checkPeriods(t, []periodCase{
		{"2 tuần qua", now, "16/11/2026", "29/11/2026", ""},
		{"1 tuần qua", now, "23/11/2026", "29/11/2026", ""},
		{"4 tuần gần đây", now, "02/11/2026", "29/11/2026", ""},
		{"last 2 weeks", now, "16/11/2026", "29/11/2026", ""},
		{"past 3 weeks", now, "09/11/2026", "29/11/2026", ""},
		{"0 tuần qua", now, "", "", "tally.bad_period"},
		{"tháng này năm ngoái", now, "01/12/2025", "31/12/2025", ""},
		{"tháng này năm trước", now, "01/12/2025", "31/12/2025", ""},
		{"quý này năm ngoái", now, "01/10/2025", "31/12/2025", ""},
		{"this month last year", now, "01/12/2025", "31/12/2025", ""},
		{"this quarter last year", now, "01/10/2025", "31/12/2025", ""},
		{"tháng này năm 2024", now, "01/12/2024", "31/12/2024", ""},
		{"tháng này năm sau", now, "", "", "tally.period_future"},
	})
}

// Review 20c: a period asked politely, as people write to someone they
// ask a favour of ("tháng 11 ạ", "cho mình xem tháng 11", "xem quý 3 nhé",
// "show me last month please"), was "Mình chưa hiểu khoảng thời gian này",
// though "báo cáo tháng 11" is read. The words around it are left out; a
// word alone is still no period.
func TestParsePeriodAskedPolitely(t *testing.T) {
	now := atVN(2026, 12, 2)
	checkPeriods(t, []periodCase{
		{"tháng 11 ạ", now, "01/11/2026", "30/11/2026", ""},
		{"Tháng 11 nhé", now, "01/11/2026", "30/11/2026", ""},
		{"cho mình xem tháng 11", now, "01/11/2026", "30/11/2026", ""},
		{"cho em số liệu tháng 11 với ạ", now, "01/11/2026", "30/11/2026", ""},
		{"xem quý 3 nhé", now, "01/07/2026", "30/09/2026", ""},
		{"show me last month please", now, "01/11/2026", "30/11/2026", ""},
		{"last month please", now, "01/11/2026", "30/11/2026", ""},
		{"ạ", now, "", "", "tally.bad_period"},
		{"cho mình xem", now, "", "", "tally.bad_period"},
	})
}
