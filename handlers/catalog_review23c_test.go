package handlers_test

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// Review 23c, item 4: /guides put the past-due guides first and the rest
// in the catalog's order, where an admin looks for the next to review; and
// its header told admins to update "checked_on và review_by", YAML field
// names. The guides are listed by their review date, soonest first, and
// the header says it in words.
func TestReview23cGuidesByReviewDate(t *testing.T) {
	w := newWorld(t)
	for _, lang := range []string{"vi", "en"} {
		if lang == "en" {
			w.send(w.admin, "/lang")
			w.press(w.admin, "English")
		}
		m := only(t, w.send(w.admin, "/guides"))
		head, _, _ := strings.Cut(m.Text, "\n")
		if strings.Contains(head, "checked_on") || strings.Contains(head, "review_by") {
			t.Errorf("%s: the header names YAML fields: %q", lang, head)
		}
		// Each day as the language writes it (review 25A: "2 Jan 2006" in English).
		review := regexp.MustCompile(`(?:xem lại trước|review by) (\d\d/\d\d/\d{4}|\d{1,2} [A-Z][a-z]{2} \d{4})`)
		layout := w.texts.For(lang).T("format.date")
		var last time.Time
		n := 0
		for _, line := range strings.Split(m.Text, "\n")[1:] {
			match := review.FindStringSubmatch(line)
			if match == nil {
				continue
			}
			d, err := time.Parse(layout, match[1])
			if err != nil {
				t.Fatal(err)
			}
			if d.Before(last) {
				t.Errorf("%s: %q after a guide to review on %s", lang, line, last.Format("02/01/2006"))
			}
			last, n = d, n+1
		}
		if n < 20 {
			t.Errorf("%s: %d guides listed:\n%s", lang, n, m.Text)
		}
	}
}
