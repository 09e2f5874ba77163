package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A comment typed at the comment question that says the result came and
// says more ("Nhận được rồi, rối quá", "Đã nhận được rồi, em cảm ơn anh
// chị nhé") was taken for "only says the result came": not kept, the
// comment question not asked again, the rating's explanation lost. It is
// now kept as the comment, and the result is asked about as well (the
// question records nothing until answered). In Vietnamese and English.
func TestCommentThatSaysTheResultCameIsKept(t *testing.T) {
	for _, c := range []struct {
		lang  string
		texts []string
	}{
		{"vi", []string{"Nhận được rồi, rối quá", "Đã nhận rồi, quá ổn", "Có kết quả rồi, còn kẹt", "Đã nhận được, chỉ có giấy",
			"đã nhận được rồi, kết quả có ảnh", "nhận được rồi, bận quá", "Đã nhận được rồi, em cảm ơn anh chị nhé",
			"Đã nhận, cám ơn các bạn nhiều"}},
		{"en", []string{"I got it, thanks", "Received, thank you for your patience"}},
	} {
		t.Run(c.lang, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			tr := w.vi
			if c.lang == "en" {
				tr = w.en
			}
			v := w.volunteer("Vân")
			const code = "000.00.12.H26-251127-2011"
			ms := w.finishWithCode(v, code)
			cs, _ := w.lastCase(v)
			res := w.srv.NewUser("Cư dân", c.lang)
			if c.lang == "en" {
				w.send(res, "/lang en")
			}
			w.send(res, "/start "+qrToken(t, ms[0].Photo))
			w.press(res, tr("followup.consent_yes"))
			w.press(res, "4★")
			for i, text := range c.texts {
				if i > 0 {
					w.press(res, "✓4★") // the comment question again
				}
				got := w.send(res, text)
				if f, _ := w.followupRow(cs.ID); f.Comment.String != text || f.Status != storage.FollowupWaiting || f.Rating.Int16 != 4 {
					t.Errorf("%q typed at the comment question is not kept: %+v", text, f)
				}
				all := strings.Join(texts(got), "\n")
				if !strings.Contains(all, tr("followup.comment_kept")) {
					t.Errorf("%q typed at the comment question: not said kept: %q", text, all)
				}
				if m := last(t, got); !strings.Contains(m.Text, tr("followup.received_ask")) || !strings.Contains(m.Text, code) ||
					!hasButton(m, tr("followup.received_yes")) {
					t.Errorf("%q typed at the comment question: the result is not asked about: %q", text, all)
				}
			}
			w.press(res, tr("followup.received_yes"))
			if f, _ := w.followupRow(cs.ID); f.Status != storage.FollowupReceived || f.Comment.String != c.texts[len(c.texts)-1] {
				t.Errorf("after %q: %+v", tr("followup.received_yes"), f)
			}
		})
	}
}

// In a chat following two dossiers, "đã nhận rồi" typed at one dossier's
// comment question was asked about that dossier only, while typed outside
// any question it is asked about each dossier awaited: it may mean the
// other one. At the comment question it is now asked as outside.
func TestReceivedAtTheCommentQuestionOfOneOfTwoDossiers(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Vân")
	codes := []string{"000.00.12.H26-251127-2012", "000.00.12.H26-251127-2013"}
	var cases []int64
	res := w.srv.NewUser("Cư dân", "vi")
	for _, code := range codes {
		ms := w.finishWithCode(v, code)
		c, _ := w.lastCase(v)
		cases = append(cases, c.ID)
		w.send(res, "/start "+qrToken(t, ms[0].Photo))
		w.press(res, w.vi("followup.consent_yes"))
	}
	drain(v)
	asked := func(what string, ms []*telegramtest.Message) map[string]*telegramtest.Message {
		t.Helper()
		out := map[string]*telegramtest.Message{}
		for _, m := range ms {
			if !strings.Contains(m.Text, w.vi("followup.received_ask")) || !hasButton(m, w.vi("followup.received_yes")) {
				continue
			}
			for _, code := range codes {
				if strings.Contains(m.Text, code) {
					out[code] = m
				}
			}
		}
		return out
	}

	w.press(res, "4★") // the second one rated: its comment question
	ms := w.send(res, "Đã nhận rồi ạ")
	if got := asked("only received", ms); len(got) != 2 || !strings.Contains(strings.Join(texts(ms), "\n"), w.vi("followup.typed_received_which", locales.Data{"Count": 2})) {
		t.Errorf("\"Đã nhận rồi ạ\" at the comment question with two dossiers awaited: asked about %d: %q", len(got), texts(ms))
	}
	for _, id := range cases {
		if f, _ := w.followupRow(id); f.Comment.Valid || f.Status != storage.FollowupWaiting {
			t.Errorf("\"Đã nhận rồi ạ\" recorded: %+v", f)
		}
	}

	// The comment question above gave way to the questions below (review
	// 21r): the stars again under the dossiers /start shows.
	w.send(res, "/start")
	w.press(res, "✓4★")
	ms = w.send(res, "Nhận được rồi, rối quá")
	if got := asked("a comment", ms); len(got) != 2 {
		t.Errorf("\"Nhận được rồi, rối quá\" with two dossiers awaited: asked about %d: %q", len(got), texts(ms))
	}
	if f, _ := w.followupRow(cases[1]); f.Comment.String != "Nhận được rồi, rối quá" {
		t.Errorf("the comment is not kept: %+v", f)
	}

	// The first one received: only the second is asked about.
	first := asked("a comment", ms)[codes[0]]
	if first == nil {
		t.Fatalf("the first dossier is not asked about: %q", texts(ms))
	}
	id, err := res.PressOn(first.ID, w.vi("followup.received_yes"))
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	drain(res)
	w.press(res, "✓4★")
	ms = w.send(res, "đã nhận rồi")
	if got := asked("one awaited", ms); len(got) != 1 || got[codes[1]] == nil ||
		strings.Contains(strings.Join(texts(ms), "\n"), w.vi("followup.typed_received_which", locales.Data{"Count": 2})) {
		t.Errorf("\"đã nhận rồi\" with one dossier awaited: %q", texts(ms))
	}
}
