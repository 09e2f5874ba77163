package handlers

import (
	"cmp"
	"regexp"
	"strconv"
	"strings"
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

func quarterOf(t time.Time) time.Time {
	y, m, _ := t.In(vietnam).Date()
	return time.Date(y, m-(m-1)%3, 1, 0, 0, 0, 0, vietnam)
}

// periodOf is a period button's span as of now (and a typed period word's).
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
	case "quarter":
		q := quarterOf(now)
		return storage.Period{From: q, To: q.AddDate(0, 3, 0)}
	case "lastquarter":
		q := quarterOf(now)
		return storage.Period{From: q.AddDate(0, -3, 0), To: q}
	case "year":
		y := time.Date(today.Year(), 1, 1, 0, 0, 0, 0, vietnam)
		return storage.Period{From: y, To: y.AddDate(1, 0, 0)}
	case "lastyear":
		y := time.Date(today.Year()-1, 1, 1, 0, 0, 0, 0, vietnam)
		return storage.Period{From: y, To: y.AddDate(1, 0, 0)}
	case "daybefore":
		return storage.Period{From: today.AddDate(0, 0, -2), To: today.AddDate(0, 0, -1)}
	case "weekbefore":
		w := weekOf(now)
		return storage.Period{From: w.AddDate(0, 0, -14), To: w.AddDate(0, 0, -7)}
	case "monthbefore":
		m := monthOf(now)
		return storage.Period{From: m.AddDate(0, -2, 0), To: m.AddDate(0, -1, 0)}
	case "quarterbefore":
		q := quarterOf(now)
		return storage.Period{From: q.AddDate(0, -6, 0), To: q.AddDate(0, -3, 0)}
	case "yearbefore":
		y := time.Date(today.Year()-2, 1, 1, 0, 0, 0, 0, vietnam)
		return storage.Period{From: y, To: y.AddDate(1, 0, 0)}
	case "tomorrow":
		return storage.Period{From: today.AddDate(0, 0, 1), To: today.AddDate(0, 0, 2)}
	case "nextweek":
		w := weekOf(now).AddDate(0, 0, 7)
		return storage.Period{From: w, To: w.AddDate(0, 0, 7)}
	case "nextmonth":
		m := monthOf(now).AddDate(0, 1, 0)
		return storage.Period{From: m, To: m.AddDate(0, 1, 0)}
	case "nextquarter":
		q := quarterOf(now).AddDate(0, 3, 0)
		return storage.Period{From: q, To: q.AddDate(0, 3, 0)}
	case "nextyear":
		y := time.Date(today.Year()+1, 1, 1, 0, 0, 0, 0, vietnam)
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
		"quy nay": "quarter", "this quarter": "quarter", "quy truoc": "lastquarter", "last quarter": "lastquarter",
		"nam nay": "year", "this year": "year", "nam truoc": "lastyear", "nam ngoai": "lastyear", "last year": "lastyear",
		"tu dau": "all", "tat ca": "all", "all": "all", "all time": "all",
		// The one just past ("tuần qua", "tháng vừa qua", "quý vừa rồi"):
		// the last. Else "qua" begins "Quảng": "tuần qua" found Phường
		// Tuần Châu, Quảng Ninh, outside the scope.
		"tuan qua": "lastweek", "tuan vua qua": "lastweek", "tuan vua roi": "lastweek",
		"thang qua": "lastmonth", "thang vua qua": "lastmonth", "thang vua roi": "lastmonth",
		"quy qua": "lastquarter", "quy vua qua": "lastquarter", "quy vua roi": "lastquarter",
		"nam qua": "lastyear", "nam vua qua": "lastyear", "nam vua roi": "lastyear",
		// As the South says it: "tuần rồi", "tháng rồi".
		"tuan roi": "lastweek", "thang roi": "lastmonth", "quy roi": "lastquarter", "nam roi": "lastyear",
		// The one before the last ("hôm kia", "tuần trước nữa", "năm kia").
		"hom kia": "daybefore", "day before yesterday": "daybefore",
		"tuan truoc nua": "weekbefore", "week before last": "weekbefore",
		"thang truoc nua": "monthbefore", "month before last": "monthbefore",
		"quy truoc nua": "quarterbefore", "quarter before last": "quarterbefore",
		"nam truoc nua": "yearbefore", "nam kia": "yearbefore", "year before last": "yearbefore",
		// Periods to come: answered as such (tally.period_future), not as
		// a text not understood.
		"ngay mai": "tomorrow", "tomorrow": "tomorrow", "tuan sau": "nextweek", "tuan toi": "nextweek", "next week": "nextweek",
		"thang sau": "nextmonth", "thang toi": "nextmonth", "next month": "nextmonth",
		"quy sau": "nextquarter", "quy toi": "nextquarter", "next quarter": "nextquarter",
		"nam sau": "nextyear", "nam toi": "nextyear", "next year": "nextyear",
	}
	// A year named in words after what it is the year of ("quý 3 năm
	// nay", "tháng 10 năm ngoái", "Q3 last year"): written as its number.
	periodYearWords = regexp.MustCompile(`\b(?:nam (?:nay|ngoai|truoc|sau|vua qua|vua roi|qua|roi)|(?:this|last|next) year)\b`)
	// The words of the report before its period ("báo cáo tháng 11",
	// "thống kê quý 3", "sơ kết 6 tháng đầu năm", "report for last
	// month"): left out.
	// "Kỳ báo cáo:", "Period:" and "giai đoạn" (the spreadsheet's title
	// line and the label of years) too.
	// The words of a period asked politely, before it ("cho mình xem",
	// "xem", "show me"; asked as a favour, "cho em xin", "xin", "em xin",
	// "gửi em", "gửi mình", "gửi": until review 22 not read) and after it
	// ("ạ", "nhé", "với", "please"): left out.
	periodPoliteLead = regexp.MustCompile(`^(?:(?:cho|gui(?: cho)?) ` + politeWho + `(?: (?:xem|xin))?|(?:` + politeWho + ` )?xin(?: cho ` + politeWho + `)?|xem|gui|show me|please) (.+)$`)
	periodPoliteTail = regexp.MustCompile(`^(.+?)(?: (?:` + politeWords + `))+$`)
	// Only polite words (monthsYearOnce: what may follow months).
	periodPoliteOnly = regexp.MustCompile(`^(?:` + politeWords + `)(?: (?:` + politeWords + `))*$`)
	periodLead       = regexp.MustCompile(`^(?:bao cao|thong ke|so lieu|so ket|tong ket|ky bao cao|giai doan|report|tally|figures|period)(?: (?:for|of))? (.+)$`)
	// The cumulative total of reports ("lũy kế từ đầu năm", "lũy kế từ
	// 1/10"): since what is named. "Lũy kế" alone, or up to a day, says
	// not from when: no period.
	periodCumulative = regexp.MustCompile(`^luy ke ((?:tu|ke tu) .+)$`)
	// A period as the bot writes it (periodLabel, periodAsOf), copied back
	// from a report or a digest: up to when a running one was counted
	// said after it ("tháng 12/2026 (tính đến 10:30 ngày 10/12/2026)",
	// left out: the period is the one named), a week as its days ("tuần
	// 23/11 – 29/11/2026"), from the beginning to a day ("từ đầu đến
	// 01/12/2026"; "đến 15/11", "until 15/11" too, as "từ 1/11" runs from
	// a day to today).
	periodAsOfNote = regexp.MustCompile(`\s*\(([^()]*\d{1,2}:\d{2}[^()]*)\)\s*$`)
	periodWeekDays = regexp.MustCompile(`^(?:tuan|week) (.+)$`)
	periodAllTo    = regexp.MustCompile(`^(?:(?:tu dau|all time) (?:den|toi|to|until)|den|toi|until)(?: het)? (.+)$`)
	// A month by its English name alone, only by its full name
	// ("november": the latest that has begun), written "month 11" for
	// periodMonth; with its year ("November 2026", "Nov. 2026", "Sept
	// 2026") englishMonths writes it in figures.
	periodMonthNameAlone = regexp.MustCompile(`^(january|february|march|april|june|july|august|september|october|november|december)$`)
	// A month with its year ("11/2026", "tháng 11 năm 2026", "T10/2026",
	// "thg 10/2026"), or named without it ("tháng 10", "t11", "thg 10"):
	// the latest that has begun. "T2" to "T7" ("Th2"…) alone are weekdays
	// (thứ hai to thứ bảy) as much as months: refused.
	periodMonth = regexp.MustCompile(`^(?:(?:thang|thg|th|t|month) ?)?(\d{1,2}) (?:nam |year |of )?(\d{4})$|^(thang|thg|th|t|month) ?(\d{1,2})$`)
	// Months from one to another ("từ tháng 9 đến tháng 11", "T9-T11",
	// "tháng 9-11/2026"), years left out as in a range of days.
	periodMonths = regexp.MustCompile(`^(?:tu )?(thang|thg|th|t) ?(\d{1,2})(?: (?:nam )?(\d{4}))? (?:(?:den|toi|to|until)(?: het)? )?(?:(?:thang|thg|th|t) ?)?(\d{1,2})(?: (?:nam )?(\d{4}))?$`)
	// Months from one to another each written with its year, as a month
	// alone is ("9/2026 - 11/2026", "từ 12/2025 đến 2/2026"): no word
	// needed, the years tell them from days.
	periodMonthsYears = regexp.MustCompile(`^(?:tu |from )?(\d{1,2}) (\d{4}) (?:(?:den|toi|to|until)(?: het)? )?(\d{1,2}) (\d{4})$`)
	// A school year ("năm học 2025-2026", "năm học 2025-26", "school year
	// 2025-2026"): from the opening day, 5 September, to 31 May; with its
	// days after it as its label writes them ("năm học 2025 – 2026
	// (05/09/2025 – 31/05/2026)"). Named by where it stands ("năm học
	// này", the latest that has begun; "năm học trước", the one before;
	// "năm học vừa qua", the latest that has ended).
	periodSchoolYear      = regexp.MustCompile(`^(?:nam hoc|school year) (\d{4}) (\d{2}|\d{4})(?: (.+))?$`)
	periodSchoolYearNamed = regexp.MustCompile(`^(?:nam hoc (nay|truoc|vua qua|vua roi|qua|roi)|(this|last) school year)$`)
	periodYear            = regexp.MustCompile(`^(?:ca nam |nam |year |whole year |full year )?(\d{4})$`) // "cả năm 2026", "whole year 2026" too
	// Years from one to another, both whole ("2021-2025", "từ năm 2021
	// đến năm 2025", "from 2021 to 2025").
	periodYears = regexp.MustCompile(`^(?:tu |from )?(?:nam |years? )?(\d{4}) (?:(?:den|toi|to|until)(?: het)? )?(?:nam |year )?(\d{4})$`)
	// A quarter, in figures or Roman ("q4/2026", "quý 3", "quý III", "quý
	// 3 năm 2026"); without its year the latest that has begun. A bare
	// "Q3" is Quận 3 to the commune search (storage.unitShortForms): a
	// quarter needs its year after "q" here (the tally flow reads it as
	// the quarter when no commune the user may count has that name:
	// bareQuarter), or a zero before its number ("Q04": no commune's
	// name), or "vừa qua" after it ("Q3 vừa qua": readJustPast).
	// Quarters from one to another ("Q3/2026 - Q4/2026", "từ quý 4/2025
	// đến quý 1/2026", "quý 2 đến quý 3 năm 2026"), a year left out as in
	// months from one to another.
	periodQuarters = regexp.MustCompile(`^(?:tu |from )?(q|quy|quarter) ?(0?\d|i{1,3}|iv)(?: (?:nam |year )?(\d{4}))? (?:(?:den|toi|to|until)(?: het)? )?(q|quy|quarter) ?(0?\d|i{1,3}|iv)(?: (?:nam |year )?(\d{4}))?$`)
	periodQuarter  = regexp.MustCompile(`^(q|quy|quarter) ?(0?\d|i{1,3}|iv)(?: (?:nam |year )?(\d{4}))?$`)
	// Half a year ("nửa cuối năm 2025", "H1", "first half of 2026");
	// without its year the latest that has begun.
	// "Nửa năm đầu", "nửa năm cuối" too.
	periodHalf = regexp.MustCompile(`^(?:nua (dau|cuoi) nam|nua nam (dau|cuoi)|(first|second) half|h([12]))(?: (?:nam |year |of )?(\d{4}))?$`)
	// The first or last months of a year, as offices report them ("6
	// tháng đầu năm", "9 tháng đầu năm 2026", "3 tháng cuối năm", "first
	// 9 months of 2026"); without its year the latest that has begun.
	periodMonthsOfYear = regexp.MustCompile(`^(?:(\d{1,2}) thang (dau|cuoi) nam|first (\d{1,2}) months)(?: (?:nam |year |of )?(\d{4}))?$`)
	// Days and ranges may leave out years ("27/11", "1/11-15/11"): the
	// latest such day that is not in the future. A day may be written out
	// ("ngày 1 tháng 10 năm 2026"), a range with its words ("từ ngày 1/10
	// đến hết ngày 15/10", "from 1/10 to 15/10").
	periodDay   = regexp.MustCompile(`^` + dayPattern + `$`)
	periodRange = regexp.MustCompile(`^(?:tu |from )?` + dayPattern + ` (?:(?:den|toi|to|until)(?: het)? )?` + dayPattern + `$`)
	// Days of one month, its month and year written once: "1-30/11",
	// "từ ngày 1 đến ngày 15/11/2026", "from 1 to 15/11".
	periodDaysOfMonth = regexp.MustCompile(`^(?:tu |from )?(?:ngay )?(\d{1,2}) (?:(?:den|toi|to|until)(?: het)? )?` + dayPattern + `$`)
	// Up to today: "từ 1/10 đến nay", "từ đầu năm đến nay", "đầu quý tới
	// giờ", "từ tháng 9", "kể từ 15/10", "since 1/10", "from Q3 2026 to
	// now": from the start of what is named (a day, a period, the start of
	// one) to the end of today.
	// A dash does the same after a date or a year ("1/1/2026 - nay": the
	// dash folds to a space; "tháng nay" is a period word; without the
	// dash, "tháng 11 này" is this year's: periodThis).
	// "Hiện tại", "hiện nay", "thời điểm hiện tại" as reports write it.
	periodToNow = regexp.MustCompile(`^(.+) (?:den|toi|to|until)(?: het)? (?:nay|hom nay|bay gio|gio|now|today|(?:thoi diem )?hien (?:tai|nay))$|^(.+\d) (?:nay|hom nay|now|today|hien (?:tai|nay))$`)
	periodThis  = regexp.MustCompile(`^(.+\d) nay$`)
	// Now, as "đến nay" names it ("đến nay", "đến hôm nay", "until
	// today"): from the beginning to the end of today, as "đến 15/11" is
	// to the end of that day (periodAllTo).
	periodNow   = regexp.MustCompile(`^(?:nay|hom nay|bay gio|gio|now|today|(?:thoi diem )?hien (?:tai|nay))$`)
	periodSince = regexp.MustCompile(`^(?:tu|ke tu|since|from) (.+)$`)
	// "đầu năm", "đầu quý"…: the start of the current one ("đầu" alone:
	// the beginning).
	periodStarts = map[string]string{"dau": "all", "dau nam": "year", "dau quy": "quarter", "dau thang": "month", "dau tuan": "week"}
	periodToDate = map[string]string{
		"year to date": "year", "ytd": "year", "quarter to date": "quarter", "qtd": "quarter",
		"month to date": "month", "mtd": "month", "week to date": "week",
	}
	// oldSpelling is a word of the periods written, folded, with the i many
	// still write for y ("quí" for quý, "kì báo cáo" for kỳ).
	oldSpelling = regexp.MustCompile(`\b(qu|k)i(\b|\d)`)
	// A month or a quarter just past: "tháng 11 vừa qua", "quý 3 vừa rồi".
	periodJustPast = regexp.MustCompile(`^(.+) vua (?:qua|roi)$`)
	periodYearOnly = regexp.MustCompile(`^nam \d{4}$`)
	romanQuarters  = map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4}
	// The last days, today among them: "7 ngày qua", "30 ngày gần đây",
	// "last 7 days". Without "qua" ("7 ngày") it is no period.
	periodLastDays = regexp.MustCompile(`^(?:(\d{1,4}) ngay (?:qua|vua qua|vua roi|gan day|gan nhat)|(?:last|past) (\d{1,4}) days)$`)
	// The last whole months, the one running left out as "tháng vừa qua"
	// leaves it out: "3 tháng vừa qua", "6 tháng gần đây", "last 3
	// months" on 1 December are September to November.
	periodLastMonths = regexp.MustCompile(`^(?:(\d{1,2}) thang (?:qua|vua qua|vua roi|gan day|gan nhat)|(?:last|past) (\d{1,2}) months)$`)
	// The last whole weeks, the one running left out as "tuần qua" leaves
	// it out: "2 tuần qua", "4 tuần gần đây", "last 2 weeks" on Wednesday 2
	// December are 16 to 29 November.
	periodLastWeeks = regexp.MustCompile(`^(?:(\d{1,2}) tuan (?:qua|vua qua|vua roi|gan day|gan nhat)|(?:last|past) (\d{1,2}) weeks)$`)
	// This month or this quarter of another year, as reports compare them
	// ("tháng này năm ngoái", "this quarter last year": the year written
	// as its number first, periodYearWords).
	periodThisOfYear = regexp.MustCompile(`^(thang nay|this month|quy nay|this quarter) nam (\d{4})$`)
	// Dates written before folding: ISO ("2026-11-01", "2026-11") and
	// years in two figures ("27/11/26", "11/26", "T11/26", "Q3/26"),
	// rewritten as the forms below read them (shortYears).
	isoDay     = regexp.MustCompile(`(^|[^\d/.-])(\d{4})-(\d{1,2})-(\d{1,2})($|[^\d/.-])`)
	isoMonth   = regexp.MustCompile(`(^|[^\d/.-])(\d{4})-(0[1-9]|1[0-2])($|[^\d/.-])`)
	shortDay   = regexp.MustCompile(`(^|[^\d/.])(\d{1,2})([/.])(\d{1,2})([/.])(\d{2})($|[^\d/.])`)
	shortMonth = regexp.MustCompile(`(^|[^\d/.\pL])((?:tháng|thang|thg|th|t|quý|quy|q) ?)?(\d{1,2})[/.](\d{2})($|[^\d/.])`)
	// A year in two figures after an English day, a comma or a space
	// before it, not a dash ("Nov 2, 26", "1 Nov '26"; "Nov 2-26" is days),
	// from 20 on: the bot has no figures before 2020 ("Nov 1 15" is days):
	// shortEnglishYears.
	shortEngYear = regexp.MustCompile(`\b((?:` + monthNames + `)\.? \d{1,2}|\d{1,2} (?:` + monthNames + `)\.?)(?:, ?| )'?([2-9]\d)\b`)
	// What may not follow such a year: another number, a month's name
	// ("1 nov 15 nov": days).
	notAfterShortYear = regexp.MustCompile(`^\s*(?:[\d/.'-]|(?:` + monthNames + `)\b)`)
	// Months of one year, the year written once and no word before them
	// ("9-11/2026", "10–11/26"): a dash, then a slash (monthsYearOnce);
	// a year in two figures only where it is no month ("1-7/12" is days).
	monthsNoWord  = regexp.MustCompile(`^((?:.*\s)?\(?)(\d{1,2})\s*[-–—]\s*(\d{1,2})\s*/\s*(\d{2}|\d{4})([^\d/]*)$`)
	monthWordLast = regexp.MustCompile(`(?:^|\s)(?:thang|thg|th|t|month|ngay|quy|q|quarter|tuan|week)$`)
)

