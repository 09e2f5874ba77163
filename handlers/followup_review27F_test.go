package handlers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// tapTwice taps label on message m twice, the second tap leaving the
// phone before the first one's edit arrived (fast, the two callbacks
// carry the message as it was), or after it (slow: the second carries the
// message the first drew).
func (w *world) tapTwice(u *telegramtest.User, m *telegramtest.Message, label string, fast bool) {
	w.t.Helper()
	data := dataOf(w.t, m, label)
	first, err := u.PressData(m.ID, data)
	if err != nil {
		w.t.Fatal(err)
	}
	if !fast {
		w.bot.WaitHandled(w.t, first)
	}
	second, err := u.PressData(m.ID, data)
	if err != nil {
		w.t.Fatal(err)
	}
	w.bot.WaitHandled(w.t, first)
	w.bot.WaitHandled(w.t, second)
	w.settle(u)
}

// Review 27F, item 1: "✓ Đúng, đã nhận kết quả" tapped twice. The first
// tap thanks the resident for the report (and offers the stars when the
// help is not rated); the second redrew the message as /start shows it,
// and the thanks went from the chat. The second tap is answered as noted
// and the message stays as the first tap drew it — whether reminders went
// to the chat or not, rated or not, from 📬 or from the reminder's
// question, the second tap slow or fast.
func TestReview27FReceivedConfirmedTwiceKeepsTheThanks(t *testing.T) {
	for _, tc := range []struct {
		name         string
		consent      string // followup.consent_yes or followup.consent_no
		rated, fast  bool
		thanks, stop string
	}{
		{name: "reminded", consent: "followup.consent_yes", thanks: "followup.received"},
		{name: "reminded/fast", consent: "followup.consent_yes", fast: true, thanks: "followup.received"},
		{name: "reminded/rated", consent: "followup.consent_yes", rated: true, thanks: "followup.received"},
		{name: "reminded/rated/fast", consent: "followup.consent_yes", rated: true, fast: true, thanks: "followup.received"},
		{name: "declined", consent: "followup.consent_no", thanks: "followup.received_no_reminders"},
		{name: "declined/rated/fast", consent: "followup.consent_no", rated: true, fast: true, thanks: "followup.received_no_reminders"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t, handlers.WithClock(newClock().now))
			tr := w.texts.For("vi")
			v := w.volunteer("Vân")
			ms := w.finishWithCode(v, "000.00.12.H26-251127-2761")
			c, _ := w.lastCase(v)
			res := w.srv.NewUser("Bà", "vi")
			w.send(res, "/start "+qrToken(t, ms[0].Photo))
			m := last(t, w.press(res, tr.T(tc.consent)))
			if tc.rated {
				w.press(res, "4★")
				m = last(t, w.press(res, tr.T("followup.comment_skip")))
			}
			w.press(res, tr.T("followup.result_got"))
			asked := msgByID(t, res, m.ID)
			if !hasButton(asked, tr.T("followup.received_yes")) {
				t.Fatalf("after 📬: %q %v", asked.Text, asked.Buttons())
			}
			w.tapTwice(res, asked, tr.T("followup.received_yes"), tc.fast)
			got := msgByID(t, res, m.ID)
			if !strings.Contains(got.Text, tr.T(tc.thanks)) {
				t.Errorf("after two taps of ✓ Đúng the message lost the thanks %q: %q", tr.T(tc.thanks), got.Text)
			}
			if tc.thanks == "followup.received_no_reminders" && strings.Contains(got.Text, tr.T("followup.received")) {
				t.Errorf("a chat no reminders went to told they stop: %q", got.Text)
			}
			if stars := hasButton(got, "5★"); stars == tc.rated {
				t.Errorf("after two taps of ✓ Đúng (rated %v) the message shows the stars: %v %v", tc.rated, stars, got.Buttons())
			}
			if a := lastAnswer(t, res); a != tr.T("followup.noted_already") {
				t.Errorf("the second tap answered %q, want %q", a, tr.T("followup.noted_already"))
			}
			if f, _ := w.followupRow(c.ID); f.Status != storage.FollowupReceived {
				t.Errorf("after ✓ Đúng: %+v", f)
			}
			// The stars offered under the thanks still rate.
			if !tc.rated {
				w.pressOn(res, m.ID, "3★")
				if f, _ := w.followupRow(c.ID); f.Rating.Int16 != 3 {
					t.Errorf("the rating after the thanks' stars: %d", f.Rating.Int16)
				}
			}
		})
	}
}

