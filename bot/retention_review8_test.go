package bot_test

import (
	"context"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// An update that failed on every try is parked: its payload went after 14
// days (at once on its resident's /forget), but the row — with the chat
// id, a resident's Telegram id — stayed for good, after the follow-up, the
// guest row and the conversation were all gone, so a forgotten resident's
// id outlived every limit docs/privacy.md gives. A parked update now goes
// whole after ParkedDays, as a dropped reply to the same chat does; one
// parked since stays, payload and all, for someone to look at.
func TestRetentionDeletesParkedUpdatesWithTheirChat(t *testing.T) {
	t.Parallel()
	st := bot.NewStore(storagetest.Open(t).DB())
	ctx := context.Background()
	now := time.Now()
	if _, err := st.SaveUpdates(ctx, []bot.InboxUpdate{update(31, 777, "hello"), update(32, 778, "hi")}); err != nil {
		t.Fatal(err)
	}
	for _, u := range []bot.InboxUpdate{{ID: 31, ChatID: 777}, {ID: 32, ChatID: 778}} {
		if _, _, parked, err := st.ParkUpdate(ctx, u, "bad", nil, nil); err != nil || !parked {
			t.Fatalf("ParkUpdate(%d): %v, %v", u.ID, parked, err)
		}
	}
	// The resident of chat 777 said /forget: the payload goes at once.
	if err := bot.ClearParked(ctx, st.DB(), 777); err != nil {
		t.Fatal(err)
	}
	for id, days := range map[int64]int{31: -bot.ParkedDays - 1, 32: -bot.ParkedDays + 1} {
		if _, err := st.DB().Exec(`UPDATE updates SET finished_at = $1 WHERE update_id = $2`, now.AddDate(0, 0, days), id); err != nil {
			t.Fatal(err)
		}
	}
	r, err := st.ApplyRetention(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := st.DB().Get(&n, `SELECT count(*) FROM updates WHERE chat_id = 777`); err != nil || n != 0 {
		t.Errorf("%d days after it was parked, chat 777 is still in %d inbox row(s) (%v)", bot.ParkedDays+1, n, err)
	}
	if row, ok := updateRow(t, st, 32); !ok || row.Payload == nil {
		t.Errorf("an update parked %d days ago: kept %v, payload %q; want both", bot.ParkedDays-1, ok, row.Payload)
	}
	if r.ParkedUpdates != 1 {
		t.Errorf("retention says %d parked updates went, want 1", r.ParkedUpdates)
	}
}
