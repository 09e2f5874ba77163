package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A resident at the comment question who pastes a long text (5,000
// characters) was told "Tin nhắn quá dài: tối đa 500 ký tự" — the limit of
// any message —, then, once they cut it to 400, that a comment takes 200:
// two limits for one box. Found playing the resident (review 15). The
// comment question says its own limit for both.
func TestOverlongCommentSaysTheCommentsLimit(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	v := w.volunteer("Vân")
	ms := w.finishWithCode(v, "000.00.12.H26-251127-1501")
	res := w.srv.NewUser("Cụ Tư", "vi")
	w.send(res, "/start "+qrToken(t, ms[0].Photo))
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "5★")

	got := w.send(res, strings.Repeat("rất tốt ", 625))
	long := w.vi("followup.comment_long", locales.Data{"Max": storage.MaxComment})
	if count(got, long) != 1 || count(got, w.vi("error.too_long", locales.Data{"Max": 500})) != 0 {
		t.Errorf("5,000 characters at the comment question: %q, want it to say %q", texts(got), long)
	}
	if !hasButton(last(t, got), w.vi("followup.comment_skip")) {
		t.Errorf("the comment question is not asked again: %+v", last(t, got))
	}
}
