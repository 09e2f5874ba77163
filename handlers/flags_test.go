package handlers_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// TestFlagAStepMidCase: a volunteer flags a step that differs on the portal
// in two taps, the case never leaving its step; a note naming someone is
// refused; admins see the flags in /flags, and mark them done.
func TestFlagAStepMidCase(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Cờ")
	w.startBirthCase(u)
	w.press(u, w.vi("case.done"))
	w.press(u, w.vi("case.done")) // at step 3
	before, events := w.lastCase(u)

	w.press(u, w.vi("case.flag"))                      // tap 1
	m := last(t, w.press(u, w.vi("flag.what_button"))) // tap 2
	if !strings.HasPrefix(m.Text, w.vi("case.flag_saved")) || !strings.Contains(m.Text, w.stepHead(g, 2)) || !hasButton(m, w.vi("case.done")) {
		t.Fatalf("after flagging: %q", m.Text)
	}
	w.press(u, w.vi("case.flag"))
	w.press(u, w.vi("flag.what_other"))
	if m = last(t, w.send(u, "bà Nguyễn Thị Lan bảo nút khác")); !strings.HasPrefix(m.Text, w.vi("case.note_name", locales.Data{"Max": 200})) {
		t.Fatalf("a note with a name: %q", m.Text)
	}
	if m = last(t, w.send(u, "nút Tiếp tục nay là Đồng ý")); !strings.HasPrefix(m.Text, w.vi("case.flag_saved")) || !strings.Contains(m.Text, w.stepHead(g, 2)) {
		t.Fatalf("after a flag with a note: %q", m.Text)
	}
	after, es := w.lastCase(u)
	if after.Step != before.Step || after.Phase != before.Phase || len(es) != len(events) {
		t.Fatalf("flagging moved the case: step %d → %d, events %s → %s", before.Step, after.Step, kinds(events), kinds(es))
	}
	var flags []storage.Flag
	if err := w.store.DB().Select(&flags, `SELECT guide_id, guide_checked, step_id, step, commune_code, what, note, created_at FROM guide_flags ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	if len(flags) != 2 || flags[0].GuideID != g.ID || flags[0].StepID != g.Steps[2].ID || flags[0].Step != 3 || flags[0].What != "button" ||
		flags[0].CommuneCode.String != "26882" || !flags[0].GuideChecked.Equal(g.Checked()) || flags[1].Note.String != "nút Tiếp tục nay là Đồng ý" {
		t.Fatalf("flags stored: %+v", flags)
	}

	// A volunteer cannot see them; an admin can, and marks them done.
	if m := only(t, w.send(u, "/flags")); m.Text != w.vi("flags.not_allowed") {
		t.Fatalf("a volunteer's /flags: %q", m.Text)
	}
	m = only(t, w.send(w.admin, "/flags"))
	if !strings.Contains(m.Text, g.Steps[2].Title.Vi) || !strings.Contains(m.Text, w.texts.For("vi").N("flags.count", 2)) || !strings.Contains(m.Text, "nút Tiếp tục nay là Đồng ý") {
		t.Fatalf("/flags: %q", m.Text)
	}
	done := m.Buttons()[0].Text
	if m = last(t, w.press(w.admin, done)); m.Text != w.vi("flags.none") {
		t.Fatalf("after marking done: %q", m.Text)
	}
	var open int
	if err := w.store.DB().Get(&open, `SELECT count(*) FROM guide_flags WHERE resolved_at IS NULL`); err != nil || open != 0 {
		t.Fatalf("%d flags still open (%v)", open, err)
	}
}

// TestGuidesPastDue: admins see which guides are past their review date,
// in /guides and in /help.
func TestGuidesPastDue(t *testing.T) {
	g := guide(t, "the-can-cuoc")
	clk := &clock{t: g.Review().Add(48 * time.Hour)}
	w := newWorld(t, handlers.WithClock(clk.now))
	m := only(t, w.send(w.admin, "/guides"))
	var due int
	for _, other := range catalog.All() {
		if clk.now().After(other.Review()) {
			due++
		}
	}
	if due == 0 || !strings.Contains(m.Text, "⚠ "+strings.SplitN(g.Title.Vi, " (", 2)[0]) || len(strings.Split(m.Text, "\n")) != len(catalog.All())+1 {
		t.Fatalf("/guides with %d past due: %q", due, m.Text)
	}
	if m := only(t, w.send(w.admin, "/help")); !strings.HasSuffix(m.Text, w.texts.For("vi").N("help.admin_due", due)) {
		t.Fatalf("admin /help: %q", m.Text)
	}
}

// TestFlagsNewestFirst: /flags lists the steps flagged most recently first,
// and a step's notes newest first.
func TestFlagsNewestFirst(t *testing.T) {
	var mu sync.Mutex
	now := time.Now()
	w := newWorld(t, handlers.WithClock(func() time.Time { mu.Lock(); defer mu.Unlock(); return now }))
	later := func() { mu.Lock(); now = now.Add(time.Hour); mu.Unlock() }
	g := guide(t, "khai-sinh")
	u := w.volunteer("Cờ")
	w.startBirthCase(u) // at step 1
	flagWithNote := func(note string) {
		t.Helper()
		w.press(u, w.vi("case.flag"))
		w.press(u, w.vi("flag.what_other"))
		if m := last(t, w.send(u, note)); !strings.HasPrefix(m.Text, w.vi("case.flag_saved")) {
			t.Fatalf("flag %q: %q", note, m.Text)
		}
	}
	order := func(want ...string) {
		t.Helper()
		m := only(t, w.send(w.admin, "/flags"))
		at := -1
		for _, s := range want {
			i := strings.Index(m.Text, s)
			if i <= at {
				t.Fatalf("/flags: want %q in this order:\n%s", want, m.Text)
			}
			at = i
		}
	}
	step1, step2 := "«"+g.Steps[0].Title.Vi+"»", "«"+g.Steps[1].Title.Vi+"»"

	flagWithNote("step one, earlier")
	later()
	w.press(u, w.vi("case.done")) // at step 2
	flagWithNote("step two")
	order(step2, step1)

	later()
	w.press(u, w.vi("case.back")) // at step 1 again
	flagWithNote("step one, later")
	order(step1, "step one, later", "step one, earlier", step2)
}

// Found walking the demo as a volunteer: ⚑ "the button differs" pressed on
// a step, then again on the same step of the same case, stored two
// identical flags, and /flags counted the step twice. A flag without a
// note made again within FlagRepeat in the same commune is the same flag;
// one with a note, or one after that, counts.
func TestAFlagMadeAgainCountsOnce(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	u := w.volunteer("Cờ")
	w.startBirthCase(u)
	flag := func() {
		t.Helper()
		w.press(u, w.vi("case.flag"))
		if m := last(t, w.press(u, w.vi("flag.what_button"))); !strings.HasPrefix(m.Text, w.vi("case.flag_saved")) {
			t.Fatalf("after flagging: %q", m.Text)
		}
	}
	count := func() int {
		t.Helper()
		var n int
		if err := w.store.DB().Get(&n, `SELECT count(*) FROM guide_flags`); err != nil {
			t.Fatal(err)
		}
		return n
	}
	flag()
	w.press(u, w.vi("case.done"))
	w.press(u, w.vi("case.back")) // the step again
	flag()
	if n := count(); n != 1 {
		t.Errorf("the same step flagged twice in one case: %d flags, want 1", n)
	}
	w.press(u, w.vi("case.flag"))
	w.press(u, w.vi("flag.what_other"))
	w.send(u, "nút Tiếp tục nay là Đồng ý")
	if n := count(); n != 2 {
		t.Errorf("a flag with a note after it: %d flags, want 2", n)
	}
	clk.advance(storage.FlagRepeat + time.Minute)
	flag()
	if n := count(); n != 3 {
		t.Errorf("the step flagged again %v later: %d flags, want 3", storage.FlagRepeat+time.Minute, n)
	}
}
