package storage_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// KeepAfterFlow leaves a note in the row of a chat in no flow (the unit of
// the tally report on screen), also for a chat that never had a flow; the
// state of a chat in a flow (the weekly digest arriving mid-case) is left
// alone, and the next flow's state replaces the note.
func TestKeepAfterFlowOnlyOutsideAFlow(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	const ended, busy, fresh = int64(2001), int64(2002), int64(2003)
	note := map[string]string{"tally_report": "c26740"}
	data := func(tx *storage.Tx, chat int64) map[string]any {
		t.Helper()
		c, err := tx.Conversation(ctx, chat)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(c.Data, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	inTx(t, st, func(tx *storage.Tx) error {
		for _, chat := range []int64{ended, busy} {
			if _, err := tx.SaveConversation(ctx, chat, "c", "step", map[string]int{"case": 7}, 0); err != nil {
				return err
			}
		}
		if err := tx.EndConversation(ctx, ended); err != nil {
			return err
		}
		for _, chat := range []int64{ended, busy, fresh} {
			if err := tx.KeepAfterFlow(ctx, chat, note); err != nil {
				return err
			}
		}
		if got := data(tx, ended); got["tally_report"] != "c26740" {
			t.Errorf("a chat in no flow: data %v, want the note", got)
		}
		if got := data(tx, fresh); got["tally_report"] != "c26740" {
			t.Errorf("a chat that never had a flow: data %v, want the note", got)
		}
		if c, _ := tx.Conversation(ctx, busy); c.Flow != "c" || data(tx, busy)["case"] != float64(7) || data(tx, busy)["tally_report"] != nil {
			t.Errorf("a chat in a flow: %+v %s, want its state untouched", c, c.Data)
		}
		if _, err := tx.SaveConversation(ctx, ended, "t", "period", map[string]string{}, 0); err != nil {
			return err
		}
		if got := data(tx, ended); got["tally_report"] != nil {
			t.Errorf("a flow begun after the note: data %v, want it replaced", got)
		}
		return nil
	})
}
