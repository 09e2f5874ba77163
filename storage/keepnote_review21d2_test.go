package storage_test

import (
	"context"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// KeepAfterFlow wrote only to a chat in no flow: a chat whose
// "received?" question was open (ReceivedFlow) — days, sometimes — lost
// the weekly digest's note. It is kept there beside the question, under
// NoteKey, replacing the one there; a chat in any other flow is left
// alone, and a chat in no flow gets the note as its data, as before.
func TestKeepAfterFlowBesideTheReceivedQuestion(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	const asked, other, none = 601, 602, 603
	inTx(t, st, func(tx *storage.Tx) error {
		if _, err := tx.SaveConversation(ctx, asked, storage.ReceivedFlow, "received",
			map[string]any{"q": map[string][]int{"7": {9}}, storage.NoteKey: map[string]any{"old": true}}, 0); err != nil {
			return err
		}
		if _, err := tx.SaveConversation(ctx, other, "t", "period", map[string]any{"u": "all"}, 0); err != nil {
			return err
		}
		for _, chat := range []int64{asked, other, none} {
			if err := tx.KeepAfterFlow(ctx, chat, map[string]any{"tally_made": true}); err != nil {
				return err
			}
		}
		return nil
	})
	for _, c := range []struct {
		chat       int64
		flow, data string
	}{
		{asked, storage.ReceivedFlow, `{"n": {"tally_made": true}, "q": {"7": [9]}}`},
		{other, "t", `{"u": "all"}`},
		{none, "", `{"tally_made": true}`},
	} {
		var flow, data string
		if err := st.DB().QueryRow(`SELECT flow, data::text FROM conversations WHERE chat_id = $1`, c.chat).Scan(&flow, &data); err != nil {
			t.Fatal(err)
		}
		if flow != c.flow || data != c.data {
			t.Errorf("chat %d: %s %s, want %s %s", c.chat, flow, data, c.flow, c.data)
		}
	}
}
