package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/locales"
)

// Review 24P: a problem note with an appointment's date ("hẹn trả kết quả
// 15/12/2026") was refused as a birth date, and one naming a relative in
// English ("her son Tom") or a person after a hamlet's word ("ấp Nguyễn
// Văn Tâm") was kept. The appointment is kept word for word; a birth
// date, the relative and the person are refused, nothing kept.
func TestReview24PAppointmentNoteKeptRelativeRefused(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Tạm trú")
	g := guide(t, "tam-tru")
	w.send(u, "/new")
	w.send(u, "tam tru")
	w.press(u, g.Title.Vi)
	w.press(u, w.vi("consent.no"))
	w.press(u, w.vi("case.begin"))
	m := last(t, w.press(u, w.vi("case.problem")))
	if hasButton(m, w.vi("case.problem_other")) {
		w.press(u, w.vi("case.problem_other"))
	}
	max := locales.Data{"Max": 200}
	for _, tt := range []struct{ note, key string }{
		{"her son Tom needs a passport", "case.note_name"},
		{"chủ nhà ở ấp Nguyễn Văn Tâm chưa xác nhận", "case.note_name"},
		{"con Mén chưa có giấy chứng sinh", "case.note_name"},
		{"sinh ngày 15/12/1990, quên mật khẩu", "case.note_date"},
		{"CCCD hết hạn 15/12/2030", "case.note_date"},
	} {
		m := last(t, w.send(u, tt.note))
		if !strings.HasPrefix(m.Text, w.vi(tt.key, max)) || !strings.Contains(m.Text, w.vi("case.note_ask", max)) {
			t.Errorf("the note %q answered %q, want %s and the question again", tt.note, m.Text, tt.key)
		}
	}
	_, es := w.lastCase(u)
	for _, e := range es {
		if e.Note.Valid {
			t.Fatalf("a note was kept: %q", e.Note.String)
		}
	}
	day := time.Now().In(time.FixedZone("ICT", 7*60*60)).AddDate(0, 0, 13).Format("02/01/2006")
	kept := "chủ nhà chưa xác nhận, hẹn trả kết quả " + day
	if m := last(t, w.send(u, kept)); !strings.HasPrefix(m.Text, w.vi("case.note_saved")) {
		t.Fatalf("the note with an appointment answered %q", m.Text)
	}
	if _, es = w.lastCase(u); es[len(es)-1].Note.String != kept {
		t.Fatalf("the note kept: %q", es[len(es)-1].Note.String)
	}
}
