package handlers_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/web"
)

// qrToken is the follow-up token a slip's QR code holds, whichever link it
// is: the web page's (…/f/<token>) or the bot's (…?start=<token>).
func qrToken(t *testing.T, photo []byte) string {
	t.Helper()
	link := decodeQR(t, photo)
	m := regexp.MustCompile(`(?:/f/|\?start=)([A-Za-z0-9_-]{16,64})$`).FindStringSubmatch(link)
	if m == nil {
		t.Fatalf("the slip's QR code reads %q: no follow-up link", link)
	}
	return m[1]
}

// Many residents do not use Telegram (docs: domain). With PUBLIC_URL, the
// slip's QR code is the follow-up page, which any phone's camera opens in a
// browser and which offers the reminders in Telegram; the link printed
// under it is the same. Found in review (2026-11-30): the QR code was the
// bot's deep link even with a web page, so a resident without Telegram who
// scanned it reached Telegram's "download the app" page, and the page that
// needs no Telegram was only the 49 characters printed below, to be typed
// by hand. Without PUBLIC_URL, the QR code is the deep link, as before.
func TestSlipQROpensThePageWithoutTelegram(t *testing.T) {
	t.Run("with a web page", func(t *testing.T) {
		w := newWorld(t, handlers.WithPublicURL("https://dvc.example.vn/"))
		v := w.volunteer("Vân")
		const code = "000.00.12.H26-251127-0601"
		ms := w.finishWithCode(v, code)
		if len(ms) != 2 || ms[0].Photo == nil {
			t.Fatalf("want the slip photo, then the summary: %+v", ms)
		}
		c, _ := w.lastCase(v)
		var token string
		if err := w.store.DB().Get(&token, `SELECT token FROM followups WHERE case_id = $1`, c.ID); err != nil {
			t.Fatal(err)
		}
		page := "https://dvc.example.vn/f/" + token
		if got := decodeQR(t, ms[0].Photo); got != page {
			t.Fatalf("the slip's QR code reads %q, want the follow-up page %q", got, page)
		}
		// The page it opens, in a browser, shows the dossier and offers
		// the reminders in Telegram (the bot's deep link).
		serve := web.New(w.store, catalog, w.texts, web.WithTelegramLink(w.h.DeepLink))
		rec := httptest.NewRecorder()
		serve.ServeHTTP(rec, httptest.NewRequest("GET", strings.TrimPrefix(page, "https://dvc.example.vn"), nil))
		body := rec.Body.String()
		if rec.Code != http.StatusOK || !strings.Contains(body, code) || !strings.Contains(body, w.h.DeepLink(token)) {
			t.Errorf("the page the QR code opens: %d, code shown %v, Telegram offered %v",
				rec.Code, strings.Contains(body, code), strings.Contains(body, w.h.DeepLink(token)))
		}
		// The summary still gives both links to send.
		if s := ms[1].Text; !strings.Contains(s, w.h.DeepLink(token)) || !strings.Contains(s, page) {
			t.Errorf("the summary's links: %q", s)
		}
	})
	t.Run("Telegram only", func(t *testing.T) {
		w := newWorld(t)
		v := w.volunteer("Vân")
		ms := w.finishWithCode(v, "000.00.12.H26-251127-0602")
		if len(ms) != 2 || ms[0].Photo == nil {
			t.Fatalf("want the slip photo, then the summary: %+v", ms)
		}
		if got, want := decodeQR(t, ms[0].Photo), w.h.DeepLink(qrToken(t, ms[0].Photo)); got != want {
			t.Errorf("the slip's QR code reads %q, want the bot's deep link %q", got, want)
		}
	})
}

