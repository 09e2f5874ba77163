package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 29 (walk, item 1): a daughter following her mother's and her
// father's dossiers reported a problem on her father's ("⚠ Có vướng mắc",
// "⚠ Báo vướng mắc"), then told it in words: "bị trả về, thiếu giấy chứng
// sinh". The bot offered her mother's dossier, still open, as the one the
// words were about; pressed, it reported a problem that dossier did not
// have, to its volunteer. The words are the father's dossier's now, whose
// problem is reported already: said so, nothing offered.
func TestReview29ProblemTypedAfterReportingIsThatDossiers(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	const mother, father = "000.00.12.H26-251127-2901", "000.00.12.H26-251127-2902"
	daughter, motherCase, fatherCase, card := w.daughterOfTwo(mother, father)
	w.press(daughter, w.vi("followup.consent_yes"))
	if !hasButton(daughter.Last(), w.vi("followup.reminder_problem")) {
		t.Fatalf("the father's card has no problem button: %q %v", card.Text, buttonTexts(daughter.Last()))
	}
	w.press(daughter, w.vi("followup.reminder_problem"))
	w.press(daughter, w.vi("followup.problem_confirm"))
	if f, _ := w.followupRow(fatherCase); f.Status != storage.FollowupProblem {
		t.Fatalf("the father's dossier after its problem was reported: %+v", f)
	}

	ms := w.send(daughter, "bị trả về, thiếu giấy chứng sinh")
	all := strings.Join(texts(ms), "\n")
	if strings.Contains(all, mother) || !strings.Contains(all, father) || !strings.Contains(all, w.vi("followup.typed_problem_reported")) {
		t.Fatalf("the problem told in words after the father's was reported: %q", texts(ms))
	}
	for _, m := range ms {
		if hasButton(m, w.vi("followup.problem_confirm")) {
			t.Fatalf("a problem offered to report again: %q", m.Text)
		}
	}
	if f, _ := w.followupRow(motherCase); f.Status != storage.FollowupWaiting {
		t.Fatalf("the mother's dossier: %+v", f)
	}

	// With no dossier on screen (a list of both since), each open one is
	// offered, as before: only the mother's is.
	w.send(daughter, "/start")
	ms = w.send(daughter, "hồ sơ bị trả về")
	if all := strings.Join(texts(ms), "\n"); !strings.Contains(all, mother) || strings.Contains(all, w.vi("followup.typed_problem_reported")) {
		t.Fatalf("a problem typed with no dossier on screen: %q", texts(ms))
	}
}
