package handlers

import (
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// Review 31B, item 4: a school year ("năm học 2025-2026") runs from the
// opening day, 5 September, to 31 May; "năm học này" is the latest that
// has begun, "năm học trước" the one before.
func TestParsePeriodSchoolYear(t *testing.T) {
	now := atVN(2026, 12, 3)
	checkPeriods(t, []periodCase{
		{"năm học 2025-2026", now, "05/09/2025", "31/05/2026", ""},
		{"nam hoc 2025 - 2026", now, "05/09/2025", "31/05/2026", ""},
		{"năm học 2025-26", now, "05/09/2025", "31/05/2026", ""},
		{"năm học 2026-2027", now, "05/09/2026", "31/05/2027", ""},
		{"năm học này", now, "05/09/2026", "31/05/2027", ""},
		{"năm học này", atVN(2026, 7, 1), "05/09/2025", "31/05/2026", ""},
		{"năm học trước", now, "05/09/2025", "31/05/2026", ""},
		{"năm học vừa qua", now, "05/09/2025", "31/05/2026", ""},
		{"school year 2025-2026", now, "05/09/2025", "31/05/2026", ""},
		{"năm học 2027-2028", now, "", "", "tally.period_future"},
		{"năm học 2025-2027", now, "", "", "tally.bad_period"},
		{"năm học", now, "", "", "tally.bad_period"},
	})
}

// A school year is named as such, with the days it counts, in both
// languages, and its label (a running one's too) reads back as it.
func TestSchoolYearLabel(t *testing.T) {
	texts, err := locales.Load("vi", nil)
	if err != nil {
		t.Fatal(err)
	}
	now := atVN(2026, 12, 3)
	for _, c := range []struct{ typed, vi, en string }{
		{"năm học 2025-2026", "năm học 2025 – 2026 (05/09/2025 – 31/05/2026)", "school year 2025 – 2026 (5 Sep 2025 – 31 May 2026)"},
		{"năm học này", "năm học 2026 – 2027 (05/09/2026 – 31/05/2027)", "school year 2026 – 2027 (5 Sep 2026 – 31 May 2027)"},
	} {
		p, problem := parsePeriod(c.typed, now)
		if problem != "" {
			t.Fatalf("%q: %q", c.typed, problem)
		}
		for lang, want := range map[string]string{"vi": c.vi, "en": c.en} {
			l := texts.For(lang)
			label := periodLabel(l, p)
			if label != want {
				t.Errorf("%q in %s: %q, want %q", c.typed, lang, label, want)
			}
			for _, typed := range []string{label, periodAsOf(l, p, label, now)} {
				if got, problem := parsePeriod(typed, now); problem != "" || !got.From.Equal(p.From) || !got.To.Equal(p.To) {
					t.Errorf("%s: %q reads as %v – %v %q", lang, typed, got.From, got.To, problem)
				}
			}
		}
	}
	// Other days after it are not its label.
	checkPeriods(t, []periodCase{{"năm học 2025-2026 (01/09/2025 – 31/05/2026)", now, "", "", "tally.bad_period"}})
}
