package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// A greeting or a thanks typed outside any flow is answered as one: the
// volunteer's "xin chào" found three guides by look-alike words (now: how
// to start), a guest's is greeted as /start greets them, a resident's
// "cảm ơn ạ" after rating was told the bot cannot read typed messages and
// shown every follow-up again.
func TestGreetingsAndThanks(t *testing.T) {
	w := newWorld(t)
	v := w.volunteer("Hoa")
	for _, hello := range []string{"xin chào", "Chào bot ạ!", "hello", "alo"} {
		if m := only(t, w.send(v, hello)); m.Text != w.vi("case.search_courtesy") {
			t.Errorf("a volunteer's %q is answered %q %v", hello, m.Text, m.Buttons())
		}
	}
	for _, thanks := range []string{"cảm ơn", "Cảm ơn bot nhiều ạ", "thanks!", "ok nhé", "camon"} {
		if m := only(t, w.send(v, thanks)); m.Text != w.vi("smalltalk.thanks") {
			t.Errorf("a volunteer's %q is answered %q", thanks, m.Text)
		}
	}
	// A procedure asked for politely is still searched for.
	for _, q := range []string{"xin giấy khai sinh", "chào bạn, cho mình hỏi làm lý lịch tư pháp"} {
		m := last(t, w.send(v, q))
		if !hasButton(m, w.vi("case.all_guides")) || strings.Contains(m.Text, w.vi("smalltalk.thanks")) {
			t.Errorf("%q is not searched: %q %v", q, m.Text, m.Buttons())
		}
	}

	// Someone of no team is greeted as /start greets them.
	guest := w.srv.NewUser("Minh", "vi")
	if m := w.send(guest, "Xin chào"); len(m) == 0 || m[0].Text != w.vi("start.guest", locales.Data{"Name": "Minh"}) {
		t.Errorf("a guest's greeting is answered %+v", m)
	}

	// A resident thanks after rating: thanked, not told off.
	res := w.srv.NewUser("Cư dân", "vi")
	w.finishWithCode(v, "000.00.12.H26-251127-0001")
	c, _ := w.lastCase(v)
	var token string
	if err := w.store.DB().Get(&token, `SELECT token FROM followups WHERE case_id = $1`, c.ID); err != nil {
		t.Fatal(err)
	}
	w.send(res, "/start "+token)
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "5★")
	w.press(res, w.vi("followup.comment_skip"))
	if m := only(t, w.send(res, "Cảm ơn cháu nhiều nhé")); m.Text != w.vi("smalltalk.thanks_resident") {
		t.Errorf("the resident's thanks is answered %q", m.Text)
	}
	// Anything else typed is still answered as before: their follow-up again.
	if m := w.send(res, "bao giờ có kết quả"); len(m) < 2 || m[0].Text != w.vi("followup.typed") {
		t.Errorf("the resident's question is answered %+v", m)
	}
	// In English too.
	w.send(res, "/lang en")
	if m := only(t, w.send(res, "thank you")); m.Text != w.en("smalltalk.thanks_resident") {
		t.Errorf("the resident's English thanks is answered %q", m.Text)
	}
}
