package handlers

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/render"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/vntext"
)

// What a report is asked "by" (tallyState.By): its section of that listed
// at length (tallyLimit), the others' ten.
const (
	byProcedure = "procedure"
	byVolunteer = "volunteer"
	byUnit      = "unit"
	byMonth     = "month" // a section of its own (monthLines), a chart by month
)

// byWords are the words, folded, that name what a report is asked by,
// after "theo" or "by" ("theo thủ tục", "theo từng xã", "by volunteer").
// Longest first: "xa phuong" before "xa".
var byWords = []struct{ words, by string }{
	{"thu tuc hanh chinh", byProcedure}, {"dich vu cong", byProcedure}, {"thu tuc", byProcedure}, {"dich vu", byProcedure},
	{"tthc", byProcedure}, {"procedures", byProcedure}, {"procedure", byProcedure}, {"services", byProcedure}, {"service", byProcedure},
	{"tinh nguyen vien", byVolunteer}, {"nguoi ho tro", byVolunteer}, {"doan vien", byVolunteer}, {"thanh vien", byVolunteer},
	{"tnv", byVolunteer}, {"volunteers", byVolunteer}, {"volunteer", byVolunteer}, {"members", byVolunteer}, {"member", byVolunteer},
	{"tinh thanh pho", byUnit}, {"tinh thanh", byUnit}, {"xa phuong", byUnit}, {"don vi", byUnit}, {"dia ban", byUnit},
	{"thanh pho", byUnit}, {"xa", byUnit}, {"phuong", byUnit}, {"tinh", byUnit},
	{"communes", byUnit}, {"commune", byUnit}, {"wards", byUnit}, {"ward", byUnit}, {"units", byUnit}, {"unit", byUnit},
	{"provinces", byUnit}, {"province", byUnit},
	{"thang", byMonth}, {"months", byMonth}, {"month", byMonth},
}

// notByMonth are words after "theo tháng" that make it a month named ("theo
// tháng này", "theo tháng 11"), not a report by month.
var notByMonth = map[string]bool{"nay": true, "truoc": true, "sau": true, "toi": true, "roi": true, "qua": true, "nua": true}

// splitBy takes out of text typed for a report the words that say what it
// is asked by ("tháng này theo thủ tục", "theo từng xã tháng 11", "this
// month by volunteer"): the rest of the text (a period, a unit's name, or
// nothing) and what it is by; by is "" when text says none, and then rest
// is text. "chia"/"phân" before "theo", "từng"/"mỗi"/"các"/"each" after
// it, and commas around it go with it.
func splitBy(text string) (rest, by string) {
	words := strings.Fields(text)
	folded := make([]string, len(words))
	for i, w := range words {
		folded[i] = vntext.Fold(strings.NewReplacer("/", " ", ",", " ").Replace(w))
	}
	for i, f := range folded {
		if f != "theo" && f != "by" && f != "per" {
			continue
		}
		j := i + 1
		for j < len(folded) && (folded[j] == "tung" || folded[j] == "moi" || folded[j] == "cac" || folded[j] == "each") {
			j++
		}
		after := strings.Join(strings.Fields(strings.Join(folded[j:], " ")), " ")
		for _, b := range byWords {
			if after != b.words && !strings.HasPrefix(after, b.words+" ") {
				continue
			}
			// The words b.words spans, counted in the folded fields (a
			// "xã/phường" is one word typed, two folded).
			end, n := j, len(strings.Fields(b.words))
			for end < len(folded) && n > 0 {
				n -= len(strings.Fields(folded[end]))
				end++
			}
			if n < 0 {
				break // "xã/phường" cut in half: not these words
			}
			if b.by == byMonth && end < len(folded) {
				if next := folded[end]; next != "" && (next[0] >= '0' && next[0] <= '9' || notByMonth[next]) {
					break // "theo tháng 11": a month
				}
			}
			start := i
			if start > 0 && (folded[start-1] == "chia" || folded[start-1] == "phan") {
				start--
			}
			kept := append(append([]string{}, words[:start]...), words[end:]...)
			rest = strings.Trim(strings.Join(kept, " "), " ,;:-–")
			if asksOnly(rest) {
				rest = "" // "cho em xin số liệu theo thủ tục ạ": the words alone
			}
			return rest, b.by
		}
	}
	return text, ""
}

// askingWords are the words, folded, around what a report is asked by
// that ask for it and name no period: the report's ("số liệu", "thống
// kê", "báo cáo") and a polite request's ("cho em xin", "ạ", "nhé"), as
// parsePeriod leaves them out around a period (periodLead,
// periodPoliteLead, periodPoliteTail). Until review 36D "theo TNV ạ" was a
// period not understood.
var askingWords = regexp.MustCompile(`^(?:(?:` + politeWho + `|` + politeWords +
	`|cho|xin|xem|gui|giup|so lieu|bao cao|thong ke|so ket|tong ket|show me|report|figures|for|of)(?: |$))+$`)

// asksOnly says whether text, left of what a report is asked by, is only
// words that ask for it (askingWords).
func asksOnly(text string) bool {
	f := strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return ' '
	}, vntext.Fold(text))), " ")
	return f != "" && askingWords.MatchString(f)
}

// monthLines are the months of a report asked by month, oldest first, with
// their cases (tl.Months) and the months between with none: from the
// period's first month (its first case's, for a period from the beginning)
// to its last, or this month's for a period still running.
func monthLines(tl storage.Tally, now func() time.Time) []storage.MonthCount {
	if len(tl.Months) == 0 {
		return nil
	}
	first := monthOf(tl.Months[0].Month)
	if from := tl.Period.From; !from.IsZero() && monthOf(from).Before(first) {
		first = monthOf(from)
	}
	last := monthOf(tl.Period.To.Add(-time.Nanosecond))
	if now := monthOf(now()); now.Before(last) {
		last = now
	}
	if m := monthOf(tl.Months[len(tl.Months)-1].Month); last.Before(m) {
		last = m
	}
	had := map[time.Time]storage.MonthCount{}
	for _, m := range tl.Months {
		had[monthOf(m.Month)] = m
	}
	var out []storage.MonthCount
	for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
		c := had[m]
		c.Month = m
		out = append(out, c)
	}
	return out
}

// chartMonths is the most months a chart by month draws, a bar each (the
// most bars a chart takes): more, and the chart is the report's usual one.
const chartMonths = render.MaxBars

// monthLabel is a month's name in a report asked by month ("Tháng 11/2026").
func monthLabel(t *locales.Localizer, m time.Time) string {
	m = m.In(vietnam)
	return t.T("tally.month_row", locales.Data{"Month": t.T("tally.month_" + strconv.Itoa(int(m.Month()))), "Year": m.Year()})
}
