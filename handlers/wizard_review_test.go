package handlers_test

// Odd paths of the case wizard found in review (2026-11-30): each test
// failed before its fix.

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/bottest"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// msgByID is a message of the chat as it shows now.
func msgByID(t *testing.T, u *telegramtest.User, id int) *telegramtest.Message {
	t.Helper()
	for _, m := range u.Messages() {
		if m.ID == id {
			return m
		}
	}
	t.Fatalf("no message %d", id)
	return nil
}

// dataOf is the callback data of a button of m.
func dataOf(t *testing.T, m *telegramtest.Message, label string) string {
	t.Helper()
	for _, b := range m.Buttons() {
		if b.Text == label {
			return b.CallbackData
		}
	}
	t.Fatalf("no button %q on %q", label, m.Text)
	return ""
}

// doubleTap presses label on m, then presses the same data again on the
// same message as it shows after the first press (a second tap that left
// the phone before the edit arrived).
func (w *world) doubleTap(u *telegramtest.User, m *telegramtest.Message, label string) {
	w.t.Helper()
	data := dataOf(w.t, m, label)
	w.press(u, label)
	id, err := u.PressData(m.ID, data)
	if err != nil {
		w.t.Fatal(err)
	}
	w.bot.WaitHandled(w.t, id)
	drain(u)
}

// A double tap on ⏸ must leave the pause message (with its "End this
// case" button) on screen: the second tap is stale and changes nothing.
func TestDoubleTapPauseKeepsPauseMessage(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Hai lần")
	live := w.startBirthCase(u)
	w.doubleTap(u, live, w.vi("case.pause"))
	m := msgByID(t, u, live.ID)
	if !strings.HasPrefix(m.Text, "⏸") || !hasButton(m, w.vi("case.end_button")) {
		t.Errorf("after a double tap on ⏸ the pause message shows %q %+v", m.Text, m.Keyboard)
	}
	if f := w.flowOf(u); f != "" {
		t.Errorf("a stale second tap put the chat in flow %q", f)
	}
}

// A double tap on the outcome while another case is paused must leave the
// case's summary on screen, not replace it by the list of open cases.
func TestDoubleTapOutcomeKeepsSummary(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Tóm tắt")
	w.startBirthCase(u)
	w.press(u, w.vi("case.pause")) // one case set aside
	m := w.toOutcome(u, "khai-sinh", false)
	w.doubleTap(u, m, w.vi("outcome.on_the_spot"))
	c, _ := w.lastCase(u)
	if got := msgByID(t, u, m.ID); !strings.HasPrefix(got.Text, w.vi("summary.head", locales.Data{"Case": c.ID})) {
		t.Errorf("after a double tap on the outcome the summary became %q", got.Text)
	}
}

// A volunteer removed from the team can no longer work a case: the pause
// message's "End" must not move their case (its "Continue" already refuses).
func TestRemovedVolunteerCannotEndCase(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Rời")
	w.startBirthCase(u)
	w.press(u, w.vi("case.done"))
	paused := last(t, w.press(u, w.vi("case.pause")))
	before, evBefore := w.lastCase(u)
	w.removeMember(u) // what /team's ✕ does
	m := last(t, w.forge(u, paused.ID, dataOf(t, paused, w.vi("case.end_button"))))
	if hasButton(m, w.vi("reason.changed_mind")) {
		w.press(u, w.vi("reason.changed_mind"))
	}
	after, evAfter := w.lastCase(u)
	if after.Status != before.Status || after.Phase != before.Phase || after.Outcome.Valid || len(evAfter) != len(evBefore) {
		t.Errorf("a removed volunteer ended their case: %s/%s outcome %q, events %s -> %s",
			after.Status, after.Phase, after.Outcome.String, kinds(evBefore), kinds(evAfter))
	}
}

// The consent version names the text on the message pressed. A /lang
// while the consent screen is up draws it again below in English, the copy
// above losing its buttons (review 26B: two live consent questions): the
// English copy carries the Vietnamese words read aloud, and its version is
// that text's.
func TestConsentVersionIsTheTextRead(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Đồng ý")
	w.send(u, "/new")
	consent := last(t, w.press(u, g.Title.Vi))
	if !strings.Contains(consent.Text, w.vi("consent.words", locales.Data{"Days": storage.FollowupDays})) {
		t.Fatalf("consent screen: %q", consent.Text)
	}
	// Review 29: the code is said to be kept as long as retention keeps
	// it, not deleted when the follow-up ends (it stays 90 days after).
	if !strings.Contains(consent.Text, "mã này được xoá 90 ngày sau khi việc theo dõi kết thúc") {
		t.Fatalf("the consent read aloud does not say how long the code is kept: %q", consent.Text)
	}
	below := last(t, w.send(u, "/lang en"))
	if got := msgByID(t, u, consent.ID); len(got.Buttons()) != 0 || !strings.Contains(below.Text, w.vi("consent.words", locales.Data{"Days": storage.FollowupDays})) {
		t.Fatalf("/lang en at the consent: above %v, below %q", got.Buttons(), below.Text)
	}
	w.press(u, w.en("consent.yes"))
	c, _ := w.lastCase(u)
	if !strings.HasPrefix(c.ConsentVersion, "en-") {
		t.Errorf("the consent pressed was the English one; the case records %q", c.ConsentVersion)
	}
	u2 := w.volunteer("Đồng ý 2")
	w.send(u2, "/new")
	w.press(u2, g.Title.Vi)
	w.press(u2, w.vi("consent.yes"))
	if c, _ := w.lastCase(u2); !strings.HasPrefix(c.ConsentVersion, "vi-") {
		t.Errorf("the Vietnamese consent pressed; the case records %q", c.ConsentVersion)
	}
}

