package handlers

import (
	"testing"
	"time"
)

// Typed periods with years left out: the latest that has begun, a range's
// end in its start's year (the next for December into January), a range
// typed backwards refused.
func TestParsePeriodYearsLeftOut(t *testing.T) {
	at := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 10, 0, 0, 0, vietnam) }
	for _, c := range []struct {
		text          string
		now           time.Time
		from, to, err string
	}{
		{"1/12-31/12", at(2026, 12, 15), "01/12/2026", "31/12/2026", ""},
		{"1/1-31/12", at(2026, 12, 15), "01/01/2026", "31/12/2026", ""},
		{"15/12-10/1", at(2027, 1, 5), "15/12/2026", "10/01/2027", ""},
		{"5/1-3/1", at(2027, 1, 5), "", "", "tally.period_reversed"},
		{"1/11/2026-15/11", at(2028, 3, 1), "01/11/2026", "15/11/2026", ""},
		{"15/12-10/1/2026", at(2026, 11, 27), "15/12/2025", "10/01/2026", ""},
		{"28/11", at(2026, 11, 27), "28/11/2025", "28/11/2025", ""},
		{"tháng 12", at(2026, 11, 27), "01/12/2025", "31/12/2025", ""},
		{"hôm qua", at(2026, 11, 27), "26/11/2026", "26/11/2026", ""},
	} {
		p, problem := parsePeriod(c.text, c.now)
		if problem != c.err {
			t.Errorf("%q on %s: problem %q, want %q", c.text, c.now.Format("02/01/2006"), problem, c.err)
			continue
		}
		if c.err != "" {
			continue
		}
		from, to := p.From.In(vietnam).Format("02/01/2006"), p.To.In(vietnam).AddDate(0, 0, -1).Format("02/01/2006")
		if from != c.from || to != c.to {
			t.Errorf("%q on %s: %s – %s, want %s – %s", c.text, c.now.Format("02/01/2006"), from, to, c.from, c.to)
		}
	}
}