// monthsYearOnce writes months of one year with the year once and no word
// before them as "tháng" writes them: "9-11/2026" → "tháng 9-11/2026"
// (September to November), as "1-15/11" is days of one month. Folded, the
// dash and the slash are alike, and "9 11 2026" was the day 9/11/2026. A
// date written with one kind of mark ("09-11-2026", "9/11/2026"), and
// numbers after a word that says what they are ("tháng 9-11/2026", "quý
// 1-2/2026"), are left as they are. Marks and polite words may follow
// ("9-11/2026 nhé", "(9-11/2026)."), not other words.
//
// Without the word, a day typed with mixed marks is as likely: months are
// read only in their order ("2-1/2026" is 2 January, "tháng 12-1/2026"
// December to January), and not with a zero before the first ("09-11/2026"
// is 9 November: a zero pads a date's day, "09/11/2026", "09-11-2026";
// "tháng 09-11/2026" is still the months).
func monthsYearOnce(text string) string {
	m := monthsNoWord.FindStringSubmatch(text)
	if m == nil || monthWordLast.MatchString(vntext.Fold(m[1])) || strings.HasPrefix(m[2], "0") {
		return text
	}
	if tail := vntext.Fold(m[5]); tail != "" && !periodPoliteOnly.MatchString(tail) {
		return text
	}
	first, _ := strconv.Atoi(m[2])
	last, _ := strconv.Atoi(m[3])
	if first < 1 || first > last || last > 12 {
		return text
	}
	if yy, _ := strconv.Atoi(m[4]); yy <= 12 {
		return text // days of a month: "1-7/12" is 1 to 7 December
	}
	return m[1] + "tháng " + m[2] + "-" + m[3] + "/" + m[4] + m[5]
}

