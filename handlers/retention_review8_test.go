package handlers_test

import (
	"context"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A volunteer closed a case without its dossier code, typed the code a few
// minutes later, and left the bot's question ("attach it to case #N?")
// unanswered — and never wrote to the bot again. The code stayed in their
// conversation row for good: retention deleted only the rows of people it
// no longer keeps. A flow left untouched for GuestSilenceDays is ended now:
// the code is nowhere in the database any more, and the question's button,
// pressed later, is answered as belonging to a finished action and
// attaches nothing.
func TestUnansweredCodeAfterCloseIsNotKeptForever(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	u := w.volunteer("Mười")
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	w.press(u, w.vi("case.no_dossier"))
	c, _ := w.lastCase(u)
	clk.advance(5 * time.Minute)
	const code = "000.00.12.H26-251127-0077"
	m := last(t, w.send(u, code))
	attach := w.vi("case.attach_button", locales.Data{"Case": c.ID})
	if !hasButton(m, attach) {
		t.Fatalf("a code after the case closed: %q %+v", m.Text, m.Keyboard)
	}
	ctx := context.Background()
	if _, err := w.store.ApplyRetention(ctx, time.Now().AddDate(0, 0, storage.GuestSilenceDays-1)); err != nil {
		t.Fatal(err)
	}
	if got := w.tablesHolding(code); len(got) != 1 || got[0] != "conversations" {
		t.Fatalf("before the limit the code is in %v, want conversations (the question still open)", got)
	}
	if _, err := w.store.ApplyRetention(ctx, time.Now().AddDate(0, 0, storage.GuestSilenceDays+1)); err != nil {
		t.Fatal(err)
	}
	if got := w.tablesHolding(code); len(got) != 0 {
		t.Errorf("%d days after the question the code is still in %v", storage.GuestSilenceDays+1, got)
	}
	clk.advance(time.Duration(storage.GuestSilenceDays+1) * 24 * time.Hour)
	p, err := u.PressOn(m.ID, attach)
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, p)
	drain(u)
	if got := lastAnswer(t, u); got != w.vi("button.done") {
		t.Errorf("the old question's button answered %q, want %q", got, w.vi("button.done"))
	}
	if _, ok := w.followupRow(c.ID); ok {
		t.Errorf("the old question's button still attached the code")
	}
}
