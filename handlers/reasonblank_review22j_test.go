package handlers_test

import (
	"strings"
	"testing"
)

// "Lý do khác": a note with no word in it was answered "Ghi chú chưa có
// chữ nào. Hãy gõ vài chữ về lỗi gặp phải…" — it is the reason the dossier
// was not submitted, not an error met. In Vietnamese and English.
func TestBlankOtherReasonAsksForTheReason(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		t.Run(lang, func(t *testing.T) {
			w := newWorld(t)
			v := w.volunteer("Lý do trống")
			w.toOutcome(v, "khai-sinh", false)
			w.press(v, w.vi("outcome.not_submitted"))
			tr := w.vi
			if lang == "en" {
				w.send(v, "/lang")
				w.press(v, w.en("lang.name"))
				tr = w.en
				w.send(v, "/resume")
			}
			if lang == "vi" {
				w.press(v, w.vi("reason.other_reason"))
			} else {
				w.press(v, w.en("reason.other_reason"))
			}
			m := last(t, w.send(v, "🙂🙂🙂"))
			if want := tr("case.reason_note_blank"); !strings.Contains(m.Text, want) || strings.Contains(m.Text, tr("case.note_blank")) {
				t.Errorf("a blank other reason: %q; want %q", m.Text, want)
			}
		})
	}
}
