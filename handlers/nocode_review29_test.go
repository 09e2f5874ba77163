package handlers_test

import (
	"strings"
	"testing"
)

// Review 29: the resident wanted a reminder, the dossier was submitted, and
// the volunteer pressed "Không có mã hồ sơ": the summary said nothing of
// the reminder, and no slip came — the volunteer could not tell the
// resident nothing would come. It says so now, and where to follow the
// dossier; not when the resident wanted no reminder (summary.anonymous says
// that), nor once a code is kept.
func TestSummarySaysNoReminderWithoutCode(t *testing.T) {
	w := newWorld(t)
	noCode := w.vi("summary.no_code")

	v := w.volunteer("Không mã")
	w.toOutcome(v, "khai-sinh", true)
	w.press(v, w.vi("outcome.submitted"))
	m := last(t, w.press(v, w.vi("case.no_dossier")))
	if !hasButton(m, w.vi("case.new_button")) || !strings.Contains(m.Text, noCode) {
		t.Fatalf("reminder wanted, no code: the summary %q; want %q in it", m.Text, noCode)
	}

	a := w.volunteer("Không nhắc")
	w.toOutcome(a, "khai-sinh", false)
	if m = last(t, w.press(a, w.vi("outcome.submitted"))); strings.Contains(m.Text, noCode) || !strings.Contains(m.Text, w.vi("summary.anonymous")) {
		t.Fatalf("no reminder wanted: the summary %q", m.Text)
	}

	k := w.volunteer("Có mã")
	ms := w.finishWithCode(k, "000.00.12.H26-251127-0001")
	for _, m := range ms {
		if strings.Contains(m.Text, noCode) || strings.Contains(m.Caption, noCode) {
			t.Fatalf("a code kept, and the summary says there is none: %q", m.Text)
		}
	}
}
