package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Case B's code question answered with the code case A keeps: the bot
// offers "🔗 Same dossier as case #A". With another case paused, /resume
// there listed the open cases and closed B as a dossier of its own, with
// no code: the tally counted two dossiers where one is. /resume on a
// screen of an open case goes on with that case, on that screen — since
// review 23h through the list of open cases, which keeps that screen for
// the case's button — also after a restart (the conversation row stays).
func TestResumeAtTheKeptScreenWithSeveralOpenCases(t *testing.T) {
	for _, restart := range []bool{false, true} {
		name := "same bot"
		if restart {
			name = "after a restart"
		}
		t.Run(name, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			v := w.volunteer("Cùng hồ sơ, nhiều ca")
			coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
			const code = "000.00.12.H29-261202-0007"
			w.startBirthCase(v) // left paused by the /new below
			w.finishWithCode(v, code)
			a := caseNo(w, v)
			clk.advance(time.Hour)
			w.toOutcome(v, "khai-sinh", true)
			w.press(v, w.vi("outcome.submitted"))
			b := caseNo(w, v)
			same := w.vi("case.same_dossier_button", locales.Data{"Case": a})
			if m := last(t, fresh(w.send(v, code))); !hasButton(m, same) {
				t.Fatalf("case #%d's code at case #%d's code question: %q %v; want %q", a, b, m.Text, m.Buttons(), same)
			}
			if restart {
				w.restart()
			}
			m := last(t, w.send(v, "/resume"))
			// Since review 23h the open cases are listed, case #b waiting
			// there on the screen it was left at.
			m = last(t, w.press(v, caseButtonOf(m, b)))
			if !hasButton(m, same) || m.Keyboard[0][0].Text != same {
				t.Fatalf("/resume at the offer of \"same dossier as case #%d\", another case paused: %q %v; want that screen again, %q first", a, m.Text, m.Buttons(), same)
			}
			if c, _ := w.lastCase(v); c.ID != b || c.Status != storage.CaseOpen {
				t.Fatalf("case #%d after /resume: %s (last case #%d), want open", b, c.Status, c.ID)
			}
			m = last(t, w.press(v, same))
			if !strings.Contains(m.Text, w.vi("case.same_dossier_done", locales.Data{"Case": b, "Kept": a})) {
				t.Fatalf("%q pressed after /resume: %q", same, m.Text)
			}
			text, values, _ := w.sameDossierTally(coord)
			w.checkDossiers("same dossier after /resume, another case paused", text, values, 2, 1, 1)
		})
	}
}

// "Lý do khác" and "✎ Lỗi khác" ask for words; with another case paused,
// /resume there listed the open cases, and the case pressed opened on the
// list of reasons or its step, not the question asked. It goes on at the
// question, and what is typed next is its answer.
func TestResumeAtATypedScreenWithSeveralOpenCases(t *testing.T) {
	t.Run("reason", func(t *testing.T) {
		w := newWorld(t)
		v := w.volunteer("Lý do khác, nhiều ca")
		w.startBirthCase(v)
		w.toOutcome(v, "khai-sinh", false)
		w.press(v, w.vi("outcome.not_submitted"))
		w.press(v, w.vi("reason.other_reason"))
		m := last(t, w.send(v, "/resume"))
		m = last(t, w.press(v, caseButtonOf(m, caseNo(w, v)))) // listed since review 23h
		if !strings.Contains(m.Text, w.vi("case.reason_note_ask", locales.Data{"Max": 200})) {
			t.Fatalf("/resume at the other reason's question, another case paused: %q %v; want the question again", m.Text, m.Buttons())
		}
		w.send(v, "người dân phải về lấy giấy tờ")
		c, es := w.lastCase(v)
		if c.Status != storage.CaseClosed || c.Reason.String != "other_reason" || !strings.Contains(kindsAndNotes(es), "người dân phải về lấy giấy tờ") {
			t.Errorf("the other reason typed after /resume: case %s, reason %q, events %s", c.Status, c.Reason.String, kindsAndNotes(es))
		}
	})
	t.Run("error", func(t *testing.T) {
		w := newWorld(t)
		v := w.volunteer("Lỗi khác, nhiều ca")
		w.startBirthCase(v)
		w.startBirthCase(v)
		w.press(v, w.vi("case.problem"))
		w.press(v, w.vi("case.problem_other"))
		w.restart()
		m := last(t, w.send(v, "/resume"))
		m = last(t, w.press(v, caseButtonOf(m, caseNo(w, v)))) // listed since review 23h
		if !strings.Contains(m.Text, w.vi("case.note_ask", locales.Data{"Max": 200})) {
			t.Fatalf("/resume at the other error's note, another case paused: %q %v; want the question again", m.Text, m.Buttons())
		}
		w.send(v, "cổng báo lỗi khi tải ảnh")
		if _, es := w.lastCase(v); !strings.Contains(kindsAndNotes(es), "problem:cổng báo lỗi khi tải ảnh") {
			t.Errorf("the other error typed after /resume: events %s", kindsAndNotes(es))
		}
	})
}
