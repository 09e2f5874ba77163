package handlers_test

import (
	"strings"
	"testing"
)

// "Người dân không cần nhắc khi có kết quả, nên ca này không giữ mã hồ sơ"
// closed every case whose resident wanted no reminder, even one ended as
// not eligible, with no dossier at all. It is said only where a dossier
// was submitted, whose code would have been kept (review 22h).
func TestSummarySaysNoCodeKeptOnlyForADossier(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "cai-chinh-ho-tich")
	if len(g.Prerequisites) == 0 || !g.OffersFollowup() {
		t.Fatalf("cai-chinh-ho-tich: no checklist, or no reminder offered")
	}
	anonymous := w.vi("summary.anonymous")
	summary := w.vi("case.new_button")

	// Not eligible, at the checklist: no dossier.
	u, _ := w.openGuide(g, "vi")
	w.press(u, w.vi("consent.no"))
	m := last(t, w.endAs(u, w.vi("case.not_eligible")))
	if !hasButton(m, summary) || strings.Contains(m.Text, anonymous) {
		t.Errorf("not eligible, no reminder wanted: the summary %q; want it without %q", m.Text, anonymous)
	}

	// Could not submit, at the outcome: no dossier either.
	v := w.volunteer("Không nộp được")
	w.toOutcome(v, g.ID, false)
	w.press(v, w.vi("outcome.not_submitted"))
	m = last(t, w.press(v, w.vi("reason.no_vneid")))
	if !hasButton(m, summary) || strings.Contains(m.Text, anonymous) {
		t.Errorf("not submitted, no reminder wanted: the summary %q; want it without %q", m.Text, anonymous)
	}

	// Submitted: no code kept, as the resident wanted, said as before.
	s := w.volunteer("Đã nộp")
	w.toOutcome(s, g.ID, false)
	if m = last(t, w.press(s, w.vi("outcome.submitted"))); !hasButton(m, summary) || !strings.Contains(m.Text, anonymous) {
		t.Errorf("submitted, no reminder wanted: the summary %q; want %q", m.Text, anonymous)
	}
}
