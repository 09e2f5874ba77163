package workdays

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// The kinds of day the file lists.
const (
	kindHoliday      = "holiday"      // a public holiday of Labor Code art. 112 (ngày lễ, Tết)
	kindCompensatory = "compensatory" // nghỉ bù: a weekday off for a holiday on a weekend
	kindSwappedOff   = "swapped_off"  // a weekday given off in a swap (nghỉ hoán đổi)
	kindSwappedWork  = "swapped_work" // the weekend day worked in exchange (làm bù)
)

// fixedHolidays are the Labor Code's holidays on a fixed Gregorian date
// (art. 112 clause 1 a, c, d, đ): every year must list them, which catches a
// year typed wrong.
var fixedHolidays = []struct {
	m time.Month
	d int
}{{time.January, 1}, {time.April, 30}, {time.May, 1}, {time.September, 2}}

var sourceDate = regexp.MustCompile(`^\d{4}-\d{2}(?:-\d{2})?$`)

type file struct {
	Sources []source `yaml:"sources"`
	Years   []year   `yaml:"years"`
}

type source struct {
	ID        string   `yaml:"id"`
	Title     string   `yaml:"title"`
	Issuer    string   `yaml:"issuer"`
	Date      string   `yaml:"date"`
	URL       string   `yaml:"url"`
	Also      []string `yaml:"also"`
	CheckedOn string   `yaml:"checked_on"`
	Note      string   `yaml:"note"`
}

type year struct {
	Year          int    `yaml:"year"`
	Confirmed     *bool  `yaml:"confirmed"`
	StatutoryDays int    `yaml:"statutory_days"`
	Note          string `yaml:"note"`
	Days          []day  `yaml:"days"`
	Leads         []lead `yaml:"leads"`
}

type day struct {
	Date      string   `yaml:"date"`
	Kind      string   `yaml:"kind"`
	Name      string   `yaml:"name"`
	Swap      string   `yaml:"swap"`
	Confirmed *bool    `yaml:"confirmed"`
	Sources   []string `yaml:"sources"`
	Note      string   `yaml:"note"`
}

// lead is a day that may become a day off (a law in preparation): kept with
// its sources, not counted.
type lead struct {
	Date    string   `yaml:"date"`
	Name    string   `yaml:"name"`
	Sources []string `yaml:"sources"`
	Note    string   `yaml:"note"`
}

// Parse reads a holidays file (the format of holidays.yaml, described in
// README.md) and checks it: every date well-formed, inside its declared year
// and listed once; every entry with a known, complete source; swaps paired;
// the Labor Code's fixed holidays present and the holidays counted. The error
// lists every problem found.
func Parse(data []byte) (*Calendar, error) {
	var f file
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); errors.Is(err, io.EOF) {
		return nil, errors.New("workdays: the holidays file is empty")
	} else if err != nil {
		return nil, fmt.Errorf("workdays: %w", err)
	}
	p := &checker{}
	c := p.file(&f)
	if len(p.errs) > 0 {
		return nil, fmt.Errorf("workdays: %d problem(s) in the holidays file:\n%w", len(p.errs), errors.Join(p.errs...))
	}
	return c, nil
}

type checker struct{ errs []error }

func (p *checker) errorf(format string, args ...any) {
	p.errs = append(p.errs, fmt.Errorf(format, args...))
}

func (p *checker) file(f *file) *Calendar {
	if len(f.Years) == 0 {
		p.errorf("no years listed")
	}
	sources := p.sources(f.Sources)
	used := map[string]bool{}
	c := &Calendar{years: map[int]bool{}, off: map[civil]bool{}, work: map[civil]bool{}}
	seen := map[civil]string{} // every date listed → where
	for i := range f.Years {
		p.year(&f.Years[i], c, sources, used, seen)
	}
	for _, s := range f.Sources {
		if s.ID != "" && !used[s.ID] {
			p.errorf("source %q: no entry cites it", s.ID)
		}
	}
	return c
}

func (p *checker) sources(list []source) map[string]bool {
	ids := map[string]bool{}
	for i, s := range list {
		at := fmt.Sprintf("source %q", s.ID)
		if s.ID == "" {
			at = fmt.Sprintf("source #%d", i+1)
			p.errorf("%s: no id", at)
		} else if ids[s.ID] {
			p.errorf("%s: listed twice", at)
		}
		ids[s.ID] = true
		if strings.TrimSpace(s.Title) == "" {
			p.errorf("%s: no title (the announcement or decision)", at)
		}
		if strings.TrimSpace(s.Issuer) == "" {
			p.errorf("%s: no issuer", at)
		}
		if !sourceDate.MatchString(s.Date) {
			p.errorf("%s: date %q is not YYYY-MM-DD or YYYY-MM", at, s.Date)
		}
		for _, u := range append([]string{s.URL}, s.Also...) {
			if !webAddress(u) {
				p.errorf("%s: %q is not an http(s) address", at, u)
			}
		}
		if _, err := time.Parse(time.DateOnly, s.CheckedOn); err != nil {
			p.errorf("%s: checked_on %q is not a date (YYYY-MM-DD)", at, s.CheckedOn)
		}
	}
	return ids
}

