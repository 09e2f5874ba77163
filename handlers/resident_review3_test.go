package handlers_test

// The resident's side over weeks, walked as a resident (and the family
// member who helps them) would, found in the third review: each test
// failed before its fix.

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// slip finishes a case with a code for a new volunteer and returns the
// case id and its link's token, not opened by anyone yet.
func (w *world) slip(volunteer, code string) (int64, string) {
	w.t.Helper()
	v := w.volunteer(volunteer)
	ms := w.finishWithCode(v, code)
	c, _ := w.lastCase(v)
	return c.ID, strings.TrimPrefix(decodeQR(w.t, ms[0].Photo), "https://t.me/"+w.srv.Bot().Username+"?start=")
}

// A daughter opens her mother's and her father's links in her own
// Telegram. Every screen she is shown after a press still says which
// dossier it is about: two rating questions, two "thank you"s, two
// reminders answered must not look alike once their first lines are
// edited away.
func TestTwoFollowupsInOneChatEachScreenSaysWhich(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	const mother, father = "000.00.12.H26-251127-0101", "000.00.12.H26-251127-0102"
	motherCase, motherToken := w.slip("Vân", mother)
	_, fatherToken := w.slip("Vy", father)
	daughter := w.srv.NewUser("Con gái", "vi")

	open := func(token string) *telegramtest.Message {
		t.Helper()
		return last(t, w.send(daughter, "/start "+token))
	}
	m1 := open(motherToken)
	m2 := open(fatherToken)
	// She answers the father's first, then the mother's.
	for _, step := range []struct {
		msg         *telegramtest.Message
		label, code string
	}{
		{m2, w.vi("followup.consent_yes"), father},
		{m1, w.vi("followup.consent_yes"), mother},
		{m1, "4★", mother},
		{m1, w.vi("followup.comment_skip"), mother},
		{m2, "5★", father},
	} {
		id, err := daughter.PressOn(step.msg.ID, step.label)
		if err != nil {
			t.Fatal(err)
		}
		w.bot.WaitHandled(t, id)
		drain(daughter)
		got := msgByID(t, daughter, step.msg.ID)
		if !strings.Contains(got.Text, step.code) {
			t.Errorf("after %q the screen does not say which dossier (%s):\n%s", step.label, step.code, got.Text)
		}
	}

	// Both are due the same day: two reminders; she answers the mother's.
	if n := w.remind(clk.now().AddDate(0, 0, 10)); n != 2 {
		t.Fatalf("%d reminders, want 2", n)
	}
	reminders := settle(daughter)
	if len(reminders) != 2 {
		t.Fatalf("%d reminder messages, want 2", len(reminders))
	}
	var onMother *telegramtest.Message
	for _, m := range reminders {
		if strings.Contains(m.Text, mother) {
			onMother = m
		}
	}
	if onMother == nil {
		t.Fatal("no reminder names the mother's dossier")
	}
	id, err := daughter.PressOn(onMother.ID, w.vi("followup.reminder_got"))
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	drain(daughter)
	if got := msgByID(t, daughter, onMother.ID); !strings.Contains(got.Text, mother) ||
		!strings.Contains(got.Text, w.vi("followup.received")) {
		t.Errorf("the answered reminder does not say which dossier came:\n%s", got.Text)
	}
	if f, _ := w.followupRow(motherCase); f.Status != "received" {
		t.Errorf("the mother's follow-up: %+v", f)
	}
}

// about is the line that heads a follow-up's screens after a press: which
// dossier (of a birth registration, as finishWithCode makes) it is about.
func (w *world) about(code string) string {
	return w.vi("followup.about", locales.Data{"Code": code, "Guide": guide(w.t, "khai-sinh").Title.Vi}) + "\n\n"
}
