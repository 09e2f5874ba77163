package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
)

// The button that marks a flagged step fixed names its guide short, at a
// word: "Đăng ký xe máy mới, cấp biển số…" was shown "Đăng ký xe máy mới,…",
// a comma left hanging before the ellipsis.
func TestFlagButtonTitleCutWithoutComma(t *testing.T) {
	w := newWorld(t, handlers.WithClock(func() time.Time { return nov(27, 10, 0) }))
	_, err := w.store.DB().Exec(`INSERT INTO guide_flags (guide_id, guide_checked, step_id, step, what, note, created_at)
		VALUES ('dang-ky-xe', DATE '2026-11-01', 'xe-moi', 2, 'other', '', TIMESTAMPTZ '2026-11-27 05:00+07')`)
	if err != nil {
		t.Fatal(err)
	}
	m := only(t, w.send(w.admin, "/flags"))
	var label string
	for _, b := range m.Buttons() {
		if strings.Contains(b.Text, "Đăng ký xe") {
			label = b.Text
		}
	}
	if label == "" {
		t.Fatalf("no button for the flagged guide: %v", m.Buttons())
	}
	if strings.Contains(label, ",…") || strings.Contains(label, ", …") {
		t.Errorf("the guide's name is cut after a comma: %q", label)
	}
}
