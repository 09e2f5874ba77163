package handlers_test

import (
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dvcbot/dvcbot/handlers"
)

// A volunteer's note on a flagged step is shown cut short on /flags, at a
// word: "…sang góc ph…" cut a word in two, and a link in the note was cut
// into a link to a page that is not there.
func TestFlagNoteCutAtAWord(t *testing.T) {
	w := newWorld(t, handlers.WithClock(func() time.Time { return nov(27, 10, 0) }))
	note := "Trên cổng nút Nộp hồ sơ đã đổi tên thành Gửi hồ sơ và chuyển sang góc phải màn hình, phải kéo xuống mới thấy: " +
		"https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001193"
	_, err := w.store.DB().Exec(`INSERT INTO guide_flags (guide_id, guide_checked, step_id, step, what, note, created_at)
		VALUES ('khai-sinh', DATE '2026-11-01', 'to-khai', 2, 'other', $1, TIMESTAMPTZ '2026-11-27 05:00+07')`, note)
	if err != nil {
		t.Fatal(err)
	}
	m := only(t, w.send(w.admin, "/flags"))
	var shown string
	for _, line := range strings.Split(m.Text, "\n") {
		if s, ok := strings.CutPrefix(strings.TrimSpace(line), "“Trên cổng"); ok {
			shown = "Trên cổng" + strings.TrimSuffix(s, "”")
		}
	}
	cut, ok := strings.CutSuffix(shown, "…")
	if !ok || cut == "" {
		t.Fatalf("the note is not shown cut short with “…”:\n%s", m.Text)
	}
	next, _ := utf8.DecodeRuneInString(strings.TrimPrefix(note, cut))
	last, _ := utf8.DecodeLastRuneInString(cut)
	if !strings.HasPrefix(note, cut) || unicode.IsLetter(next) || unicode.IsDigit(next) || unicode.IsSpace(last) {
		t.Errorf("the note is cut inside a word: %q", shown)
	}
	if strings.Contains(cut, "https://") {
		t.Errorf("the note shows a link cut short: %q", shown)
	}
}
