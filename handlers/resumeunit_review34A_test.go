package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// Review 34A: a province coordinator's case is asked, once the resident
// answered the consent, which commune it counts in; no case exists until
// one is chosen. /resume there (the phone dropped, the coordinator back)
// said "Chưa có ca nào đang dở: ca chỉ bắt đầu khi người dân trả lời câu
// hỏi đồng ý" — but the resident had answered it, and the coordinator,
// told so, would go back and ask again. It says what starts the case there
// (choosing the commune), and draws the question again below, as at the
// consent (review 26B); choosing the commune then starts the case.
func TestReview34AResumeAtTheCommuneQuestionSaysWhatStartsTheCase(t *testing.T) {
	w := newWorld(t)
	prov := w.tallyMember("Tỉnh", "", storage.RoleProvinceCoordinator) // of province 79
	g := guide(t, "khai-sinh")
	w.send(prov, "/new")
	w.press(prov, g.Title.Vi)
	above := last(t, w.press(prov, w.vi("consent.no")))
	if !strings.Contains(above.Text, w.vi("case.unit_ask")) {
		t.Fatalf("set-up: the commune question: %q", above.Text)
	}
	m := last(t, w.send(prov, "/resume"))
	if strings.Contains(m.Text, w.vi("resume.before_consent")) {
		t.Errorf("/resume at the commune question: %q\nsays the consent is still to be answered; it was", m.Text)
	}
	if !strings.HasPrefix(m.Text, w.vi("resume.before_unit")+"\n\n") || !strings.Contains(m.Text, w.vi("case.unit_ask")) || !hasButton(m, w.vi("button.back")) {
		t.Errorf("/resume at the commune question: %q %v, want %q and the question again", m.Text, buttonTexts(m), w.vi("resume.before_unit"))
	}
	if m.ID == above.ID {
		t.Fatalf("/resume at the commune question drew nothing below")
	}
	noButtons(t, prov, above.ID, "/resume at the commune question")
	// Choosing the commune there starts the case, with the answer given.
	w.send(prov, "an hoi tay")
	c := last(t, w.press(prov, "Phường An Hội Tây, Thành phố Hồ Chí Minh"))
	if !hasButton(c, w.vi("case.begin")) {
		t.Fatalf("the commune chosen after /resume: %q %v", c.Text, buttonTexts(c))
	}
	if got, _ := w.lastCase(prov); got.Status != storage.CaseOpen || got.FollowupConsent {
		t.Errorf("the case started: %s, reminder %v (the resident said no)", got.Status, got.FollowupConsent)
	}
}
