package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/privacy"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 27E, item 1: a case left on the question of a problem typed in
// words ("✎ Lỗi khác") or of what else differs on the portal (⚑ "other")
// — by ⏸, /cancel, /new, or another case from /resume — came back,
// resumed later, on the bare step: the question it was left on was gone,
// as the fix, ⚑ and the list of problems were before review 27A. It
// comes back on that question, with or without a restart between, and
// words typed there then are its answer. (Until review 28 the ⚑ question
// had no ⏸: the resident who left then had to be ended or /new'd away.) Words refused there before it
// was left are kept nowhere.
func TestReview27ECaseLeftOnANoteQuestionResumesOnIt(t *testing.T) {
	const refused = "0912345678"
	for _, on := range []string{"note", "flag note"} {
		for _, leave := range []string{"list", "/new", "/new and a case", "pause", "/cancel"} {
			for _, restart := range []bool{false, true} {
				name := on + ", " + leave
				if restart {
					name += ", restart"
				}
				t.Run(name, func(t *testing.T) {
					w := newWorld(t)
					v := w.volunteer("Ghi chú dở")
					other := int64(0)
					if leave == "list" {
						w.startBirthCase(v)
						other = caseNo(w, v)
					}
					w.startBirthCase(v)
					id := caseNo(w, v)
					switch on {
					case "note":
						w.press(v, w.vi("case.problem"))
						w.press(v, w.vi("case.problem_other"))
					case "flag note":
						w.press(v, w.vi("case.flag"))
						w.press(v, w.vi("flag.what_other"))
					}
					checkNoteScreen(t, w, v, last(t, w.send(v, refused)), on)
					switch leave {
					case "list":
						list := last(t, w.send(v, "/resume"))
						w.press(v, caseButtonOf(list, other))
					case "/new", "/cancel":
						w.send(v, leave)
					case "/new and a case":
						w.startBirthCase(v)
					case "pause":
						w.press(v, w.vi("case.pause"))
					}
					if c, _ := w.caseByID(v, id); c.Status != storage.CasePaused {
						t.Fatalf("case #%d after it was left (%s): %s, want it paused", id, leave, c.Status)
					}
					if restart {
						w.withCatalog(catalog)
					}
					m := last(t, w.send(v, "/resume"))
					if b := caseButtonOf(m, id); b != "" {
						m = last(t, w.press(v, b))
					}
					checkNoteScreen(t, w, v, m, on)
					if c, _ := w.caseByID(v, id); c.Status != storage.CaseOpen {
						t.Errorf("case #%d after /resume: %s, want it open", id, c.Status)
					}
					_, es := w.caseByID(v, id)
					for _, e := range es {
						if strings.Contains(e.Note.String+e.Problem.String, refused) {
							t.Fatalf("events: %s, the refused words kept", kindsAndNotes(es))
						}
					}
					// The question is live: words typed now are its answer.
					m = last(t, w.send(v, "nút tải lên bị mờ"))
					switch on {
					case "note":
						if !strings.Contains(m.Text, w.vi("case.note_saved")) {
							t.Fatalf("a note typed at the question /resume drew: %q, want it kept", m.Text)
						}
						if _, es := w.caseByID(v, id); !strings.Contains(kindsAndNotes(es), "problem:nút tải lên bị mờ") {
							t.Errorf("events: %s, want the note as a problem", kindsAndNotes(es))
						}
					case "flag note":
						if !strings.Contains(m.Text, w.vi("case.flag_saved")) {
							t.Fatalf("a note typed at the ⚑ question /resume drew: %q, want it kept", m.Text)
						}
					}
				})
			}
		}
	}
}

// checkNoteScreen fails unless m asks, at step 1 of the birth-registration
// guide, for the problem in words (on: "note") or for what else differs
// on the portal ("flag note").
func checkNoteScreen(t *testing.T, w *world, v *telegramtest.User, m *telegramtest.Message, on string) {
	t.Helper()
	g := guide(t, "khai-sinh")
	ask := w.vi("case.note_ask", locales.Data{"Max": privacy.MaxNote})
	if on == "flag note" {
		ask = w.vi("case.flag_note_ask", locales.Data{"Max": privacy.MaxNote})
	}
	if !strings.Contains(m.Text, ask) {
		t.Fatalf("back on a case left on its %s question: %q %v; want %q", on, m.Text, buttonTexts(m), ask)
	}
	if !strings.Contains(m.Text, w.stepHead(g, 0)) {
		t.Errorf("back on a case left at step 1: %q, want step 1", m.Text)
	}
}

// Paused on a note's question, then ended from the pause message (⏹), ←
// at the question why returns to that question, as ▶ would have (review
// 27A did so for the list of problems).
func TestReview27EBackAfterEndingOnANoteQuestionReturnsThere(t *testing.T) {
	for _, on := range []string{"note", "flag note"} {
		t.Run(on, func(t *testing.T) {
			w := newWorld(t)
			v := w.volunteer("Kết thúc ở ghi chú")
			w.startBirthCase(v)
			switch on {
			case "note":
				w.press(v, w.vi("case.problem"))
				w.press(v, w.vi("case.problem_other"))
			case "flag note":
				w.press(v, w.vi("case.flag"))
				w.press(v, w.vi("flag.what_other"))
			}
			w.send(v, "/cancel")
			w.withCatalog(catalog)
			if m := last(t, w.press(v, w.vi("case.end_button"))); !strings.Contains(m.Text, w.vi("case.reason_ask.dossier")) {
				t.Fatalf("⏹ on the pause message: %q", m.Text)
			}
			checkNoteScreen(t, w, v, last(t, w.press(v, w.vi("button.back"))), on)
		})
	}
}
