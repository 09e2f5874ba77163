package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
)

// Walk (review 30, item 4): a resident typed the dossier code the bot had
// shown them ("000.00.12.H26-251127-0002", to ask about it) and was told
// "dvcbot không lưu số điện thoại hay thông tin cá nhân trong tin nhắn vừa
// gõ": the code's digits read as an ID or phone number. Their own code is
// no personal data to warn of: it is that dossier asked about, and its
// card is shown — only its, in a chat following two.
func TestReview30BOwnDossierCodeTyped(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	v := w.volunteer("Vân")
	const mother, father = "000.00.12.H26-251127-3011", "000.00.12.H26-251127-3012"
	daughter := w.srv.NewUser("Con gái", "vi")
	for _, code := range []string{mother, father} {
		ms := w.finishWithCode(v, code)
		w.send(daughter, "/start "+qrToken(t, ms[0].Photo))
		w.press(daughter, w.vi("followup.consent_yes"))
	}
	personal := w.vi("followup.typed_personal")
	for _, typed := range []string{father, "Hồ sơ " + father + " của bố tôi sao rồi", strings.ToLower(father)} {
		got := w.send(daughter, typed)
		if len(got) == 0 {
			t.Fatalf("%q: no answer", typed)
		}
		all := ""
		for _, m := range got {
			all += m.Text + "\n"
		}
		if strings.Contains(all, personal) {
			t.Errorf("%q, the chat's own dossier code, was warned of as personal data: %q", typed, all)
		}
		if !strings.Contains(all, father) || strings.Contains(all, mother) {
			t.Errorf("%q: %q, want the father's dossier alone", typed, all)
		}
		if card := last(t, got); !hasButton(card, w.vi("followup.result_got")) {
			t.Errorf("%q: the last message %q %v, want the dossier's card with its buttons", typed, card.Text, card.Buttons())
		}
	}
	// A phone number beside it is still said not kept.
	if got := w.send(daughter, father+" số bố tôi 0912345678"); len(got) == 0 || !strings.Contains(got[0].Text, personal) {
		t.Errorf("a phone number typed beside the code: %+v", got)
	}
}

// At the comment question the dossier's own code was refused as "có vẻ
// chứa số điện thoại hoặc số giấy tờ": a comment that names it is kept, and
// the code alone is no comment — said so, the question asked again.
func TestReview30BOwnDossierCodeAtTheCommentQuestion(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	const code = "000.00.12.H26-251127-3013"
	res, id := w.atCommentQuestion("vi", code, "")
	got := last(t, w.send(res, code))
	if strings.Contains(got.Text, w.vi("followup.comment_number")) || !strings.Contains(got.Text, w.vi("followup.comment_code")) ||
		!hasButton(got, w.vi("followup.comment_skip")) {
		t.Errorf("the code alone at the comment question: %q %v", got.Text, got.Buttons())
	}
	if f, _ := w.followupRow(id); f.Comment.Valid {
		t.Errorf("the code alone was kept as the comment: %q", f.Comment.String)
	}
	comment := "Hồ sơ " + code + " làm nhanh lắm"
	if got := last(t, w.send(res, comment)); !strings.Contains(got.Text, w.vi("followup.comment_kept")) {
		t.Errorf("a comment naming the dossier's code: %q", got.Text)
	}
	if f, _ := w.followupRow(id); f.Comment.String != comment {
		t.Errorf("the comment: %q, want %q", f.Comment.String, comment)
	}
}