// shortYears rewrites, in a typed period (lower case, before folding), an
// ISO day or month as a day or month is typed here ("2026-11-01" →
// "01/11/2026", "2026-11" → "tháng 11/2026") and a year in two figures in
// full: "27/11/26" → "27/11/2026"; after a month's or a quarter's word,
// "T11/26" → "T11/2026", "Q3/26" → "Q3/2026"; alone only where the second
// number is no month, "11/26" → "tháng 11/2026" ("5/12" stays 5 December).
func shortYears(text string) string {
	text = shortEnglishYears(text)
	for range 4 { // each pass rewrites every other one of two side by side ("1/10/26-15/10/26")
		s := isoDay.ReplaceAllString(text, "${1}${4}/${3}/${2}${5}")
		s = isoMonth.ReplaceAllString(s, "${1}tháng ${3}/${2}${4}")
		s = shortDay.ReplaceAllString(s, "${1}${2}${3}${4}${5}20${6}${7}")
		s = shortMonth.ReplaceAllStringFunc(s, func(w string) string {
			m := shortMonth.FindStringSubmatch(w)
			word := m[2]
			if word == "" {
				if yy, _ := strconv.Atoi(m[4]); yy <= 12 {
					return w // a day and its month: "15/10"
				}
				word = "tháng "
			}
			return m[1] + word + m[3] + "/20" + m[4] + m[5]
		})
		if s == text {
			break
		}
		text = s
	}
	return text
}

