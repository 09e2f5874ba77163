package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// The page said "reported" from the status it had read before posting: a
// "Đã nhận" recorded in Telegram between that read and the problem's
// statement left the page saying a problem was reported when none was.
// FollowupProblem now says where the follow-up stands after it, read in
// its own transaction, with the row locked.
func TestFollowupProblemSaysWhereItStands(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	due := time.Date(2026, 12, 2, 0, 0, 0, 0, ict)

	f := followupCase(t, st, "H26.99-251127-0002", due)
	if status, err := st.FollowupProblem(ctx, f.Token, due); err != nil || status != storage.FollowupProblem {
		t.Errorf("a problem while the result is awaited: %q, %v", status, err)
	}
	if status, err := st.FollowupProblem(ctx, f.Token, due); err != nil || status != storage.FollowupProblem {
		t.Errorf("the problem posted again: %q, %v", status, err)
	}

	g := followupCase(t, st, "H26.99-251127-0003", due)
	if err := st.FollowupReceived(ctx, g.Token, due); err != nil {
		t.Fatal(err)
	}
	if status, err := st.FollowupProblem(ctx, g.Token, due); err != nil || status != storage.FollowupReceived {
		t.Errorf("a problem after the result came: %q, %v; want %q, nothing reported", status, err, storage.FollowupReceived)
	}
	var result string
	if err := st.DB().Get(&result, `SELECT coalesce(followup_result, '') FROM cases WHERE id = $1`, g.CaseID); err != nil || result == storage.ResultProblem {
		t.Errorf("the case's result after a problem posted once received: %q, %v", result, err)
	}
}
