package handlers_test

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/bottest"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// catalog is the shipped guide catalog every test world uses.
var catalog = func() *guides.Catalog {
	c, err := guides.Shipped()
	if err != nil {
		panic(err)
	}
	return c
}()

// clock is a fake time that tests move on, to see durations.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)} } // a Friday, 16:00 in Vietnam

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// volunteer makes a member of commune 26882 (Phường An Hội Tây).
func (w *world) volunteer(name string) *telegramtest.User {
	w.t.Helper()
	u := w.srv.NewUser(name, "vi")
	ctx := context.Background()
	err := w.store.InTx(ctx, func(tx *storage.Tx) error {
		return tx.SetMembership(ctx, u.ID, name, "26882", storage.RoleVolunteer)
	})
	if err != nil {
		w.t.Fatal(err)
	}
	return u
}

// restart stops the bot and starts it again on the same database, as a
// deploy or a crash would.
func (w *world) restart() {
	w.bot.Stop()
	w.bot = bottest.Start(w.t, w.srv, w.store, w.h, bottest.WithSender(bot.WithGlobalRate(1e6, 1e6)))
}

// last returns the last message of a reply that must not be empty.
func last(t *testing.T, ms []*telegramtest.Message) *telegramtest.Message {
	t.Helper()
	if len(ms) == 0 {
		t.Fatal("the bot said nothing")
	}
	return ms[len(ms)-1]
}

func guide(t *testing.T, id string) *guides.Guide {
	t.Helper()
	g, ok := catalog.Guide(id)
	if !ok {
		t.Fatalf("no guide %s", id)
	}
	return g
}

func (w *world) stepHead(g *guides.Guide, i int) string {
	return w.vi("case.step_head", locales.Data{"Step": i + 1, "Steps": len(g.Steps), "Title": g.Steps[i].Title.Vi})
}

// lastCase reads the volunteer's newest case and its events.
func (w *world) lastCase(u *telegramtest.User) (storage.Case, []storage.CaseEvent) {
	w.t.Helper()
	var id int64
	if err := w.store.DB().Get(&id, `SELECT max(id) FROM cases WHERE volunteer_id = $1`, u.ID); err != nil {
		w.t.Fatal(err)
	}
	return w.caseByID(u, id)
}