// politeWho are the words the asker calls themselves in a period asked
// politely, folded: "cho mình", "cho em", "gửi tôi".
const politeWho = `(?:minh|em|toi|to|anh|chi)`

// politeWords are the words of a period asked politely after it, folded:
// "ạ", "nhé", "với", "please".
const politeWords = `voi|nhe|nha|nhen|nhi|a|please`

// shortEnglishYears writes in full, in a typed period (lower case, before
// folding), a year in two figures after an English day: "nov 2, 26" →
// "nov 2, 2026", "1 nov '26" → "1 nov 2026". Folded, "nov 2 26" would be
// days 2 to 26 of November, "1 nov 26" the day 1 of a month 26.
func shortEnglishYears(text string) string {
	var b strings.Builder
	for {
		m := shortEngYear.FindStringSubmatchIndex(text)
		if m == nil {
			return b.String() + text
		}
		if notAfterShortYear.MatchString(text[m[1]:]) {
			b.WriteString(text[:m[1]])
		} else {
			b.WriteString(text[:m[0]] + text[m[2]:m[3]] + " 20" + text[m[4]:m[5]])
		}
		text = text[m[1]:]
	}
}

// monthNames are the English months' names and short names, folded, in
// the order of monthNumbers.
const monthNames = `january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec`

// English months' names in a folded period, with a day's number before
// or after them ("1 nov", "nov 1") or on their own ("oct nov 2026").
var (
	engDayMonth  = regexp.MustCompile(`\b(\d{1,2}) (` + monthNames + `)\b`)
	engMonthDay  = regexp.MustCompile(`\b(` + monthNames + `) (\d{1,2})\b`)
	engMonthDays = regexp.MustCompile(`\b(` + monthNames + `) (\d{1,2}) (\d{1,2})((?: \d{4})?)$`) // "Nov 1-15", "Nov 1-15, 2026"
	engMonth     = regexp.MustCompile(`\b(` + monthNames + `)\b`)
)

// englishMonths writes the English months' names of a folded period s in
// figures, as the forms below read them: a day's month as its number ("1
// nov", "nov 1" → "1 11": "1 Nov - 15 Nov", "since 1 November"; "nov 1
// 15" → "1 15 11": "November 1-15"), another
// as a month's word and number ("oct nov 2026" → "thang 10 thang 11 2026":
// "Oct - Nov 2026", "October to November"). A name alone is left to
// readSpan (periodMonthNameAlone: "november", not "nov"); so is one that
// lower, the text as typed, does not hold as such ("máy", folded "may").
func englishMonths(s, lower string) string {
	if !engMonth.MatchString(s) || engMonth.FindString(s) == s {
		return s
	}
	typedNames := map[string]bool{}
	for _, name := range engMonth.FindAllString(lower, -1) {
		typedNames[name] = true
	}
	typed := func(name string) bool { return typedNames[name] }
	// numbered writes each match of re, a day's number and a month's
	// name typed as such, as "day month-number".
	numbered := func(re *regexp.Regexp, day, month int) func(string) string {
		return func(s string) string {
			return re.ReplaceAllStringFunc(s, func(w string) string {
				m := re.FindStringSubmatch(w)
				if !typed(m[month]) {
					return w
				}
				return m[day] + " " + strconv.Itoa(monthNumbers[m[month]])
			})
		}
	}
	dayMonth, monthDay := numbered(engDayMonth, 1, 2), numbered(engMonthDay, 2, 1)
	if m := engMonthDays.FindStringSubmatch(s); m != nil && typed(m[1]) { // "nov 1 15": days of November
		s = s[:len(s)-len(m[0])] + m[2] + " " + m[3] + " " + strconv.Itoa(monthNumbers[m[1]]) + m[4]
	}
	// The first name tells the order: "1 nov 15 nov" (a number before it),
	// "nov 1 nov 15".
	if dm := engDayMonth.FindStringIndex(s); dm != nil && dm[1] == engMonth.FindStringIndex(s)[1] {
		s = monthDay(dayMonth(s))
	} else {
		s = dayMonth(monthDay(s))
	}
	return engMonth.ReplaceAllStringFunc(s, func(w string) string {
		if !typed(w) {
			return w
		}
		return "thang " + strconv.Itoa(monthNumbers[w])
	})
}

