package handlers_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// A password or one-time code typed at the dossier-code question after its
// name ("mk Abc12345678", "otp 482913") closed the case with it kept as the
// dossier code: on the slip, in the reminders. It is refused as a secret
// and the question comes again; nothing is kept.
func TestSecretAtDossierQuestionIsNoCode(t *testing.T) {
	w := newWorld(t)
	for i, typed := range []string{"mk Abc12345678", "otp 482913"} {
		c, m := w.codeTyped(fmt.Sprint("Bí mật ", i), typed)
		var kept int
		if err := w.store.DB().Get(&kept, `SELECT count(*) FROM followups WHERE case_id = $1`, c.ID); err != nil {
			t.Fatal(err)
		}
		if c.Status == storage.CaseClosed || kept != 0 {
			t.Errorf("%q: the case is %s with %d follow-up(s) kept; the bot said %q", typed, c.Status, kept, m.Text)
			continue
		}
		if !strings.HasPrefix(m.Text, w.vi("case.dossier_secret")) || !strings.Contains(m.Text, w.vi("case.dossier_ask")) {
			t.Errorf("%q answered %q, want it said to be a secret and the question again", typed, m.Text)
		}
	}
}

// A code typed at the question with a note after it, or in the portal's
// SMS ("Mã hồ sơ: HS 2511270001 (đã nộp)", "Hồ sơ HS2511270001 đã được
// tiếp nhận") was refused as a sentence, or kept with the note glued to it
// ("HS2511270001HEN05/12/2025"); a phone number after a prefix was kept as
// the code. The code alone is kept; the phone number is refused.
func TestCodeWithNoteAtDossierQuestion(t *testing.T) {
	w := newWorld(t)
	for i, tt := range []struct{ typed, code string }{
		{"Mã hồ sơ: HS 2511270001 (đã nộp)", "HS2511270001"},
		{"Hồ sơ HS2511270001 đã được tiếp nhận", "HS2511270001"},
		{"HS2511270001 hen 05/12/2025", "HS2511270001"},
		{"Mã hồ sơ: HUE 2025 0001", "HUE20250001"},
		{"HS 0912 345 678", ""},
	} {
		c, m := w.codeTyped(fmt.Sprint("Ghi chú ", i), tt.typed)
		var kept []string
		if err := w.store.DB().Select(&kept, `SELECT dossier_code FROM followups WHERE case_id = $1`, c.ID); err != nil {
			t.Fatal(err)
		}
		switch {
		case tt.code == "" && (c.Status == storage.CaseClosed || len(kept) != 0 || !strings.HasPrefix(m.Text, w.vi("case.dossier_number"))):
			t.Errorf("%q: the case is %s, kept %q; the bot said %q", tt.typed, c.Status, kept, m.Text)
		case tt.code != "" && (c.Status != storage.CaseClosed || len(kept) != 1 || kept[0] != tt.code):
			t.Errorf("%q: the case is %s, kept %q, want %q; the bot said %q", tt.typed, c.Status, kept, tt.code, m.Text)
		}
	}
}