// withCatalog restarts the bot on another guide catalog (a deploy).
func (w *world) withCatalog(c *guides.Catalog) {
	w.bot.Stop()
	w.h = handlers.New(w.store, w.texts, c, handlers.WithBotUsername(w.srv.Bot().Username), handlers.WithTapGuard(0))
	w.bot = bottest.Start(w.t, w.srv, w.store, w.h, bottest.WithSender(bot.WithGlobalRate(1e6, 1e6)))
}

// A step removed before the one a paused case stopped at: /resume must
// take the case up at the step it stopped at, not silently at the next.
func TestGuideStepRemovedBeforeWhilePaused(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Bớt")
	w.startBirthCase(u)
	for range 3 {
		w.press(u, w.vi("case.done"))
	}
	w.press(u, w.vi("case.pause")) // stopped at step 4, not done yet
	stoppedAt := g.Steps[3]

	changed := *g
	changed.Steps = append(slices.Clone(g.Steps[:1]), g.Steps[2:]...) // step 2 dropped
	w.withCatalog(guides.NewCatalog(&changed))

	m := last(t, w.send(u, "/resume"))
	if !strings.Contains(m.Text, stoppedAt.Title.Vi) || !strings.Contains(m.Text, stoppedAt.Text.Vi) {
		t.Errorf("resumed at %q, want the step it stopped at (%s)", strings.SplitN(m.Text, "\n", 3)[1], stoppedAt.ID)
	}
}

// A double tap on "End this case" ends it once; the second tap must not
// claim the case "already has its outcome" (nobody chose one).
func TestDoubleTapEndSaysNothingFalse(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Kết thúc")
	w.startBirthCase(u)
	paused := last(t, w.press(u, w.vi("case.pause")))
	w.doubleTap(u, paused, w.vi("case.end_button"))
	m := msgByID(t, u, paused.ID)
	if strings.Contains(m.Text, w.vi("case.end_too_late")) {
		t.Errorf("second tap on End: %q", m.Text)
	}
}

// A dossier code copied from a receipt as "Mã hồ sơ:<code>" (no space
// after the colon) is a code, like "Mã hồ sơ: <code>".
func TestDossierCodeWithLabelAndNoSpace(t *testing.T) {
	w := newWorld(t)
	for i, typed := range []string{"Mã hồ sơ: 000.00.12.H26-251127-0001", "Mã hồ sơ:000.00.12.H26-251127-0001", "Mã HS:000.00.12.H26-251127-0001"} {
		if c, m := w.codeTyped(fmt.Sprint("Mã ", i), typed); c.Status != storage.CaseClosed {
			t.Errorf("%q refused: %q", typed, m.Text)
		}
	}
}

// A dossier code sent twice (no answer seen on a bad connection) must not
// be offered for another case: the first copy already kept it.
func TestResentCodeNotOfferedToAnotherCase(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Gửi lại")
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	w.press(u, w.vi("case.no_dossier")) // case X: no code at hand
	x, _ := w.lastCase(u)
	const code = "000.00.12.H26-251127-0042"
	w.finishWithCode(u, code) // case Y, with its code
	m := last(t, w.send(u, code))
	if hasButton(m, w.vi("case.attach_button", locales.Data{"Case": x.ID})) {
		t.Errorf("the code just kept for the next case is offered for case #%d: %q", x.ID, m.Text)
	}
}

// An ID card or phone number is never kept as a dossier code, whatever
// letters come before it.
func TestDossierCodeRefusesLabelledIDNumbers(t *testing.T) {
	w := newWorld(t)
	for i, typed := range []string{"ID 001099012345", "CAN CUOC 001099012345", "DINH DANH 001099012345", "0084912345678"} {
		u := w.volunteer(fmt.Sprint("Số ", i))
		w.toOutcome(u, "khai-sinh", true)
		w.press(u, w.vi("outcome.submitted"))
		w.send(u, typed)
		c, _ := w.lastCase(u)
		if code, _, err := followup(w, c.ID); err == nil {
			t.Errorf("%q kept as the dossier code %q", typed, code)
		}
	}
}
