package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// Review 22g: a product walk found problem notes that named the resident
// with "tên", gave their year of birth or their street address stored word
// for word in case_events.note; an address was refused as a name. Each is
// refused now for what it is, nothing is kept, and the note rewritten is.
func TestNotesWithNameBirthYearOrAddressAreNotKept(t *testing.T) {
	notesRefusedThenKept(t, []noteRefusal{
		{"người dân tên Hùng không nhớ mật khẩu", "case.note_name"},
		{"nguoi dan ten Lan khong nho mat khau", "case.note_name"},
		{"nguoi dan ten Mai, sinh nam 1958", "case.note_date"},
		{"cụ sinh năm 1945 không có VNeID", "case.note_date"},
		{"ở 45 Nguyễn Trãi, chủ nhà không xác nhận", "case.note_address"},
		{"nhà số 12 hẻm 34 Lê Lợi chưa có số nhà", "case.note_address"},
	}, "người dân đổi tên, chủ nhà chưa xác nhận")
}

// noteRefusal is a problem note and the refusal (its locale key) it gets.
type noteRefusal struct{ note, key string }

// notesRefusedThenKept types each refused note as a problem's note at a
// temporary-residence case's first step: each is answered with its refusal
// and the question again, none is kept; then kept is stored word for word.
func notesRefusedThenKept(t *testing.T, refused []noteRefusal, kept string) {
	t.Helper()
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
	for _, tt := range refused {
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
	if m := last(t, w.send(u, kept)); !strings.HasPrefix(m.Text, w.vi("case.note_saved")) {
		t.Fatalf("the note %q answered %q", kept, m.Text)
	}
	if _, es = w.lastCase(u); es[len(es)-1].Note.String != kept {
		t.Fatalf("the note kept: %q", es[len(es)-1].Note.String)
	}
}

// Review 22g: a search that named the resident or gave their address
// quoted it back ("Không tìm thấy thủ tục nào khớp “khai sinh cho bé
// Mai”"), and found nothing or the wrong guide. It is searched without
// them now, never quoted, with a word that names are not needed; a search
// of a name alone is refused like an ID number's.
func TestSearchWithANameOrAddressDropsIt(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Tìm")
	for _, tt := range []struct{ query, guide, hidden string }{
		{"khai sinh cho bé Mai", "khai-sinh", "Mai"},
		{"khai sinh cho bé Nguyễn Thị Mai", "khai-sinh", "Nguyễn"},
		{"tam tru cho chu Ba o 12 Le Loi", "tam-tru", "Le Loi"},
		{"bà Tư muốn làm căn cước", "the-can-cuoc", "Tư"},
		{"tạm trú tại 8 Hàng Bạc", "tam-tru", "Hàng Bạc"},
	} {
		w.send(u, "/new")
		ms := fresh(w.send(u, tt.query))
		m := last(t, ms)
		for _, m := range ms {
			if strings.Contains(m.Text, tt.hidden) {
				t.Errorf("%q is quoted back: %q", tt.query, m.Text)
			}
		}
		if !strings.Contains(m.Text, w.vi("case.query_name_dropped")) {
			t.Errorf("%q: %q, want the note that names are not needed", tt.query, m.Text)
		}
		if bs := m.Buttons(); len(bs) == 0 || bs[0].Text != guide(t, tt.guide).Title.Vi {
			t.Errorf("%q found %v, want %s first", tt.query, bs, tt.guide)
		}
	}
	// Outside any flow, a name with no procedure's words.
	w.send(u, "/cancel")
	for _, q := range []string{"bà Tư", "ở 45 Nguyễn Trãi", "chú Ba"} {
		if m := only(t, fresh(w.send(u, q))); m.Text != w.vi("case.query_name") {
			t.Errorf("a search of %q alone answered %q", q, m.Text)
		}
	}
	// A year of birth is refused as a date of birth is.
	if m := only(t, fresh(w.send(u, "khai sinh cho bé sinh năm 2024"))); m.Text != w.vi("case.query_date") {
		t.Errorf("a search with a year of birth answered %q", m.Text)
	}
	// Procedure words that look alike are searched as typed.
	for _, tt := range []struct{ query, guide string }{
		{"cải chính tên", "cai-chinh-ho-tich"},
		{"thay đổi họ tên cho con", "cai-chinh-ho-tich"},
		{"quên tên đăng nhập VNeID", ""},
		{"khai sinh năm 2025", ""},
	} {
		m := last(t, fresh(w.send(u, tt.query)))
		if strings.Contains(m.Text, w.vi("case.query_name_dropped")) || m.Text == w.vi("case.query_name") || m.Text == w.vi("case.query_date") {
			t.Errorf("%q was taken for a name: %q", tt.query, m.Text)
		}
		if bs := m.Buttons(); tt.guide != "" && (len(bs) == 0 || bs[0].Text != guide(t, tt.guide).Title.Vi) {
			t.Errorf("%q found %v, want %s first", tt.query, bs, tt.guide)
		}
	}
}
