package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// "Lý do khác": a reason too long was answered "Ghi chú quá dài…", though
// the screen asks for a reason ("Gõ lý do ngắn…"). It is called a reason
// there, in Vietnamese and English; a problem's note keeps its own words.
func TestLongOtherReasonIsCalledAReason(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		t.Run(lang, func(t *testing.T) {
			w := newWorld(t)
			v := w.volunteer("Lý do dài")
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
			m := last(t, w.send(v, strings.Repeat("mạng chập chờn ", 20)))
			max := locales.Data{"Max": 200}
			if want := tr("case.reason_note_long", max); !strings.Contains(m.Text, want) || strings.Contains(m.Text, tr("case.note_long", max)) {
				t.Errorf("a long other reason: %q; want %q", m.Text, want)
			}
			c, _ := w.lastCase(v)
			if !c.Live() {
				t.Errorf("the case closed on a reason too long")
			}
		})
	}
}