// An older resident answers the reminder by typing ("đã nhận rồi", "chưa")
// or with a sticker, not with its buttons. Found in review (2026-11-30):
// they were told "Mình làm việc qua lệnh và nút bấm. Gõ /help để xem các
// lệnh." — the bot's words to volunteers, whose /help lists commands — and
// the question they meant to answer stayed where the reminder was, maybe
// far above. Now what they send is still not read as an answer (nor kept),
// and their follow-up comes back under a note asking them to use the
// buttons, with the reminder's question and buttons, which then work.
// ("Đã nhận rồi" itself now gets the question "✓ Đã nhận" asks:
// TestTypedReceivedAsksTheQuestion.)
func TestResidentTypesTheAnswerToAReminder(t *testing.T) {
	clk := newClock() // Friday 27/11/2026
	w := newWorld(t, handlers.WithClock(clk.now))
	const code = "000.00.12.H26-251127-0603"
	caseID, _, res := w.openedFollowup("Vân", code)
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "4★")
	w.press(res, w.vi("followup.comment_skip"))
	clk.advance(6*24*time.Hour - 6*time.Hour) // Thursday 3/12, 10:00 in Vietnam: the first working day after the due date (2/12)
	if n, err := w.h.SendDueReminders(context.Background()); err != nil || n != 1 {
		t.Fatalf("reminders sent: %d, %v", n, err)
	}
	if m, err := res.Next(15 * time.Second); err != nil || !hasButton(m, w.vi("followup.reminder_not")) {
		t.Fatalf("the reminder: %+v, %v", m, err)
	}

	check := func(what string, ms []*telegramtest.Message, note string) {
		t.Helper()
		if len(ms) != 2 {
			t.Fatalf("%s: the bot sent %d messages, want the note and the follow-up: %+v", what, len(ms), ms)
		}
		if ms[0].Text != w.vi(note) {
			t.Errorf("%s: the note: %q", what, ms[0].Text)
		}
		m := ms[1]
		if !strings.Contains(m.Text, code) || !strings.Contains(m.Text, w.vi("followup.status_asked_again")) {
			t.Errorf("%s: the follow-up shown again: %q", what, m.Text)
		}
		for _, b := range []string{"followup.reminder_got", "followup.reminder_not", "followup.reminder_problem"} {
			if !hasButton(m, w.vi(b)) {
				t.Errorf("%s: no %q button under the follow-up: %+v", what, w.vi(b), m.Buttons())
			}
		}
		if f, _ := w.followupRow(caseID); f.Status != storage.FollowupWaiting || f.Comment.Valid || f.Result.Valid {
			t.Errorf("%s: what was sent was read: %+v", what, f)
		}
	}
	check("typed", w.send(res, "chưa thấy gì cả cháu ơi"), "followup.typed")
	w.bot.WaitHandled(t, res.SendMessage(models.Message{Sticker: &models.Sticker{
		FileID: "CAACsticker", FileUniqueID: "AgADs", Type: "regular", Width: 512, Height: 512, Emoji: "👍"}}))
	check("a sticker", drain(res), "error.not_text_resident")

	// The buttons shown again answer the reminder.
	got := last(t, w.pressReceived(res))
	if !strings.Contains(got.Text, w.vi("followup.received")) {
		t.Errorf("after pressing the button shown again: %q", got.Text)
	}
	if f, _ := w.followupRow(caseID); f.Status != storage.FollowupReceived {
		t.Errorf("the button shown again recorded nothing: %+v", f)
	}
	// Someone with no follow-up is still told about commands.
	if m := only(t, w.send(w.srv.NewUser("Khách", "vi"), "bao giờ xong?")); m.Text != w.vi("error.text_no_flow") {
		t.Errorf("a guest's text: %q", m.Text)
	}
}

// Procedure titles hold parentheses of their own ("Khai sinh liên thông
// (khai sinh + thường trú + BHYT)"). Found in review (2026-11-30): the
// reminder read "Hồ sơ 000.00.12.H26-… (Khai sinh liên thông (khai sinh +
// thường trú + BHYT)) đã đến hạn có kết quả", and the volunteer's notice
// of a problem "ca #1 (Khai sinh liên thông (…))": brackets in brackets,
// which a resident reads as one long muddle. The reminder names its
// dossier as every other follow-up screen does, on a line of its own
// ("Hồ sơ <code> – <procedure>"), and the notice by " – ".
func TestReminderNamesTheProcedureWithoutBracketsInBrackets(t *testing.T) {
	clk := newClock() // Friday 27/11/2026
	w := newWorld(t, handlers.WithClock(clk.now))
	title := guide(t, "khai-sinh").Title.Vi
	if !strings.Contains(title, "(") {
		t.Fatalf("the guide's title %q holds no brackets: the test needs one that does", title)
	}
	v := w.volunteer("Vân")
	const code = "000.00.12.H26-251127-0604"
	ms := w.finishWithCode(v, code)
	res := w.srv.NewUser("Cư dân", "vi")
	w.send(res, "/start "+qrToken(t, ms[0].Photo))
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "5★")
	w.press(res, w.vi("followup.comment_skip"))
	clk.advance(6*24*time.Hour - 6*time.Hour) // Thursday 3/12, 10:00 in Vietnam: the first working day after the due date (2/12)
	if n, err := w.h.SendDueReminders(context.Background()); err != nil || n != 1 {
		t.Fatalf("reminders sent: %d, %v", n, err)
	}
	m, err := res.Next(15 * time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(m.Text, "("+title+")") || !strings.HasPrefix(m.Text, w.about(code)) ||
		!strings.Contains(m.Text, w.vi("followup.reminder", locales.Data{"Due": "02/12/2026"})) {
		t.Errorf("the reminder: %q", m.Text)
	}
	w.press(res, w.vi("followup.reminder_problem"))
	notice, err := v.Next(15 * time.Second)
	if err != nil {
		t.Fatalf("the volunteer was not told: %v", err)
	}
	if strings.Contains(notice.Text, "("+title+")") || !strings.Contains(notice.Text, title) {
		t.Errorf("the volunteer's notice: %q", notice.Text)
	}
}

