package handlers_test

import (
	"database/sql"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/storage"
)

// Where the blocked-chat records meet the replies one chat's update sends
// to another (review 5).

// A resident answers a reminder "Có vướng mắc", and the bot tells the
// case's volunteer, in the volunteer's chat. That reply is the resident's
// update's, and its outbox row was the resident's chat's: when the
// volunteer had deleted their account (or blocked the bot), Telegram's
// refusal was taken as the resident's, so the resident's other follow-ups
// were forgotten — deleted, without a web page — or marked blocked (their
// reminders no longer sent). The refusal is now told about the chat the
// reply went to.
func TestRefusalToAnotherChatIsNotTheSenders(t *testing.T) {
	for _, deleted := range []bool{true, false} {
		t.Run(map[bool]string{true: "deleted", false: "blocked"}[deleted], func(t *testing.T) {
			received := vn(2026, 11, 20, 10, 0)
			clock := &jobs.Clock{}
			clock.Set(received)
			w := newWorld(t, handlers.WithClock(clock.Now))
			gone := w.member("An", storage.RoleVolunteer, anHoiTayCode)
			other := w.member("Bình", storage.RoleVolunteer, anHoiTayCode)
			resident := w.srv.NewUser("Cụ Tư", "vi")
			first := w.remindedCase(gone, resident, "000.00.12.H26-261120-0001", received, vn(2026, 11, 26, 0, 0), true)
			second := w.remindedCase(other, resident, "000.00.12.H26-261120-0002", received, vn(2026, 12, 3, 0, 0), true)

			q := startQueue(t, w, clock)
			clock.Set(vn(2026, 11, 27, 8, 5))
			q.sweep()
			if m := w.settle(resident); len(m) != 1 || !strings.Contains(m[0].Text, "000.00.12.H26-261120-0001") {
				t.Fatalf("the reminder: %+v", texts(m))
			}
			if deleted {
				gone.Deactivate()
			} else {
				w.bot.WaitHandled(t, gone.Block())
			}
			w.press(resident, w.vi("followup.reminder_problem"))
			if f, ok := w.followupRow(first); f.Status != storage.FollowupProblem {
				t.Fatalf("the follow-up whose problem the resident reported: %+v (kept: %v)", f, ok)
			}
			if len(callsToChat(w.srv, "sendMessage", gone.ID)) == 0 {
				t.Fatal("nothing was tried to the volunteer: the test proves nothing")
			}
			// press returns once the update's replies were sent or dropped,
			// and the refusal told (bot.WithOnHandled); nothing is left.
			eventually(t, "the refused reply to be dropped", func() bool {
				var n int
				if err := w.store.DB().Get(&n, `SELECT count(*) FROM outbox WHERE status = 'pending'`); err != nil {
					t.Fatal(err)
				}
				return n == 0
			})
			f, ok := w.followupRow(second)
			if !ok || f.Chat.Int64 != resident.ID || !f.Consent.Bool {
				t.Fatalf("the resident's other follow-up after the volunteer's chat refused a reply: %+v (kept: %v)", f, ok)
			}
			var blocked sql.NullTime
			if err := w.store.DB().Get(&blocked, `SELECT max(blocked_at) FROM followups WHERE resident_chat = $1`, resident.ID); err != nil {
				t.Fatal(err)
			}
			if blocked.Valid {
				t.Errorf("the resident is held as having blocked the bot because the volunteer did")
			}
			if !deleted && !w.blocked(gone) {
				t.Errorf("the volunteer who blocked the bot is not held as blocked")
			}
		})
	}
}
