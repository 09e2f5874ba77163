package handlers_test

import (
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 33A: a volunteer removed from the team while typing a case's note
// (the problem's "✎ Lỗi khác", the ⚑ question's "✎ Khác") sent it, and was
// answered as a resident who follows no dossier: "dvcbot không đọc được
// tin nhắn gõ. Tài khoản Telegram này hiện không theo dõi hồ sơ nào. Nếu
// ông/bà đã được hỗ trợ nộp hồ sơ…". They are told now what /new and
// /resume tell them — cases need a team — and that their unfinished case
// is kept; the note is stored nowhere.
func TestReview33ARemovedVolunteerTypingIsToldOfTheTeam(t *testing.T) {
	w := newWorld(t)
	coord := w.member("Cường", storage.RoleCoordinator, "26882")
	for _, tc := range []struct{ name, button, other string }{
		{"Bỏ Lỗi", "case.problem", "case.problem_other"},
		{"Bỏ Cờ", "case.flag", "flag.what_other"},
	} {
		vol := w.volunteer(tc.name)
		w.startBirthCase(vol)
		w.press(vol, w.vi(tc.button))
		w.press(vol, w.vi(tc.other))
		w.send(coord, "/team")
		w.press(coord, "✕ 2. "+tc.name)
		w.press(coord, w.vi("team.remove_yes"))
		drain(vol)
		m := only(t, w.send(vol, "cổng báo lỗi 500 khi bấm nộp"))
		want := w.vi("case.not_member") + "\n\n" + w.texts.For("vi").N("team.removed_unfinished", 1, locales.Data{"Count": 1})
		if m.Text != want {
			t.Errorf("%s: removed at %q, the note typed was answered %q, want %q", tc.name, w.vi(tc.other), m.Text, want)
		}
		if c, es := w.lastCase(vol); c.Status != storage.CasePaused || kindsAndNotes(es) != "start: checklist: pause:" {
			t.Errorf("%s: the case after the note: %s %s", tc.name, c.Status, kindsAndNotes(es))
		}
	}
	// Someone with no case typing gets the resident's answer, as before.
	guest := w.srv.NewUser("Khách", "vi")
	if m := only(t, w.send(guest, "cổng báo lỗi")); m.Text != w.vi("error.text_no_flow") {
		t.Errorf("a guest's text was answered %q", m.Text)
	}
}
