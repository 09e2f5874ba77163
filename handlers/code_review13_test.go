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
