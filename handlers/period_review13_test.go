package handlers

import (
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

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
		{"13/2025 - 2/2026", now, "", "", "tally.no_such_month"},
		{"1/2027 - 3/2027", now, "", "", "tally.period_future"},
		// Unchanged: a day is still a day, a range of days a range.
		{"9/11/2026", now, "09/11/2026", "09/11/2026", ""},
		{"1/11/2026 - 15/11/2026", now, "01/11/2026", "15/11/2026", ""},
	})
}

// What the bot writes a period as — in a report's first line, a digest's,
// a chart's subtitle, a spreadsheet's caption — reads back as that period
// when a coordinator copies it into /tally (the week of a digest, for one
// commune): "tuần 23/11 – 29/11/2026", "từ đầu đến 01/12/2026", "giai
// đoạn 2021 – 2025" and their English were not understood. A period
// still running is said with up to when it was counted, and reads back as
// the period named.
func TestParsePeriodReadsItsOwnLabels(t *testing.T) {
	texts, err := locales.Load("vi", nil)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2027, 1, 2, 10, 30, 0, 0, vietnam) // a Saturday
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, vietnam) }
	for _, p := range []storage.Period{
		{To: day(2027, 1, 3)},                            // from the beginning, to the end of today
		{From: day(2026, 11, 27), To: day(2026, 11, 28)}, // a day
		{From: day(2026, 11, 23), To: day(2026, 11, 30)}, // a week
		{From: day(2026, 12, 28), To: day(2027, 1, 4)},   // the week across the new year, still running
		{From: day(2026, 11, 1), To: day(2026, 12, 1)},   // a month
		{From: day(2026, 10, 1), To: day(2027, 1, 1)},    // a quarter
		{From: day(2026, 1, 1), To: day(2027, 1, 1)},     // a year
		{From: day(2021, 1, 1), To: day(2026, 1, 1)},     // years
		{From: day(2026, 10, 1), To: day(2026, 10, 16)},  // a range of days
		{From: day(2026, 12, 20), To: day(2027, 1, 3)},   // up to today
	} {
		for _, lang := range []string{"vi", "en"} {
			l := texts.For(lang)
			label := periodLabel(l, p)
			for _, typed := range []string{label, periodAsOf(l, p, label, now)} {
				got, problem := parsePeriod(typed, now)
				if problem != "" || !got.From.Equal(p.From) || !got.To.Equal(p.To) {
					t.Errorf("%s: %q reads as %s – %s %q, want %s – %s", lang, typed,
						got.From.Format("02/01/2006"), got.To.Format("02/01/2006"), problem, p.From.Format("02/01/2006"), p.To.Format("02/01/2006"))
				}
			}
		}
	}
	// The spreadsheet's title line, and the report's words before a label.
	// "Tuần" and "giai đoạn" before what is no span of days or years are
	// still no period: a week's number is not a month.
	checkPeriods(t, []periodCase{
		{"Kỳ báo cáo: tháng 11/2026", now, "01/11/2026", "30/11/2026", ""},
		{"Period: 11/2026", now, "01/11/2026", "30/11/2026", ""},
		{"period", now, "", "", "tally.bad_period"},
		{"báo cáo giai đoạn 2021 – 2025", now, "01/01/2021", "31/12/2025", ""},
		{"tuần từ 23/11 đến 29/11", now, "23/11/2026", "29/11/2026", ""},
		{"tuần 48", now, "", "", "tally.bad_period"},
		{"tuần 2/2027", now, "", "", "tally.bad_period"},
		{"giai đoạn", now, "", "", "tally.bad_period"},
	})
}

// Up to now as reports say it: "đến hiện tại", "đến thời điểm hiện tại",
// "đến hiện nay" ("từ đầu năm đến nay" was read, "từ đầu năm đến hiện
// nay" was not understood).
func TestParsePeriodUpToThePresent(t *testing.T) {
	now := atVN(2026, 12, 1)
	checkPeriods(t, []periodCase{
		{"từ đầu năm đến hiện nay", now, "01/01/2026", "01/12/2026", ""},
		{"từ 1/10 đến hiện tại", now, "01/10/2026", "01/12/2026", ""},
		{"từ đầu tháng tới thời điểm hiện tại", now, "01/12/2026", "01/12/2026", ""},
		{"tu dau quy den hien tai", now, "01/10/2026", "01/12/2026", ""},
		{"1/10 – hiện tại", now, "01/10/2026", "01/12/2026", ""},
		{"hiện tại", now, "", "", "tally.bad_period"},
	})
}

// Quarters from one to another ("Q3/2026 - Q4/2026", "từ quý 4/2025 đến
// quý 1/2026", "quý 2 đến quý 3 năm 2026"): a span offices report on, as
// months from one to another are; it was not understood.
func TestParsePeriodQuartersFromOneToAnother(t *testing.T) {
	now := atVN(2026, 12, 1)
	checkPeriods(t, []periodCase{
		{"Q3/2026 - Q4/2026", now, "01/07/2026", "31/12/2026", ""},
		{"q3/2026-q4/2026", now, "01/07/2026", "31/12/2026", ""},
		{"từ quý 4/2025 đến quý 1/2026", now, "01/10/2025", "31/03/2026", ""},
		{"quý 2 đến quý 3 năm 2026", now, "01/04/2026", "30/09/2026", ""},
		{"quý II - quý IV 2026", now, "01/04/2026", "31/12/2026", ""},
		{"from quarter 1 to quarter 2 2026", now, "01/01/2026", "30/06/2026", ""},
		{"Q4/2026 - Q2/2026", now, "", "", "tally.period_reversed"},
		{"quý 3 - quý 5 năm 2026", now, "", "", "tally.no_such_quarter"},
		{"Q1/2027 - Q2/2027", now, "", "", "tally.period_future"},
		// A single quarter reads as before.
		{"quý 3/2026", now, "01/07/2026", "30/09/2026", ""},
	})
}
