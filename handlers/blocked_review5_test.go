package handlers_test

import (
	"context"
	"database/sql"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/storage"
)

// A user who blocked the bot, came back, or deleted their account: what is
// sent to them, and what is kept.

// eventually waits until ok holds, or fails the test saying what did not
// happen.
func eventually(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("waited 15s for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// blockedSince says whether the bot holds u's chat as blocked (the user
// row's mark).
func (w *world) blocked(u *telegramtest.User) bool {
	w.t.Helper()
	var at sql.NullTime
	if err := w.store.DB().Get(&at, `SELECT blocked_at FROM users WHERE telegram_id = $1`, u.ID); err != nil {
		w.t.Fatal(err)
	}
	return at.Valid
}

// sentTo counts the messages, photos and documents the bot tried to send
// to u's chat.
func (w *world) sentTo(u *telegramtest.User) int {
	n := 0
	for _, m := range []string{"sendMessage", "sendPhoto", "sendDocument"} {
		n += len(callsToChat(w.srv, m, u.ID))
	}
	return n
}

// outboxRows counts the outbox's rows for u's chat, pending or dropped.
func (w *world) outboxRows(u *telegramtest.User) int {
	w.t.Helper()
	var n int
	if err := w.store.DB().Get(&n, `SELECT count(*) FROM outbox WHERE chat_id = $1`, u.ID); err != nil {
		w.t.Fatal(err)
	}
	return n
}

// digestsDone waits until every digest_to job River holds has completed.
func (w *world) digestsDone(want int) {
	w.t.Helper()
	eventually(w.t, "the digest_to jobs", func() bool {
		if w.queue != nil {
			w.queue.schedule()
		}
		var done, other int
		if err := w.store.DB().QueryRow(`SELECT count(*) FILTER (WHERE state = 'completed'), count(*) FILTER (WHERE state <> 'completed')
			FROM river_job WHERE kind = 'digest_to'`).Scan(&done, &other); err != nil {
			w.t.Fatal(err)
		}
		return done == want && other == 0
	})
}

// The weekly digest skips a coordinator who blocked the bot — whether
// Telegram said so (my_chat_member "kicked") or a reply to them was
// refused ("bot was blocked by the user") —: nothing drawn, no outbox row,
// no call; the other coordinator gets theirs. Once they are back — by
// unblocking (my_chat_member "member") or by writing to the bot — the next
// week's comes.
func TestDigestSkipsWhoBlockedTheBot(t *testing.T) {
	clock := &jobs.Clock{}
	clock.Set(vn(2026, 11, 29, 20, 0)) // a Sunday evening
	w := newWorld(t, handlers.WithClock(clock.Now))
	fine := w.member("Hà", storage.RoleCoordinator, anHoiTayCode)
	blocker := w.member("Quang", storage.RoleCoordinator, anHoiTayCode)
	refused := w.member("Minh", storage.RoleCoordinator, anHoiTayCode)
	vol := w.member("An", storage.RoleVolunteer, anHoiTayCode)
	w.closedCase(vol.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", vn(2026, 11, 24, 9, 0), vn(2026, 11, 24, 9, 20))
	w.closedCase(vol.ID, anHoiTayCode, "tam-tru", "dossier", "toan-trinh", "submitted", "", vn(2026, 12, 1, 9, 0), vn(2026, 12, 1, 9, 20))

	w.bot.WaitHandled(t, blocker.Block())
	if !w.blocked(blocker) {
		t.Fatal("my_chat_member \"kicked\" was not recorded")
	}
	// Minh blocked the bot too, but the update saying so never came: the
	// answer to his last /help is refused.
	w.srv.Inject(telegramtest.Fault{Method: "sendMessage", Code: http.StatusForbidden, ChatID: refused.ID,
		Description: "Forbidden: bot was blocked by the user"})
	w.bot.WaitHandled(t, refused.SendText("/help"))
	eventually(t, "the refused reply to be recorded as a block", func() bool { return w.blocked(refused) })
	sentBefore, rowsBefore := w.sentTo(refused), w.outboxRows(refused)

	q := startQueue(t, w, clock)
	ctx := context.Background()
	if err := w.h.EnsureDigest(ctx, q.client); err != nil {
		t.Fatal(err)
	}
	clock.Set(vn(2026, 11, 30, 7, 31))
	q.waitFor("digest", 1)
	w.digestsDone(1)
	if got := w.settle(fine); len(got) != 3 {
		t.Fatalf("the coordinator who did not block got %d messages, want the text, the chart and the spreadsheet", len(got))
	}
	if n := w.sentTo(blocker); n != 0 {
		t.Errorf("%d digest messages tried to the coordinator who blocked the bot", n)
	}
	if n := w.outboxRows(blocker); n != 0 {
		t.Errorf("%d outbox rows for the coordinator who blocked the bot", n)
	}
	if n, rows := w.sentTo(refused), w.outboxRows(refused); n != sentBefore || rows != rowsBefore {
		t.Errorf("the coordinator whose reply was refused: %d calls, %d outbox rows after the digest (%d, %d before)", n, rows, sentBefore, rowsBefore)
	}

	// Back: one unblocks; the other writes (and gets his answer).
	w.bot.WaitHandled(t, blocker.Unblock())
	w.srv.ClearFaults()
	if m := w.send(refused, "/help"); len(m) != 1 {
		t.Fatalf("/help after coming back: %d answers", len(m))
	}
	if w.blocked(blocker) || w.blocked(refused) {
		t.Errorf("still held as blocked after coming back: %v, %v", w.blocked(blocker), w.blocked(refused))
	}
	clock.Set(vn(2026, 12, 7, 7, 45))
	w.digestsDone(4)
	for _, u := range []*telegramtest.User{fine, blocker, refused} {
		if got := w.settle(u); len(got) != 3 || !strings.Contains(got[0].Text, "30/11 – 06/12/2026") {
			t.Errorf("%s's digest the week after: %d messages", u.FirstName, len(got))
		}
	}
}

// A resident who blocked the bot is not sent their due reminder (no call,
// no outbox row); the follow-up stays, asked. Once they unblock, /start
// shows the dossier and the reminder's question with its buttons, as for
// a reminder that never arrived. The other resident's reminder goes.
func TestReminderSkipsResidentWhoBlocked(t *testing.T) {
	received := vn(2026, 11, 20, 10, 0)
	due := vn(2026, 11, 26, 0, 0) // Thursday: asked on Friday 27/11
	clock := &jobs.Clock{}
	clock.Set(received)
	w := newWorld(t, handlers.WithClock(clock.Now))
	vol := w.member("An", storage.RoleVolunteer, anHoiTayCode)
	blocker, fine := w.srv.NewUser("Cụ Tư", "vi"), w.srv.NewUser("Bà Năm", "vi")
	blockedCase := w.remindedCase(vol, blocker, "000.00.12.H26-261120-0001", received, due, true)
	w.remindedCase(vol, fine, "000.00.12.H26-261120-0002", received, due, true)
	w.bot.WaitHandled(t, blocker.Block())

	q := startQueue(t, w, clock)
	clock.Set(vn(2026, 11, 27, 8, 5))
	q.sweep()
	if m := w.settle(fine); len(m) != 1 || !strings.Contains(m[0].Text, "000.00.12.H26-261120-0002") {
		t.Fatalf("the resident who did not block: %+v", m)
	}
	if n := w.sentTo(blocker); n != 0 {
		t.Errorf("%d reminders tried to the resident who blocked the bot", n)
	}
	if n := w.outboxRows(blocker); n != 0 {
		t.Errorf("%d outbox rows for the resident who blocked the bot", n)
	}
	f, ok := w.followupRow(blockedCase)
	if !ok || f.Chat.Int64 != blocker.ID || f.Status != storage.FollowupWaiting {
		t.Fatalf("the blocked resident's follow-up: %+v (kept: %v)", f, ok)
	}
	// A later sweep sends it no more.
	clock.Set(vn(2026, 11, 27, 9, 0))
	q.sweep()
	if n := w.sentTo(blocker); n != 0 {
		t.Errorf("a later sweep tried %d reminders", n)
	}

	// Unblocking brings the question; the /start of the same "Restart"
	// points at it rather than asking it again (blocked_review11_test.go);
	// a later one shows it again.
	w.bot.WaitHandled(t, blocker.Unblock())
	if got := w.send(blocker, "/start"); len(got) != 2 || w.questions(got[:1]) != 1 || got[1].Text != w.texts.For("vi").N("start.resident_asked", 1) {
		t.Fatalf("/start right after unblocking: %q", texts(got))
	}
	got := w.send(blocker, "/start")
	if len(got) < 2 {
		t.Fatalf("/start after unblocking: %+v", texts(got))
	}
	m := got[len(got)-1]
	if !strings.Contains(m.Text, "000.00.12.H26-261120-0001") || !strings.Contains(m.Text, w.vi("followup.status_asked_again")) ||
		!hasButton(m, w.vi("followup.reminder_got")) || !hasButton(m, w.vi("followup.reminder_not")) || !hasButton(m, w.vi("followup.reminder_problem")) {
		t.Fatalf("/start after unblocking shows %q %v", m.Text, m.Buttons())
	}
	// The question works: "Đã nhận" resolves it.
	w.pressReceived(blocker)
	if f, _ := w.followupRow(blockedCase); f.Status != storage.FollowupReceived {
		t.Errorf("after \"Đã nhận\": %s", f.Status)
	}
}

// A resident who deleted their Telegram account: the reminder sent to them
// is refused ("user is deactivated"), and the bot forgets the chat. With
// PUBLIC_URL the follow-up stays for its web page, which still shows it,
// with no chat (nor its language and consent) behind it and nothing about it
// left in the outbox; without a web page nobody can reach the follow-up any
// more, and it goes as by /forget. The other resident's follow-up is not
// touched.
func TestDeactivatedResidentIsForgotten(t *testing.T) {
	for _, web := range []bool{true, false} {
		t.Run(map[bool]string{true: "web", false: "telegram only"}[web], func(t *testing.T) {
			received := vn(2026, 11, 20, 10, 0)
			due := vn(2026, 11, 26, 0, 0) // Thursday: asked on Friday 27/11
			clock := &jobs.Clock{}
			clock.Set(received)
			opts := []handlers.Option{handlers.WithClock(clock.Now)}
			if web {
				opts = append(opts, handlers.WithPublicURL("https://dvc.example.org"))
			}
			w := newWorld(t, opts...)
			vol := w.member("An", storage.RoleVolunteer, anHoiTayCode)
			gone, fine := w.srv.NewUser("Cụ Tư", "vi"), w.srv.NewUser("Bà Năm", "vi")
			goneCase := w.remindedCase(vol, gone, "000.00.12.H26-261120-0001", received, due, true)
			fineCase := w.remindedCase(vol, fine, "000.00.12.H26-261120-0002", received, due, true)
			var token string
			if err := w.store.DB().Get(&token, `SELECT token FROM followups WHERE case_id = $1`, goneCase); err != nil {
				t.Fatal(err)
			}
			serve := w.webPage()
			if page := serve("GET", "/f/"+token, nil); page.Code != http.StatusOK {
				t.Fatalf("the web page before: %d", page.Code)
			}
			parked := w.park(gone.ID, "Cảm ơn") // a comment typed the day the database was down
			gone.Deactivate()

			q := startQueue(t, w, clock)
			clock.Set(vn(2026, 11, 27, 8, 5))
			q.sweep()
			if m := w.settle(fine); len(m) != 1 {
				t.Fatalf("the other resident got %d reminders", len(m))
			}
			eventually(t, "the deleted account's chat to be forgotten", func() bool {
				f, ok := w.followupRow(goneCase)
				return !ok || !f.Chat.Valid
			})
			f, kept := w.followupRow(goneCase)
			if kept != web {
				t.Fatalf("the follow-up kept: %v, want %v", kept, web)
			}
			if n, _ := w.outboxAbout(goneCase, "000.00.12.H26-261120-0001"); n != 0 {
				t.Errorf("%d outbox rows about the follow-up (the refused reminder) after the account was deleted", n)
			}
			if n := w.outboxRows(gone); n != 0 {
				t.Errorf("%d outbox rows for the deleted account's chat", n)
			}
			if parked() {
				t.Error("what the deleted account sent is still kept in a parked update")
			}
			if other, ok := w.followupRow(fineCase); !ok || other.Chat.Int64 != fine.ID {
				t.Errorf("the other resident's follow-up: %+v", other)
			}
			page := serve("GET", "/f/"+token, nil)
			if !web {
				if page.Code != http.StatusNotFound {
					t.Errorf("the page of a forgotten follow-up: %d", page.Code)
				}
				return
			}
			if f.Lang.Valid || f.Consent.Valid || f.Version.Valid {
				t.Errorf("the deleted account's language or consent kept: %+v", f)
			}
			if page.Code != http.StatusOK || !strings.Contains(page.Body.String(), "000.00.12.H26-261120-0001") {
				t.Errorf("the web page after the account was deleted: %d", page.Code)
			}
			// No reminder is sent to anyone for it any more.
			clock.Set(vn(2026, 12, 2, 9, 0))
			q.sweep()
			if n := len(callsToChat(w.srv, "sendMessage", gone.ID)); n != 1 {
				t.Errorf("%d messages tried to the deleted account, want the one refused", n)
			}
		})
	}
}

// A volunteer who blocks the bot in the middle of a case and comes back
// finds the case with /resume, its steps as they were. Whether Telegram
// said they were back or not, their first message is enough.
func TestBlockedMidCaseResumes(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	for _, announced := range []bool{true, false} {
		u := w.volunteer(map[bool]string{true: "Vân", false: "Vĩnh"}[announced])
		w.startBirthCase(u)
		w.press(u, w.vi("case.done"))
		open, _ := w.lastCase(u)
		if announced {
			w.bot.WaitHandled(t, u.Block())
		} else {
			// Telegram's "kicked" came; its "member" got lost.
			from := models.User{ID: u.ID, FirstName: u.FirstName}
			bot := w.srv.Bot()
			w.bot.WaitHandled(t, w.srv.Enqueue(models.Update{MyChatMember: &models.ChatMemberUpdated{
				Chat: models.Chat{ID: u.ID, Type: models.ChatTypePrivate}, From: from, Date: int(time.Now().Unix()),
				OldChatMember: models.ChatMember{Type: models.ChatMemberTypeMember, Member: &models.ChatMemberMember{User: &bot}},
				NewChatMember: models.ChatMember{Type: models.ChatMemberTypeBanned, Banned: &models.ChatMemberBanned{User: &bot}}}}))
		}
		if !w.blocked(u) {
			t.Fatalf("%s: the block was not recorded", u.FirstName)
		}
		if announced {
			w.bot.WaitHandled(t, u.Unblock())
		}
		m := last(t, w.send(u, "/resume"))
		if !strings.Contains(m.Text, w.stepHead(g, 1)) || !hasButton(m, w.vi("case.done")) {
			t.Errorf("%s: /resume after coming back shows %q", u.FirstName, m.Text)
		}
		if w.blocked(u) {
			t.Errorf("%s: still held as blocked after /resume", u.FirstName)
		}
		if c, _ := w.lastCase(u); c.ID != open.ID {
			t.Errorf("%s: /resume took up case %d, want %d", u.FirstName, c.ID, open.ID)
		}
	}
}
