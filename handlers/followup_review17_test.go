package handlers_test

import (
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/bot/bottest"
	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// deploy restarts the bot on catalog c, with the clock kept.
func (w *world) deploy(c *guides.Catalog, opts ...handlers.Option) {
	w.t.Helper()
	w.bot.Stop()
	w.h = handlers.New(w.store, w.texts, c, append([]handlers.Option{handlers.WithBotUsername(w.srv.Bot().Username), handlers.WithTapGuard(0)}, opts...)...)
	w.bot = bottest.Start(w.t, w.srv, w.store, w.h, bottest.WithSender(bot.WithGlobalRate(1e6, 1e6)))
}

// dueOf is a follow-up's stored due date ("" when none) and the working
// days it was counted with (0 when none).
func (w *world) dueOf(caseID int64) (string, int) {
	w.t.Helper()
	var due sql.NullTime
	var days sql.NullInt16
	if err := w.store.DB().QueryRow(`SELECT due_on, due_days FROM followups WHERE case_id = $1`, caseID).Scan(&due, &days); err != nil {
		w.t.Fatal(err)
	}
	if !due.Valid {
		return "", int(days.Int16)
	}
	return due.Time.Format(time.DateOnly), int(days.Int16)
}

// A volunteer who corrects a mistyped dossier code a few minutes after
// the case closed, across a deploy that changed the guide's working days
// (3 → 5, or no count at all), moved the date already told to the resident
// on the slip and in the bot: the correction counted it again with the
// guide's days of that moment. The code changes; the promise stays — the
// date and the days it was counted with (followups.due_days).
func TestCodeCorrectedAfterAGuideUpdateKeepsThePromisedDate(t *testing.T) {
	days := guide(t, "khai-sinh").ProcessingDays
	for _, tc := range []struct {
		name string
		now  int // the guide's working days after the deploy
	}{{"more days", days + 2}, {"no count", 0}} {
		t.Run(tc.name, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			v := w.volunteer("Sửa mã")
			const wrong, right = "000.00.12.H26-251127-0070", "000.00.12.H26-251127-0007"
			ms := w.finishWithCode(v, wrong)
			c, _ := w.lastCase(v)
			promised, promisedDays := w.dueOf(c.ID)
			if promised == "" || promisedDays != days {
				t.Fatalf("kept with due %q counted with %d days, want a date and %d", promised, promisedDays, days)
			}
			res := w.srv.NewUser("Cư dân", "vi")
			w.send(res, "/start "+qrToken(t, ms[0].Photo))

			w.deploy(withDays(t, "khai-sinh", tc.now), handlers.WithClock(clk.now))
			clk.advance(3 * time.Minute)
			w.send(v, right)
			w.press(v, w.vi("case.replace_button", locales.Data{"Case": c.ID}))

			due, dueDays := w.dueOf(c.ID)
			if due != promised || dueDays != days {
				t.Errorf("after the correction: due %q counted with %d days, want %q with %d (the promise)", due, dueDays, promised, days)
			}
			shown, _ := time.Parse(time.DateOnly, promised)
			want := w.vi("followup.due", locales.Data{"Due": shown.Format("02/01/2006")})
			if told := w.settle(res); len(told) == 0 || !strings.Contains(last(t, told).Text, right) {
				t.Errorf("the resident is told %q, want the right code", texts(told))
			}
			if m := last(t, w.send(res, "/start")); !strings.Contains(m.Text, want) {
				t.Errorf("/start after the correction: %q, want %q", m.Text, want)
			}
		})
	}
}

// A resident whose tap on "✓ Đồng ý nhận nhắc" (or "Không, cảm ơn") left
// the phone twice — a finger that bounced, a slow connection — was told by
// the second "Nút này đã cũ. Hãy dùng các nút đang hiện.", as if their
// answer had gone wrong, when it was taken. The second tap now says the
// answer is noted, as a second tap on a star or a reminder's answer does;
// the answer stays the first one.
func TestConsentTappedTwiceIsNoted(t *testing.T) {
	for _, label := range []string{"followup.consent_yes", "followup.consent_no"} {
		t.Run(label, func(t *testing.T) {
			w := newWorld(t)
			v := w.volunteer("Vân")
			ms := w.finishWithCode(v, "000.00.12.H26-251127-0001")
			c, _ := w.lastCase(v)
			res := w.srv.NewUser("Cư dân", "vi")
			m := last(t, w.send(res, "/start "+qrToken(t, ms[0].Photo)))
			w.tapTogether(res, m, w.vi(label))
			answers := res.Answers()
			if len(answers) != 2 || answers[1].Text != w.vi("followup.noted_already") {
				t.Errorf("two taps on %q answered %+v, want the second %q", w.vi(label), answers, w.vi("followup.noted_already"))
			}
			f, _ := w.followupRow(c.ID)
			if !f.Consent.Valid || f.Consent.Bool != (label == "followup.consent_yes") {
				t.Errorf("consent %+v after two taps on %q", f.Consent, w.vi(label))
			}
			if got := msgByID(t, res, m.ID); !hasButton(got, "1★") {
				t.Errorf("after two taps the message shows %q, want the rating question", got.Text)
			}
		})
	}
}

// A daughter follows her mother's and her father's dossiers in one chat.
// She rates her father's and types a comment: the answer said "Đã ghi
// nhận nhận xét", then where a dossier stands and its stars, without
// naming which — every other follow-up screen does (the comment left
// blank, the comment refused, the rating itself). It names it now, below
// the thanks.
func TestCommentKeptNamesItsDossier(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Vân")
	const mother, father = "000.00.12.H26-251127-0011", "000.00.12.H26-251127-0012"
	daughter := w.srv.NewUser("Con gái", "vi")
	for _, code := range []string{mother, father} {
		ms := w.finishWithCode(v, code)
		w.send(daughter, "/start "+qrToken(t, ms[0].Photo))
		w.press(daughter, w.vi("followup.consent_yes"))
		clk.advance(time.Hour)
	}
	w.press(daughter, "4★") // the newest message: the father's
	got := last(t, w.send(daughter, "Rất nhiệt tình"))
	if !strings.HasPrefix(got.Text, w.vi("followup.comment_kept")) {
		t.Fatalf("a good comment: %q", got.Text)
	}
	if !strings.Contains(got.Text, father) || strings.Contains(got.Text, mother) {
		t.Errorf("the comment kept is answered %q, which does not name the father's dossier %s", got.Text, father)
	}
}
