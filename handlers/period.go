package handlers

import (
	"regexp"
	"strconv"
	"time"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/vntext"
)

// The periods, in Vietnam time: weeks run Monday to Sunday.

func dayOf(t time.Time) time.Time {
	y, m, d := t.In(vietnam).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, vietnam)
}

func weekOf(t time.Time) time.Time {
	d := dayOf(t)
	return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
}

func monthOf(t time.Time) time.Time {
	y, m, _ := t.In(vietnam).Date()
	return time.Date(y, m, 1, 0, 0, 0, 0, vietnam)
}

// periodOf is a period button's span as of now.
func periodOf(code string, now time.Time) storage.Period {
	today := dayOf(now)
	switch code {
	case "today":
		return storage.Period{From: today, To: today.AddDate(0, 0, 1)}
	case "yesterday":
		return storage.Period{From: today.AddDate(0, 0, -1), To: today}
	case "week":
		w := weekOf(now)
		return storage.Period{From: w, To: w.AddDate(0, 0, 7)}
	case "lastweek":
		w := weekOf(now)
		return storage.Period{From: w.AddDate(0, 0, -7), To: w}
	case "month":
		m := monthOf(now)
		return storage.Period{From: m, To: m.AddDate(0, 1, 0)}
	case "lastmonth":
		m := monthOf(now)
		return storage.Period{From: m.AddDate(0, -1, 0), To: m}
	case "year":
		y := time.Date(today.Year(), 1, 1, 0, 0, 0, 0, vietnam)
		return storage.Period{From: y, To: y.AddDate(1, 0, 0)}
	case "lastyear":
		y := time.Date(today.Year()-1, 1, 1, 0, 0, 0, 0, vietnam)
		return storage.Period{From: y, To: y.AddDate(1, 0, 0)}
	}
	return storage.Period{To: today.AddDate(0, 0, 1)} // from the beginning to the end of today
}

// LastWeek is the week (Monday to Sunday, Vietnam time) before the one now
// falls in: the weekly digest's period.
func LastWeek(now time.Time) storage.Period { return periodOf("lastweek", now) }

// Typed periods, folded (vntext.Fold: "Tuần trước" → "tuan truoc",
// "11/2026" → "11 2026").
var (
	periodWords = map[string]string{
		"hom nay": "today", "today": "today", "hom qua": "yesterday", "yesterday": "yesterday",
		"tuan nay": "week", "this week": "week", "tuan truoc": "lastweek", "last week": "lastweek",
		"thang nay": "month", "this month": "month", "thang truoc": "lastmonth", "last month": "lastmonth",
		"nam nay": "year", "this year": "year", "nam truoc": "lastyear", "nam ngoai": "lastyear", "last year": "lastyear",
		"tu dau": "all", "tat ca": "all", "all": "all", "all time": "all",
	}
	// A month with its year ("11/2026", "tháng 11 năm 2026"), or named
	// without it ("tháng 10"): the latest that has begun.
	periodMonth   = regexp.MustCompile(`^(?:thang |month )?(\d{1,2}) (?:nam |year )?(\d{4})$|^(?:thang|month) (\d{1,2})$`)
	periodYear    = regexp.MustCompile(`^(?:nam |year )?(\d{4})$`)
	periodQuarter = regexp.MustCompile(`^(?:q|quy|quarter) ?([1-4]) (?:nam |year )?(\d{4})$`)
	// Days and ranges may leave out years ("27/11", "1/11-15/11"): the
	// latest such day that is not in the future.
	periodDay   = regexp.MustCompile(`^(?:ngay )?(\d{1,2}) (\d{1,2})(?: (\d{4}))?$`)
	periodRange = regexp.MustCompile(`^(?:tu )?(\d{1,2}) (\d{1,2})(?: (\d{4}))? (?:den |to )?(\d{1,2}) (\d{1,2})(?: (\d{4}))?$`)
)