// The resident said "Chưa" to the last reminder: the bot stops asking and
// says how to look the dossier up. Found in review (2026-11-30): it said
// "tra cứu hồ sơ theo cách ở trên" ("the way shown above") on the
// reminder's message, where nothing above says how — only the dossier's
// name. The way to check is now on that message.
func TestLastNotYetSaysHowToCheck(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	const code = "000.00.12.H26-251127-0605"
	caseID, _, res := w.openedFollowup("Vân", code)
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "4★")
	w.press(res, w.vi("followup.comment_skip"))
	ctx := context.Background()
	at := clk.now()
	for n := 1; n <= storage.MaxAskAgain; n++ {
		if err := w.store.InTx(ctx, func(tx *storage.Tx) error {
			if ok, err := tx.ReminderSent(ctx, caseID, n, at); err != nil || !ok {
				t.Fatalf("reminder %d: %v %v", n, ok, err)
			}
			_, _, err := tx.NotYet(ctx, caseID, at.AddDate(0, 0, 3), at, ict)
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	if n := w.remind(at.AddDate(0, 0, 3)); n != 1 {
		t.Fatalf("%d reminders sent, want the last one", n)
	}
	if _, err := res.Next(15 * time.Second); err != nil {
		t.Fatal(err)
	}
	got := last(t, w.press(res, w.vi("followup.reminder_not")))
	if f, _ := w.followupRow(caseID); f.Status != storage.FollowupEnded {
		t.Fatalf("after the last 'not yet': %s", f.Status)
	}
	if tracking := guide(t, "khai-sinh").Tracking.Vi; !strings.Contains(got.Text, tracking) {
		t.Errorf("the last 'not yet' does not say how to check the result (%q):\n%s", tracking, got.Text)
	}
}

// A date counted into a year whose days off are not announced yet is
// marked, so the resident knows it may move. Found in review (2026-11-30):
// the mark was "(dự kiến)", after "Ngày dự kiến có kết quả:" — "expected
// date: 05/01/2027 (expected)" — so it told the resident nothing, on the
// slip, in Telegram and on the web page, for every dossier from mid
// December on. The mark now says the date may change, once.
func TestEstimatedDueDateSaysItMayChange(t *testing.T) {
	clk := newClock()
	clk.advance(33 * 24 * time.Hour) // Wednesday 30/12/2026, 16:00 in Vietnam: 3 working days end in 2027
	w := newWorld(t, handlers.WithClock(clk.now))
	const code = "000.00.12.H26-261230-0606"
	_, token, res := w.openedFollowup("Vân", code)
	got := last(t, w.send(res, "/start "+token))
	var due string
	for _, l := range strings.Split(got.Text, "\n") {
		if strings.Contains(l, "05/01/2027") {
			due = l
		}
	}
	if due == "" || strings.Count(due, "dự kiến") > 1 || !strings.Contains(due, w.vi("followup.estimate")) {
		t.Errorf("the due date of an estimate reads %q in:\n%s", due, got.Text)
	}
	page := w.webPage()("GET", "/f/"+token, nil).Body.String()
	if i := strings.Index(page, "05/01/2027"); i < 0 || strings.Count(page, "dự kiến") > 1 ||
		!strings.Contains(page, w.vi("web.due_estimated")) {
		t.Errorf("the web page says 'dự kiến' %d times", strings.Count(page, "dự kiến"))
	}
}

// A resident reports a problem: they are told who was told. Found in review
// (2026-11-30): "dvcbot đã báo cho tình nguyện viên và điều phối viên" was
// said whenever anyone was told — also when the commune has no coordinator
// on the bot (only the volunteer was), or when the volunteer has left the
// team (only the coordinator was).
func TestProblemSaysWhoWasTold(t *testing.T) {
	for _, tc := range []struct {
		name               string
		coordinator, stays bool
		want               string
	}{
		{"the volunteer only", false, true, "followup.problem_sent_volunteer"},
		{"the coordinator only", true, false, "followup.problem_sent_coordinator"},
		{"both", true, true, "followup.problem_sent"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			received := vn(2026, 11, 23, 10, 0)
			clock := &jobs.Clock{}
			clock.Set(received)
			w := newWorld(t, handlers.WithClock(clock.Now))
			vol := w.member("An", storage.RoleVolunteer, anHoiTayCode)
			var coord *telegramtest.User
			if tc.coordinator {
				coord = w.member("Bình", storage.RoleCoordinator, anHoiTayCode)
			}
			resident := w.srv.NewUser("Ông Bảy", "vi")
			const code = "000.00.12.H26-261123-0607"
			w.remindedCase(vol, resident, code, received, vn(2026, 11, 24, 0, 0), true)
			if !tc.stays {
				w.removeMember(vol)
			}
			if n := w.remind(vn(2026, 11, 25, 9, 0)); n != 1 {
				t.Fatalf("%d reminders", n)
			}
			w.settle(resident)
			got := last(t, w.press(resident, w.vi("followup.reminder_problem")))
			if got.Text != w.about(code)+w.vi(tc.want) {
				t.Errorf("the resident is told %q, want %q", got.Text, w.vi(tc.want))
			}
			if told := len(w.settle(vol)) > 0; told != tc.stays {
				t.Errorf("the volunteer told: %v", told)
			}
			if coord != nil && len(w.settle(coord)) == 0 {
				t.Error("the coordinator was not told")
			}
		})
	}
}
