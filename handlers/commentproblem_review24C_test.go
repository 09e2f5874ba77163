package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/storage"
)

// A problem typed at the comment question ("hồ sơ bị trả về…", after a
// star) was kept as the comment on the help and nothing more: the
// volunteer never heard of it, though the same words typed anywhere else
// offer the report. The comment is kept (it passed the comment's rules:
// nothing typed is lost) and the report is offered below it, as a result
// said to have come is asked about there.
func TestProblemTypedAtTheCommentQuestion(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	vol, res, id := w.agreedResident("000.00.12.H26-251127-2404")
	w.press(res, "4★")
	const typed = "hồ sơ bị trả về, yêu cầu bổ sung giấy tờ"
	ms := fresh(w.send(res, typed)) // the question above loses its buttons (an edit)
	offer := last(t, ms)
	if !strings.Contains(texts(ms)[0], w.vi("followup.comment_kept")) {
		t.Fatalf("the comment was not kept: %q", texts(ms))
	}
	if !strings.Contains(offer.Text, w.vi("followup.typed_problem")) || !hasButton(offer, w.vi("followup.problem_confirm")) {
		t.Fatalf("no report offered below the comment: %q %v", texts(ms), offer.Buttons())
	}
	if f, _ := w.followupRow(id); f.Status != storage.FollowupWaiting || f.Comment.String != typed {
		t.Fatalf("recorded before the confirmation, or the comment lost: %+v", f)
	}
	w.press(res, w.vi("followup.problem_confirm"))
	w.problemTold(vol, id)
}
