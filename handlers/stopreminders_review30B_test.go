package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/storage"
)

// reminded30B is residentWithReminders with its clock: Bà Sáu agreed on
// 23/11/2026 to the reminder of a dossier due the next day.
func reminded30B(t *testing.T, code string) (*world, *telegramtest.User, int64, *jobs.Clock) {
	t.Helper()
	received := vn(2026, 11, 23, 10, 0)
	clock := &jobs.Clock{}
	clock.Set(received)
	w := newWorld(t, handlers.WithClock(clock.Now))
	vol := w.member("An", storage.RoleVolunteer, anHoiTayCode)
	res := w.srv.NewUser("Bà Sáu", "vi")
	id := w.remindedCase(vol, res, code, received, vn(2026, 11, 24, 0, 0), true)
	return w, res, id, clock
}

// Walk (review 30, item 1): a resident who agreed to the reminder could
// not take it back. The card offered no way to, and "không cần nhắc nữa"
// typed was answered "dvcbot chỉ làm việc qua các nút bấm" — with no such
// button —, and the reminder went on the day planned; only /forget, which
// erases everything, stopped it. The card now has "🔕 Không cần nhắc nữa"
// while the result is awaited and the reminder agreed (its own "🔔 Đổi ý"
// takes it back again), and the words typed do the same.
func TestReview30BResidentStopsTheReminders(t *testing.T) {
	for _, tc := range []struct {
		name string
		stop func(w *world, res *telegramtest.User) []*telegramtest.Message
	}{
		{"button", func(w *world, res *telegramtest.User) []*telegramtest.Message {
			return w.press(res, w.vi("followup.stop_button"))
		}},
		{"typed", func(w *world, res *telegramtest.User) []*telegramtest.Message {
			return w.send(res, "Thôi, không cần nhắc nữa đâu cháu")
		}},
		{"STOP", func(w *world, res *telegramtest.User) []*telegramtest.Message {
			return w.send(res, "STOP")
		}},
		{"typed at the comment question", func(w *world, res *telegramtest.User) []*telegramtest.Message {
			w.press(res, "4★") // the comment question stands
			return w.send(res, "đừng nhắn nhắc tôi nữa nhé")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, res, id, clock := reminded30B(t, "000.00.12.H26-261123-3001")
			card := last(t, w.send(res, "/start"))
			if !hasButton(card, w.vi("followup.stop_button")) {
				t.Fatalf("the card of a dossier whose reminder was agreed: %q %v, want a way to stop it", card.Text, card.Buttons())
			}
			got := last(t, tc.stop(w, res))
			if f, _ := w.followupRow(id); !f.Consent.Valid || f.Consent.Bool {
				t.Fatalf("after the resident said to stop the reminders the consent is %+v", f.Consent)
			}
			if !strings.Contains(got.Text, w.vi("followup.status_no_reminders")) || !hasButton(got, w.vi("followup.consent_later")) ||
				hasButton(got, w.vi("followup.stop_button")) {
				t.Errorf("the answer: %q %v, want no reminders said and the way back", got.Text, got.Buttons())
			}
			for _, m := range res.Messages() {
				if m.ID != got.ID && len(m.Buttons()) > 0 {
					t.Errorf("a message above the answer keeps its buttons: %q %v", m.Text, m.Buttons())
				}
			}
			if f, _ := w.followupRow(id); f.Comment.Valid {
				t.Errorf("the words were kept as a comment: %q", f.Comment.String)
			}
			// The day after the due date: no question comes.
			q := startQueue(t, w, clock)
			clock.Set(vn(2026, 11, 25, 8, 5))
			q.sweep()
			if ms := w.settle(res); len(ms) != 0 {
				t.Fatalf("a reminder after the resident stopped them: %q", ms[0].Text)
			}
			// A mind changed again: the reminder is asked for again.
			w.press(res, w.vi("followup.consent_later"))
			if f, _ := w.followupRow(id); !f.Consent.Bool {
				t.Fatalf("\"Đổi ý\" after stopping: consent %+v", f.Consent)
			}
			clock.Set(vn(2026, 11, 25, 9, 5))
			q.sweep()
			if ms := w.settle(res); len(ms) != 1 || !hasButton(ms[0], w.vi("followup.reminder_not")) {
				t.Errorf("the reminder asked for again: %+v", ms)
			}
		})
	}
}

