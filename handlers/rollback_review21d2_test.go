package handlers_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// flowsBefore21d are the conversation flows the version before review
// 21d (4853ef6^1) routes typed text, /cancel and "again" to: a flow it
// does not name, it reads as no flow at all.
var flowsBefore21d = []string{"lang", "inv", "c", "fl", "dg", "lv", "jn", "t", "tm", "f"}

// The open "received?" question was kept as the follow-up flow ("f") at a
// screen of its own. After a rollback to the version before, that flow is
// the comment question's: "đã nhận rồi" typed at an open question was read
// as a comment on case 0 and answered "Thông tin theo dõi này không còn…".
// The question is kept under a flow of its own, which that version reads
// as no flow: the words typed ask the question, as they did there.
func TestReceivedQuestionFlowIsUnknownToThePreviousVersion(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	_, token := w.slip("Vân", "000.00.12.H26-251127-2130")
	res := w.srv.NewUser("Cư dân", "vi")
	w.send(res, "/start "+token)
	w.press(res, w.vi("followup.consent_yes"))
	for _, how := range []string{"pressed", "typed"} {
		if how == "pressed" {
			w.press(res, w.vi("followup.result_got"))
		} else {
			w.send(res, "đã nhận rồi")
		}
		var flow, step string
		if err := w.store.DB().QueryRow(`SELECT flow, step FROM conversations WHERE chat_id = $1`, res.ID).Scan(&flow, &step); err != nil {
			t.Fatal(err)
		}
		if flow == "" || slices.Contains(flowsBefore21d, flow) {
			t.Errorf("%s: the open question is kept as flow %q (step %q), which the version before 21d reads as its own", how, flow, step)
		}
		w.send(res, "/cancel")
	}
}

// A row 4853ef6 (never released) wrote for an open question — the
// follow-up flow "f" at its "received" screen — is still read as the
// question: /cancel closes it.
func TestReceivedQuestionRowOf4853ef6StillCloses(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	_, token := w.slip("Vân", "000.00.12.H26-251127-2131")
	res := w.srv.NewUser("Cư dân", "vi")
	w.send(res, "/start "+token)
	w.press(res, w.vi("followup.consent_yes"))
	q := last(t, w.press(res, w.vi("followup.result_got")))
	if _, err := w.store.DB().Exec(`UPDATE conversations SET flow = 'f', data = data || '{"c": 0}' WHERE chat_id = $1`, res.ID); err != nil {
		t.Fatal(err)
	}
	w.restart() // nothing of the row kept in memory
	got := strings.Join(texts(w.send(res, "/cancel")), "\n")
	if !strings.Contains(got, w.vi("followup.received_cancelled", locales.Data{"Button": w.vi("followup.result_got")})) {
		t.Errorf("/cancel at a question kept as 4853ef6 kept it: %q", got)
	}
	noButtons(t, res, q.ID, "/cancel at a question kept as 4853ef6 kept it")
}
