package storage_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// A resident's chat may hold the "received?" question open for several
// of its dossiers (ReceivedFlow's "received" screen names their
// cases under "q", each with the messages it is on). The web page's erase
// of one of them, and its pick from /forget's list, took only a comment
// question about it out of the chat's conversation: the open question
// kept naming the erased dossier's case. Now only that case goes; the
// other dossiers' questions stay open.
func TestForgetTakesTheCaseOutOfTheOpenQuestions(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	due := time.Date(2026, 12, 2, 0, 0, 0, 0, ict)
	a := followupCase(t, st, "H26.99-251127-2101", due)
	b := followupCase(t, st, "H26.99-251127-2102", due)
	c := followupCase(t, st, "H26.99-251127-2103", due)
	const chat = 501
	inTx(t, st, func(tx *storage.Tx) error {
		for _, f := range []storage.Followup{a, b, c} {
			if _, err := tx.ClaimFollowup(ctx, f.CaseID, chat, "vi", due); err != nil {
				return err
			}
		}
		_, err := tx.SaveConversation(ctx, chat, storage.ReceivedFlow, "received", map[string]any{
			"q": map[string][]int{fmt.Sprint(a.CaseID): {7}, fmt.Sprint(b.CaseID): {8, 9}, fmt.Sprint(c.CaseID): {}}}, 0)
		return err
	})
	conv := func() (flow, step, data string) {
		t.Helper()
		if err := st.DB().QueryRow(`SELECT flow, step, data::text FROM conversations WHERE chat_id = $1`, chat).Scan(&flow, &step, &data); err != nil {
			t.Fatal(err)
		}
		return flow, step, data
	}

	if err := st.ForgetFollowup(ctx, a.Token); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf(`{"q": {"%d": [8, 9], "%d": []}}`, b.CaseID, c.CaseID)
	if flow, step, data := conv(); flow != storage.ReceivedFlow || step != "received" || data != want {
		t.Errorf("after the web page's erase of a: %s %s %s, want %s", flow, step, data, want)
	}
	inTx(t, st, func(tx *storage.Tx) error {
		_, err := tx.ForgetChatFollowup(ctx, chat, b.CaseID)
		return err
	})
	want = fmt.Sprintf(`{"q": {"%d": []}}`, c.CaseID)
	if flow, step, data := conv(); flow != storage.ReceivedFlow || step != "received" || data != want {
		t.Errorf("after /forget's pick of b: %s %s %s, want %s", flow, step, data, want)
	}
}