// Months named in words, as typed in lower case, with their marks or
// none ("tháng mười một", "thang muoi mot", "tháng giêng", "tháng chạp"):
// monthsInWords writes them in figures. Marked otherwise they are other
// words: "Thắng Nam", "Thắng Tam" are communes' names; "tháng sau" (or
// "thang sau") is next month, "tháng sáu" June.
var (
	monthWord = regexp.MustCompile(`(^|[^\pL\d])(?:tháng|thang) (mười một|muoi mot|mười hai|muoi hai|mười|muoi|một|mot|giêng|gieng|hai|ba|tư|tu|bốn|bon|năm|nam|sáu|bảy|bẩy|bay|tám|tam|chín|chin|chạp|chap)($|[^\pL\d])`)
	// What "tháng năm" may not be followed by for it to be May: "tháng
	// năm nay", "tháng năm ngoái" may be "tháng này năm nay", "tháng này
	// năm ngoái" (not understood, never a wrong month); "tháng năm 2026",
	// "tháng năm năm ngoái", "tháng năm vừa qua" are May.
	// "tháng năm nay", "tháng năm này" are this year's May, as "tháng 5
	// này" is: "nay" binds to a month as to any time (until review 32B
	// they were not understood). "Ngoái" binds to no month: "tháng năm
	// ngoái" lacks the month's number.
	notMay = regexp.MustCompile(`^\s*(?:ngoái|ngoai|trước|truoc|sau|qua|rồi|roi|học|hoc|kia)(?:$|[^\pL])`)
	// A month past the twelfth named in words ("tháng mười ba", "thang
	// muoi lam", "tháng hai mươi"): written in figures ("tháng 13"), the
	// month the calendar lacks (noSuchMonth). Until review 32B "tháng
	// mười ba" was October and a word "ba" left over, which /tally's
	// screen searched as a commune's name. "Mười năm" stays October and
	// a year ("tháng mười năm 2025"); "tu" without its marks may be "từ"
	// (from), and is left as it was; "thang muoi sau" is the sixteenth
	// (no "tháng mười sau" is written for a later October).
	monthWordBeyond = regexp.MustCompile(`(^|[^\pL\d])((?:tháng|thang) )(?:(?:mười|muoi) (ba|bốn|bon|tư|lăm|lam|sáu|sau|bảy|bẩy|bay|tám|tam|chín|chin)|(hai|ba) (?:mươi|muoi))($|[^\pL\d])`)
	// A quarter in words ("quý ba", "quy bon", "quí tư"): quartersInWords.
	// A quarter past the fourth in words ("quý sáu", "quý tám"): written
	// in figures, the quarter the calendar lacks (noSuchQuarter). Until
	// review 32B "quý sáu" was "quy sau" folded, next quarter: "not
	// started yet". "Quý sau" unmarked stays next quarter, "quý năm" not
	// understood ("quý năm nay"?).
	quarterWordBeyond = regexp.MustCompile(`(^|[^\pL\d])((?:quý|quy|quí|qui) )(sáu|bảy|bẩy|bay|tám|tam|chín|chin|mười|muoi)($|[^\pL\d])`)
	quarterWord       = regexp.MustCompile(`(^|[^\pL\d])(?:quý|quy|quí|qui) (một|mot|hai|ba|bốn|bon|tư|tu)($|[^\pL\d])`)
	// "last November", "this Nov": the latest such month that has ended,
	// this year's.
	engLastThisMonth = regexp.MustCompile(`^(last|this) (` + monthNames + `)$`)
)

// monthWords numbers the months named in words, folded.
var monthWords = map[string]int{
	"mot": 1, "gieng": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6, "bay": 7,
	"tam": 8, "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12, "chap": 12,
}

// monthsInWords writes the months a typed period (lower case, before
// folding) names in words in figures, as the forms below read them:
// "tháng mười một năm ngoái" → "tháng 11 năm ngoái", "từ tháng chín đến
// tháng mười một" → "từ tháng 9 đến tháng 11".
func monthsInWords(text string) string {
	text = vntext.NFC(monthWordBeyond.ReplaceAllStringFunc(vntext.NFC(text), func(w string) string {
		m := monthWordBeyond.FindStringSubmatch(w)
		n := 10 + cmp.Or(monthWords[vntext.Fold(m[3])], 5) // "lăm": five
		if m[4] != "" {
			n = 10 * monthWords[vntext.Fold(m[4])]
		}
		return m[1] + m[2] + strconv.Itoa(n) + m[5]
	}))
	var b strings.Builder
	for {
		m := monthWord.FindStringSubmatchIndex(text)
		if m == nil {
			return b.String() + text
		}
		word := vntext.Fold(text[m[4]:m[5]])
		if word == "nam" && notMay.MatchString(text[m[5]:]) {
			b.WriteString(text[:m[5]])
		} else {
			b.WriteString(text[:m[0]] + text[m[2]:m[3]] + "tháng " + strconv.Itoa(monthWords[word]))
		}
		text = text[m[5]:] // the word ended: each pass moves on
	}
}

