package handlers_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
)

// At the dossier-code question a volunteer types what they mean instead of
// a code — often unaccented on a phone without a Vietnamese keyboard:
// "chua co ma 2 ngay nua" (no code yet, in 2 days). Its words were run
// together and kept as the code "CHUACOMA2NGAYNUA": the case closed, the
// resident's slip and reminders named it, and no portal finds it. A
// sentence is not a code: it is said so, the question comes again, and
// nothing is kept; "Không có mã hồ sơ" is offered for a code still to come.
func TestSentenceAtDossierQuestionIsNoCode(t *testing.T) {
	w := newWorld(t)
	for i, typed := range []string{
		"chua co ma 2 ngay nua",
		"de sau 3 ngay",
		"cho 15 phut",
		"chưa có mã, để sau",
		"không biết",
		"no code yet, in 2 days",
	} {
		c, m := w.codeTyped(fmt.Sprint("Câu ", i), typed)
		var kept int
		if err := w.store.DB().Get(&kept, `SELECT count(*) FROM followups WHERE case_id = $1`, c.ID); err != nil {
			t.Fatal(err)
		}
		if c.Status == storage.CaseClosed || kept != 0 {
			t.Errorf("%q: the case is %s with %d follow-up(s) kept; the bot said %q", typed, c.Status, kept, m.Text)
			continue
		}
		if !strings.HasPrefix(m.Text, w.vi("case.dossier_words")) || !strings.Contains(m.Text, w.vi("case.dossier_ask")) ||
			!hasButton(m, w.vi("case.no_dossier")) {
			t.Errorf("%q answered %q %v, want it said to be no code and the question again", typed, m.Text, m.Buttons())
		}
	}
	// A code typed with spaces, or after a short prefix, is still a code.
	for i, typed := range []string{"H26 251127 0001", "HS 2511270001", "abc 123 456"} {
		if c, m := w.codeTyped(fmt.Sprint("Mã ", i), typed); c.Status != storage.CaseClosed {
			t.Errorf("%q refused: %q", typed, m.Text)
		}
	}
}

// A real code typed at the question with a label before it and spaces in
// place of its dashes — "Số biên nhận: 000.00.12.H26 251127 0001", as a
// volunteer reads it off the receipt — closes the case with the whole code
// kept: it was refused as a sentence, or kept cut to its unit's part
// ("000.00.12.H26"), which no portal finds.
func TestSpacedLabelledCodeAtDossierQuestionIsKept(t *testing.T) {
	w := newWorld(t)
	for i, tt := range []struct{ typed, code string }{
		{"Số biên nhận: 000.00.12.H26 251127 0001", "000.00.12.H26-251127-0001"},
		{"mã hồ sơ là 38.98.H29 - 210519 - 0003", "38.98.H29-210519-0003"},
		{"ma hs 000.00.12.h26 251127 0001", "000.00.12.H26-251127-0001"},
	} {
		c, m := w.codeTyped(fmt.Sprint("Nhãn ", i), tt.typed)
		if c.Status != storage.CaseClosed {
			t.Errorf("%q refused: %q", tt.typed, m.Text)
			continue
		}
		var kept string
		if err := w.store.DB().Get(&kept, `SELECT dossier_code FROM followups WHERE case_id = $1`, c.ID); err != nil {
			t.Fatal(err)
		}
		if kept != tt.code {
			t.Errorf("%q kept as %q, want %q", tt.typed, kept, tt.code)
		}
	}
}

// codeTyped has a new volunteer called name bring a birth registration to
// its dossier-code question (the resident wants reminders) and type there;
// it returns the case as it then is and the bot's last message.
func (w *world) codeTyped(name, typed string) (storage.Case, *telegramtest.Message) {
	w.t.Helper()
	u := w.volunteer(name)
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	m := last(w.t, w.send(u, typed))
	c, _ := w.lastCase(u)
	return c, m
}