// Review 27F, item 1: a star tapped twice, and "📬 Đã nhận kết quả"
// tapped twice, leave the message as the first tap drew it.
func TestReview27FStarsAndReceivedTappedTwiceKeepTheMessage(t *testing.T) {
	for _, fast := range []bool{false, true} {
		t.Run(map[bool]string{false: "slow", true: "fast"}[fast], func(t *testing.T) { starsAndReceivedTwice(t, fast) })
	}
}

func starsAndReceivedTwice(t *testing.T, fast bool) {
	{
		w := newWorld(t, handlers.WithClock(newClock().now))
		tr := w.texts.For("vi")
		_, res, id := w.agreedResident("000.00.12.H26-251127-2762")
		m := res.Last()
		w.tapTwice(res, m, "4★", fast)
		got := msgByID(t, res, m.ID)
		if !strings.Contains(got.Text, tr.T("followup.comment_ask", locales.Data{"Max": storage.MaxComment})) ||
			!hasButton(got, "✓4★") || !hasButton(got, tr.T("followup.comment_skip")) {
			t.Errorf("fast %v: after two taps of 4★: %q %v, want the comment question", fast, got.Text, got.Buttons())
		}
		if f, _ := w.followupRow(id); f.Rating.Int16 != 4 {
			t.Errorf("fast %v: the rating: %d", fast, f.Rating.Int16)
		}
		m = last(t, w.press(res, tr.T("followup.comment_skip")))
		w.tapTwice(res, m, tr.T("followup.result_got"), fast)
		got = msgByID(t, res, m.ID)
		if !strings.Contains(got.Text, tr.T("followup.received_ask")) || !hasButton(got, tr.T("followup.received_yes")) {
			t.Errorf("fast %v: after two taps of 📬: %q %v, want its question", fast, got.Text, got.Buttons())
		}
		if f, _ := w.followupRow(id); f.Status != storage.FollowupWaiting {
			t.Errorf("fast %v: 📬 recorded before its question was answered: %+v", fast, f)
		}
	}
}

// Review 27F, item 2: erasing the follow-up from its web page ended the
// chat's comment question (or its "received?" question) but left the
// question's message with live buttons. They come off, as when it is
// erased from Telegram.
func TestReview27FErasedOnThePageTakesTheQuestionsButtonsOff(t *testing.T) {
	for _, tc := range []struct {
		name, press string
	}{
		{"comment", "4★"},
		{"received", "followup.result_got"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t, handlers.WithClock(newClock().now))
			tr := w.texts.For("vi")
			v := w.volunteer("Vân")
			ms := w.finishWithCode(v, "000.00.12.H26-251127-2763")
			token := qrToken(t, ms[0].Photo)
			res := w.srv.NewUser("Bà", "vi")
			w.send(res, "/start "+token)
			w.press(res, tr.T("followup.consent_yes"))
			label := tc.press
			if strings.HasPrefix(label, "followup.") {
				label = tr.T(label)
			}
			q := last(t, w.press(res, label))
			if len(q.Buttons()) == 0 {
				t.Fatalf("after %q: %q has no buttons", label, q.Text)
			}
			if err := w.store.ForgetFollowup(context.Background(), token); err != nil {
				t.Fatal(err)
			}
			w.settle(res)
			noButtons(t, res, q.ID, "the question the web page's erase closed")
		})
	}
}

