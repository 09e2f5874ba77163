package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
)

// /cancel while /forget's question was open answered "Không có việc gì
// đang dở để huỷ" ("Nothing is in progress to cancel"), and the question
// kept its 🗑 buttons. It is cancelled now: the answer says nothing was
// deleted, the question loses its buttons, the dossiers are shown below,
// and a /cancel after that finds nothing open (nor after "Không xoá"
// answered the question); for a chat following one
// dossier (its "🗑" and "Không xoá") and one following several (the list);
// in Vietnamese and English.
func TestCancelAtTheForgetQuestionCancelsIt(t *testing.T) {
	for _, tc := range []struct {
		lang  string
		codes []string
	}{
		{"vi", []string{"000.00.12.H26-251127-3721"}},
		{"en", []string{"000.00.12.H26-251127-3722"}},
		{"vi", []string{"000.00.12.H26-251127-3723", "000.00.12.H26-251127-3724"}},
		{"en", []string{"000.00.12.H26-251127-3725", "000.00.12.H26-251127-3726"}},
	} {
		name := tc.lang + " one"
		if len(tc.codes) > 1 {
			name = tc.lang + " several"
		}
		t.Run(name, func(t *testing.T) {
			w := newWorld(t, handlers.WithClock(newClock().now))
			tr := w.texts.For(tc.lang)
			res := w.srv.NewUser("Cư dân", tc.lang)
			if tc.lang == "en" {
				w.send(res, "/lang en")
			}
			for _, code := range tc.codes {
				_, token := w.slip("Vân", code)
				w.send(res, "/start "+token)
				w.press(res, tr.T("followup.consent_yes"))
			}
			ask := last(t, w.send(res, "/forget"))
			if !hasButton(ask, tr.T("followup.forget_keep_button")) {
				t.Fatalf("/forget: %q %+v", ask.Text, ask.Buttons())
			}

			got := w.send(res, "/cancel")
			all := strings.Join(texts(got), "\n")
			if strings.Contains(all, tr.T("cancel.nothing_resident")) || strings.Contains(all, tr.T("cancel.nothing_followed")) ||
				!strings.Contains(all, tr.N("followup.forget_cancelled", len(tc.codes))) {
				t.Errorf("/cancel at /forget's question is answered %q", all)
			}
			for _, code := range tc.codes {
				if !strings.Contains(all, code) {
					t.Errorf("/cancel at /forget's question does not show dossier %s below: %q", code, all)
				}
			}
			noButtons(t, res, ask.ID, "/forget's question after /cancel")
			if n := w.followupsOf(res); n != len(tc.codes) {
				t.Errorf("/cancel at /forget's question left %d follow-ups, want %d", n, len(tc.codes))
			}

			// Closed: /cancel again finds nothing open.
			if all := strings.Join(texts(w.send(res, "/cancel")), "\n"); strings.Contains(all, tr.N("followup.forget_cancelled", len(tc.codes))) ||
				!strings.Contains(all, tr.T("cancel.nothing_resident")) {
				t.Errorf("a second /cancel is answered %q", all)
			}
			// Answered by its own button, the question is closed too.
			w.send(res, "/forget")
			w.press(res, tr.T("followup.forget_keep_button"))
			if all := strings.Join(texts(w.send(res, "/cancel")), "\n"); strings.Contains(all, tr.N("followup.forget_cancelled", len(tc.codes))) ||
				!strings.Contains(all, tr.T("cancel.nothing_resident")) {
				t.Errorf("/cancel after %q is answered %q", tr.T("followup.forget_keep_button"), all)
			}
		})
	}
}
