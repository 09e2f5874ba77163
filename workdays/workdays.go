// Package workdays is Vietnam's working-day calendar for public offices: which
// days a commune or provincial office works, and so when a dossier's result is
// due and when to remind a resident.
//
// The days off come from an embedded file, holidays.yaml, that lists for each
// year the public holidays (ngày lễ, Tết), the compensatory days off (nghỉ
// bù), the weekdays given off in a swap (nghỉ hoán đổi) and the Saturdays
// worked in exchange (làm bù), each with the announcement it comes from. See
// README.md for the format and its sources.
//
// Every answer says whether it is known: a date in a year the file does not
// list, or in a year whose schedule has not been announced yet (marked
// `confirmed: false`), is answered by weekdays and the file's estimate only,
// and the caller should present it as an estimate (the bot says "có thể
// thay đổi": it may change).
//
// All dates are Vietnamese civil dates: an instant is first placed in
// Vietnam's time zone (UTC+7, no daylight saving time), and returned dates are
// midnight there.
package workdays

import (
	_ "embed"
	"fmt"
	"slices"
	"sync"
	"time"
)

// CutoffHour is the hour (Vietnam time) from which a dossier submitted online
// counts as received on the next working day.
//
// No regulation opened while writing this package says when an office's day
// ends for online dossiers (Decree 45/2020/NĐ-CP, Decree 61/2018/NĐ-CP as
// amended by 107/2021/NĐ-CP and their replacement, Decree 118/2025/NĐ-CP, were
// searched for it without finding the clause), so this is a lead, not a rule:
// 17:00, when most offices close, chosen because a later due date is the
// safer promise to a resident. See README.md.
const CutoffHour = 17

// vietnam is Asia/Ho_Chi_Minh as a fixed offset, so that the answer does not
// depend on the machine's time zone database.
var vietnam = time.FixedZone("ICT", 7*60*60)

//go:embed holidays.yaml
var holidaysYAML []byte

var defaultCalendar = sync.OnceValues(func() (*Calendar, error) { return Parse(holidaysYAML) })

// Default returns the calendar of the embedded holidays.yaml, parsed once.
// The package's tests parse the same file, so a broken file fails `go test`,
// not a running bot; should it still be broken, Default panics.
func Default() *Calendar {
	c, err := defaultCalendar()
	if err != nil {
		panic(fmt.Sprintf("workdays: the embedded holidays.yaml is broken (go test ./workdays says why): %v", err))
	}
	return c
}

// Calendar answers which days are working days. It is read-only once parsed
// and safe for concurrent use.
type Calendar struct {
	years map[int]bool   // a year the file lists → its schedule is confirmed
	last  int            // the last year listed
	off   map[civil]bool // weekdays that are days off
	work  map[civil]bool // weekend days that are working days (làm bù)
}

// Years lists the years the calendar knows, in order, and whether each one's
// schedule is confirmed by an announcement.
func (c *Calendar) Years() (years []int, confirmed []bool) {
	for y := range c.years {
		years = append(years, y)
	}
	slices.Sort(years)
	for _, y := range years {
		confirmed = append(confirmed, c.years[y])
	}
	return years, confirmed
}

// civil is a date on Vietnam's calendar.
type civil struct {
	y int
	m time.Month
	d int
}

func civilOf(t time.Time) civil {
	y, m, d := t.In(vietnam).Date()
	return civil{y, m, d}
}

func (c civil) midnight() time.Time { return time.Date(c.y, c.m, c.d, 0, 0, 0, 0, vietnam) }

func (c civil) next() civil { return civilOf(time.Date(c.y, c.m, c.d+1, 12, 0, 0, 0, vietnam)) }

func (c civil) weekday() time.Weekday { return c.midnight().Weekday() }

func (c civil) String() string { return fmt.Sprintf("%04d-%02d-%02d", c.y, c.m, c.d) }

// IsWorkingDay says whether public offices work on the Vietnamese date of d:
// Monday to Friday and the swapped Saturdays (làm bù), less holidays,
// compensatory days and swapped days off. known is false when the date's
// year is not in the file, or its schedule is not yet announced; the answer
// is then by weekdays (and the file's estimate) only.
func (c *Calendar) IsWorkingDay(d time.Time) (working, known bool) {
	return c.isWorking(civilOf(d))
}

func (c *Calendar) isWorking(d civil) (working, known bool) {
	confirmed, listed := c.years[d.y]
	if listed {
		if c.work[d] {
			return true, confirmed
		}
		if c.off[d] {
			return false, confirmed
		}
	}
	wd := d.weekday()
	return wd != time.Saturday && wd != time.Sunday, listed && confirmed
}

// AddWorkingDays returns midnight (Vietnam time) of the date n working days
// after from's date, which itself is not counted: from a Tuesday, 3 working
// days is the Friday of a plain week. n ≤ 0 gives from's own date. known is
// false when from's date or any day stepped over is in a year the calendar
// does not know for sure.
func (c *Calendar) AddWorkingDays(from time.Time, n int) (time.Time, bool) {
	d := civilOf(from)
	_, known := c.isWorking(d)
	d, k := c.add(d, n)
	return d.midnight(), known && k
}

func (c *Calendar) add(d civil, n int) (civil, bool) {
	known := true
	for n > 0 {
		if wd := d.weekday(); n >= 5 && d.y > c.last && wd != time.Saturday && wd != time.Sunday {
			// Past the file, a week from a weekday is five working days: a
			// count from a bad input cannot keep a caller looping for long.
			weeks := n / 5
			d = civilOf(time.Date(d.y, d.m, d.d+7*weeks, 12, 0, 0, 0, vietnam))
			n -= 5 * weeks
			known = false
			continue
		}
		d = d.next()
		w, k := c.isWorking(d)
		known = known && k
		if w {
			n--
		}
	}
	return d, known
}

// Due returns midnight (Vietnam time) of the day a result promised in `days`
// working days is due, for a dossier submitted online at `received`:
//
//   - A dossier submitted on a working day before CutoffHour (17:00) is
//     received that day; one submitted at or after 17:00, or on a day off, is
//     received on the next working day.
//   - The day of receipt is not counted: the first working day after it is
//     day 1, and the due date is day `days`. This is the Civil Code's rule for
//     a period counted in days (Bộ luật Dân sự 2015, Điều 147: "ngày đầu tiên
//     của thời hạn không được tính"); the 17:00 cut-off is a lead (see
//     CutoffHour and README.md).
//
// So a dossier submitted on Monday at 10:00 with 5 working days is due the
// next Monday; at 18:00, the next Tuesday. days ≤ 0 gives the day of
// receipt. known is false when any day from submission to the due date is in
// a year the calendar does not know for sure: show the date as an estimate.
func (c *Calendar) Due(received time.Time, days int) (time.Time, bool) {
	r := received.In(vietnam)
	d := civilOf(r)
	working, known := c.isWorking(d)
	if !working || r.Hour() >= CutoffHour {
		var k bool
		d, k = c.add(d, 1)
		known = known && k
	}
	d, k := c.add(d, days)
	return d.midnight(), known && k
}
