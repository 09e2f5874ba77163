package handlers

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Walk W2 (review 26): 13 points over 4 ratings (3.25) read "3,2" in the
// tally's text and 3.3 in its spreadsheet (reports rounds half away from
// zero): a coordinator passing both upward saw two averages. The text
// rounds as the spreadsheet does.
func TestReview26WAverageRatingRoundsAsTheSpreadsheet(t *testing.T) {
	c, err := locales.Load("vi", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		lang    string
		avg     float64
		want    string
		wantNot string
	}{
		{"vi", 3.25, "3,3", "3,2"},
		{"en", 3.25, "3.3", "3.2"},
		{"vi", 4.75, "4,8", "4,7"},
		{"en", 3.24, "3.2", "3.3"},
	} {
		got := followupLine(c.For(tt.lang), storage.Followups{Followed: 4, Rated: 4, AvgRating: tt.avg})
		if !strings.Contains(got, tt.want) || strings.Contains(got, tt.wantNot) {
			t.Errorf("%s, average %v: %q, want %q in it", tt.lang, tt.avg, got, tt.want)
		}
	}
}

// Walk W2 (review 26): where residents get stuck named "another error"
// as a step's most common when it tied with a named one (1 and 1), and
// said "once, most often: …" of a step met once. A named error wins a
// tie; a single problem is said as what it was.
func TestReview26WStuckNamesTheNamedErrorAndOnceIsNotMostOften(t *testing.T) {
	tl := storage.Tally{ProblemCounts: []storage.ProblemCount{
		{Guide: "cai-chinh-ho-tich", StepID: "s2", Step: 2, Problem: "other", N: 1},
		{Guide: "cai-chinh-ho-tich", StepID: "s2", Step: 2, Problem: "vneid_password", N: 1},
		{Guide: "khai-sinh", StepID: "s3", Step: 3, Problem: "other", N: 2},
		{Guide: "khai-sinh", StepID: "s3", Step: 3, Problem: "portal_error", N: 1},
		{Guide: "khai-tu", StepID: "s1", Step: 1, Problem: "portal_error", N: 1},
	}}
	got := map[string]string{}
	for _, s := range tl.Stuck(5) {
		got[s.Guide] = s.Error
	}
	for guide, want := range map[string]string{"cai-chinh-ho-tich": "vneid_password", "khai-sinh": "other", "khai-tu": "portal_error"} {
		if got[guide] != want {
			t.Errorf("%s: most common error %q, want %q", guide, got[guide], want)
		}
	}

	c, err := locales.Load("vi", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"vi", "en"} {
		tr := c.For(lang)
		once := stuckLine(tr, storage.StuckStep{Problems: 1, Step: 1}, "Khai tử", "Đăng nhập", "Portal error")
		twice := stuckLine(tr, storage.StuckStep{Problems: 2, Step: 1}, "Khai tử", "Đăng nhập", "Portal error")
		mostOften := strings.TrimSuffix(strings.SplitAfter(twice, ": ")[1], "Portal error")
		if !strings.Contains(once, "Portal error") || strings.Contains(once, mostOften) {
			t.Errorf("%s: a step met once reads %q; want its error without %q", lang, once, mostOften)
		}
		if once == twice || !strings.Contains(twice, mostOften) {
			t.Errorf("%s: twice reads %q", lang, twice)
		}
	}
}
