package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
)

// tapSamePlace presses label on m, waits for the bot's answer, then presses
// whatever button now sits in the row of the first tap on that message,
// counted from the top — a second tap that came after the message was
// redrawn — and returns that button's label ("" when the row is gone).
func (w *world) tapSamePlace(u *telegramtest.User, m *telegramtest.Message, label string) string {
	w.t.Helper()
	row := -1
	for i, r := range m.Keyboard {
		for _, b := range r {
			if b.Text == label {
				row = i
			}
		}
	}
	if row < 0 {
		w.t.Fatalf("no %q on %q", label, m.Text)
	}
	w.press(u, label)
	now := msgByID(w.t, u, m.ID)
	if row >= len(now.Keyboard) || len(now.Keyboard[row]) == 0 {
		return ""
	}
	b := now.Keyboard[row][0]
	id, err := u.PressData(m.ID, b.CallbackData)
	if err != nil {
		w.t.Fatal(err)
	}
	w.bot.WaitHandled(w.t, id)
	w.settle(u)
	return b.Text
}

// Review 28: confirmations asked before what cannot be undone kept "yes"
// in the first row, where the tap that asked was: a resident's second tap
// on the reminder's "✓ Đã nhận", come after the question replaced its
// buttons, confirmed the result (the reminders stop, the problem report
// goes); a coordinator's on the first member's ✕ removed them. Back sits
// there now; "yes" below it.
func TestSecondTapAfterTheRedrawDoesNotConfirm(t *testing.T) {
	t.Run("reminder", func(t *testing.T) {
		w, _, res, id := residentWithReminders(t, "000.00.12.H26-261123-0002")
		if n := w.remind(vn(2026, 11, 25, 9, 0)); n != 1 {
			t.Fatalf("%d reminders, want 1", n)
		}
		rem, err := res.Next(15 * time.Second)
		if err != nil {
			t.Fatal(err)
		}
		second := w.tapSamePlace(res, rem, w.vi("followup.reminder_got"))
		if f, _ := w.followupRow(id); f.Status == storage.FollowupReceived {
			t.Fatalf("a second tap on %q after the question came confirmed it", second)
		}
		// Back on the reminder's question; "✓ Đã nhận", then "✓ Đúng", notes it.
		m := msgByID(t, res, rem.ID)
		if !hasButton(m, w.vi("followup.reminder_got")) {
			t.Fatalf("after %q: %q %v", second, m.Text, m.Buttons())
		}
		w.press(res, w.vi("followup.reminder_got"))
		w.press(res, w.vi("followup.received_yes"))
		if f, _ := w.followupRow(id); f.Status != storage.FollowupReceived {
			t.Errorf("confirmed: %+v", f)
		}
	})
	t.Run("team", func(t *testing.T) {
		w := newWorld(t)
		coord := w.member("Hà", storage.RoleCoordinator, anHoiTayCode)
		an := w.member("An", storage.RoleVolunteer, anHoiTayCode)
		list := last(t, w.send(coord, "/team"))
		var first string
		for _, b := range list.Keyboard[0] {
			if strings.HasPrefix(b.Text, "✕") && strings.Contains(b.Text, "An") {
				first = b.Text
			}
		}
		if first == "" {
			t.Fatalf("/team: no member to remove in the first row: %v", list.Buttons())
		}
		second := w.tapSamePlace(coord, list, first)
		if r := w.userRow(an); r.Role != storage.RoleVolunteer || !r.CommuneCode.Valid {
			t.Fatalf("a second tap on %q after the confirmation came removed the member: %+v", second, r)
		}
		// Pressed on purpose, it removes.
		w.press(coord, first)
		w.press(coord, w.vi("team.remove_yes"))
		if r := w.userRow(an); r.CommuneCode.Valid {
			t.Errorf("removed: %+v", r)
		}
	})
}
