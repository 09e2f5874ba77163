package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// The offer to attach a code was still open when the 30 minutes after its
// case ended ran out, and the volunteer typed the right code in place of the
// one offered (mistyped): "no case is waiting for a code; dvcbot does not
// keep this code", under which the offer of the mistyped code kept its
// buttons — pressed, it kept the wrong code for the resident's reminders.
// The right code is offered for the case on screen, in its place.
func TestCodeRetypedAtTheOfferAfterTheWindow(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	u := w.volunteer("Cuối giờ")
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	w.press(u, w.vi("case.no_dossier"))
	first := caseNo(w, u)
	const wrong, right = "000.00.12.H26-251127-0010", "000.00.12.H26-251127-0001"
	attach := w.vi("case.attach_button", locales.Data{"Case": first})

	clk.advance(28 * time.Minute)
	offer := last(t, w.send(u, wrong))
	if !hasButton(offer, attach) {
		t.Fatalf("the code typed 28 minutes after the case: %q", offer.Text)
	}
	clk.advance(3 * time.Minute)
	m := last(t, fresh(w.send(u, right)))
	if want := w.vi("case.code_after_close", locales.Data{"Case": first, "Code": right}); m.Text != want || !hasButton(m, attach) {
		t.Errorf("the right code typed at the offer, 31 minutes after the case: %q %v; want %q", m.Text, m.Buttons(), want)
	}
	noButtons(t, u, offer.ID, "the offer of the mistyped code")
	if strings.Contains(m.Text, wrong) {
		t.Errorf("the mistyped code still offered: %q", m.Text)
	}
	w.press(u, attach)
	if code, _, _ := followup(w, first); code != right {
		t.Errorf("case #%d keeps %q, want %q", first, code, right)
	}
}

// At the offer to replace a case's code by another, the code it keeps typed
// again (the offer was the mistake): it is said to be kept already, and the
// offer to replace it loses its buttons.
func TestKeptCodeRetypedAtTheReplaceOffer(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Giữ mã")
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	w.press(u, w.vi("case.no_dossier"))
	first := caseNo(w, u)
	const kept, other = "000.00.12.H26-251127-0001", "000.00.12.H26-251127-0010"
	w.send(u, kept)
	w.press(u, w.vi("case.attach_button", locales.Data{"Case": first}))
	offer := last(t, w.send(u, other))
	if !hasButton(offer, w.vi("case.replace_button", locales.Data{"Case": first})) {
		t.Fatalf("another code typed after the first was attached: %q %v", offer.Text, offer.Buttons())
	}
	m := last(t, fresh(w.send(u, kept)))
	if want := w.vi("case.code_already_kept", locales.Data{"Case": first, "Code": kept}); !strings.Contains(m.Text, want) {
		t.Errorf("the kept code typed at the offer to replace it: %q, want %q", m.Text, want)
	}
	noButtons(t, u, offer.ID, "the offer to replace the kept code")
	if code, _, _ := followup(w, first); code != kept {
		t.Errorf("case #%d keeps %q, want %q", first, code, kept)
	}
}
