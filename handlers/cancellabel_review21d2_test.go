package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// /cancel at the "received?" question said, in English, to press the
// "Received" button under "the dossier": the screen shown below has "📬 I
// have received the result" ("✓ Received" is there only while a
// reminder's answer is awaited), and a chat following two dossiers is
// shown two. The answer names the button as it is on the screen below —
// the reminder's "✓ Đã nhận" when its answer is awaited — and speaks of
// one dossier or several.
func TestCancelAtTheReceivedQuestionNamesTheButtonShown(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	en := w.texts.For("en")
	_, ta := w.slip("Vân", "000.00.12.H26-251127-2127")
	_, tb := w.slip("Vy", "000.00.12.H26-251127-2128")
	anna := w.srv.NewUser("Anna", "en")
	w.send(anna, "/lang en")
	w.send(anna, "/start "+ta)
	w.press(anna, w.en("followup.consent_yes"))

	w.press(anna, w.en("followup.result_got"))
	got := strings.Join(texts(w.send(anna, "/cancel")), "\n")
	want := en.N("followup.received_cancelled", 1, locales.Data{"Button": w.en("followup.result_got")})
	if !strings.Contains(got, want) {
		t.Errorf("/cancel, one dossier: %q, want %q", got, want)
	}
	if strings.Contains(got, "“Received”") || !strings.Contains(want, "📬") {
		t.Errorf("/cancel, one dossier, names no button on screen: %q", got)
	}

	w.send(anna, "/start "+tb)
	w.press(anna, w.en("followup.result_got"))
	got = strings.Join(texts(w.send(anna, "/cancel")), "\n")
	want = en.N("followup.received_cancelled", 2, locales.Data{"Button": w.en("followup.result_got")})
	if !strings.Contains(got, want) || want == en.N("followup.received_cancelled", 1, locales.Data{"Button": w.en("followup.result_got")}) {
		t.Errorf("/cancel, two dossiers shown: %q, want %q", got, want)
	}
}

// Asked from a reminder whose answer is awaited: the reminder's own
// button ("✓ Đã nhận") is the one shown below, and named.
func TestCancelAtTheReminderReceivedQuestionNamesItsButton(t *testing.T) {
	w2, _, resident, _ := residentWithReminders(t, "000.00.12.H26-261123-2129")
	if n := w2.remind(vn(2026, 11, 25, 9, 0)); n != 1 {
		t.Fatalf("%d reminders", n)
	}
	w2.settle(resident)
	w2.press(resident, w2.vi("followup.reminder_got"))
	ms := w2.send(resident, "/cancel")
	got := strings.Join(texts(ms), "\n")
	want := w2.texts.For("vi").N("followup.received_cancelled", 1, locales.Data{"Button": w2.vi("followup.reminder_got")})
	if !strings.Contains(got, want) || !hasButton(last(t, ms), w2.vi("followup.reminder_got")) {
		t.Errorf("/cancel at the question asked from a reminder: %q, want %q", got, want)
	}
}