// Stopping twice (a double tap, or typed again) changes nothing and says
// so; a dossier whose result came offers no stop, and words typed then are
// answered that no reminder goes.
func TestReview30BStopRemindersTwiceOrAfterTheResult(t *testing.T) {
	w, res, id, _ := reminded30B(t, "000.00.12.H26-261123-3002")
	card := last(t, w.send(res, "/start"))
	w.doubleTap(res, card, w.vi("followup.stop_button"))
	if f, _ := w.followupRow(id); f.Consent.Bool {
		t.Fatalf("after a double tap on stop: consent %+v", f.Consent)
	}
	if a := lastAnswer(t, res); a != w.vi("followup.noted_already") {
		t.Errorf("the second tap was answered %q", a)
	}
	if got := last(t, w.send(res, "đừng nhắc nữa")); !strings.Contains(got.Text, w.vi("followup.stop_none")) {
		t.Errorf("stop typed once stopped: %q", got.Text)
	}
	w.press(res, w.vi("followup.consent_later"))
	w.pressReceived(res)
	got := last(t, w.send(res, "/start"))
	if hasButton(got, w.vi("followup.stop_button")) {
		t.Errorf("the card once the result came offers to stop the reminders: %v", got.Buttons())
	}
	if got := last(t, w.send(res, "không cần nhắc nữa")); !strings.Contains(got.Text, w.vi("followup.stop_none")) {
		t.Errorf("stop typed once the result came: %q", got.Text)
	}
	if f, _ := w.followupRow(id); f.Status != "received" {
		t.Errorf("the follow-up's status: %q", f.Status)
	}
}

// An English resident's words too.
func TestReview30BStopRemindersInEnglish(t *testing.T) {
	w, res, id, _ := reminded30B(t, "000.00.12.H26-261123-3003")
	w.send(res, "/lang en")
	if got := last(t, w.send(res, "Please stop the reminders")); !strings.Contains(got.Text, w.en("followup.status_no_reminders")) {
		t.Errorf("stop typed in English: %q", got.Text)
	}
	if f, _ := w.followupRow(id); f.Consent.Bool {
		t.Errorf("after stop typed in English: consent %+v", f.Consent)
	}
}

// Words that do not ask to stop the reminders are not taken so: a
// complaint that none came, a question about when.
func TestReview30BNotAStop(t *testing.T) {
	w, res, id, _ := reminded30B(t, "000.00.12.H26-261123-3004")
	for _, text := range []string{"sao không nhắc tôi", "khi nào thì nhắc", "nhắc tôi nhé"} {
		w.send(res, text)
		if f, _ := w.followupRow(id); !f.Consent.Bool {
			t.Errorf("%q stopped the reminders", text)
		}
	}
}

// The same words under the reminder question not answered yet decline it,
// as "Không, cảm ơn" does: they were told "nothing to stop" while the
// question stood open above.
func TestReview30BStopWordsAnswerTheOpenQuestion(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	caseID, _, res := w.openedFollowup("Vân", "000.00.12.H26-251127-3008")
	asked := res.Last()
	if !hasButton(asked, w.vi("followup.consent_no")) {
		t.Fatalf("the link's card: %q %v", asked.Text, asked.Buttons())
	}
	got := last(t, w.send(res, "Thôi đừng nhắn nhắc tôi"))
	if f, _ := w.followupRow(caseID); !f.Consent.Valid || f.Consent.Bool || !f.Version.Valid {
		t.Fatalf("after the words under the question the consent is %+v (version %+v), want a no recorded", f.Consent, f.Version)
	}
	if !strings.Contains(got.Text, w.vi("followup.status_no_reminders")) || !hasButton(got, w.vi("followup.consent_later")) {
		t.Errorf("the answer: %q %v", got.Text, got.Buttons())
	}
	noButtons(t, res, asked.ID, "the reminder question answered by the words typed")
}

