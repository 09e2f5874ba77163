package handlers

import "testing"

// Review 20m: months of one year with the year once ("9-11/2026") followed
// by a polite word or a mark ("9-11/2026 nhé", "9-11/2026.", "(9-11/2026)")
// were read as the day 9/11/2026 without a warning: monthsYearOnce saw only
// the text as typed, before the polite words and the marks were left out.
func TestParsePeriodMonthsYearOnceAskedPolitely(t *testing.T) {
	now := atVN(2026, 12, 2)
	var cases []periodCase
	for _, text := range []string{
		"9-11/2026 nhé", "9-11/2026 ạ", "9-11/2026 please", "9-11/2026.", "9-11/2026?",
		"9-11/2026!", "(9-11/2026)", "xem 9-11/2026 nhé", "9-11/2026 nha.",
	} {
		cases = append(cases, periodCase{text, now, "01/09/2026", "30/11/2026", ""})
	}
	cases = append(cases,
		periodCase{"9-11/2025 ạ", now, "01/09/2025", "30/11/2025", ""},
		// Another word after it is no polite one: as before, not read.
		periodCase{"9-11/2026 hà nội", now, "", "", "tally.bad_period"},
	)
	checkPeriods(t, cases)
}

// Review 20m: months typed backwards with the year once and no word
// ("2-1/2026") were read as a span of about a year (Feb 2025 – Jan 2026):
// without the word, a day with mixed marks is likelier. They are that day,
// as before r20c; a first month with a zero before it ("09-11/2026") is a
// date's day too.
func TestParsePeriodMonthsYearOnceBackwards(t *testing.T) {
	now := atVN(2026, 12, 2)
	checkPeriods(t, []periodCase{
		{"2-1/2026", now, "02/01/2026", "02/01/2026", ""},
		{"3-1/2026", now, "03/01/2026", "03/01/2026", ""},
		{"12-1/2026", now, "12/01/2026", "12/01/2026", ""},
		{"09-11/2026", now, "09/11/2026", "09/11/2026", ""},
		{"9-11/2026", now, "01/09/2026", "30/11/2026", ""},
		{"11-11/2026", now, "01/11/2026", "30/11/2026", ""},
		// With the word, as before: the months named.
		{"tháng 09-11/2026", now, "01/09/2026", "30/11/2026", ""},
		{"tháng 12-1/2026", now, "01/12/2025", "31/01/2026", ""},
	})
}

// Review 20m: a year in two figures after an English day ("Nov 2, 26", "1
// Nov '26") was read as days 2 to 26 or answered "no such date", and days
// of a month with the year after them ("Nov 1-15, 2026") "no such date":
// the calendar has those days.
func TestParsePeriodEnglishDayShortYear(t *testing.T) {
	now := atVN(2026, 12, 2)
	checkPeriods(t, []periodCase{
		{"Nov 2, 26", now, "02/11/2026", "02/11/2026", ""},
		{"Nov 2 26", now, "02/11/2026", "02/11/2026", ""},
		{"1 Nov 26", now, "01/11/2026", "01/11/2026", ""},
		{"1 Nov '26", now, "01/11/2026", "01/11/2026", ""},
		{"1 Nov, 26", now, "01/11/2026", "01/11/2026", ""},
		{"Nov 1-15, 2026", now, "01/11/2026", "15/11/2026", ""},
		{"Nov 1-15 2026", now, "01/11/2026", "15/11/2026", ""},
		{"November 1 - 15, 2026", now, "01/11/2026", "15/11/2026", ""},
		// As before.
		{"Nov 2-26", now, "02/11/2026", "26/11/2026", ""},
		{"Nov 1, 2026", now, "01/11/2026", "01/11/2026", ""},
		{"1-15 Nov, 2026", now, "01/11/2026", "15/11/2026", ""},
		{"November 1-15", now, "01/11/2026", "15/11/2026", ""},
	})
}

// Review 20m: "máy 2026" (a machine, folded "may 2026") was May 2026,
// though "máy" is no May (docs/reports.md).
func TestParsePeriodMayIsNoMachine(t *testing.T) {
	now := atVN(2026, 12, 2)
	checkPeriods(t, []periodCase{
		{"máy 2026", now, "", "", "tally.bad_period"},
		{"May 2026", now, "01/05/2026", "31/05/2026", ""},
		{"november of 2026", now, "01/11/2026", "30/11/2026", ""},
		{"Nov. 2026", now, "01/11/2026", "30/11/2026", ""},
	})
}

// Review 20m: an English day's year in two figures is one the bot may have
// figures for (from 2020): "Nov 1 15" stays days 1 to 15, and a day's
// month followed by a day is no year ("1 Nov 15 Nov").
func TestParsePeriodEnglishDayShortYearNotDays(t *testing.T) {
	now := atVN(2026, 12, 2)
	checkPeriods(t, []periodCase{
		{"Nov 1 15", now, "01/11/2026", "15/11/2026", ""},
		{"1 Nov 15 Nov", now, "01/11/2026", "15/11/2026", ""},
		{"1 Nov 25 Nov", now, "01/11/2026", "25/11/2026", ""},
		{"Nov 2 25", now, "02/11/2025", "02/11/2025", ""},
	})
}

// Review 20m: "đến 15/11" (up to 15 November) was not understood, though
// "từ 1/11" (since 1 November) runs from the day named to today: it runs
// from the beginning to the day named, as the bot writes such a period
// ("từ đầu đến 15/11/2026") and reads it back.
func TestParsePeriodUpToADay(t *testing.T) {
	now := atVN(2026, 12, 2)
	checkPeriods(t, []periodCase{
		{"đến 15/11", now, "01/01/0001", "15/11/2026", ""},
		{"tới hết ngày 15/11/2026", now, "01/01/0001", "15/11/2026", ""},
		{"until 15/11", now, "01/01/0001", "15/11/2026", ""},
		{"từ đầu đến 15/11", now, "01/01/0001", "15/11/2026", ""},
		{"từ 1/11", now, "01/11/2026", "02/12/2026", ""},
		{"đến 31/11", now, "", "", "tally.no_such_date"},
		{"đến tháng 11", now, "", "", "tally.bad_period"},
	})
}
