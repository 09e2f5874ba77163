package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// Review 29: "xong" typed at a step was answered "Hãy bấm một nút của bước
// ngay phía trên"; a volunteer in a hurry means ✓ Xong. Typed on its own
// ("xong", "xong rồi", "ok xong", "done") it is that step's ✓: the same
// event, the next step. A second "xong" sent before that next step reached
// the chat does not mark it done unseen (as a second tap on ✓ is out of
// date); words that say more are answered as before.
func TestTypedDoneIsTheStepsDone(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Minh")
	w.startBirthCase(u)

	m := last(t, w.send(u, "xong"))
	c, es := w.lastCase(u)
	if c.Step != 1 || !strings.Contains(m.Text, w.stepHead(g, 1)) || es[len(es)-1].Kind != "done" {
		t.Fatalf("\"xong\" at step 1: step %d, events %s, %q", c.Step+1, kinds(es), m.Text)
	}
	// As ✓ pressed: the same event for the step.
	w.press(u, w.vi("case.back"))
	w.press(u, w.vi("case.done"))
	_, pressed := w.lastCase(u)
	if a, b := es[len(es)-1], pressed[len(pressed)-1]; a.Kind != b.Kind || a.Step != b.Step {
		t.Errorf("typed %s, pressed %s", kinds(es), kinds(pressed))
	}

	// Words that say more are not "done".
	for _, typed := range []string{"chưa xong", "xong chưa?", "xong à", "k xong được", "xong rồi nhưng không thấy mã"} {
		w.send(u, typed)
		if c, _ = w.lastCase(u); c.Step != 1 {
			t.Fatalf("%q took step 2 as done: at step %d", typed, c.Step+1)
		}
	}

	// Two sent fast: the first is step 2's; the second came before step 3
	// was in the chat, and does not mark it done.
	a, b := u.SendText("xong rồi"), u.SendText("xong rồi")
	w.bot.WaitHandled(t, a, b)
	said := w.settle(u)
	if c, es = w.lastCase(u); c.Step != 2 {
		t.Fatalf("two \"xong rồi\" sent fast: at step %d (%s)", c.Step+1, kinds(es))
	}
	if last(t, said).Text != w.vi("case.typed_done_early", locales.Data{"Step": 3}) {
		t.Errorf("the second \"xong\": %q", last(t, said).Text)
	}
	// Typed again now that step 3 is there, it counts.
	w.send(u, "ok xong")
	if c, _ = w.lastCase(u); c.Step != 3 {
		t.Fatalf("\"ok xong\" at step 3: at step %d", c.Step+1)
	}

	// In English.
	w.send(u, "/lang en")
	m = last(t, w.send(u, "Done!"))
	if c, _ = w.lastCase(u); c.Step != 4 || !strings.Contains(m.Text, w.en("case.step_head", locales.Data{"Step": 5, "Steps": len(g.Steps), "Title": g.Steps[4].Title.En})) {
		t.Fatalf("\"Done!\" at step 4: at step %d, %q", c.Step+1, m.Text)
	}
}
