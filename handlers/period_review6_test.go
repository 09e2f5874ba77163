package handlers

import (
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/locales"
)

// Periods coordinators write that were not read, or worse, read as a
// commune's name: "tuần qua" (the week just past) found Phường Tuần Châu,
// Quảng Ninh, and was answered "outside what you may see"; "1-30/11" (the
// days of one month) and an English month's name were not understood.
func TestParsePeriodPastWordsDaysOfAMonthMonthNames(t *testing.T) {
	now := atVN(2026, 12, 1) // a Tuesday, the first of the month
	checkPeriods(t, []periodCase{
		// "qua", "vừa qua", "vừa rồi": the one just past.
		{"tuần qua", now, "23/11/2026", "29/11/2026", ""},
		{"Tuần vừa qua", now, "23/11/2026", "29/11/2026", ""},
		{"tuần vừa rồi", now, "23/11/2026", "29/11/2026", ""},
		{"tháng qua", now, "01/11/2026", "30/11/2026", ""},
		{"tháng vừa qua", now, "01/11/2026", "30/11/2026", ""},
		{"Tháng vừa rồi", now, "01/11/2026", "30/11/2026", ""},
		{"quý qua", now, "01/07/2026", "30/09/2026", ""},
		{"quý vừa qua", now, "01/07/2026", "30/09/2026", ""},
		{"năm qua", now, "01/01/2025", "31/12/2025", ""},
		{"năm vừa qua", now, "01/01/2025", "31/12/2025", ""},
		// Days of one month: the month (and year) written once.
		{"1-30/11", now, "01/11/2026", "30/11/2026", ""},
		{"1-30/11/2026", now, "01/11/2026", "30/11/2026", ""},
		{"1 - 15/11/2025", now, "01/11/2025", "15/11/2025", ""},
		{"từ 1 đến 15/11", now, "01/11/2026", "15/11/2026", ""},
		{"từ ngày 1 đến ngày 15/11/2026", now, "01/11/2026", "15/11/2026", ""},
		{"ngày 1 đến hết ngày 15 tháng 11 năm 2026", now, "01/11/2026", "15/11/2026", ""},
		{"from 1 to 15/11", now, "01/11/2026", "15/11/2026", ""},
		{"15-1/11", now, "", "", "tally.period_reversed"},
		{"1-31/11", now, "", "", "tally.no_such_date"},
		{"1-15/12", now, "01/12/2026", "15/12/2026", ""}, // begun today
		{"1-15/1", now, "01/01/2026", "15/01/2026", ""},
		// A month by its English name, with its year or alone (the latest
		// that has begun).
		{"November 2026", now, "01/11/2026", "30/11/2026", ""},
		{"Nov 2026", now, "01/11/2026", "30/11/2026", ""},
		{"nov. 2026", now, "01/11/2026", "30/11/2026", ""},
		{"Sept 2026", now, "01/09/2026", "30/09/2026", ""},
		{"november", now, "01/11/2026", "30/11/2026", ""},
		{"December", now, "01/12/2026", "31/12/2026", ""},
		{"January", now, "01/01/2026", "31/01/2026", ""},
		{"May 2026", now, "01/05/2026", "31/05/2026", ""},
		{"January 2027", now, "", "", "tally.period_future"},
		{"October last year", now, "01/10/2025", "31/10/2025", ""},
		{"since September 2026", now, "01/09/2026", "01/12/2026", ""},
		{"from October to now", now, "01/10/2026", "01/12/2026", ""},
		{"tháng 10 năm qua", now, "01/10/2025", "31/10/2025", ""},
	})
}

// "tháng 11 này" is this year's November, not November to now: read as
// "from tháng 11 to now" (the dash form "tháng 11 - nay"), it counted
// 01/11 – 01/12 on the first of December, a day of the next month with it.
// Without diacritics alike ("thang 11 nay"); with a dash it runs to now.
func TestParsePeriodThisNamedOne(t *testing.T) {
	now := atVN(2026, 12, 1)
	checkPeriods(t, []periodCase{
		{"tháng 11 này", now, "01/11/2026", "30/11/2026", ""},
		{"thang 11 nay", now, "01/11/2026", "30/11/2026", ""},
		{"T11 này", now, "01/11/2026", "30/11/2026", ""},
		{"quý 4 này", now, "01/10/2026", "31/12/2026", ""},
		{"15/11 này", now, "15/11/2026", "15/11/2026", ""},
		{"từ tháng 9 đến tháng 11 này", now, "01/09/2026", "30/11/2026", ""},
		{"tháng 11 - nay", now, "01/11/2026", "01/12/2026", ""},
		{"1/1/2026 - nay", now, "01/01/2026", "01/12/2026", ""},
		{"1/10 – nay", now, "01/10/2026", "01/12/2026", ""},
		{"Q3 2026 - now", now, "01/07/2026", "01/12/2026", ""},
		{"từ tháng 11 đến nay", now, "01/11/2026", "01/12/2026", ""},
	})
}

// A week across the new year names both years: "tuần 28/12 – 03/01/2027"
// read as a week of late 2027's December to a reader (the digest of the
// year's last week goes upward so).
func TestPeriodLabelWeekAcrossYears(t *testing.T) {
	texts, err := locales.Load("vi", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		now    time.Time
		vi, en string
	}{
		{atVN(2027, 1, 4), "tuần 28/12/2026 – 03/01/2027", "week 28 Dec 2026 – 3 Jan 2027"},
		{atVN(2026, 12, 1), "tuần 23/11 – 29/11/2026", "week 23 Nov – 29 Nov 2026"},
	} {
		p := LastWeek(c.now)
		if got := periodLabel(texts.For("vi"), p); got != c.vi {
			t.Errorf("last week on %s: %q, want %q", c.now.Format("02/01/2006"), got, c.vi)
		}
		if got := periodLabel(texts.For("en"), p); got != c.en {
			t.Errorf("last week on %s in English: %q, want %q", c.now.Format("02/01/2006"), got, c.en)
		}
	}
}