// parsePeriod reads a typed period; problem is the text id of what is
// wrong with it ("" when it is fine).
func parsePeriod(text string, now time.Time) (p storage.Period, problem string) {
	s := vntext.Fold(text)
	today := dayOf(now)
	// date reads a day; without its year, the latest such day up to today.
	date := func(d, m, y string) (time.Time, bool) {
		dd, _ := strconv.Atoi(d)
		mm, _ := strconv.Atoi(m)
		yy, _ := strconv.Atoi(y)
		if y == "" {
			yy = today.Year()
			if time.Date(yy, time.Month(mm), dd, 0, 0, 0, 0, vietnam).After(today) {
				yy--
			}
		}
		t := time.Date(yy, time.Month(mm), dd, 0, 0, 0, 0, vietnam)
		return t, t.Day() == dd && int(t.Month()) == mm && t.Year() == yy
	}
	if code, ok := periodWords[s]; ok {
		return periodOf(code, now), ""
	}
	switch m := []([]string){periodRange.FindStringSubmatch(s), periodDay.FindStringSubmatch(s), periodQuarter.FindStringSubmatch(s),
		periodMonth.FindStringSubmatch(s), periodYear.FindStringSubmatch(s)}; {
	case m[0] != nil:
		// A year left out is the other end's: the start's is the latest
		// such day up to today (or, when only the end has one, the end's);
		// the end's the start's, or the next year's for a range from
		// December into January ("15/12-10/1"). Same month, an end before
		// the start is a range typed backwards.
		d1, m1, y1, d2, m2, y2 := m[0][1], m[0][2], m[0][3], m[0][4], m[0][5], m[0][6]
		mm1, _ := strconv.Atoi(m1)
		mm2, _ := strconv.Atoi(m2)
		wraps := mm2 < mm1 // the end's month comes before the start's: into the next year
		if y1 == "" && y2 != "" {
			y, _ := strconv.Atoi(y2)
			if wraps {
				y--
			}
			y1 = strconv.Itoa(y)
		}
		from, ok1 := date(d1, m1, y1)
		if y2 == "" {
			y := from.Year()
			if wraps {
				y++
			}
			y2 = strconv.Itoa(y)
		}
		to, ok2 := date(d2, m2, y2)
		if !ok1 || !ok2 {
			return p, "tally.bad_period"
		}
		p = storage.Period{From: from, To: to.AddDate(0, 0, 1)}
	case m[1] != nil:
		d, ok := date(m[1][1], m[1][2], m[1][3])
		if !ok {
			return p, "tally.bad_period"
		}
		p = storage.Period{From: d, To: d.AddDate(0, 0, 1)}
	case m[2] != nil:
		q, _ := strconv.Atoi(m[2][1])
		y, _ := strconv.Atoi(m[2][2])
		from := time.Date(y, time.Month(3*q-2), 1, 0, 0, 0, 0, vietnam)
		p = storage.Period{From: from, To: from.AddDate(0, 3, 0)}
	case m[3] != nil:
		month, year := m[3][1], m[3][2]
		if m[3][3] != "" {
			month, year = m[3][3], ""
		}
		from, ok := date("1", month, year)
		if !ok {
			return p, "tally.bad_period"
		}
		p = storage.Period{From: from, To: from.AddDate(0, 1, 0)}
	case m[4] != nil:
		y, _ := strconv.Atoi(m[4][1])
		from := time.Date(y, 1, 1, 0, 0, 0, 0, vietnam)
		p = storage.Period{From: from, To: from.AddDate(1, 0, 0)}
	default:
		return p, "tally.bad_period"
	}
	switch {
	case !p.To.After(p.From):
		return storage.Period{}, "tally.period_reversed"
	case p.From.After(now):
		return storage.Period{}, "tally.period_future"
	case p.From.Year() < 2020:
		return storage.Period{}, "tally.period_too_old"
	}
	return p, ""
}

// periodLabel names a period for people, from its span: "tháng 11/2026",
// "tuần 23/11 – 29/11/2026", "01/11/2026 – 15/11/2026".
func periodLabel(t *locales.Localizer, p storage.Period) string {
	from, to := p.From.In(vietnam), p.To.In(vietnam)
	last := to.AddDate(0, 0, -1)
	switch periodKind(p) {
	case "all":
		return t.T("tally.label_all", locales.Data{"To": last.Format("02/01/2006")})
	case "day":
		return t.T("tally.label_day", locales.Data{"Day": from.Format("02/01/2006")})
	case "week":
		return t.T("tally.label_week", locales.Data{"From": from.Format("02/01"), "To": last.Format("02/01/2006")})
	case "month":
		return t.T("tally.label_month", locales.Data{"Month": from.Format("01/2006")})
	case "quarter":
		return t.T("tally.label_quarter", locales.Data{"Quarter": (int(from.Month()) + 2) / 3, "Year": from.Year()})
	case "year":
		return t.T("tally.label_year", locales.Data{"Year": from.Year()})
	}
	return t.T("tally.label_range", locales.Data{"From": from.Format("02/01/2006"), "To": last.Format("02/01/2006")})
}

// periodSlug is a period in a file name: "2026-11", "2026-q4", "2026",
// "2026-11-27", "2026-11-23_2026-11-29", "den-2026-11-27".
func periodSlug(p storage.Period) string {
	from, last := p.From.In(vietnam), p.To.In(vietnam).AddDate(0, 0, -1)
	switch periodKind(p) {
	case "all":
		return "den-" + last.Format("2006-01-02")
	case "day":
		return from.Format("2006-01-02")
	case "month":
		return from.Format("2006-01")
	case "quarter":
		return from.Format("2006") + "-q" + strconv.Itoa((int(from.Month())+2)/3)
	case "year":
		return from.Format("2006")
	}
	return from.Format("2006-01-02") + "_" + last.Format("2006-01-02")
}

// periodKind tells what span a period is, in Vietnam days.
func periodKind(p storage.Period) string {
	from, to := p.From.In(vietnam), p.To.In(vietnam)
	switch {
	case p.From.IsZero():
		return "all"
	case !from.Equal(dayOf(from)) || !to.Equal(dayOf(to)):
		return "range"
	case to.Equal(from.AddDate(0, 0, 1)):
		return "day"
	case from.Weekday() == time.Monday && to.Equal(from.AddDate(0, 0, 7)):
		return "week"
	case from.Day() == 1 && to.Equal(from.AddDate(0, 1, 0)):
		return "month"
	case from.Day() == 1 && (from.Month()-1)%3 == 0 && to.Equal(from.AddDate(0, 3, 0)):
		return "quarter"
	case from.YearDay() == 1 && to.Equal(from.AddDate(1, 0, 0)):
		return "year"
	}
	return "range"
}
