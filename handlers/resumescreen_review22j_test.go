package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// At case B's code question the code case A keeps was typed: the bot
// offered "🔗 Same dossier as case #A". /resume there drew the plain code
// question (the case's phase), whose first button is "No dossier code":
// the walker pressed it and B counted as a second dossier. /resume shows
// the screen left, "🔗" first, and its press counts one dossier.
func TestResumeAtTheKeptScreenOffersTheSameDossierAgain(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Cùng hồ sơ, tiếp tục")
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	const code = "000.00.12.H29-261202-0007"
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
	m := last(t, w.send(v, "/resume"))
	if !hasButton(m, same) || m.Keyboard[0][0].Text != same {
		t.Fatalf("/resume at the offer of \"same dossier as case #%d\": %q %v; want that screen again, %q first", a, m.Text, m.Buttons(), same)
	}
	m = last(t, w.press(v, same))
	if !strings.Contains(m.Text, w.vi("case.same_dossier_done", locales.Data{"Case": b, "Kept": a})) {
		t.Fatalf("%q pressed after /resume: %q", same, m.Text)
	}
	text, values, _ := w.sameDossierTally(coord)
	w.checkDossiers("same dossier after /resume", text, values, 2, 1, 1)
}

// "Lý do khác" asks for the reason in words; /resume there drew the list
// of reasons again, and the walker's next press recorded "no VNeID". The
// typed screens of a case (the other reason, the other error, what else
// differs on the portal) are drawn again by /resume, and what is typed
// next is taken as their answer.
func TestResumeAtATypedScreenShowsItAgain(t *testing.T) {
	t.Run("reason", func(t *testing.T) {
		w := newWorld(t)
		v := w.volunteer("Lý do khác")
		w.toOutcome(v, "khai-sinh", false)
		w.press(v, w.vi("outcome.not_submitted"))
		w.press(v, w.vi("reason.other_reason"))
		m := last(t, w.send(v, "/resume"))
		if !strings.Contains(m.Text, w.vi("case.reason_note_ask", locales.Data{"Max": 200})) {
			t.Fatalf("/resume at the other reason's question: %q %v; want the question again", m.Text, m.Buttons())
		}
		w.send(v, "người dân phải về lấy giấy tờ")
		c, es := w.lastCase(v)
		if c.Status != storage.CaseClosed || c.Reason.String != "other_reason" || !strings.Contains(kindsAndNotes(es), "người dân phải về lấy giấy tờ") {
			t.Errorf("the other reason typed after /resume: case %s, reason %q, events %s", c.Status, c.Reason.String, kindsAndNotes(es))
		}
	})
	t.Run("error", func(t *testing.T) {
		w := newWorld(t)
		v := w.volunteer("Lỗi khác")
		w.startBirthCase(v)
		w.press(v, w.vi("case.problem"))
		w.press(v, w.vi("case.problem_other"))
		m := last(t, w.send(v, "/resume"))
		if !strings.Contains(m.Text, w.vi("case.note_ask", locales.Data{"Max": 200})) {
			t.Fatalf("/resume at the other error's note: %q %v; want the question again", m.Text, m.Buttons())
		}
		w.send(v, "cổng báo lỗi khi tải ảnh")
		if _, es := w.lastCase(v); !strings.Contains(kindsAndNotes(es), "problem:cổng báo lỗi khi tải ảnh") {
			t.Errorf("the other error typed after /resume: events %s", kindsAndNotes(es))
		}
	})
	t.Run("flag", func(t *testing.T) {
		w := newWorld(t)
		v := w.volunteer("Khác trên cổng")
		w.startBirthCase(v)
		w.press(v, w.vi("case.flag"))
		m := last(t, w.press(v, w.vi("flag.what_other")))
		ask := m.Text[strings.LastIndex(m.Text, "\n")+1:]
		m = last(t, w.send(v, "/resume"))
		if !strings.Contains(m.Text, ask) {
			t.Fatalf("/resume at what else differs: %q %v; want %q again", m.Text, m.Buttons(), ask)
		}
		w.send(v, "nút gửi nằm ở cuối trang")
		var n int
		if err := w.store.DB().Get(&n, `SELECT count(*) FROM guide_flags WHERE note = $1`, "nút gửi nằm ở cuối trang"); err != nil || n != 1 {
			t.Errorf("what differs typed after /resume: %d flags kept with it (err %v), want 1", n, err)
		}
	})
}

// kindsAndNotes lists a case's events as kind:note.
func kindsAndNotes(es []storage.CaseEvent) string {
	var out []string
	for _, e := range es {
		out = append(out, e.Kind+":"+e.Note.String)
	}
	return strings.Join(out, " ")
}
