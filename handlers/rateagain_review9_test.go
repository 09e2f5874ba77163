package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// A resident who rated again with a comment kept and pressed "Giữ nhận xét
// này" saw that message turn into the thanks, without stars; /start then
// showed where the follow-up stood, without stars either: rating again
// needed an older message, if one was left. A rated follow-up now shows its
// stars, the one given marked, wherever it is shown — /start, the thanks
// after "Giữ nhận xét này" or a comment kept — and they rate again.
func TestRatedFollowupKeepsItsStars(t *testing.T) {
	const code = "000.00.12.H26-251127-0060"
	w := newWorld(t)
	caseID, _, res := w.openedFollowup("Vân", code)
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "4★")
	got := last(t, w.send(res, "Các em nhiệt tình"))
	if !hasButton(got, "✓4★") {
		t.Errorf("after a comment kept: %q %v, want the stars", got.Text, got.Buttons())
	}
	stars := func(what string, m string, given int) {
		t.Helper()
		got := last(t, w.send(res, m))
		if !strings.Contains(got.Text, code) || !strings.Contains(got.Text, w.vi("followup.rate_again", locales.Data{"Rating": given})) {
			t.Errorf("%s: %q, want it to say the rating given", what, got.Text)
		}
		for i := 1; i <= 5; i++ {
			label := strings.Repeat("✓", b2i(i == given)) + string(rune('0'+i)) + "★"
			if !hasButton(got, label) {
				t.Errorf("%s: no %q: %v", what, label, got.Buttons())
			}
		}
	}
	stars("/start after a first rating", "/start", 4)

	// Rated again from /start's message: the comment question, the comment
	// shown back, kept.
	got = last(t, w.press(res, "5★"))
	if !strings.Contains(got.Text, "Các em nhiệt tình") || !hasButton(got, w.vi("followup.comment_keep")) {
		t.Fatalf("rating again from /start: %q %v", got.Text, got.Buttons())
	}
	got = last(t, w.press(res, w.vi("followup.comment_keep")))
	if !strings.Contains(got.Text, w.vi("followup.thanks")) || !hasButton(got, "✓5★") {
		t.Errorf("after \"Giữ nhận xét này\": %q %v, want the thanks and the stars", got.Text, got.Buttons())
	}
	stars("/start after rating again", "/start", 5)
	got = last(t, w.press(res, "3★"))
	if !strings.Contains(got.Text, w.vi("followup.rated", locales.Data{"Rating": 3})) {
		t.Errorf("rating a third time from /start: %q", got.Text)
	}
	if f, _ := w.followupRow(caseID); !f.Comment.Valid || f.Comment.String != "Các em nhiệt tình" {
		t.Errorf("the comment kept: %+v", f)
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
