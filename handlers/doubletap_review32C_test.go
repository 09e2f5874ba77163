package handlers_test

import (
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/storage"
)

// commentAsked32C is a resident who agreed to the reminder and rated the
// help 4★, at a reader's pace under the tap guard: the comment question on
// the card, with a comment kept before if comment is not "".
func commentAsked32C(t *testing.T, code, comment string) (*world, *clock, int64, *telegramtest.User, *telegramtest.Message) {
	t.Helper()
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now), handlers.WithTapGuard(time.Second))
	caseID, _, res := w.openedFollowupRead(clk, "Vân", code)
	clk.advance(time.Minute)
	w.press(res, w.vi("followup.consent_yes"))
	clk.advance(time.Minute)
	w.press(res, "4★")
	if comment != "" {
		clk.advance(time.Minute)
		w.send(res, comment)
		clk.advance(time.Minute)
		w.send(res, "/start")
		clk.advance(time.Minute)
		w.press(res, "✓4★") // rated again: the comment kept is offered to keep or clear
	}
	clk.advance(time.Minute) // the question read
	return w, clk, caseID, res, res.Last()
}

// Review 32C, item 2: "Không nhận xét" tapped twice. The first tap thanks
// and draws the card, whose "📬 Đã nhận kết quả" sits in the very row
// "Không nhận xét" was: the second tap, come once that edit arrived, drew
// the "received?" question over the thanks. So did "🗑 Xoá nhận xét"
// tapped twice, landing on "⚠ Có vướng mắc": the problem question. Such a
// tap is answered as noted, and the card stays as the first tap drew it; a
// press read after the guard is taken.
func TestReview32CNoCommentTappedTwiceDrawsNothingElse(t *testing.T) {
	for _, tc := range []struct {
		name    string
		comment string
		label   string
		lands   string // where the second tap lands on the card drawn
		drawn   string // what that press draws, taken
	}{
		{"no comment", "", "followup.comment_skip", "followup.result_got", "followup.received_yes"},
		{"keep the comment", "Cháu hướng dẫn rất tận tình", "followup.comment_keep", "followup.result_got", "followup.received_yes"},
		{"clear the comment", "Cháu hướng dẫn rất tận tình", "followup.comment_delete", "followup.reminder_problem", "followup.problem_confirm"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, clk, caseID, res, card := commentAsked32C(t, "000.00.12.H26-251127-3202", tc.comment)
			if !hasButton(card, w.vi(tc.label)) {
				t.Fatalf("the comment question: %q %v", card.Text, card.Buttons())
			}
			w.pressOn(res, card.ID, w.vi(tc.label))
			first := msgByID(t, res, card.ID)
			landed, ok := w.landsOn(res, card, w.vi(tc.label))
			if !ok || landed != w.vi(tc.lands) {
				t.Fatalf("the second tap lands on %q (%v): the layout changed, this test no longer tells", landed, ok)
			}
			if a := lastAnswer(t, res); a != w.vi("followup.noted_already") {
				t.Errorf("the second tap was answered %q", a)
			}
			if m := msgByID(t, res, card.ID); m.Text != first.Text || hasButton(m, w.vi(tc.drawn)) {
				t.Errorf("after %s tapped twice the card reads %q %v, want what the first tap drew: %q", tc.name, m.Text, m.Buttons(), first.Text)
			}
			if f, _ := w.followupRow(caseID); f.Status != storage.FollowupWaiting || !f.Consent.Bool || f.Rating.Int16 != 4 {
				t.Errorf("status %q consent %+v rating %+v", f.Status, f.Consent, f.Rating)
			}
			// Read, then pressed: taken.
			clk.advance(time.Minute)
			w.pressOn(res, card.ID, w.vi(tc.lands))
			if m := msgByID(t, res, card.ID); !hasButton(m, w.vi(tc.drawn)) {
				t.Errorf("%q pressed a minute later: %q %v", landed, m.Text, m.Buttons())
			}
		})
	}
}