// "Chưa" to a reminder says the day it asks again: there, where a resident
// tired of being asked is, the reminders can be stopped too.
func TestReview30BStopAfterNotYet(t *testing.T) {
	w, res, id, clock := reminded30B(t, "000.00.12.H26-261123-3009")
	q := startQueue(t, w, clock)
	clock.Set(vn(2026, 11, 25, 8, 5))
	q.sweep()
	if ms := w.settle(res); len(ms) != 1 || !hasButton(ms[0], w.vi("followup.reminder_not")) {
		t.Fatalf("the reminder: %+v", ms)
	}
	got := last(t, w.press(res, w.vi("followup.reminder_not")))
	if !hasButton(got, w.vi("followup.stop_button")) {
		t.Fatalf("\"Chưa\" answered %q %v, want the way to stop the reminders", got.Text, got.Buttons())
	}
	w.press(res, w.vi("followup.stop_button"))
	if f, _ := w.followupRow(id); f.Consent.Bool {
		t.Errorf("after 🔕 under \"Chưa\": consent %+v", f.Consent)
	}
	clock.Set(vn(2026, 12, 1, 8, 5))
	q.sweep()
	if ms := w.settle(res); len(ms) != 0 {
		t.Errorf("asked again after the resident stopped the reminders: %q", ms[0].Text)
	}
}

// /help, and /cancel with nothing open, tell a resident how to stop the
// reminders without erasing anything: they named /forget only.
func TestReview30BHelpSaysHowToStopTheReminders(t *testing.T) {
	w, res, _, _ := reminded30B(t, "000.00.12.H26-261123-3010")
	for _, lang := range []string{"vi", "en"} {
		w.send(res, "/lang "+lang)
		tr := w.texts.For(lang)
		var help string
		for _, m := range w.send(res, "/help") {
			help += m.Text
		}
		if !strings.Contains(help, tr.T("followup.stop_button")) {
			t.Errorf("/help (%s) for a resident: %q, want how to stop the reminders", lang, help)
		}
		got := w.send(res, "/cancel")
		if len(got) < 2 || !strings.Contains(got[0].Text, tr.T("followup.stop_button")) || !hasButton(last(t, got), tr.T("followup.stop_button")) {
			t.Errorf("/cancel (%s) with nothing open: %+v, want how to stop the reminders and the button", lang, got)
		}
	}
}

// The reminders stopped while a reminder's question stood open: its "Chưa"
// pressed after does not promise a question that will not come.
func TestReview30BNotYetAfterStopPromisesNothing(t *testing.T) {
	w, res, id, clock := reminded30B(t, "000.00.12.H26-261123-3014")
	q := startQueue(t, w, clock)
	clock.Set(vn(2026, 11, 25, 8, 5))
	q.sweep()
	ms := w.settle(res)
	if len(ms) != 1 || !hasButton(ms[0], w.vi("followup.reminder_not")) {
		t.Fatalf("the reminder: %+v", ms)
	}
	reminder := ms[0]
	w.send(res, "đừng nhắc nữa")
	if f, _ := w.followupRow(id); f.Consent.Bool {
		t.Fatalf("consent after the words: %+v", f.Consent)
	}
	// A tap that left the phone before the words took the buttons off.
	w.forgeAnswer(res, reminder.ID, dataOf(t, reminder, w.vi("followup.reminder_not")))
	got := msgByID(t, res, reminder.ID)
	if !strings.Contains(got.Text, w.vi("followup.status_no_reminders")) {
		t.Errorf("\"Chưa\" after the reminders were stopped: %q, want no question promised", got.Text)
	}
	clock.Set(vn(2026, 12, 1, 8, 5))
	q.sweep()
	if ms := w.settle(res); len(ms) != 0 {
		t.Errorf("asked again after the reminders were stopped: %q", ms[0].Text)
	}
}
