package storage_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// Review 29 (A): the dossier on screen in a resident's chat. One of the
// chat's follow-ups holds it at a time; a list clears it; a copy of its
// card sent as a new message tells its id; a copy /lang replaced before its
// id came is said replaced (it loses its buttons), the next one kept; the
// hand-over to a relative and a block with a copy still to come clear it.
func TestReview29DossierOnScreen(t *testing.T) {
	st := storagetest.Open(t)
	ctx := context.Background()
	due := time.Date(2026, 12, 10, 0, 0, 0, 0, ict)
	a := followupCase(t, st, "000.00.12.H26-251127-2921", due)
	b := followupCase(t, st, "000.00.12.H26-251127-2922", due)
	const chat = 5001
	screen := func() map[int64]string {
		t.Helper()
		out := map[int64]string{}
		inTx(t, st, func(tx *storage.Tx) error {
			fs, err := tx.FollowupsOfChat(ctx, chat)
			for _, f := range fs {
				if f.OnScreen.Valid {
					out[f.CaseID] = strconv.Itoa(int(f.OnScreen.Int32))
				}
			}
			return err
		})
		return out
	}
	inTx(t, st, func(tx *storage.Tx) error {
		for _, f := range []storage.Followup{a, b} {
			if _, err := tx.ClaimFollowup(ctx, f.CaseID, chat, "vi", due); err != nil {
				return err
			}
		}
		if err := tx.SetOnScreen(ctx, chat, a.CaseID, 7, false); err != nil {
			return err
		}
		return tx.SetOnScreen(ctx, chat, b.CaseID, 0, false) // b's card, its id to come
	})
	if got := screen(); len(got) != 1 || got[b.CaseID] != "0" {
		t.Fatalf("after b's card: %v, want b alone, its message to come", got)
	}
	inTx(t, st, func(tx *storage.Tx) error {
		if replaced, err := tx.OnScreenSent(ctx, chat, a.CaseID, 9); err != nil || replaced {
			t.Errorf("a copy of a's card, no longer on screen: replaced %v, %v", replaced, err)
		}
		// /lang twice while b's copy is still to come: two copies replaced.
		return tx.SetOnScreen(ctx, chat, b.CaseID, -2, false)
	})
	for i, want := range []bool{true, true, false} {
		inTx(t, st, func(tx *storage.Tx) error {
			replaced, err := tx.OnScreenSent(ctx, chat, b.CaseID, 10+i)
			if replaced != want {
				t.Errorf("copy %d of b's card: replaced %v, want %v", i+1, replaced, want)
			}
			return err
		})
	}
	if got := screen(); got[b.CaseID] != "12" {
		t.Errorf("after the third copy: %v, want b on message 12", got)
	}
	inTx(t, st, func(tx *storage.Tx) error { return tx.SetOnScreen(ctx, chat, 0, 0, false) })
	if got := screen(); len(got) != 0 {
		t.Errorf("after a list: %v, want none", got)
	}
	inTx(t, st, func(tx *storage.Tx) error {
		if err := tx.SetOnScreen(ctx, chat, a.CaseID, 0, false); err != nil {
			return err
		}
		return tx.ChatBlocked(ctx, chat, due)
	})
	if got := screen(); len(got) != 0 {
		t.Errorf("a copy still to come when the chat blocked the bot: %v, want none on screen", got)
	}
	inTx(t, st, func(tx *storage.Tx) error {
		if err := tx.SetOnScreen(ctx, chat, b.CaseID, 12, false); err != nil {
			return err
		}
		_, err := tx.PassFollowup(ctx, b.CaseID, chat)
		return err
	})
	var left int
	if err := st.DB().Get(&left, `SELECT count(*) FROM followups WHERE on_screen IS NOT NULL`); err != nil || left != 0 {
		t.Errorf("after the hand-over: %d on screen (%v), want none", left, err)
	}
}
