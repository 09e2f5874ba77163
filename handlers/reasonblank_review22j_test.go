package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// "Lý do khác": a note with no word in it was answered "Ghi chú chưa có
// chữ nào. Hãy gõ vài chữ về lỗi gặp phải…" — it is the reason the dossier
// was not submitted, not an error met. In Vietnamese and English. So was a
// reason too long ("Ghi chú quá dài…", though the screen asks for a
// reason: "Gõ lý do ngắn…"); a problem's note keeps its own words.
func TestBlankOtherReasonAsksForTheReason(t *testing.T) {
	max := locales.Data{"Max": 200}
	for _, lang := range []string{"vi", "en"} {
		for _, c := range []struct {
			name, typed, want, not string
		}{
			{"blank", "🙂🙂🙂", "case.reason_note_blank", "case.note_blank"},
			{"long", strings.Repeat("mạng chập chờn ", 20), "case.reason_note_long", "case.note_long"},
		} {
			t.Run(lang+" "+c.name, func(t *testing.T) {
				w := newWorld(t)
				v := w.volunteer("Lý do")
				w.toOutcome(v, "khai-sinh", false)
				w.press(v, w.vi("outcome.not_submitted"))
				tr := w.vi
				if lang == "en" {
					w.send(v, "/lang")
					w.press(v, w.en("lang.name"))
					tr = w.en
					w.send(v, "/resume")
				}
				w.press(v, tr("reason.other_reason"))
				m := last(t, w.send(v, c.typed))
				if want := tr(c.want, max); !strings.Contains(m.Text, want) || strings.Contains(m.Text, tr(c.not, max)) {
					t.Errorf("a %s other reason: %q; want %q", c.name, m.Text, want)
				}
				if cs, _ := w.lastCase(v); !cs.Live() {
					t.Errorf("the case closed on a %s reason", c.name)
				}
			})
		}
	}
}
