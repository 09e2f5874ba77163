package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/storage"
)

// A resident whose result came before the first reminder typed "đã nhận
// rồi" (or "received"): no button said so yet (the stars only), and the
// bot answered that it cannot read typed messages. The typed word now gets
// what the reminder's "✓ Đã nhận" gets: the question, naming the dossier,
// whose "Đúng, đã nhận" records — one question for each dossier of the
// chat still awaited (a daughter following her mother's and her father's),
// none for one already received, and for a chat whose results are all
// noted, that they are. "Chưa nhận" typed is not "received".
func TestTypedReceivedAsksTheQuestion(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Vân")
	codes := []string{"000.00.12.H26-251127-1801", "000.00.12.H26-251127-1802"}
	var cases []int64
	res := w.srv.NewUser("Cư dân", "vi")
	for _, code := range codes {
		ms := w.finishWithCode(v, code)
		c, _ := w.lastCase(v)
		cases = append(cases, c.ID)
		w.send(res, "/start "+qrToken(t, ms[0].Photo))
		w.press(res, w.vi("followup.consent_yes"))
	}
	w.press(res, "4★") // the second one rated
	w.press(res, w.vi("followup.comment_skip"))
	drain(v)

	questions := func(what string, ms []*telegramtest.Message) map[string]*telegramtest.Message {
		t.Helper()
		asked := map[string]*telegramtest.Message{}
		for _, m := range ms {
			if !strings.Contains(m.Text, w.vi("followup.received_ask")) {
				continue
			}
			if !hasButton(m, w.vi("followup.received_yes")) || !hasButton(m, w.vi("followup.received_back")) {
				t.Errorf("%s: the question without its buttons: %q %v", what, m.Text, m.Buttons())
			}
			for _, code := range codes {
				if strings.Contains(m.Text, code) {
					asked[code] = m
				}
			}
		}
		return asked
	}

	// "Chưa nhận" is not an answer of "received".
	if asked := questions("chưa nhận", w.send(res, "chưa nhận được ạ")); len(asked) > 0 {
		t.Errorf("\"chưa nhận được ạ\" asked whether the result came: %v", asked)
	}

	// Both awaited: both asked, each naming its dossier.
	ms := w.send(res, "Đã nhận rồi cháu ơi")
	asked := questions("two awaited", ms)
	if len(asked) != 2 {
		t.Fatalf("\"đã nhận\" with two dossiers awaited: asked for %d: %+v", len(asked), ms)
	}
	for i, id := range cases {
		if f, _ := w.followupRow(id); f.Status != storage.FollowupWaiting {
			t.Fatalf("asking recorded %q for case %d", f.Status, i)
		}
	}
	// The first one's "Đúng, đã nhận" records that one only.
	id, err := res.PressOn(asked[codes[0]].ID, w.vi("followup.received_yes"))
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	got := last(t, drain(res))
	if !strings.Contains(got.Text, w.vi("followup.received")) || !strings.Contains(got.Text, codes[0]) {
		t.Errorf("after \"Đúng, đã nhận\": %q", got.Text)
	}
	if f, _ := w.followupRow(cases[0]); f.Status != storage.FollowupReceived || f.Result.String != storage.ResultReceived {
		t.Errorf("the first dossier after \"Đúng, đã nhận\": %+v", f)
	}
	if f, _ := w.followupRow(cases[1]); f.Status != storage.FollowupWaiting {
		t.Errorf("the second dossier after the first's \"Đúng, đã nhận\": %q", f.Status)
	}

	// One awaited, one received: only the awaited one is asked.
	asked = questions("one awaited", w.send(res, "received"))
	if len(asked) != 1 || asked[codes[1]] == nil {
		t.Fatalf("\"received\" with one dossier awaited: asked for %v", asked)
	}
	w.press(res, w.vi("followup.received_yes"))
	if f, _ := w.followupRow(cases[1]); f.Status != storage.FollowupReceived {
		t.Errorf("the second dossier after \"Đúng, đã nhận\": %q", f.Status)
	}

	// All received: said so, no question.
	ms = w.send(res, "đã nhận được kết quả")
	if asked := questions("all received", ms); len(asked) > 0 || len(ms) == 0 ||
		!strings.Contains(ms[0].Text, w.vi("followup.typed_received_noted")) {
		t.Errorf("\"đã nhận\" once every result is noted: %+v", ms)
	}
}