// Two dossiers followed in one chat, "đã nhận rồi" typed: a question
// about each, in a message of its own. The first erased on its page: its
// question loses its buttons, the other's stays open and answers.
func TestReview27FErasedOnThePageLeavesTheOtherQuestion(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	tr := w.texts.For("vi")
	v := w.volunteer("Vân")
	codes := []string{"000.00.12.H26-251127-2764", "000.00.12.H26-251127-2765"}
	var tokens []string
	var cases []int64
	res := w.srv.NewUser("Bà", "vi")
	for _, code := range codes {
		ms := w.finishWithCode(v, code)
		c, _ := w.lastCase(v)
		cases = append(cases, c.ID)
		tokens = append(tokens, qrToken(t, ms[0].Photo))
		w.send(res, "/start "+tokens[len(tokens)-1])
		w.press(res, tr.T("followup.consent_yes"))
	}
	drain(v)
	w.send(res, "đã nhận rồi")
	w.settle(res) // the questions' ids come back (Sent)
	asked := map[string]*telegramtest.Message{}
	for _, m := range res.Messages() {
		for _, code := range codes {
			if strings.Contains(m.Text, code) && hasButton(m, tr.T("followup.received_yes")) {
				asked[code] = m
			}
		}
	}
	if len(asked) != 2 {
		t.Fatalf("asked about %d dossiers, want 2", len(asked))
	}
	if err := w.store.ForgetFollowup(context.Background(), tokens[0]); err != nil {
		t.Fatal(err)
	}
	w.settle(res)
	noButtons(t, res, asked[codes[0]].ID, "the erased dossier's question")
	other := msgByID(t, res, asked[codes[1]].ID)
	if !hasButton(other, tr.T("followup.received_yes")) {
		t.Fatalf("the other dossier's question lost its buttons: %q %v", other.Text, other.Buttons())
	}
	w.pressOn(res, other.ID, tr.T("followup.received_yes"))
	if f, _ := w.followupRow(cases[1]); f.Status != storage.FollowupReceived {
		t.Errorf("the other dossier after ✓ Đúng: %+v", f)
	}
}

// The reminder's other answers, tapped twice: "Chưa" and "⚠ Có vướng
// mắc". The second tap is answered as noted; what the first said stays
// (the day asked again, who was told).
func TestReview27FReminderAnswersTappedTwice(t *testing.T) {
	for _, tc := range []struct{ name, label, said string }{
		{"not", "followup.reminder_not", "followup.ask_again"},
		{"prob", "followup.reminder_problem", "followup.problem_sent_volunteer"},
	} {
		for _, fast := range []bool{false, true} {
			t.Run(tc.name+map[bool]string{false: "/slow", true: "/fast"}[fast], func(t *testing.T) {
				clk := newClock() // Friday 27/11/2026
				w := newWorld(t, handlers.WithClock(clk.now))
				tr := w.texts.For("vi")
				vol, res, id := w.agreedResident("000.00.12.H26-251127-2766")
				clk.advance(6*24*time.Hour - 6*time.Hour) // the first working day after the due date
				if n, err := w.h.SendDueReminders(context.Background()); err != nil || n != 1 {
					t.Fatalf("reminders sent: %d, %v", n, err)
				}
				w.settle(res)
				rm := res.Last()
				if !hasButton(rm, tr.T(tc.label)) {
					t.Fatalf("the reminder: %q %v", rm.Text, rm.Buttons())
				}
				w.tapTwice(res, rm, tr.T(tc.label), fast)
				got := msgByID(t, res, rm.ID)
				said := tr.T(tc.said)
				if tc.name == "not" {
					f, _ := w.followupRow(id)
					said = tr.T(tc.said, locales.Data{"Date": tr.Date(f.NextRemind.Time)})
				}
				// Under "Chưa", since review 30, the one button that stops the
				// reminders; under a problem reported, none.
				buttons := 0
				if tc.name == "not" {
					buttons = 1
					if !hasButton(got, tr.T("followup.stop_button")) {
						t.Errorf("after two taps of %q: %v, want the button that stops the reminders", tr.T(tc.label), got.Buttons())
					}
				}
				if !strings.HasSuffix(got.Text, "\n\n"+said) || len(got.Buttons()) != buttons {
					t.Errorf("after two taps of %q the message lost what the first said (%q): %q", tr.T(tc.label), said, got.Text)
				}
				if a := lastAnswer(t, res); a != tr.T("followup.noted_already") {
					t.Errorf("the second tap answered %q, want %q", a, tr.T("followup.noted_already"))
				}
				if tc.name == "prob" {
					if told := fresh(w.settle(vol)); len(told) != 1 {
						t.Errorf("the volunteer was told %d times", len(told))
					}
				}
			})
		}
	}
}
