package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 21r: a relative rated 3★ (the comment question on that message)
// and typed "I got it already": the "received?" question came below, the
// comment question above still live. They pressed "No comment" above,
// which ended the received question as any other follow-up button does —
// yet its buttons below stayed live, /cancel said nothing was in
// progress, and "✓ Yes, I have the result" pressed there recorded it.
// Now the comment question loses its buttons once the received question
// is asked below it (one live question), and a received question that
// ends for another reason (another follow-up button, /start) loses its
// buttons as at /cancel. A press that still comes from it (drawn before)
// is an explicit answer, and is recorded.
func TestReceivedQuestionLeftLosesItsButtons(t *testing.T) {
	for _, way := range []string{"no comment", "/start"} {
		t.Run(way, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			c, token := w.slip("Vân", "000.00.12.H26-251127-2131")
			res := w.srv.NewUser("Anna", "en")
			w.send(res, "/lang en")
			w.send(res, "/start "+token)
			w.press(res, w.en("followup.consent_yes"))
			comment := last(t, w.press(res, "3★"))
			if !hasButton(comment, w.en("followup.comment_skip")) {
				t.Fatalf("3★: no comment question: %q", comment.Text)
			}
			skip := dataOf(t, comment, w.en("followup.comment_skip"))

			var q *telegramtest.Message
			for _, m := range fresh(w.send(res, "I got it already")) {
				if hasButton(m, w.en("followup.received_yes")) {
					q = m
				}
			}
			if q == nil {
				t.Fatal("\"I got it already\" at the comment question: no received question")
			}
			if q.ID == comment.ID {
				t.Fatal("the received question replaced the comment question's message")
			}
			// One live question: the comment question above gave way.
			noButtons(t, res, comment.ID, "the received question asked below the comment question")
			yes := dataOf(t, q, w.en("followup.received_yes"))

			switch way {
			case "no comment":
				// Pressed on the comment question before its buttons went.
				id, err := res.PressData(comment.ID, skip)
				if err != nil {
					t.Fatal(err)
				}
				w.bot.WaitHandled(t, id)
				drain(res)
			case "/start":
				w.send(res, "/start")
			}
			noButtons(t, res, q.ID, way+" below the received question")
			if got := strings.Join(texts(w.send(res, "/cancel")), "\n"); !strings.Contains(got, w.en("cancel.nothing_resident")) {
				t.Errorf("/cancel after %s: %q", way, got)
			}
			if f, _ := w.followupRow(c); f.Status != storage.FollowupWaiting {
				t.Errorf("after %s: %+v", way, f)
			}
			// A press that left the phone before: an explicit answer, kept.
			id, err := res.PressData(q.ID, yes)
			if err != nil {
				t.Fatal(err)
			}
			w.bot.WaitHandled(t, id)
			drain(res)
			if f, _ := w.followupRow(c); f.Status != storage.FollowupReceived {
				t.Errorf("\"yes\" pressed on the old question after %s: %+v", way, f)
			}
		})
	}
}

// A province coordinator's "received?" question, open above Bến Thành's
// report, while they type a period: the report comes, and the question
// stays open (it reads no typed text) — /cancel closes it, as it says,
// rather than "nothing is in progress" under a question with live buttons.
func TestReceivedQuestionStaysOpenBesideATypedReport(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	_, token := w.slip("Vân", "000.00.12.H26-251127-2132")
	w.send(prov, "/start "+token)
	w.press(prov, w.vi("followup.member_mine"))
	w.press(prov, w.vi("followup.consent_yes"))
	w.pickBenThanh(prov, "Tháng này")
	q := last(t, w.press(prov, w.vi("followup.result_got")))
	if !hasButton(q, w.vi("followup.received_yes")) {
		t.Fatalf("📬 after Bến Thành's report: %q", q.Text)
	}
	w.send(prov, "tháng 10/2026")
	if m := msgByID(t, prov, q.ID); !hasButton(m, w.vi("followup.received_yes")) {
		t.Fatalf("a period typed at the question took its buttons: %q", m.Text)
	}
	got := strings.Join(texts(w.send(prov, "/cancel")), "\n")
	if !strings.Contains(got, w.vi("followup.received_cancelled", locales.Data{"Button": w.vi("followup.result_got")})) {
		t.Errorf("/cancel at the question after a typed report: %q", got)
	}
	noButtons(t, prov, q.ID, "/cancel at the question after a typed report")
}

// A reminder due while the "received?" question typed for ("đã nhận
// rồi") is still open closes it, asking its own: the question above
// loses its buttons, as at /cancel.
func TestReminderClosesTheOpenReceivedQuestion(t *testing.T) {
	received := vn(2026, 11, 23, 10, 0)
	clock := &jobs.Clock{}
	clock.Set(received)
	w := newWorld(t, handlers.WithClock(clock.Now))
	vol := w.member("An", storage.RoleVolunteer, anHoiTayCode)
	resident := w.srv.NewUser("Ông Bảy", "vi")
	w.remindedCase(vol, resident, "000.00.12.H26-261123-0621", received, vn(2026, 11, 24, 0, 0), true)
	var q *telegramtest.Message
	for _, m := range fresh(w.send(resident, "đã nhận rồi")) {
		if hasButton(m, w.vi("followup.received_yes")) {
			q = m
		}
	}
	if q == nil {
		t.Fatal("\"đã nhận rồi\": no question")
	}
	jq := startQueue(t, w, clock)
	jq.sweep()
	clock.Set(vn(2026, 11, 25, 8, 5))
	jq.sweep()
	ms := w.settle(resident)
	if m := last(t, ms); !hasButton(m, w.vi("followup.reminder_problem")) {
		t.Fatalf("no reminder: %q", texts(ms))
	}
	noButtons(t, resident, q.ID, "a reminder below the open question")
}
