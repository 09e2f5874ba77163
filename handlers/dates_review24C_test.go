package handlers_test

import (
	"strings"
	"testing"
)

// A resident reading in English saw "Result expected on: 08/12/2026", which
// an English reader takes for 12 August. Dates a resident reads are written
// as their language writes them: "8 Dec 2026" in English, 08/12/2026 in
// Vietnamese.
func TestResidentDatesReadInTheirLanguage(t *testing.T) {
	w := newWorld(t)
	v := w.volunteer("Vân")
	ms := w.finishWithCode(v, "000.00.12.H26-251127-0001")
	token := qrToken(t, ms[0].Photo)

	res := w.srv.NewUser("Resident", "en")
	w.send(res, "/lang en")
	m := last(t, w.send(res, "/start "+token))
	if !strings.Contains(m.Text, "Result expected on: ") {
		t.Fatalf("no expected date on the English card:\n%s", m.Text)
	}
	_, after, _ := strings.Cut(m.Text, "Result expected on: ")
	if strings.Contains(strings.SplitN(after, "\n", 2)[0], "/") {
		t.Errorf("the English card writes its date day/month/year: %q", strings.SplitN(after, "\n", 2)[0])
	}
	vi := w.srv.NewUser("Cư dân", "vi")
	mv := last(t, w.send(vi, "/start "+token))
	if !strings.Contains(mv.Text, "/12/2026") && !strings.Contains(mv.Text, "/01/2027") {
		t.Errorf("the Vietnamese card no longer writes dd/mm/yyyy:\n%s", mv.Text)
	}
}
