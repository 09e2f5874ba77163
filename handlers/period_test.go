package handlers

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/locales"
)

type periodCase struct {
	text          string
	now           time.Time
	from, to, err string // the first and last day, or the problem
}

func atVN(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 10, 0, 0, 0, vietnam) }

func checkPeriods(t *testing.T, cases []periodCase) {
	t.Helper()
	for _, c := range cases {
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

// Typed periods with years left out: the latest that has begun, a range's
// end in its start's year (the next for December into January), a range
// typed backwards refused.
func TestParsePeriodYearsLeftOut(t *testing.T) {
	at := atVN
	checkPeriods(t, []periodCase{
		{"1/12-31/12", at(2026, 12, 15), "01/12/2026", "31/12/2026", ""},
		{"1/1-31/12", at(2026, 12, 15), "01/01/2026", "31/12/2026", ""},
		{"15/12-10/1", at(2027, 1, 5), "15/12/2026", "10/01/2027", ""},
		{"5/1-3/1", at(2027, 1, 5), "", "", "tally.period_reversed"},
		{"1/11/2026-15/11", at(2028, 3, 1), "01/11/2026", "15/11/2026", ""},
		{"15/12-10/1/2026", at(2026, 11, 27), "15/12/2025", "10/01/2026", ""},
		{"28/11", at(2026, 11, 27), "28/11/2025", "28/11/2025", ""},
		{"tháng 12", at(2026, 11, 27), "01/12/2025", "31/12/2025", ""},
		{"hôm qua", at(2026, 11, 27), "26/11/2026", "26/11/2026", ""},
	})
}

// The forms coordinators type (docs/reports.md, "Periods"), with the same
// rules: a month, a quarter or a half without its year is the latest that
// has begun; "đến nay" and "từ …" alone run to the end of today.
func TestParsePeriodTypedForms(t *testing.T) {
	at := atVN
	now := at(2026, 11, 27) // a Friday
	checkPeriods(t, []periodCase{
		// Words, days, years.
		{"tất cả", now, "01/01/0001", "27/11/2026", ""},
		{"all time", now, "01/01/0001", "27/11/2026", ""},
		{"27/11/2026", now, "27/11/2026", "27/11/2026", ""},
		{"năm 2025", now, "01/01/2025", "31/12/2025", ""},
		{"2026", now, "01/01/2026", "31/12/2026", ""},
		{"2021-2025", now, "01/01/2021", "31/12/2025", ""},
		{"từ năm 2021 đến năm 2025", now, "01/01/2021", "31/12/2025", ""},
		{"năm 2024 - 2026", now, "01/01/2024", "31/12/2026", ""},
		{"from 2021 to 2025", now, "01/01/2021", "31/12/2025", ""},
		{"2025-2021", now, "", "", "tally.period_reversed"},
		{"2019-2026", now, "01/01/2019", "31/12/2026", ""}, // counted from the first case (fromFirstCase)
		{"2018-2019", now, "", "", "tally.period_too_old"},
		// Months.
		{"11/2026", now, "01/11/2026", "30/11/2026", ""},
		{"tháng 11 năm 2026", now, "01/11/2026", "30/11/2026", ""},
		{"T10/2026", now, "01/10/2026", "31/10/2026", ""},
		{"t10 2026", now, "01/10/2026", "31/10/2026", ""},
		{"tháng 10/2026", now, "01/10/2026", "31/10/2026", ""},
		{"thg 10/2026", now, "01/10/2026", "31/10/2026", ""},
		{"t11", now, "01/11/2026", "30/11/2026", ""},
		{"T.11", now, "01/11/2026", "30/11/2026", ""},
		{"thg 10", now, "01/10/2026", "31/10/2026", ""},
		{"Th10", now, "01/10/2026", "31/10/2026", ""},
		{"tháng10", now, "01/10/2026", "31/10/2026", ""},
		{"T12", now, "01/12/2025", "31/12/2025", ""},
		{"t1", now, "01/01/2026", "31/01/2026", ""},
		{"T2/2026", now, "01/02/2026", "28/02/2026", ""},
		{"tháng 10 năm nay", now, "01/10/2026", "31/10/2026", ""},
		{"tháng 10 năm ngoái", now, "01/10/2025", "31/10/2025", ""},
		{"tháng 12 năm nay", now, "", "", "tally.period_future"},
		{"T12/2026", now, "", "", "tally.period_future"},
		{"T13/2026", now, "", "", "tally.no_such_month"},
		{"29/2", now, "29/02/2024", "29/02/2024", ""}, // the last leap year's
		{"29/2-1/3", now, "29/02/2024", "01/03/2024", ""},
		{"31/11", now, "", "", "tally.no_such_date"},
		// From one month to another: years left out as in a range of days.
		{"từ tháng 9 đến tháng 11", now, "01/09/2026", "30/11/2026", ""},
		{"T9-T11", now, "01/09/2026", "30/11/2026", ""},
		{"tháng 9-11/2026", now, "01/09/2026", "30/11/2026", ""},
		{"T11-T1", at(2027, 1, 5), "01/11/2026", "31/01/2027", ""},
		{"từ tháng 9 đến tháng 5", now, "01/09/2026", "31/05/2027", ""}, // a school year
		// Quarters.
		{"quý 3", now, "01/07/2026", "30/09/2026", ""},
		{"Quý III", now, "01/07/2026", "30/09/2026", ""},
		{"quý IV", now, "01/10/2026", "31/12/2026", ""},
		{"quý 4", at(2026, 3, 10), "01/10/2025", "31/12/2025", ""},
		{"quý 3 năm 2026", now, "01/07/2026", "30/09/2026", ""},
		{"quý 3/2025", now, "01/07/2025", "30/09/2025", ""},
		{"Q3/2026", now, "01/07/2026", "30/09/2026", ""},
		{"q4/2026", now, "01/10/2026", "31/12/2026", ""},
		{"quý 1 năm ngoái", now, "01/01/2025", "31/03/2025", ""},
		{"quý 3 năm trước", now, "01/07/2025", "30/09/2025", ""},
		{"Q3 2026", now, "01/07/2026", "30/09/2026", ""},
		{"Q3 last year", now, "01/07/2025", "30/09/2025", ""},
		{"quarter 3", now, "01/07/2026", "30/09/2026", ""},
		{"quý này", now, "01/10/2026", "31/12/2026", ""},
		{"this quarter", now, "01/10/2026", "31/12/2026", ""},
		{"quý trước", now, "01/07/2026", "30/09/2026", ""},
		{"last quarter", now, "01/07/2026", "30/09/2026", ""},
		{"quý trước", at(2026, 2, 3), "01/10/2025", "31/12/2025", ""},
		{"quý 1 năm 2027", now, "", "", "tally.period_future"},
		{"quý 5", now, "", "", "tally.no_such_quarter"},
		// Halves.
		{"6 tháng đầu năm", now, "01/01/2026", "30/06/2026", ""},
		{"nửa đầu năm", now, "01/01/2026", "30/06/2026", ""},
		{"6 tháng cuối năm", now, "01/07/2026", "31/12/2026", ""},
		{"6 tháng cuối năm", at(2026, 3, 10), "01/07/2025", "31/12/2025", ""},
		{"nửa cuối năm 2025", now, "01/07/2025", "31/12/2025", ""},
		{"6 tháng đầu năm ngoái", now, "01/01/2025", "30/06/2025", ""},
		{"first half of 2026", now, "01/01/2026", "30/06/2026", ""},
		{"H1", now, "01/01/2026", "30/06/2026", ""},
		{"H2 2026", now, "01/07/2026", "31/12/2026", ""},
		{"nửa cuối năm", now, "01/07/2026", "31/12/2026", ""},
		{"second half", at(2026, 5, 2), "01/07/2025", "31/12/2025", ""},
		// Ranges of days, with their words.
		{"từ ngày 1/10 đến ngày 15/10", now, "01/10/2026", "15/10/2026", ""},
		{"từ 1/10 tới 15/10", now, "01/10/2026", "15/10/2026", ""},
		{"1/10 - 15/10", now, "01/10/2026", "15/10/2026", ""},
		{"1/10 đến hết ngày 15/10", now, "01/10/2026", "15/10/2026", ""},
		{"từ ngày 1 tháng 10 đến ngày 15 tháng 10 năm 2025", now, "01/10/2025", "15/10/2025", ""},
		{"from 1/10 to 15/10", now, "01/10/2026", "15/10/2026", ""},
		{"1/10 until 15/10", now, "01/10/2026", "15/10/2026", ""},
		{"ngày 1 tháng 10 năm 2026", now, "01/10/2026", "01/10/2026", ""},
		{"từ 15/10 đến 1/10", now, "", "", "tally.period_reversed"},
		// Up to today.
		{"từ đầu năm đến nay", now, "01/01/2026", "27/11/2026", ""},
		{"đầu năm đến nay", now, "01/01/2026", "27/11/2026", ""},
		{"từ đầu năm tới giờ", now, "01/01/2026", "27/11/2026", ""},
		{"từ đầu năm", now, "01/01/2026", "27/11/2026", ""},
		{"từ đầu năm nay đến nay", now, "01/01/2026", "27/11/2026", ""},
		{"từ đầu năm 2025 đến nay", now, "01/01/2025", "27/11/2026", ""},
		{"từ đầu quý đến nay", now, "01/10/2026", "27/11/2026", ""},
		{"từ đầu tháng đến nay", now, "01/11/2026", "27/11/2026", ""},
		{"từ đầu tuần đến nay", now, "23/11/2026", "27/11/2026", ""},
		{"từ đầu tháng 10 đến nay", now, "01/10/2026", "27/11/2026", ""},
		{"từ 1/10 đến nay", now, "01/10/2026", "27/11/2026", ""},
		{"từ 1/10 đến hôm nay", now, "01/10/2026", "27/11/2026", ""},
		{"từ 1/10", now, "01/10/2026", "27/11/2026", ""},
		{"kể từ 15/10", now, "15/10/2026", "27/11/2026", ""},
		{"từ tháng 9", now, "01/09/2026", "27/11/2026", ""},
		{"từ quý 3 đến nay", now, "01/07/2026", "27/11/2026", ""},
		{"year to date", now, "01/01/2026", "27/11/2026", ""},
		{"YTD", now, "01/01/2026", "27/11/2026", ""},
		{"quarter to date", now, "01/10/2026", "27/11/2026", ""},
		{"month to date", now, "01/11/2026", "27/11/2026", ""},
		{"MTD", now, "01/11/2026", "27/11/2026", ""},
		{"từ 1/10 tới nay", now, "01/10/2026", "27/11/2026", ""},
		{"từ đầu đến nay", now, "01/01/0001", "27/11/2026", ""},
		{"since 1/10", now, "01/10/2026", "27/11/2026", ""},
		{"from 1/10 to now", now, "01/10/2026", "27/11/2026", ""},
		{"1/10 to today", now, "01/10/2026", "27/11/2026", ""},
		{"1/1/2026 - nay", now, "01/01/2026", "27/11/2026", ""},
		{"1/10 – nay", now, "01/10/2026", "27/11/2026", ""},
		{"Q3 2026 - now", now, "01/07/2026", "27/11/2026", ""},
		{"từ 1/12/2026 đến nay", now, "", "", "tally.period_future"},
		{"ngày mai", now, "", "", "tally.period_future"},
		{"tuần sau", now, "", "", "tally.period_future"},
		{"Tháng tới", now, "", "", "tally.period_future"},
		{"next month", now, "", "", "tally.period_future"},
		{"quý sau", now, "", "", "tally.period_future"},
		{"năm sau", now, "", "", "tally.period_future"},
		{"tháng 3 năm sau", now, "", "", "tally.period_future"},
		{"Q1 next year", now, "", "", "tally.period_future"},
		// Refused on purpose: ambiguous, or not a period.
		{"Q3", now, "", "", "tally.bad_period"},    // Quận 3 to the commune search
		{"q 3", now, "", "", "tally.bad_period"},   // likewise
		{"T2", now, "", "", "tally.bad_period"},    // thứ hai as much as tháng 2
		{"t7", now, "", "", "tally.bad_period"},    // thứ bảy
		{"T2-T6", now, "", "", "tally.bad_period"}, // Monday to Friday
		{"đầu năm", now, "", "", "tally.bad_period"},
		{"6 tháng", now, "", "", "tally.bad_period"},
		{"đến nay", now, "01/01/0001", "27/11/2026", ""}, // since review 31B: as "đến 15/11", from the beginning
		{"quý", now, "", "", "tally.bad_period"},
		{"quy nhon", now, "", "", "tally.bad_period"},
	})
}

// The examples the period screen and its "not understood" answer give, in
// both languages, are periods.
func TestPeriodHintsParse(t *testing.T) {
	texts, err := locales.Load("vi", nil)
	if err != nil {
		t.Fatal(err)
	}
	now := atVN(2026, 11, 27)
	for _, lang := range []string{"vi", "en"} {
		l := texts.For(lang)
		_, choose, _ := strings.Cut(l.T("tally.choose_period", locales.Data{"Unit": "X"}), ": ")
		// After the examples, the words that say what a report is asked
		// by (review 35): each is read so, after a period.
		choose, by, _ := strings.Cut(choose, ". ")
		words := strings.Split(by, "“")[1:]
		if len(words) == 0 {
			t.Errorf("%s: the period screen names no words for what a report is asked by", lang)
		}
		for _, w := range words {
			w, _, _ = strings.Cut(w, "”")
			if _, by := splitBy("11/2026 " + w); by == "" {
				t.Errorf("%s: the period screen's %q is not read as what a report is asked by", lang, w)
			}
		}
		_, bad, _ := strings.Cut(l.T("tally.bad_period"), ": ")
		bad, _, _ = strings.Cut(bad, " – ")
		for _, list := range []string{strings.TrimSuffix(choose, "."), bad} {
			if list == "" {
				t.Errorf("%s: no examples found", lang)
			}
			for _, ex := range strings.Split(list, ", ") {
				if _, problem := parsePeriod(ex, now); problem != "" {
					t.Errorf("%s: the example %q gets %q", lang, ex, problem)
				}
			}
		}
	}
}

// A typed text that is not a period is read as a commune's name: no
// commune's name, current or old (with its old district), nor the end of
// one, may read as a period.
func TestPeriodsLeaveCommuneNames(t *testing.T) {
	now := atVN(2026, 11, 27)
	for _, file := range []string{"../storage/units/communes.csv", "../storage/units/ward_mappings.csv"} {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, r := range rows[1:] {
			for _, name := range r {
				words := strings.Fields(name)
				if len(words) == 1 && strings.Trim(name, "0123456789") == "" {
					continue // a code
				}
				for i := range words {
					s := strings.Join(words[i:], " ")
					if seen[s] {
						continue
					}
					seen[s] = true
					if _, problem := parsePeriod(s, now); problem != "tally.bad_period" {
						t.Errorf("%s: %q reads as a period (%q)", file, s, problem)
					}
				}
			}
		}
	}
}

// Whole years from one to another are named and filed as such.
func TestPeriodYearsLabel(t *testing.T) {
	texts, err := locales.Load("vi", nil)
	if err != nil {
		t.Fatal(err)
	}
	p, problem := parsePeriod("2021-2025", atVN(2026, 11, 27))
	if problem != "" {
		t.Fatal(problem)
	}
	if got := periodLabel(texts.For("vi"), p); got != "giai đoạn 2021 – 2025" {
		t.Errorf("label %q", got)
	}
	if got := periodLabel(texts.For("en"), p); got != "2021 – 2025" {
		t.Errorf("English label %q", got)
	}
	if got := periodSlug(texts.For("vi"), p); got != "2021-2025" {
		t.Errorf("slug %q", got)
	}
}