func webAddress(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

func (p *checker) year(y *year, c *Calendar, sources, used map[string]bool, seen map[civil]string) {
	at := fmt.Sprintf("year %d", y.Year)
	if y.Year < 2000 || y.Year > 2100 {
		p.errorf("%s: not a plausible year", at)
		return
	}
	if _, dup := c.years[y.Year]; dup {
		p.errorf("%s: listed twice", at)
		return
	}
	if y.Confirmed == nil {
		p.errorf("%s: say confirmed: true (every day read in an announcement) or false", at)
	}
	confirmed := y.Confirmed != nil && *y.Confirmed
	c.years[y.Year] = confirmed
	c.last = max(c.last, y.Year)
	if len(y.Days) == 0 {
		p.errorf("%s: no days", at)
		return
	}

	cite := func(at string, ids []string) {
		if len(ids) == 0 {
			p.errorf("%s: no source", at)
		}
		for _, id := range ids {
			if !sources[id] {
				p.errorf("%s: unknown source %q", at, id)
			}
			used[id] = true
		}
	}
	date := func(at, s string) (civil, bool) {
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			p.errorf("%s: %q is not a date (YYYY-MM-DD)", at, s)
			return civil{}, false
		}
		d := civil{t.Year(), t.Month(), t.Day()}
		if d.y != y.Year {
			p.errorf("%s: %s is outside year %d", at, d, y.Year)
			return civil{}, false
		}
		if where, dup := seen[d]; dup {
			p.errorf("%s: %s is already listed (%s)", at, d, where)
			return civil{}, false
		}
		seen[d] = at
		return d, true
	}

	kinds := map[civil]*day{}
	holidays := 0
	for i := range y.Days {
		e := &y.Days[i]
		at := fmt.Sprintf("%s day %s", at, e.Date)
		if e.Date == "" {
			at = fmt.Sprintf("year %d day #%d", y.Year, i+1)
		}
		cite(at, e.Sources)
		if strings.TrimSpace(e.Name) == "" {
			p.errorf("%s: no name", at)
		}
		if confirmed && e.Confirmed != nil && !*e.Confirmed {
			p.errorf("%s: unconfirmed in a confirmed year (make the year confirmed: false)", at)
		}
		d, ok := date(at, e.Date)
		if !ok {
			continue
		}
		kinds[d] = e
		weekend := d.weekday() == time.Saturday || d.weekday() == time.Sunday
		switch e.Kind {
		case kindHoliday:
			holidays++
			if !weekend {
				c.off[d] = true
			}
		case kindCompensatory, kindSwappedOff:
			if weekend {
				p.errorf("%s: a %s day must be a weekday, this is a %s", at, e.Kind, d.weekday())
			}
			c.off[d] = true
		case kindSwappedWork:
			if !weekend {
				p.errorf("%s: a swapped working day (làm bù) must be a Saturday or Sunday, this is a %s", at, d.weekday())
			}
			c.work[d] = true
		default:
			p.errorf("%s: kind %q is not one of %s, %s, %s, %s", at, e.Kind, kindHoliday, kindCompensatory, kindSwappedOff, kindSwappedWork)
		}
		swapped := e.Kind == kindSwappedOff || e.Kind == kindSwappedWork
		if swapped != (e.Swap != "") {
			if swapped {
				p.errorf("%s: a %s day needs swap: (the date it is exchanged with)", at, e.Kind)
			} else {
				p.errorf("%s: swap: is only for swapped_off and swapped_work days", at)
			}
		}
	}
	// A swap is two entries that name each other.
	for d, e := range kinds {
		if e.Swap == "" {
			continue
		}
		t, err := time.Parse(time.DateOnly, e.Swap)
		if err != nil {
			p.errorf("year %d day %s: swap %q is not a date (YYYY-MM-DD)", y.Year, d, e.Swap)
			continue
		}
		other, ok := kinds[civil{t.Year(), t.Month(), t.Day()}]
		want := map[string]string{kindSwappedOff: kindSwappedWork, kindSwappedWork: kindSwappedOff}[e.Kind]
		if !ok || other.Kind != want || other.Swap != d.String() {
			p.errorf("year %d day %s: swapped with %s, which must be a %s day of the same year with swap: %s", y.Year, d, e.Swap, want, d)
		}
	}
	for _, f := range fixedHolidays {
		d := civil{y.Year, f.m, f.d}
		if e, ok := kinds[d]; !ok || e.Kind != kindHoliday {
			p.errorf("%s: %s is a holiday by the Labor Code (art. 112) and is not listed as one", at, d)
		}
	}
	if y.StatutoryDays <= 0 {
		p.errorf("%s: statutory_days (the Labor Code's number of holidays, 11 in 2025) is missing", at)
	} else if holidays != y.StatutoryDays {
		p.errorf("%s: %d holiday days listed, statutory_days says %d", at, holidays, y.StatutoryDays)
	}
	for i, l := range y.Leads {
		at := fmt.Sprintf("%s lead %s", at, l.Date)
		if l.Date == "" {
			at = fmt.Sprintf("year %d lead #%d", y.Year, i+1)
		}
		cite(at, l.Sources)
		if strings.TrimSpace(l.Name) == "" {
			p.errorf("%s: no name", at)
		}
		date(at, l.Date)
	}
}