// quarterWords numbers the quarters named in words, folded.
var quarterWords = map[string]int{"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4}

// quartersInWords writes the quarters a typed period (lower case, before
// folding) names in words in figures, as months in words are
// (monthsInWords): "quý ba năm ngoái" → "quý 3 năm ngoái".
func quartersInWords(text string) string {
	text = quarterWordBeyond.ReplaceAllStringFunc(vntext.NFC(text), func(w string) string {
		m := quarterWordBeyond.FindStringSubmatch(w)
		return m[1] + m[2] + strconv.Itoa(monthWords[vntext.Fold(m[3])]) + m[4]
	})
	var b strings.Builder
	for {
		m := quarterWord.FindStringSubmatchIndex(text)
		if m == nil {
			return b.String() + text
		}
		b.WriteString(text[:m[0]] + text[m[2]:m[3]] + "quý " + strconv.Itoa(quarterWords[vntext.Fold(text[m[4]:m[5]])]))
		text = text[m[5]:]
	}
}

// lastThisMonth writes an English month named with "last" or "this" as
// the forms below read it: "last november" → "thang 11 vua qua", "this
// nov" → "thang 11 nam nay". lower is the text as typed, in lower case
// ("last máy" is no May).
func lastThisMonth(s, lower string) string {
	m := engLastThisMonth.FindStringSubmatch(s)
	if m == nil || !strings.Contains(lower, m[2]) {
		return s
	}
	month := "thang " + strconv.Itoa(monthNumbers[m[2]])
	if m[1] == "last" {
		return month + " vua qua"
	}
	return month + " nam nay"
}

// monthNumbers numbers the English months' names and short names.
var monthNumbers = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
	"june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

// dayPattern is a day, its year optional: "27 11", "27 11 2026", "ngay 27
// thang 11 nam 2026".
const dayPattern = `(?:ngay )?(\d{1,2}) (?:thang )?(\d{1,2})(?: (?:nam )?(\d{4}))?`

// dropAsOf leaves out of a period copied from a report the note of up to
// when it was counted (periodAsOfNote, its words folded: "tinh den …",
// "as of …").
func dropAsOf(text string) string {
	m := periodAsOfNote.FindStringSubmatchIndex(text)
	if m == nil {
		return text
	}
	if note := vntext.Fold(text[m[2]:m[3]]); strings.HasPrefix(note, "tinh den ") || strings.HasPrefix(note, "as of ") {
		return text[:m[0]]
	}
	return text
}

// parsePeriod reads a typed period; problem is the text id of what is
// wrong with it ("" when it is fine).
func parsePeriod(text string, now time.Time) (p storage.Period, problem string) {
	s := vntext.Fold(shortYears(monthsYearOnce(quartersInWords(monthsInWords(strings.ToLower(dropAsOf(text)))))))
	s = oldSpelling.ReplaceAllString(s, "${1}y${2}") // "quí", "kì": quý, kỳ
	// Asked politely: "tháng 11 ạ", "cho mình xem quý 3 nhé", "last month please".
	if m := periodPoliteTail.FindStringSubmatch(s); m != nil {
		s = m[1]
	}
	if m := periodPoliteLead.FindStringSubmatch(s); m != nil {
		s = m[1]
	}
	// "báo cáo giai đoạn 2021 – 2025"
	for range 2 {
		if m := periodLead.FindStringSubmatch(s); m != nil {
			s = m[1]
		}
	}
	// "Lũy kế từ đầu năm": since the start of the year.
	if m := periodCumulative.FindStringSubmatch(s); m != nil {
		s = m[1]
	}
	s = lastThisMonth(s, strings.ToLower(text))
	if m := periodWeekDays.FindStringSubmatch(s); m != nil {
		// Its days, in English by their months' names as the bot writes
		// them ("week 23 Nov – 29 Nov 2026"); "tuần 48", "tuần 2/2027" are
		// no period.
		if days := englishMonths(m[1], strings.ToLower(text)); periodRange.MatchString(days) || periodDaysOfMonth.MatchString(days) {
			s = m[1]
		}
	}
	if code, ok := periodWords[s]; ok {
		if p := periodOf(code, now); !p.From.After(now) {
			return p, ""
		}
		return storage.Period{}, "tally.period_future"
	}
	// "tháng 11 này", "thang 11 nay": this year's. Only a dash makes
	// "… nay" run to now ("tháng 11 - nay", "1/1/2026 – nay").
	if m := periodThis.FindStringSubmatch(s); m != nil && !strings.ContainsAny(text, "-–—") {
		s = m[1] + " nam nay"
	}
	year := dayOf(now).Year()
	s = periodYearWords.ReplaceAllStringFunc(s, func(w string) string {
		switch w {
		case "nam nay", "this year":
			return "nam " + strconv.Itoa(year)
		case "nam sau", "next year":
			return "nam " + strconv.Itoa(year+1)
		}
		return "nam " + strconv.Itoa(year-1)
	})
	s = englishMonths(s, strings.ToLower(text))
	p, ok, noDate := readJustPast(s, now)
	if !ok && noDate == "" {
		p, ok, noDate = readSpan(s, now)
	}
	if !ok && noDate == "" {
		p, ok, noDate = readSince(s, now)
	}
	switch {
	case noDate != "":
		return storage.Period{}, noDate
	case !ok:
		return storage.Period{}, "tally.bad_period"
	case !p.To.After(p.From):
		return storage.Period{}, "tally.period_reversed"
	case p.From.After(now):
		return storage.Period{}, "tally.period_future"
	case !p.From.IsZero() && !p.To.After(figuresFrom) && periodKind(p) == "day":
		// A whole day years before any figure ("12/05/1990") is a
		// person's date of birth typed here, not a day to count: said so,
		// and never shown back (until review 29 "dvcbot only has figures
		// from 2020 on"). A month or a year ("10/2019", "2018") is a period.
		return storage.Period{}, "tally.period_birth_date"
	case !p.From.IsZero() && !p.To.After(figuresFrom):
		return storage.Period{}, "tally.period_too_old"
	}
	return p, ""
}

// What the calendar lacks in a period typed, by the form typed: a day
// ("31/02/2026", "32/12"), a month ("tháng 13", "0/2026", "13 tháng đầu
// năm") or a quarter ("quý 5", "Q5 2026"). Each is answered with examples
// of its own form: until review 29 a quarter or a month was answered with
// a day's and a month's ("ví dụ 30/11/2026 hoặc tháng 11/2026").
const (
	noSuchDay     = "tally.no_such_date"
	noSuchMonth   = "tally.no_such_month"
	noSuchQuarter = "tally.no_such_quarter"
)

// lacking is the problem of a form read (what) the calendar may not have:
// none when it has it (ok).
func lacking(ok bool, what string) string {
	if ok {
		return ""
	}
	return what
}

// notOnCalendar says whether a period's problem is a day, a month or a
// quarter the calendar does not have.
func notOnCalendar(problem string) bool {
	return problem == noSuchDay || problem == noSuchMonth || problem == noSuchQuarter
}

// figuresFrom is the first day the bot may have figures for: a period
// over before it is refused; one that begins before it and reaches past
// it ("từ 2019 đến nay") is counted from the unit's first case
// (tallyParts: fromFirstCase).
var figuresFrom = time.Date(2020, 1, 1, 0, 0, 0, 0, vietnam)

// readJustPast reads a month or a quarter named by its number alone and
// "vừa qua" / "vừa rồi" ("tháng 11 vừa qua", "quý 3 vừa rồi"): the latest
// such that has ended, as reports name the one just past.
func readJustPast(s string, now time.Time) (p storage.Period, ok bool, noDate string) {
	m := periodJustPast.FindStringSubmatch(s)
	if m == nil {
		return p, false, ""
	}
	month := periodMonth.FindStringSubmatch(m[1])
	quarter := periodQuarter.FindStringSubmatch(m[1])
	if month != nil && month[2] != "" || quarter != nil && quarter[3] != "" || periodYearOnly.MatchString(m[1]) {
		// Its year given ("tháng 11/2026 vừa qua", "năm 2025 vừa qua"): that one.
		return readSpan(m[1], now)
	}
	if (month == nil || month[3] == "") && quarter == nil {
		return p, false, "" // only a month or a quarter
	}
	if quarter != nil && quarter[1] == "q" {
		// "Q3 vừa qua": no Quận 3 is "just past".
		m[1] = "quy " + quarter[2]
	}
	if p, ok, noDate = readSpan(m[1], now); ok && p.To.After(now) {
		p = storage.Period{From: p.From.AddDate(-1, 0, 0), To: p.To.AddDate(-1, 0, 0)}
	}
	return p, ok, noDate
}

// readSpan reads a folded period of its own: a word, a day, a range of
// days or months, a month, a quarter, half a year, a year. noDate: it has
// the form of one, with a day, a month or a quarter the calendar does not
// have ("31/11/2026", "29/02/2027", "tháng 13", "quý 5"): the problem, by
// the form typed (noSuchDay, noSuchMonth, noSuchQuarter).
func readSpan(s string, now time.Time) (p storage.Period, ok bool, noDate string) {
	if code, ok := periodWords[s]; ok {
		return periodOf(code, now), true, ""
	}
	if m := periodMonthNameAlone.FindStringSubmatch(s); m != nil {
		s = "month " + strconv.Itoa(monthNumbers[m[1]])
	}
	today := dayOf(now)
	if m := periodLastDays.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[1] + m[2])
		if n < 1 {
			return p, false, ""
		}
		return storage.Period{From: today.AddDate(0, 0, 1-n), To: today.AddDate(0, 0, 1)}, true, ""
	}
	if m := periodLastMonths.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[1] + m[2])
		if n < 1 {
			return p, false, ""
		}
		month := monthOf(now)
		return storage.Period{From: month.AddDate(0, -n, 0), To: month}, true, ""
	}
	if m := periodLastWeeks.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[1] + m[2])
		if n < 1 {
			return p, false, ""
		}
		week := weekOf(now)
		return storage.Period{From: week.AddDate(0, 0, -7*n), To: week}, true, ""
	}
	if m := periodThisOfYear.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[2])
		if m[1] == "thang nay" || m[1] == "this month" {
			from := time.Date(y, monthOf(now).Month(), 1, 0, 0, 0, 0, vietnam)
			return storage.Period{From: from, To: from.AddDate(0, 1, 0)}, true, ""
		}
		from := time.Date(y, quarterOf(now).Month(), 1, 0, 0, 0, 0, vietnam)
		return storage.Period{From: from, To: from.AddDate(0, 3, 0)}, true, ""
	}
	// date reads a day; without its year, the latest such day up to today
	// (29/2: the last leap year's).
	date := func(d, m, y string) (time.Time, bool) {
		dd, _ := strconv.Atoi(d)
		mm, _ := strconv.Atoi(m)
		yy, _ := strconv.Atoi(y)
		if y == "" {
			yy = today.Year()
			for range 8 {
				t := time.Date(yy, time.Month(mm), dd, 0, 0, 0, 0, vietnam)
				if t.Day() == dd && !t.After(today) {
					break
				}
				yy--
			}
		}
		t := time.Date(yy, time.Month(mm), dd, 0, 0, 0, 0, vietnam)
		return t, t.Day() == dd && int(t.Month()) == mm && t.Year() == yy
	}
	if m := periodAllTo.FindStringSubmatch(s); m != nil {
		if d := periodDay.FindStringSubmatch(m[1]); d != nil { // "từ đầu đến 01/12/2026": to its end
			to, ok := date(d[1], d[2], d[3])
			return storage.Period{To: to.AddDate(0, 0, 1)}, ok, lacking(ok, noSuchDay)
		}
		if periodNow.MatchString(m[1]) { // "đến nay", "until today": all time
			return periodOf("all", now), true, ""
		}
	}
	// span reads the ends of a range. A year left out is the other end's:
	// the start's is the latest such day up to today (or, when only the
	// end has one, the end's); the end's the start's, or the next year's
	// for a range from the year's second half into its first ("15/12-10/1",
	// "1/9 - 31/5", "quý 3 - quý 2"). Any other end before the start is a
	// range typed backwards, refused (tally.period_reversed): until review
	// 31 "1/11 - 30/10" ran into the next year, 01/11/2026 – 30/10/2027,
	// where one number mistyped ("1/10 - 30/10") is as likely as the ends
	// swapped, and the bot cannot tell which.
	span := func(d1, m1, y1, d2, m2, y2 string) (from, to time.Time, ok bool) {
		mm1, _ := strconv.Atoi(m1)
		mm2, _ := strconv.Atoi(m2)
		wraps := mm2 < mm1 && mm1 >= 7 && mm2 <= 6 // over the new year
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
		return from, to, ok1 && ok2
	}
	// weekday: "T2" to "T7" (and "Th2"…) without a year may be thứ hai
	// to thứ bảy.
	weekday := func(prefix, month string) bool {
		mm, _ := strconv.Atoi(month)
		return (prefix == "t" || prefix == "th") && mm >= 2 && mm <= 7
	}
	if m := periodRange.FindStringSubmatch(s); m != nil {
		from, to, ok := span(m[1], m[2], m[3], m[4], m[5], m[6])
		return storage.Period{From: from, To: to.AddDate(0, 0, 1)}, ok, lacking(ok, noSuchDay)
	}
	if m := periodDaysOfMonth.FindStringSubmatch(s); m != nil {
		from, to, ok := span(m[1], m[3], m[4], m[2], m[3], m[4])
		return storage.Period{From: from, To: to.AddDate(0, 0, 1)}, ok, lacking(ok, noSuchDay)
	}
	if m := periodMonthsYears.FindStringSubmatch(s); m != nil {
		from, to, ok := span("1", m[1], m[2], "1", m[3], m[4])
		return storage.Period{From: from, To: to.AddDate(0, 1, 0)}, ok, lacking(ok, noSuchMonth)
	}
	if m := periodMonths.FindStringSubmatch(s); m != nil {
		if m[3] == "" && m[5] == "" && (weekday(m[1], m[2]) || weekday(m[1], m[4])) {
			return p, false, ""
		}
		from, to, ok := span("1", m[2], m[3], "1", m[4], m[5])
		return storage.Period{From: from, To: to.AddDate(0, 1, 0)}, ok, lacking(ok, noSuchMonth)
	}
	if m := periodDay.FindStringSubmatch(s); m != nil {
		d, ok := date(m[1], m[2], m[3])
		return storage.Period{From: d, To: d.AddDate(0, 0, 1)}, ok, lacking(ok, noSuchDay)
	}
	// quarterMonth is the first month of a quarter ("3", "iii": 7); 0 when
	// there is no such quarter.
	quarterMonth := func(q string) int {
		n, roman := romanQuarters[q]
		if !roman {
			n, _ = strconv.Atoi(q)
		}
		if n < 1 || n > 4 {
			return 0
		}
		return 3*n - 2
	}
	if m := periodQuarters.FindStringSubmatch(s); m != nil {
		if (m[1] == "q" || m[4] == "q") && m[3] == "" && m[6] == "" {
			return p, false, "" // "q3 - q4": a district's name too
		}
		m1, m2 := quarterMonth(m[2]), quarterMonth(m[5])
		if m1 == 0 || m2 == 0 {
			return p, false, noSuchQuarter
		}
		from, to, ok := span("1", strconv.Itoa(m1), m[3], "1", strconv.Itoa(m2), m[6])
		return storage.Period{From: from, To: to.AddDate(0, 3, 0)}, ok, lacking(ok, noSuchQuarter)
	}
	if m := periodQuarter.FindStringSubmatch(s); m != nil {
		if m[1] == "q" && m[3] == "" && !strings.HasPrefix(m[2], "0") {
			return p, false, "" // "Q3": Quận 3 too; "Q03" is no commune's name
		}
		month := quarterMonth(m[2])
		if month == 0 {
			return p, false, noSuchQuarter
		}
		from, ok := date("1", strconv.Itoa(month), m[3])
		return storage.Period{From: from, To: from.AddDate(0, 3, 0)}, ok, lacking(ok, noSuchQuarter)
	}
	if m := periodMonth.FindStringSubmatch(s); m != nil {
		month, year := m[1], m[2]
		if m[4] != "" {
			if weekday(m[3], m[4]) {
				return p, false, ""
			}
			month, year = m[4], ""
		}
		from, ok := date("1", month, year)
		return storage.Period{From: from, To: from.AddDate(0, 1, 0)}, ok, lacking(ok, noSuchMonth)
	}
	if m := periodMonthsOfYear.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[1] + m[3])
		if n < 1 || n > 12 {
			return p, false, noSuchMonth
		}
		month := 1
		if m[2] == "cuoi" {
			month = 13 - n
		}
		from, ok := date("1", strconv.Itoa(month), m[4])
		return storage.Period{From: from, To: from.AddDate(0, n, 0)}, ok, lacking(ok, noSuchMonth)
	}
	if m := periodHalf.FindStringSubmatch(s); m != nil {
		month := "1"
		if m[1] == "cuoi" || m[2] == "cuoi" || m[3] == "second" || m[4] == "2" {
			month = "7"
		}
		from, ok := date("1", month, m[5])
		return storage.Period{From: from, To: from.AddDate(0, 6, 0)}, ok, lacking(ok, noSuchDay)
	}
	if m := periodSchoolYear.FindStringSubmatch(s); m != nil {
		y1, _ := strconv.Atoi(m[1])
		y2, _ := strconv.Atoi(m[2])
		if len(m[2]) == 2 { // "2025-26"
			y2 += y1 / 100 * 100
		}
		p := schoolYear(y1)
		if y2 != y1+1 {
			return storage.Period{}, false, ""
		}
		if m[3] != "" { // its days, as its label writes them
			if days, ok, _ := readSpan(m[3], now); !ok || !days.From.Equal(p.From) || !days.To.Equal(p.To) {
				return storage.Period{}, false, ""
			}
		}
		return p, true, ""
	}
	if m := periodSchoolYearNamed.FindStringSubmatch(s); m != nil {
		y := today.Year()
		if today.Before(schoolYear(y).From) {
			y-- // the latest that has begun
		}
		switch {
		case m[1] == "truoc":
			y--
		case m[1] != "nay" && m[2] != "this":
			if y = today.Year() - 1; today.Before(schoolYear(y).To) {
				y-- // the latest that has ended
			}
		}
		return schoolYear(y), true, ""
	}
	if m := periodYear.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		from := time.Date(y, 1, 1, 0, 0, 0, 0, vietnam)
		return storage.Period{From: from, To: from.AddDate(1, 0, 0)}, true, ""
	}
	if m := periodYears.FindStringSubmatch(s); m != nil {
		y1, _ := strconv.Atoi(m[1])
		y2, _ := strconv.Atoi(m[2])
		return storage.Period{From: time.Date(y1, 1, 1, 0, 0, 0, 0, vietnam), To: time.Date(y2+1, 1, 1, 0, 0, 0, 0, vietnam)}, true, ""
	}
	return p, false, ""
}

