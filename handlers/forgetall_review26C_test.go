package handlers_test

import (
	"fmt"
	"strings"
	"testing"
)

// Review 26C: /forget's button for every dossier read "🗑 Delete all 2
// follow-ups", and what it then said "Deleted the follow-ups of all 2
// dossiers": English says "all" of three or more. The words read right
// for two and for five ("these 2", "the 5"); Vietnamese's "cả 2 hồ sơ"
// reads right for both.
func TestReview26CForgetAllReadsRightForTwoAndMore(t *testing.T) {
	w := newWorld(t)
	for _, tt := range []struct {
		lang          string
		n             int
		button, after string
	}{
		{"en", 2, "🗑 Delete these 2 follow-ups", "Deleted the follow-ups of the 2 dossiers:"},
		{"en", 5, "🗑 Delete these 5 follow-ups", "Deleted the follow-ups of the 5 dossiers:"},
		{"vi", 2, "🗑 Xoá theo dõi cả 2 hồ sơ", "Đã xoá thông tin theo dõi của cả 2 hồ sơ:"},
		{"vi", 5, "🗑 Xoá theo dõi cả 5 hồ sơ", "Đã xoá thông tin theo dõi của cả 5 hồ sơ:"},
	} {
		reader := w.srv.NewUser(fmt.Sprintf("R26C %s %d", tt.lang, tt.n), tt.lang)
		if tt.lang != "vi" {
			w.send(reader, "/lang "+tt.lang)
		}
		for i := range tt.n {
			_, token := w.slip(fmt.Sprintf("V26C %s %d %d", tt.lang, tt.n, i), fmt.Sprintf("000.00.12.H26-251127-%d%d%02d", tt.n, len(tt.lang), i))
			w.send(reader, "/start "+token)
		}
		list := last(t, w.forgetConfirmed(reader))
		if !hasButton(list, tt.button) {
			t.Errorf("%s, %d dossiers: buttons %v, want %q", tt.lang, tt.n, list.Buttons(), tt.button)
			continue
		}
		if got := last(t, w.press(reader, tt.button)); !strings.HasPrefix(got.Text, tt.after) {
			t.Errorf("%s, %d dossiers: %q after the press, want it to begin %q", tt.lang, tt.n, got.Text, tt.after)
		}
	}
}
