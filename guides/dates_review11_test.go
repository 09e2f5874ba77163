package guides

import (
	"os"
	"slices"
	"testing"
	"time"
)

// review_by is a day in Vietnam: the guide is past due once that day has
// ended there. It was compared with midnight UTC, so admins were told a
// guide was past its review date from 07:00 on the review date itself.
func TestReviewByPassesAtTheEndOfItsDayInVietnam(t *testing.T) {
	c, err := Load(os.DirFS("."))
	if err != nil {
		t.Fatal(err)
	}
	g, _ := c.Guide("tam-tru")
	ict := time.FixedZone("ICT", 7*3600)
	day, err := time.ParseInLocation(time.DateOnly, g.ReviewBy, ict)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		at  time.Time
		due bool
	}{
		{day.Add(10 * time.Hour), false},                   // 10:00 on the review date
		{day.Add(23*time.Hour + 59*time.Minute), false},    // 23:59 on it
		{day.AddDate(0, 0, 1).Add(30 * time.Minute), true}, // 00:30 the day after
	} {
		due, _ := c.Review(tc.at)
		if got := slices.ContainsFunc(due, func(e Error) bool { return e.File == "tam-tru.yaml" }); got != tc.due {
			t.Errorf("at %s (review_by %s): past due %v, want %v", tc.at.Format(time.RFC3339), g.ReviewBy, got, tc.due)
		}
		if got := slices.Contains(c.PastDue(tc.at), g); got != tc.due {
			t.Errorf("at %s (review_by %s): PastDue lists %v, want %v", tc.at.Format(time.RFC3339), g.ReviewBy, got, tc.due)
		}
	}
}
