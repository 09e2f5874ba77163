package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A province coordinator asked which commune a case is for pastes the
// resident's phone number there (the wrong field, a busy counter): it was
// kept in the conversation row as the commune's name searched, and shown
// back. It is refused as the search for a procedure refuses it, and a name
// too long says why instead of the question coming back without a word.
func TestCommuneQuestionKeepsNoPersonalData(t *testing.T) {
	w := newWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	w.send(prov, "/new")
	w.press(prov, guide(t, "khai-sinh").Title.Vi)
	w.press(prov, w.vi("consent.yes"))

	m := last(t, w.send(prov, "0912 345 678"))
	if conv := w.conversationOf(t, prov); strings.Contains(conv, "0912") {
		t.Errorf("the phone number typed at the commune question is kept: %s", conv)
	}
	if !strings.Contains(m.Text, w.vi("case.unit_personal")) || strings.Contains(m.Text, "0912") {
		t.Errorf("a phone number at the commune question is answered %q", m.Text)
	}
	long := strings.Repeat("phuong an hoi tay ", 10)
	if m := last(t, w.send(prov, long)); !strings.Contains(m.Text, w.vi("invite.query_too_long", locales.Data{"Max": 100})) {
		t.Errorf("a name of %d characters is answered %q", len(long), m.Text)
	}
}