// schoolYear is the school year that opens in year y: 5 September to
// 31 May.
func schoolYear(y int) storage.Period {
	return storage.Period{From: time.Date(y, 9, 5, 0, 0, 0, 0, vietnam), To: time.Date(y+1, 6, 1, 0, 0, 0, 0, vietnam)}
}

// readSince reads a folded period that runs to the end of today: "từ 1/10
// đến nay", "đầu năm đến nay", "từ tháng 9", "year to date". Without "đến
// nay" (or "to now") it starts with "từ", "kể từ", "since" or "from": "đầu
// năm" alone is early in the year, not since its start.
func readSince(s string, now time.Time) (p storage.Period, ok bool, noDate string) {
	end := dayOf(now).AddDate(0, 0, 1)
	if code, ok := periodToDate[s]; ok {
		return storage.Period{From: periodOf(code, now).From, To: end}, true, ""
	}
	start := s
	m := periodToNow.FindStringSubmatch(start)
	if m != nil {
		start = m[1] + m[2]
	}
	if since := periodSince.FindStringSubmatch(start); since != nil {
		start = since[1]
	} else if m == nil {
		return p, false, ""
	}
	var from storage.Period
	if code, ok := periodStarts[start]; ok {
		from = periodOf(code, now)
	} else if from, ok, noDate = readSpan(strings.TrimPrefix(start, "dau "), now); !ok { // "đầu tháng 10": tháng 10's start
		return p, false, noDate
	}
	if from.From.After(now) {
		return from, true, "" // a start in the future: refused as such
	}
	return storage.Period{From: from.From, To: end}, true, ""
}

