package storage_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// Review 34C, item 4: the message a follow-up was erased from by a press
// of /forget's question (cases.followup_forgotten_on, migration 00037)
// tells a second tap of that button from a press after an erase
// elsewhere: a tap that comes seconds later, or, the bot down, when
// Telegram delivers it (it keeps an update a day at most). It stayed on
// the case for ever, a number that means nothing without the chat, which
// is not kept. Retention clears it once no such tap can come: two days
// after the erase (ForgottenPressDays), not before.
func TestReview34CRetentionClearsTheMessageAFollowupWasErasedFrom(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	now := time.Now()
	if _, err := st.DB().Exec(`INSERT INTO users (telegram_id, first_name, role, commune_code) VALUES (10, 'V', 'volunteer', '26882')`); err != nil {
		t.Fatal(err)
	}
	var c storage.Case
	inTx(t, st, func(tx *storage.Tx) error {
		c = newCase(ctx, t, tx, 10, "26882", "khai-sinh", now.AddDate(0, 0, -3))
		return nil
	})
	if _, err := st.DB().Exec(`UPDATE cases SET followup_forgotten = true WHERE id = $1`, c.ID); err != nil {
		t.Fatal(err)
	}
	inTx(t, st, func(tx *storage.Tx) error { return tx.ForgottenOn(ctx, []int64{c.ID}, 4242, now) })
	on := func() sql.NullInt32 {
		t.Helper()
		var on sql.NullInt32
		if err := st.DB().Get(&on, `SELECT followup_forgotten_on FROM cases WHERE id = $1`, c.ID); err != nil {
			t.Fatal(err)
		}
		return on
	}
	for _, tc := range []struct {
		after time.Duration
		kept  bool
	}{{time.Hour, true}, {47 * time.Hour, true}, {49 * time.Hour, false}} {
		if _, err := st.ApplyRetention(ctx, now.Add(tc.after)); err != nil {
			t.Fatal(err)
		}
		if got := on(); got.Valid != tc.kept {
			t.Errorf("retention %v after the erase: followup_forgotten_on %+v, want kept %v", tc.after, got, tc.kept)
		}
	}
	inTx(t, st, func(tx *storage.Tx) error {
		from, err := tx.ForgottenFrom(ctx, c.ID)
		if err == nil && from != 0 {
			t.Errorf("ForgottenFrom after retention: %d", from)
		}
		return err
	})
}