func kinds(es []storage.CaseEvent) string {
	var out []string
	for _, e := range es {
		s := e.Kind
		if e.Step.Valid {
			s += fmt.Sprint(e.Step.Int32)
		}
		if e.Problem.Valid {
			s += "(" + e.Problem.String + ")"
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

// TestFullCases runs one whole case for each of three guides, each chosen
// a different way and ending differently, and checks what the database
// holds.
func TestFullCases(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	tests := []struct {
		guide   string
		choose  func(w *world, u *telegramtest.User)
		consent bool
		outcome string
		reason  string
		code    string // typed; stored upper-case and without spaces
	}{
		{guide: "khai-sinh", choose: func(w *world, u *telegramtest.User) { w.press(u, guide(t, "khai-sinh").Title.Vi) },
			consent: true, outcome: "submitted", code: " 000.00.12.h26-251127-0001 "},
		{guide: "tam-tru", choose: func(w *world, u *telegramtest.User) {
			m := last(t, w.send(u, "tam tru"))
			if !strings.HasPrefix(m.Text, w.texts.For("vi").N("case.found", len(catalog.Search("tam tru")), locales.Data{"Query": "tam tru"})) {
				t.Fatalf("search answer: %q", m.Text)
			}
			w.press(u, guide(t, "tam-tru").Title.Vi)
		}, consent: false, outcome: "paid"},
		{guide: "ly-lich-tu-phap", choose: func(w *world, u *telegramtest.User) {
			w.press(u, w.vi("category.justice")+fmt.Sprintf(" (%d)", len(catalog.InCategory("justice"))))
			w.press(u, guide(t, "ly-lich-tu-phap").Title.Vi)
		}, consent: true, outcome: "not_submitted", reason: "no_vneid"},
	}
	for _, tt := range tests {
		t.Run(tt.guide, func(t *testing.T) {
			g := guide(t, tt.guide)
			u := w.volunteer("V " + tt.guide)
			start := clk.now()
			last(t, w.send(u, "/new"))
			tt.choose(w, u)
			consent := w.vi("consent.no")
			if tt.consent {
				consent = w.vi("consent.yes")
			}
			m := last(t, w.press(u, consent))
			if len(g.Prerequisites) > 0 {
				if !strings.Contains(m.Text, g.Prerequisites[0].Text.Vi) {
					t.Fatalf("checklist: %q", m.Text)
				}
				m = last(t, w.press(u, "☐ 1"))
				if !hasButton(m, "☑ 1") {
					t.Fatalf("item 1 not ticked: %+v", m.Keyboard)
				}
				m = last(t, w.press(u, w.vi("case.begin")))
			}
			for i := range g.Steps {
				if !strings.Contains(m.Text, w.stepHead(g, i)) || !strings.Contains(m.Text, g.Steps[i].Text.Vi) {
					t.Fatalf("step %d screen: %q", i+1, m.Text)
				}
				clk.advance(2 * time.Minute)
				m = last(t, w.press(u, w.vi("case.done")))
			}
			if m.Text != w.vi("case.head", locales.Data{"Guide": g.Title.Vi, "Case": caseNo(w, u)})+"\n"+w.vi("case.outcome_ask") {
				t.Fatalf("outcome screen: %q", m.Text)
			}
			m = last(t, w.press(u, w.vi("outcome."+tt.outcome)))
			if tt.reason != "" {
				m = last(t, w.press(u, w.vi("reason."+tt.reason)))
			}
			if tt.code != "" {
				if !strings.Contains(m.Text, w.vi("case.dossier_ask")) {
					t.Fatalf("dossier question: %q", m.Text)
				}
				m = last(t, w.send(u, tt.code))
			}
			c, es := w.lastCase(u)
			if !strings.HasPrefix(m.Text, w.vi("summary.head", locales.Data{"Case": c.ID})) {
				t.Fatalf("summary: %q", m.Text)
			}
			if c.Status != storage.CaseClosed || c.Outcome.String != tt.outcome || c.Reason.String != tt.reason ||
				c.Mode.String != g.Mode || c.GuideID != g.ID || c.StepsTotal != len(g.Steps) || c.FollowupConsent != tt.consent ||
				!strings.HasPrefix(c.ConsentVersion, "vi-") || c.CommuneCode.String != "26882" {
				t.Fatalf("case row: %+v", c)
			}
			if d := c.FinishedAt.Time.Sub(c.StartedAt); !c.StartedAt.Equal(start) || d != time.Duration(len(g.Steps))*2*time.Minute {
				t.Fatalf("started %v (want %v), took %v (want %d × 2 min)", c.StartedAt, start, d, len(g.Steps))
			}
			want := []string{"start"}
			if len(g.Prerequisites) > 0 {
				want = append(want, "checklist")
			}
			for i := range g.Steps {
				want = append(want, fmt.Sprintf("done%d", i+1))
			}
			want = append(want, "outcome")
			if got := kinds(es); got != strings.Join(want, " ") {
				t.Fatalf("events: %s\nwant:   %s", got, strings.Join(want, " "))
			}
			for i, e := range es[len(es)-1-len(g.Steps) : len(es)-1] {
				if e.StepID.String != g.Steps[i].ID || !e.At.Equal(start.Add(time.Duration(i+1)*2*time.Minute)) {
					t.Fatalf("event %+v: want step %s at +%d min", e, g.Steps[i].ID, 2*(i+1))
				}
			}
			code, due, err := followup(w, c.ID)
			switch {
			case tt.code == "" && err != storage.ErrNotFound:
				t.Fatalf("a dossier code was kept without one typed: %q %v", code, err)
			case tt.code != "" && (err != nil || code != "000.00.12.H26-251127-0001"):
				t.Fatalf("followup = %q, %v", code, err)
			case tt.code != "" && g.ProcessingDays == 3 && due.Time.Format(time.DateOnly) != "2026-12-02":
				// Friday 27/11 + 3 working days = Wednesday 2/12.
				t.Fatalf("due on %v, want 2026-12-02", due.Time)
			}
			if !tt.consent && !strings.Contains(m.Text, w.vi("summary.anonymous")) {
				t.Fatalf("summary of an anonymous case: %q", m.Text)
			}
		})
	}
}

func caseNo(w *world, u *telegramtest.User) int64 {
	c, _ := w.lastCase(u)
	return c.ID
}

func followup(w *world, id int64) (code string, due sql.NullTime, err error) {
	ctx := context.Background()
	err = w.store.InTx(ctx, func(tx *storage.Tx) error {
		var err error
		code, due, err = tx.Followup(ctx, id)
		return err
	})
	return code, due, err
}

// startBirthCase takes a volunteer to step 1 of the birth-registration
// guide, without follow-up, and returns the live message.
func (w *world) startBirthCase(u *telegramtest.User) *telegramtest.Message {
	w.t.Helper()
	g := guide(w.t, "khai-sinh")
	w.send(u, "/new")
	w.press(u, g.Title.Vi)
	w.press(u, w.vi("consent.no"))
	m := last(w.t, w.press(u, w.vi("case.begin")))
	if !strings.Contains(m.Text, w.stepHead(g, 0)) {
		w.t.Fatalf("step 1: %q", m.Text)
	}
	return m
}

func TestProblemBackSkipPauseRestartResume(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Minh")
	w.startBirthCase(u)

	// Problem → its fix → done.
	m := last(t, w.press(u, w.vi("case.problem")))
	if !hasButton(m, g.Steps[0].Errors[0].Label.Vi) || !hasButton(m, w.vi("case.problem_other")) {
		t.Fatalf("problem list: %+v", m.Keyboard)
	}
	m = last(t, w.press(u, g.Steps[0].Errors[0].Label.Vi))
	if !strings.Contains(m.Text, g.Steps[0].Errors[0].Fix.Vi) {
		t.Fatalf("fix screen: %q", m.Text)
	}
	// The fix points to the password guide: its button is right there.
	sub := guide(t, g.Steps[0].Subguide)
	if m = last(t, w.press(u, "📖 "+sub.Title.Vi)); !strings.Contains(m.Text, sub.Steps[0].Title.Vi) {
		t.Fatalf("sub-guide from the fix: %q", m.Text)
	}
	// Its ← goes back to the fix (review 26E: it went to the bare step).
	if m = last(t, w.press(u, w.vi("case.to_fix"))); !strings.Contains(m.Text, g.Steps[0].Errors[0].Fix.Vi) {
		t.Fatalf("back from the sub-guide opened from the fix: %q", m.Text)
	}
	// ✓ fixed, step done.
	m = last(t, w.press(u, w.vi("case.fixed_done")))
	if !strings.Contains(m.Text, w.stepHead(g, 1)) {
		t.Fatalf("after the fix: %q", m.Text)
	}
	// Back, done again, skip.
	if m = last(t, w.press(u, w.vi("case.back"))); !strings.Contains(m.Text, w.stepHead(g, 0)) {
		t.Fatalf("back: %q", m.Text)
	}
	w.press(u, w.vi("case.done"))
	if m = last(t, w.press(u, w.vi("case.skip"))); !strings.Contains(m.Text, w.stepHead(g, 2)) {
		t.Fatalf("skip: %q", m.Text)
	}
	// Another problem, noted in words: personal data is refused.
	w.press(u, w.vi("case.problem"))
	m = last(t, w.press(u, w.vi("case.problem_other")))
	if !strings.Contains(m.Text, w.vi("case.note_ask", locales.Data{"Max": 200})) {
		t.Fatalf("note question: %q", m.Text)
	}
	for text, answer := range map[string]string{
		"bà Lan sđt 0912 345 678":      "case.note_number",
		"CCCD 001099012345 bị lỗi":     "case.note_number",
		"gửi qua lan.nguyen@gmail.com": "case.note_email",
	} {
		if m = last(t, w.send(u, text)); !strings.HasPrefix(m.Text, w.vi(answer, locales.Data{"Max": 200})) {
			t.Fatalf("note %q answered %q", text, m.Text)
		}
	}
	m = last(t, w.send(u, "Cổng treo khi chọn xã"))
	if !strings.HasPrefix(m.Text, w.vi("case.note_saved")) || !strings.Contains(m.Text, w.stepHead(g, 2)) {
		t.Fatalf("note saved: %q", m.Text)
	}
	// Pause; the bot restarts; /resume is back at step 3.
	m = last(t, w.press(u, w.vi("case.pause")))
	c, _ := w.lastCase(u)
	where := w.vi("resume.phase_steps", locales.Data{"Step": 3, "Steps": len(g.Steps)})
	if m.Text != w.vi("case.paused", locales.Data{"Case": c.ID, "Where": where}) || c.Status != storage.CasePaused {
		t.Fatalf("paused: %q, case %+v", m.Text, c)
	}
	w.restart()
	m = last(t, w.send(u, "/resume"))
	if !strings.Contains(m.Text, w.stepHead(g, 2)) {
		t.Fatalf("/resume: %q", m.Text)
	}
	if m = last(t, w.press(u, w.vi("case.done"))); !strings.Contains(m.Text, w.stepHead(g, 3)) {
		t.Fatalf("done after resume: %q", m.Text)
	}
	c, es := w.lastCase(u)
	e0 := "problem1(" + g.Steps[0].Errors[0].ID + ")"
	// The same error chosen twice at step 1 (the sub-guide read between) is
	// one problem that persisted: recorded once.
	want := "start checklist " + e0 + " done1 back2 done1 skip2 problem3(other) pause3 resume3 done3"
	if got := kinds(es); got != want || c.Status != storage.CaseOpen {
		t.Fatalf("events: %s\nwant:   %s (status %s)", got, want, c.Status)
	}
	for _, e := range es {
		if e.Problem.String == "other" && e.Note.String != "Cổng treo khi chọn xã" {
			t.Fatalf("note stored as %q", e.Note.String)
		}
	}
}

func TestSeveralOpenCasesAndResume(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Hoa")
	w.startBirthCase(u)
	w.press(u, w.vi("case.done"))
	first, _ := w.lastCase(u)
	// A second case begins while the first is open: the first is paused,
	// not lost.
	w.startBirthCase(u)
	if c, es := w.caseByID(u, first.ID); c.Status != storage.CasePaused || !strings.HasSuffix(kinds(es), "done1 pause2") {
		t.Fatalf("the first case after /new: %s, events %s", c.Status, kinds(es))
	}
	m := last(t, w.send(u, "/resume"))
	if !strings.HasPrefix(m.Text, w.vi("resume.head")) || len(m.Buttons()) != 2 {
		t.Fatalf("/resume with two open cases: %q %+v", m.Text, m.Keyboard)
	}
	var label string
	for _, b := range m.Buttons() {
		if strings.HasPrefix(b.Text, fmt.Sprintf("#%d ", first.ID)) {
			label = b.Text
		}
	}
	if !strings.Contains(label, w.vi("resume.phase_steps", locales.Data{"Step": 2, "Steps": 7})) {
		t.Fatalf("first case's button: %q", label)
	}
	second, _ := w.lastCase(u)
	m = last(t, w.press(u, label))
	if !strings.Contains(m.Text, fmt.Sprintf("#%d", first.ID)) || !strings.Contains(m.Text, w.stepHead(guide(t, "khai-sinh"), 1)) {
		t.Fatalf("resumed: %q", m.Text)
	}
	// Turning to the first case from the list paused the second one.
	if c, es := w.caseByID(u, second.ID); c.Status != storage.CasePaused || !strings.HasSuffix(kinds(es), "pause1") {
		t.Fatalf("the second case after turning to the first: %s, events %s", c.Status, kinds(es))
	}
	// /cancel pauses the case rather than dropping it.
	if m = last(t, w.send(u, "/cancel")); !strings.HasPrefix(m.Text, "⏸") {
		t.Fatalf("/cancel in a case: %q", m.Text)
	}
	pauseMsg := u.Last()
	// The pause message's button takes the case up again, even later; a
	// double tap on it resumes once.
	w.send(u, "/new")
	a, _ := u.PressOn(pauseMsg.ID, w.vi("case.resume_button", locales.Data{"Case": first.ID}))
	b, _ := u.PressOn(pauseMsg.ID, w.vi("case.resume_button", locales.Data{"Case": first.ID}))
	w.bot.WaitHandled(t, a, b)
	if m = last(t, drain(u)); !strings.Contains(m.Text, w.stepHead(guide(t, "khai-sinh"), 1)) {
		t.Fatalf("resume button: %q", m.Text)
	}
	_, es := w.caseByID(u, first.ID)
	if got, want := kinds(es), "start checklist done1 pause2 resume2 pause2 resume2"; got != want {
		t.Fatalf("events: %s\nwant:   %s", got, want)
	}
	// "End this case" from a pause goes to why it could not be submitted.
	w.press(u, w.vi("case.pause"))
	w.press(u, w.vi("case.end_button"))
	m = last(t, w.press(u, w.vi("reason.portal_error")))
	if c, _ := w.caseByID(u, first.ID); c.Status != storage.CaseClosed || c.Outcome.String != "not_submitted" || c.Reason.String != "portal_error" || !strings.HasPrefix(m.Text, "✅") {
		t.Fatalf("ended case: %+v\n%q", c, m.Text)
	}
}

// caseByID reads one of the volunteer's cases and its events.
func (w *world) caseByID(u *telegramtest.User, id int64) (storage.Case, []storage.CaseEvent) {
	w.t.Helper()
	ctx := context.Background()
	var (
		c  storage.Case
		es []storage.CaseEvent
	)
	err := w.store.InTx(ctx, func(tx *storage.Tx) error {
		var err error
		if c, err = tx.Case(ctx, id, u.ID); err != nil {
			return err
		}
		es, err = tx.CaseEvents(ctx, id)
		return err
	})
	if err != nil {
		w.t.Fatal(err)
	}
	return c, es
}

func TestQuickChecklistTapsAndDossierBack(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Nhanh")
	w.send(u, "/new")
	consent := last(t, w.press(u, g.Title.Vi))
	// A double tap on the consent answer makes one case, not two.
	a, _ := u.PressOn(consent.ID, w.vi("consent.yes"))
	b, _ := u.PressOn(consent.ID, w.vi("consent.yes"))
	w.bot.WaitHandled(t, a, b)
	live := last(t, drain(u))
	var cases int
	if err := w.store.DB().Get(&cases, `SELECT count(*) FROM cases WHERE volunteer_id = $1`, u.ID); err != nil || cases != 1 {
		t.Fatalf("a double tap on consent made %d cases (%v)", cases, err)
	}
	if !strings.Contains(live.Text, w.vi("case.checklist")) {
		t.Fatalf("after consent: %q", live.Text)
	}
	// Three taps on one message before it is redrawn, one of them twice.
	var ids []int64
	for _, label := range []string{"☐ 1", "☐ 2", "☐ 2", "☐ 4"} {
		id, err := u.PressOn(live.ID, label)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	w.bot.WaitHandled(t, ids...)
	drain(u)
	c, _ := w.lastCase(u)
	if want := []string{g.Prerequisites[0].ID, g.Prerequisites[1].ID, g.Prerequisites[3].ID}; !slices.Equal(c.Checked, want) {
		t.Fatalf("ticked %v, want %v", c.Checked, want)
	}
	m := last(t, w.press(u, "☑ 2")) // and untick one
	if !hasButton(m, "☐ 2") || !hasButton(m, "☑ 1") {
		t.Fatalf("after unticking 2: %+v", m.Keyboard)
	}
	w.press(u, w.vi("case.begin"))
	for range g.Steps {
		w.press(u, w.vi("case.done"))
	}
	w.press(u, w.vi("outcome.submitted"))
	// Pressed "submitted" by mistake: back to the outcome.
	if m = last(t, w.press(u, w.vi("button.back"))); !strings.Contains(m.Text, w.vi("case.outcome_ask")) {
		t.Fatalf("back from the dossier code: %q", m.Text)
	}
	w.press(u, w.vi("outcome.on_the_spot"))
	if c, _ = w.lastCase(u); c.Outcome.String != "on_the_spot" || c.Status != storage.CaseClosed {
		t.Fatalf("case: %+v", c)
	}
}

// TestGuideChangedWhilePaused: a deploy shortens the guide of a paused
// case; /resume follows the guide as it is now, and the case can finish.
func TestGuideChangedWhilePaused(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Đổi")
	w.startBirthCase(u)
	for range 5 {
		w.press(u, w.vi("case.done"))
	}
	w.press(u, w.vi("case.pause"))

	short := *g
	short.Steps = g.Steps[:4]
	w.withCatalog(guides.NewCatalog(&short))

	m := last(t, w.send(u, "/resume"))
	if !strings.Contains(m.Text, w.vi("case.step_head", locales.Data{"Step": 4, "Steps": 4, "Title": g.Steps[3].Title.Vi})) {
		t.Fatalf("resumed on a shorter guide: %q", m.Text)
	}
	if m = last(t, w.press(u, w.vi("case.done"))); !strings.Contains(m.Text, w.vi("case.outcome_ask")) {
		t.Fatalf("after the last step of the shorter guide: %q", m.Text)
	}
	// Closed, it never has more steps done than it has steps.
	m = last(t, w.press(u, w.vi("outcome.on_the_spot")))
	c, _ := w.lastCase(u)
	var done, total int
	if err := w.store.DB().QueryRow(`SELECT steps_done, steps_total FROM cases WHERE id = $1`, c.ID).Scan(&done, &total); err != nil {
		t.Fatal(err)
	}
	if done > total || total != 4 || !strings.Contains(m.Text, "4/4") {
		t.Errorf("case stored %d steps done of %d; summary %q", done, total, m.Text)
	}
}

func TestSearchRefusesPersonalData(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Kín")
	if m := only(t, w.send(u, "0912345678 Nguyễn Thị Lan")); m.Text != w.vi("case.query_number") {
		t.Fatalf("a phone number as a search: %q", m.Text)
	}
	// Even a harmless search is not kept as typed: only what it found.
	if m := only(t, w.send(u, "tam tru")); !hasButton(m, guide(t, "tam-tru").Title.Vi) {
		t.Fatalf("tam tru: %q", m.Text)
	}
	var n int
	if err := w.store.DB().Get(&n, `SELECT count(*) FROM conversations WHERE data::text LIKE '%0912%' OR data::text LIKE '%tam tru%'`); err != nil || n != 0 {
		t.Fatalf("typed words were stored in %d conversations (%v)", n, err)
	}
}

// TestOldButtonsAfterCancelAndEndingEarly: a step's buttons pressed after
// /cancel say they are out of date and show the open cases; a case ended
// early from its pause message can go back to the step it stopped at; the
// summary's time leaves out the pause.
func TestOldButtonsAfterCancelAndEndingEarly(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	g := guide(t, "khai-sinh")
	u := w.volunteer("Cũ")
	live := w.startBirthCase(u)
	clk.advance(3 * time.Minute)
	w.press(u, w.vi("case.done"))
	// A tap that left the phone before /cancel took the step's buttons off.
	done := dataOf(t, msgByID(t, u, live.ID), w.vi("case.done"))
	w.send(u, "/cancel")
	clk.advance(time.Hour)

	id, err := u.PressData(live.ID, done)
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	m := last(t, drain(u))
	c, _ := w.lastCase(u)
	if m.ID != live.ID || !strings.HasPrefix(m.Text, w.vi("resume.head")) || c.Step != 1 || c.Status != storage.CasePaused {
		t.Fatalf("old step button after /cancel: %+v; case at step %d, %s", m, c.Step+1, c.Status)
	}
	if ans := u.Answers(); ans[len(ans)-1].Text != w.vi("button.stale") {
		t.Fatalf("answer: %+v", ans[len(ans)-1])
	}

	w.send(u, "/cancel") // leave the list
	w.send(u, "/resume")
	w.press(u, w.vi("case.pause"))
	w.press(u, w.vi("case.end_button"))
	if m = last(t, w.press(u, w.vi("button.back"))); !strings.Contains(m.Text, w.stepHead(g, 1)) {
		t.Fatalf("back from ending early: %q", m.Text)
	}
	clk.advance(2 * time.Minute)
	for range g.Steps[1:] {
		w.press(u, w.vi("case.done"))
	}
	w.press(u, w.vi("outcome.on_the_spot"))
	m = u.Last()
	if !strings.Contains(m.Text, w.vi("summary.time", locales.Data{"Time": w.vi("time.minutes", locales.Data{"Minutes": 5})})) {
		t.Fatalf("summary should count 3 + 2 active minutes, not the hour paused: %q", m.Text)
	}
}

func TestStaleButtonsDoubleTapsAndText(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Tú")
	live := w.startBirthCase(u)

	// Double tap on Done: two presses of the same button arrive.
	a, err := u.PressOn(live.ID, w.vi("case.done"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := u.PressOn(live.ID, w.vi("case.done"))
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, a, b)
	drain(u)
	if c, _ := w.lastCase(u); c.Step != 1 {
		t.Fatalf("a double tap moved the case to step %d, want 2", c.Step+1)
	}
	if ans := u.Answers(); !slices.ContainsFunc(ans, func(a telegramtest.CallbackAnswer) bool { return a.Text == w.vi("button.stale") }) {
		t.Fatalf("the second tap was not told it is stale: %+v", ans)
	}
	if m := u.Last(); !strings.Contains(m.Text, w.stepHead(g, 1)) {
		t.Fatalf("live message after the double tap: %q", m.Text)
	}

	// Text where a button is expected: a hint and the same step ("xong
	// rồi" is the step's ✓ since review 29: handlers/typeddone_review29_test.go).
	m := last(t, w.send(u, "tiếp theo làm gì"))
	if !w.saysPress(m, "vi") || len(m.Buttons()) != 0 && !strings.Contains(m.Text, w.stepHead(g, 1)) {
		t.Fatalf("text at a button step: %q", m.Text)
	}

	// An old screen from before: /new twice, then a press on the first one
	// that left the phone before the second took its buttons off.
	old := last(t, w.send(u, "/new"))
	pick := dataOf(t, old, g.Title.Vi)
	last(t, w.send(u, "/new"))
	id, err := u.PressData(old.ID, pick)
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	m = last(t, drain(u))
	if m.ID != old.ID || !strings.HasPrefix(m.Text, w.vi("case.pick")) {
		t.Fatalf("stale press showed %+v, want the current screen drawn on the old message", m)
	}
	var step string
	if err := w.store.DB().Get(&step, `SELECT step FROM conversations WHERE chat_id = $1`, u.ID); err != nil || step != "pick" {
		t.Fatalf("a stale press moved the flow to %q (%v)", step, err)
	}
}

func TestSearchFromTheChat(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Hà")
	for _, q := range []string{"khai sinh", "khaisinh", "KHAI SINH"} {
		m := last(t, w.send(u, q)) // no /new needed: words typed anywhere search
		if bs := m.Buttons(); len(bs) == 0 || bs[0].Text != guide(t, "khai-sinh").Title.Vi {
			t.Fatalf("%q: %q %+v", q, m.Text, m.Keyboard)
		}
	}
	m := last(t, w.send(u, "mức độ 4"))
	full := 0
	for _, g := range catalog.All() {
		if g.Mode == guides.ModeFull && g.Kind == guides.KindDossier {
			full++
		}
	}
	// At most 10 are shown, with a word that there are more.
	if !strings.HasPrefix(m.Text, w.texts.For("vi").N("case.found", full, locales.Data{"Query": "mức độ 4"})) || len(m.Buttons()) != min(full, 10)+1 ||
		(full > 10) != strings.Contains(m.Text, w.vi("case.found_more", locales.Data{"Shown": 10})) {
		t.Fatalf("mức độ 4: %q, %d buttons for %d guides", m.Text, len(m.Buttons()), full)
	}
	m = last(t, w.send(u, "xyzzy"))
	if m.Text != w.vi("case.no_match", locales.Data{"Query": "xyzzy"}) || !hasButton(m, w.vi("case.all_guides")) {
		t.Fatalf("no match: %q", m.Text)
	}
	// A guest is told to join first.
	guest := w.srv.NewUser("Khách", "vi")
	if m := only(t, w.send(guest, "/new")); m.Text != w.vi("case.not_member") {
		t.Fatalf("guest /new: %q", m.Text)
	}
}

// TestTapCount counts the taps of a happy-path birth-registration case
// (docs/wizard.md): the logging itself, beyond choosing the guide and
// walking its steps, must cost at most 3 taps or typed answers.
func TestTapCount(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Đếm")
	taps, typed := 0, 0
	press := func(label string) *telegramtest.Message { taps++; return last(t, w.press(u, label)) }
	w.send(u, "/new") // from the menu: counted as a tap
	taps++
	press(g.Title.Vi)          // choose the guide
	press(w.vi("consent.yes")) // logging: the resident's answer
	press(w.vi("case.begin"))  // the checklist, read
	for range g.Steps {        // the guide itself
		press(w.vi("case.done"))
	}
	press(w.vi("outcome.submitted")) // logging: the outcome
	typed++
	m := last(t, w.send(u, "H26.99-251127-0001")) // logging: the dossier code
	if !strings.HasPrefix(m.Text, "✅") {
		t.Fatalf("summary: %q", m.Text)
	}
	logging := 2 + typed // consent, outcome, dossier code
	t.Logf("birth registration: %d steps, %d taps in all + %d typed answer; logging costs %d", len(g.Steps), taps, typed, logging)
	if taps != len(g.Steps)+5 || logging > 3 {
		t.Fatalf("%d taps for %d steps (want steps + 5), logging %d (want ≤ 3)", taps, len(g.Steps), logging)
	}
}

// TestEveryGuideEndToEnd walks every shipped guide through the wizard, in
// both languages: every screen of every step, error and sub-guide is
// drawn and sent (the fake
// Telegram refuses a message over 4,096 characters or callback data over 64
// bytes, so a screen that does not fit never arrives and the test fails).
func TestEveryGuideEndToEnd(t *testing.T) {
	world := newWorld(t)
	for _, g := range catalog.All() {
		for _, lang := range locales.Languages {
			t.Run(g.ID+"/"+lang, func(t *testing.T) {
				t.Parallel() // one chat per guide and language: the lanes run them side by side
				w := *world
				w.t = t
				walkGuide(t, &w, g, lang)
			})
		}
	}
}

func walkGuide(t *testing.T, w *world, g *guides.Guide, lang string) {
	tr := w.texts.For(lang)
	u := w.volunteer("V " + g.ID)
	if lang != "vi" {
		w.send(u, "/lang "+lang)
	}
	stepHead := func(i int) string {
		return tr.T("case.step_head", locales.Data{"Step": i + 1, "Steps": len(g.Steps), "Title": g.Steps[i].Title.In(lang)})
	}
	w.send(u, "/new")
	w.press(u, tr.T("category."+g.Category)+fmt.Sprintf(" (%d)", len(catalog.InCategory(g.Category))))
	w.press(u, g.Title.In(lang))
	consent := tr.T("consent.yes")
	if !g.OffersFollowup() {
		consent = tr.T("consent.read")
	}
	m := last(t, w.press(u, consent))
	if len(g.Prerequisites) > 0 {
		m = last(t, w.press(u, tr.T("case.begin")))
	}
	for i, s := range g.Steps {
		if !strings.Contains(m.Text, stepHead(i)) || !strings.Contains(m.Text, s.Text.In(lang)) {
			t.Fatalf("%s step %d: %q", g.ID, i+1, m.Text)
		}
		toStep := tr.T("case.to_step", locales.Data{"Step": i + 1})
		if s.Subguide != "" {
			sub := guide(t, s.Subguide)
			if m = last(t, w.press(u, "📖 "+sub.Title.In(lang))); !strings.Contains(m.Text, sub.Title.In(lang)) {
				t.Fatalf("%s step %d sub-guide: %q", g.ID, i+1, m.Text)
			}
			for page := 1; hasButton(m, tr.T("button.next")); page++ { // every page of it
				if m = last(t, w.press(u, tr.T("button.next"))); page > len(sub.Steps) {
					t.Fatalf("%s step %d sub-guide: more pages than steps", g.ID, i+1)
				}
			}
			if !strings.Contains(m.Text, sub.Steps[len(sub.Steps)-1].Text.In(lang)) {
				t.Fatalf("%s step %d sub-guide: the last page lacks the last step: %q", g.ID, i+1, m.Text)
			}
			w.press(u, toStep)
		}
		if len(s.Errors) > 0 {
			w.press(u, tr.T("case.problem"))
			for j, e := range s.Errors {
				if m = last(t, w.press(u, e.Label.In(lang))); !strings.Contains(m.Text, e.Fix.In(lang)) {
					t.Fatalf("%s step %d error %s: %q", g.ID, i+1, e.ID, m.Text)
				}
				if j < len(s.Errors)-1 {
					w.press(u, tr.T("case.other_problem"))
				}
			}
			w.press(u, toStep)
		}
		m = last(t, w.press(u, tr.T("case.done")))
	}
	outcome := "outcome.submitted"
	if g.Kind != guides.KindDossier {
		outcome = "outcome." + g.Kind + ".done"
	}
	m = last(t, w.press(u, tr.T(outcome)))
	if g.OffersFollowup() { // the code is asked for only where there is a dossier to follow
		m = last(t, w.press(u, tr.T("case.no_dossier")))
	}
	if !strings.HasPrefix(m.Text, "✅") {
		t.Fatalf("%s summary: %q", g.ID, m.Text)
	}
}

// TestForgedButtonsTouchNoOtherCase sends callback data no button of this
// user carries: another volunteer's case number in every action that takes
// one, and nonsense arguments. Nothing of the other case changes.
func TestForgedButtonsTouchNoOtherCase(t *testing.T) {
	w := newWorld(t)
	a, b := w.volunteer("A"), w.volunteer("B")
	w.startBirthCase(a)
	w.press(a, w.vi("case.pause"))
	victim, eventsBefore := w.lastCase(a)

	m := last(t, w.send(b, "/new"))
	var version int
	if err := w.store.DB().Get(&version, `SELECT version FROM conversations WHERE chat_id = $1`, b.ID); err != nil {
		t.Fatal(err)
	}
	id := fmt.Sprint(victim.ID)
	v := fmt.Sprint(version)
	for i, data := range []string{"c:res:" + id + ":0", "c:end:" + id + ":0", "c:cs:" + id + ":" + v,
		"c:g:no-such-guide:" + v, "c:k:nothing:" + v, "c:pg:-3:" + v, "c:zz::" + v, "c", "c:::", "x:y:z:w"} {
		upd := w.srv.Enqueue(models.Update{CallbackQuery: &models.CallbackQuery{
			ID:   fmt.Sprintf("forged%d", i),
			From: models.User{ID: b.ID, FirstName: "B"},
			Message: models.MaybeInaccessibleMessage{Type: models.MaybeInaccessibleMessageTypeMessage, Message: &models.Message{
				ID: m.ID, Date: int(time.Now().Unix()), Chat: models.Chat{ID: b.ID, Type: models.ChatTypePrivate}}},
			Data: data,
		}})
		w.bot.WaitHandled(t, upd)
	}
	drain(b)
	after, events := w.lastCase(a)
	if after.Status != storage.CasePaused || after.Phase != victim.Phase || after.Step != victim.Step || after.Outcome.Valid || len(events) != len(eventsBefore) {
		t.Fatalf("another volunteer's forged presses changed case %d: %+v, events %s", victim.ID, after, kinds(events))
	}
	var n int
	if err := w.store.DB().Get(&n, `SELECT count(*) FROM cases WHERE volunteer_id = $1`, b.ID); err != nil || n != 0 {
		t.Fatalf("forged presses made %d cases (%v)", n, err)
	}
}

// A deploy while a volunteer is on a step (not paused): the guide gained a
// step before it, or lost one. ✓ Done pressed on the message they see
// counts for the step that message shows, and the case goes on after it.
func TestLiveCaseFollowsItsStepAcrossADeploy(t *testing.T) {
	g := guide(t, "khai-sinh")
	extra := g.Steps[0]
	extra.ID = "a-new-first-step"
	for name, steps := range map[string][]guides.Step{
		"step removed before": append(slices.Clone(g.Steps[:1]), g.Steps[2:]...),
		"step added before":   append([]guides.Step{extra}, g.Steps...),
	} {
		t.Run(name, func(t *testing.T) {
			w := newWorld(t)
			u := w.volunteer("Triển khai")
			w.startBirthCase(u)
			for range 3 {
				w.press(u, w.vi("case.done"))
			}
			seen := g.Steps[3] // on screen now, not done yet

			changed := *g
			changed.Steps = steps
			w.withCatalog(guides.NewCatalog(&changed))

			next := last(t, w.press(u, w.vi("case.done")))
			c, events := w.lastCase(u)
			done := events[len(events)-1]
			if done.Kind != "done" || done.StepID.String != seen.ID {
				t.Errorf("✓ Done on %s recorded %s %s", seen.ID, done.Kind, done.StepID.String)
			}
			after := changed.Steps[slices.IndexFunc(changed.Steps, func(s guides.Step) bool { return s.ID == seen.ID })+1]
			if !strings.Contains(next.Text, after.Title.Vi) || c.StepID.String != after.ID {
				t.Errorf("after %s: the case is at %s and shows %q, want %s", seen.ID, c.StepID.String, strings.SplitN(next.Text, "\n", 3)[:2], after.ID)
			}
		})
	}
}

// A deploy removed the very step on screen: the press records nothing, and
// the volunteer sees the step that took its place, which the next press
// counts.
func TestLiveCaseStepRemovedInADeploy(t *testing.T) {
	g := guide(t, "khai-sinh")
	w := newWorld(t)
	u := w.volunteer("Bước mất")
	w.startBirthCase(u)
	for range 3 {
		w.press(u, w.vi("case.done"))
	}
	_, before := w.lastCase(u)
	changed := *g
	changed.Steps = append(slices.Clone(g.Steps[:3]), g.Steps[4:]...) // the step on screen dropped
	w.withCatalog(guides.NewCatalog(&changed))

	m := last(t, w.press(u, w.vi("case.done")))
	_, events := w.lastCase(u)
	if len(events) != len(before) {
		t.Errorf("a press on a step that left the guide recorded %s", kinds(events[len(before):]))
	}
	if !strings.Contains(m.Text, w.vi("case.step_gone")) || !strings.Contains(m.Text, changed.Steps[3].Title.Vi) {
		t.Errorf("shown %q, want the note and %s", strings.SplitN(m.Text, "\n", 4)[:3], changed.Steps[3].ID)
	}
	w.press(u, w.vi("case.done"))
	_, events = w.lastCase(u)
	if e := events[len(events)-1]; e.Kind != "done" || e.StepID.String != changed.Steps[3].ID {
		t.Errorf("the next press recorded %s %s, want done %s", e.Kind, e.StepID.String, changed.Steps[3].ID)
	}
}

// A province coordinator's case asks its commune after the consent: Back
// returns to the consent, a name found nowhere in the province says so, and
// the case starts with the consent answered before.
func TestProvinceCoordinatorPicksTheCasesCommune(t *testing.T) {
	w := newWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator) // of province 79
	g := guide(t, "khai-sinh")
	w.send(prov, "/new")
	w.press(prov, g.Title.Vi)
	w.press(prov, w.vi("consent.yes"))
	back := last(t, w.press(prov, w.vi("button.back")))
	if !strings.Contains(back.Text, w.vi("consent.words", locales.Data{"Days": storage.FollowupDays})) {
		t.Fatalf("Back on the commune question: %q", back.Text)
	}
	w.press(prov, w.vi("consent.yes"))
	if m := last(t, w.send(prov, "xyzq")); !strings.Contains(m.Text, w.vi("case.unit_none", locales.Data{"Query": "xyzq"})) {
		t.Errorf("a commune of another province: %q", m.Text)
	}
	w.send(prov, "an hoi tay")
	m := last(t, w.press(prov, "Phường An Hội Tây, Thành phố Hồ Chí Minh"))
	c, _ := w.lastCase(prov)
	if c.CommuneCode.String != anHoiTayCode || !c.FollowupConsent || !strings.HasPrefix(c.ConsentVersion, "vi-") || !hasButton(m, w.vi("case.begin")) {
		t.Errorf("case in %q, consent %v (%s), shown %q", c.CommuneCode.String, c.FollowupConsent, c.ConsentVersion, m.Text)
	}
}
