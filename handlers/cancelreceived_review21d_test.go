package handlers_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/go-telegram/bot/models"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A resident pressed "📬 Đã nhận kết quả" and the message turned into the
// question "Ông/bà đã nhận được kết quả hồ sơ này?" with its two buttons;
// they typed /cancel and were told "Không có việc gì đang dở để huỷ"
// ("Nothing is in progress to cancel"), the question still standing above
// with live buttons. /cancel now closes it: its buttons go, the answer
// says it was left with nothing recorded and how to say later that the
// result came, and the dossier is shown below with that button. The
// reminders are kept. A press on the closed question that left the phone
// before its buttons went ("✓ Đúng, đã nhận kết quả") is an answer as
// clear as any and is recorded, once: a second tap is told it is noted
// already. In Vietnamese and English.
func TestCancelClosesTheReceivedQuestion(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		t.Run(lang, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			tr := w.vi
			if lang == "en" {
				tr = w.en
			}
			v := w.volunteer("Vân")
			const code = "000.00.12.H26-251127-2101"
			ms := w.finishWithCode(v, code)
			c, _ := w.lastCase(v)
			res := w.srv.NewUser("Cư dân", lang)
			if lang == "en" {
				w.send(res, "/lang en")
			}
			w.send(res, "/start "+qrToken(t, ms[0].Photo))
			w.press(res, tr("followup.consent_yes"))
			q := last(t, w.press(res, tr("followup.result_got")))
			if !strings.Contains(q.Text, tr("followup.received_ask")) {
				t.Fatalf("%s: no question: %q", tr("followup.result_got"), q.Text)
			}
			yes := dataOf(t, q, tr("followup.received_yes"))

			got := w.send(res, "/cancel")
			if len(got) == 0 {
				t.Fatal("/cancel: no answer")
			}
			all := strings.Join(texts(got), "\n")
			if strings.Contains(all, tr("cancel.nothing_resident")) || strings.Contains(all, tr("cancel.nothing_followed")) {
				t.Errorf("/cancel with the question open says nothing is in progress: %q", all)
			}
			// Naming the button shown below (review 21d2).
			if !strings.Contains(all, w.texts.For(lang).N("followup.received_cancelled", 1, locales.Data{"Button": tr("followup.result_got")})) {
				t.Errorf("/cancel does not say the question was left and how to answer later: %q", all)
			}
			noButtons(t, res, q.ID, "/cancel at the question")
			if m := last(t, got); !strings.Contains(m.Text, code) || !hasButton(m, tr("followup.result_got")) {
				t.Errorf("/cancel: the dossier is not shown below with %q: %q %v", tr("followup.result_got"), m.Text, m.Buttons())
			}
			if f, _ := w.followupRow(c.ID); f.Status != storage.FollowupWaiting || !f.Consent.Bool || f.Chat.Int64 != res.ID {
				t.Errorf("after /cancel: %+v", f)
			}
			// A second /cancel: nothing open any more.
			if got := strings.Join(texts(w.send(res, "/cancel")), "\n"); !strings.Contains(got, tr("cancel.nothing_resident")) {
				t.Errorf("/cancel again: %q", got)
			}

			// The question's "yes", pressed on it after /cancel (it left
			// the phone before the buttons went): recorded once.
			id, err := res.PressData(q.ID, yes)
			if err != nil {
				t.Fatal(err)
			}
			w.bot.WaitHandled(t, id)
			drain(res)
			if f, _ := w.followupRow(c.ID); f.Status != storage.FollowupReceived {
				t.Errorf("\"yes\" pressed after /cancel: %+v", f)
			}
			id, err = res.PressData(q.ID, yes)
			if err != nil {
				t.Fatal(err)
			}
			w.bot.WaitHandled(t, id)
			drain(res)
			if got := lastAnswer(t, res); got != tr("followup.noted_already") {
				t.Errorf("\"yes\" pressed again: answered %q", got)
			}
		})
	}
}