// periodLabel names a period for people, from its span: "tháng 11/2026",
// "tuần 23/11 – 29/11/2026", "01/11/2026 – 15/11/2026".
func periodLabel(t *locales.Localizer, p storage.Period) string {
	from, to := p.From.In(vietnam), p.To.In(vietnam)
	last := to.AddDate(0, 0, -1)
	switch periodKind(p) {
	case "all":
		return t.T("tally.label_all", locales.Data{"To": t.Date(last)})
	case "day":
		return t.T("tally.label_day", locales.Data{"Day": t.Date(from)})
	case "week":
		first := t.DayMonth(from)
		if from.Year() != last.Year() { // across the new year: both years
			first = t.Date(from)
		}
		return t.T("tally.label_week", locales.Data{"From": first, "To": t.Date(last)})
	case "month":
		// No leading zero ("tháng 6/2025", as "tháng 11/2026"); in English
		// the month's name ("June 2025").
		return t.T("tally.label_month", locales.Data{"Month": t.T("tally.month_" + strconv.Itoa(int(from.Month()))), "Year": from.Year()})
	case "quarter":
		return t.T("tally.label_quarter", locales.Data{"Quarter": (int(from.Month()) + 2) / 3, "Year": from.Year()})
	case "year":
		return t.T("tally.label_year", locales.Data{"Year": from.Year()})
	case "years":
		return t.T("tally.label_years", locales.Data{"From": from.Year(), "To": last.Year()})
	case "schoolyear":
		return t.T("tally.label_school_year", locales.Data{"From": from.Year(), "To": last.Year(), "Start": t.Date(from), "End": t.Date(last)})
	}
	return t.T("tally.label_range", locales.Data{"From": t.Date(from), "To": t.Date(last)})
}

// periodAsOf is a period's label as the report's text and chart show it:
// a period still running is counted up to now, and says so, lest a report
// pasted upward pass part of a month off as the whole ("tháng 11/2026 (tính
// đến 10:00 ngày 27/11/2026)"); a label that ends with today already
// ("ngày 27/11/2026", "từ đầu đến 27/11/2026", "01/11/2026 – 27/11/2026")
// gets the time alone. A period over is its label.
func periodAsOf(t *locales.Localizer, p storage.Period, label string, now time.Time) string {
	if !p.To.After(now) {
		return label
	}
	now = now.In(vietnam)
	data := locales.Data{"Period": label, "Time": now.Format("15:04"), "Day": t.Date(now)}
	switch periodKind(p) {
	case "day", "all", "range":
		if dayOf(p.To.In(vietnam).AddDate(0, 0, -1)).Equal(dayOf(now)) {
			return t.T("tally.as_of_today", data)
		}
	}
	return t.T("tally.as_of", data)
}

// periodSlug is a period in a file name: "2026-11", "2026-q4", "2026",
// "2021-2025", "2026-11-27", "2026-11-23_2026-11-29"; all time up to a
// day in the user's words, "den-2026-11-27", "until-2026-11-27" (until
// review 22 "den-" in English too).
func periodSlug(t *locales.Localizer, p storage.Period) string {
	from, last := p.From.In(vietnam), p.To.In(vietnam).AddDate(0, 0, -1)
	switch periodKind(p) {
	case "all":
		return slug(t.T("tally.file_until")) + "-" + last.Format("2006-01-02")
	case "day":
		return from.Format("2006-01-02")
	case "month":
		return from.Format("2006-01")
	case "quarter":
		return from.Format("2006") + "-q" + strconv.Itoa((int(from.Month())+2)/3)
	case "year":
		return from.Format("2006")
	case "years":
		return from.Format("2006") + "-" + last.Format("2006")
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
	case from.YearDay() == 1 && to.YearDay() == 1 && to.Year() > from.Year()+1:
		return "years"
	case from.Equal(schoolYear(from.Year()).From) && to.Equal(schoolYear(from.Year()).To):
		return "schoolyear"
	}
	return "range"
}
