package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// A law's number ("45/2019/QH14"), one of the National Assembly's Standing
// Committee ("35/2023/UBTVQH15", "1232/NQ-UBTVQH15"), a joint circular's
// ("01/2016/TTLT-BTP-BYT") or a consolidated text's ("05/VBHN-BTP"), the
// shapes of Vietnamese legal documents' numbers, typed to look a procedure up was read
// as a dossier code: a few minutes after a case closed without one, the
// volunteer was offered to attach "45/2019/QH14" to it. They are searched,
// as a decree's number is; a real code whose unit identifier has a group
// starting with 0 ("H15.50.05.13-261008-0975") is offered.
func TestLawNumberIsNoDossierCode(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Luật")
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	w.press(u, w.vi("case.no_dossier"))
	closed := caseNo(w, u)
	attach := w.vi("case.attach_button", locales.Data{"Case": closed})

	w.send(u, "/new")
	for _, typed := range []string{"45/2019/QH14", "72/2025/QH15", "35/2023/UBTVQH15", "1232/NQ-UBTVQH15", "01/2016/TTLT-BTP-BYT", "05/VBHN-BTP"} {
		m := last(t, w.send(u, typed))
		if want := w.vi("case.no_match", locales.Data{"Query": typed}); !strings.HasPrefix(m.Text, want) || hasButton(m, attach) {
			t.Errorf("%q typed on the procedure list: %q %v; want %q", typed, m.Text, m.Buttons(), want)
		}
	}

	const code = "H15.50.05.13-261008-0975"
	m := last(t, w.send(u, code))
	if !hasButton(m, attach) || !strings.Contains(m.Text, code) {
		t.Fatalf("the real code typed after the case: %q %v; want %q", m.Text, m.Buttons(), attach)
	}
}