// "đã nhận rồi" typed by a daughter following two dossiers asks the
// question for each, in two messages; /cancel closes both (their buttons
// go) and records nothing. The question asked at the comment question
// (the words typed there) is closed as well.
func TestCancelClosesTheTypedReceivedQuestions(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	const mother, father = "000.00.12.H26-251127-2102", "000.00.12.H26-251127-2103"
	a, ta := w.slip("Vân", mother)
	b, tb := w.slip("Vy", father)
	daughter := w.srv.NewUser("Con gái", "vi")
	w.send(daughter, "/start "+ta)
	w.press(daughter, w.vi("followup.consent_yes"))
	w.send(daughter, "/start "+tb)
	w.press(daughter, w.vi("followup.consent_yes"))

	asked := fresh(w.send(daughter, "đã nhận rồi"))
	var questions []int
	for _, m := range asked {
		if hasButton(m, w.vi("followup.received_yes")) {
			questions = append(questions, m.ID)
		}
	}
	if len(questions) != 2 {
		t.Fatalf("\"đã nhận rồi\" with two dossiers: %q", texts(asked))
	}
	// The open question takes no typed text: a sticker, or the words
	// edited, are answered as with no question open (no comment question).
	w.bot.WaitHandled(t, daughter.SendMessage(models.Message{Sticker: &models.Sticker{FileID: "s", Type: "regular"}}))
	if got := strings.Join(texts(drain(daughter)), "\n"); !strings.HasPrefix(got, w.vi("error.not_text_resident")) ||
		!strings.Contains(got, mother) || strings.Contains(got, w.vi("followup.comment_ask", locales.Data{"Max": storage.MaxComment})) {
		t.Errorf("a sticker under the two questions: %q", got)
	}
	w.bot.WaitHandled(t, daughter.EditLast("đã nhận rồi ạ"))
	if got := strings.Join(texts(drain(daughter)), "\n"); !strings.HasPrefix(got, w.vi("error.edited_resident")) {
		t.Errorf("an edit under the two questions: %q", got)
	}
	got := strings.Join(texts(w.send(daughter, "/cancel")), "\n")
	if !strings.Contains(got, w.vi("followup.received_cancelled", locales.Data{"Button": w.vi("followup.result_got")})) || strings.Contains(got, w.vi("cancel.nothing_resident")) {
		t.Errorf("/cancel under the two questions: %q", got)
	}
	for _, id := range questions {
		noButtons(t, daughter, id, "/cancel under two questions")
	}
	for _, c := range []int64{a, b} {
		if f, _ := w.followupRow(c); f.Status != storage.FollowupWaiting || !f.Consent.Bool {
			t.Errorf("case %d after /cancel: %+v", c, f)
		}
	}

	// At the comment question, the words ask the same question.
	w.press(daughter, "4★")
	q := last(t, w.send(daughter, "Dạ đã nhận rồi ạ"))
	if !hasButton(q, w.vi("followup.received_yes")) {
		t.Fatalf("\"Dạ đã nhận rồi ạ\" at the comment question: %q", q.Text)
	}
	got = strings.Join(texts(w.send(daughter, "/cancel")), "\n")
	if !strings.Contains(got, w.vi("followup.received_cancelled", locales.Data{"Button": w.vi("followup.result_got")})) {
		t.Errorf("/cancel under the question asked at the comment question: %q", got)
	}
	noButtons(t, daughter, q.ID, "/cancel under the question asked at the comment question")
	// The question answered: /cancel has nothing left to close.
	w.send(daughter, "đã nhận rồi")
	w.press(daughter, w.vi("followup.received_back"))
	w.press(daughter, w.vi("followup.received_back"))
	if got := strings.Join(texts(w.send(daughter, "/cancel")), "\n"); !strings.Contains(got, w.vi("cancel.nothing_resident")) {
		t.Errorf("/cancel once both questions were answered: %q", got)
	}
}

// The open questions name their dossiers' cases in the chat's
// conversation row. A dossier erased while its question is open (picked
// from /forget's list) leaves the chat tied to it nowhere, as a comment
// question about it would: its case goes from the row, and /cancel still
// closes the other dossier's question.
func TestErasedDossierLeavesTheOpenQuestions(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	const mother, father = "000.00.12.H26-251127-2104", "000.00.12.H26-251127-2105"
	a, ta := w.slip("Vân", mother)
	b, tb := w.slip("Vy", father)
	daughter := w.srv.NewUser("Con gái", "vi")
	w.send(daughter, "/start "+ta)
	w.send(daughter, "/start "+tb)
	var questions []int
	for _, m := range fresh(w.send(daughter, "đã nhận rồi")) {
		if hasButton(m, w.vi("followup.received_yes")) {
			questions = append(questions, m.ID)
		}
	}
	if len(questions) != 2 {
		t.Fatalf("\"đã nhận rồi\" with two dossiers: %d questions", len(questions))
	}
	w.forgetConfirmed(daughter)
	w.press(daughter, w.forgetButton(father))
	if _, ok := w.followupRow(b); ok {
		t.Fatal("the father's follow-up is still there")
	}
	var data string
	if err := w.store.DB().Get(&data, `SELECT data::text FROM conversations WHERE chat_id = $1`, daughter.ID); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(data, fmt.Sprintf(`"%d"`, b)) {
		t.Errorf("the erased dossier's case is still in the chat's conversation: %s", data)
	}
	got := strings.Join(texts(w.send(daughter, "/cancel")), "\n")
	if !strings.Contains(got, w.vi("followup.received_cancelled", locales.Data{"Button": w.vi("followup.result_got")})) || !strings.Contains(got, mother) {
		t.Errorf("/cancel after the erase: %q", got)
	}
	noButtons(t, daughter, questions[0], "/cancel after the erase")
	if f, _ := w.followupRow(a); f.Status != storage.FollowupWaiting {
		t.Errorf("the mother's follow-up after /cancel: %+v", f)
	}
}
