package bot_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// update builds an inbox update as the poller would, with a Telegram-like payload.
func update(id, chat int64, text string) bot.InboxUpdate {
	p, _ := json.Marshal(map[string]any{
		"update_id": id,
		"message":   map[string]any{"chat": map[string]any{"id": chat}, "text": text},
	})
	return bot.InboxUpdate{ID: id, ChatID: chat, Payload: p}
}

func ids(ups []bot.InboxUpdate) []int64 {
	out := make([]int64, len(ups))
	for i, u := range ups {
		out[i] = u.ID
	}
	return out
}

// handleUpdate runs fn on the application's entities in the update's
// transaction, with no replies.
func handleUpdate(ctx context.Context, st *bot.Store, u bot.InboxUpdate, fn func(tx *storage.Tx) error) error {
	_, _, err := st.HandleUpdate(ctx, u, nil, func(tx *sqlx.Tx) ([]bot.Reply, error) {
		t := storage.WrapTx(tx)
		if err := fn(t); err != nil {
			return nil, err
		}
		return nil, t.Flush(ctx)
	})
	return err
}

func park(ctx context.Context, st *bot.Store, id int64, cause string) (bool, error) {
	_, _, parked, err := st.ParkUpdate(ctx, bot.InboxUpdate{ID: id}, cause, nil, nil)
	return parked, err
}

// purgeHandled is the retention of handled updates as of a cut-off.
func purgeHandled(ctx context.Context, st *bot.Store, cutoff time.Time) (int64, error) {
	r, err := st.ApplyRetention(ctx, cutoff.Add(bot.HandledUpdatesKept))
	return r.HandledUpdates, err
}

func inTx(t testing.TB, st *storage.Storage, fn func(tx *storage.Tx) error) {
	t.Helper()
	if err := st.InTx(context.Background(), fn); err != nil {
		t.Fatalf("InTx: %v", err)
	}
}

// sameJSON compares two JSON documents by value: jsonb does not keep
// whitespace or key order.
func sameJSON(t *testing.T, a, b []byte) bool {
	t.Helper()
	var va, vb any
	if err := json.Unmarshal(a, &va); err != nil {
		t.Fatalf("bad JSON %q: %v", a, err)
	}
	if err := json.Unmarshal(b, &vb); err != nil {
		t.Fatalf("bad JSON %q: %v", b, err)
	}
	return reflect.DeepEqual(va, vb)
}

// row is what the updates table holds for one update.
type row struct {
	Status    string         `db:"status"`
	Attempts  int            `db:"attempts"`
	Payload   []byte         `db:"payload"`
	LastError sql.NullString `db:"last_error"`
	Finished  sql.NullTime   `db:"finished_at"`
}

func updateRow(t *testing.T, st *bot.Store, id int64) (row, bool) {
	t.Helper()
	var r row
	err := st.DB().Get(&r, `SELECT status, attempts, payload, last_error, finished_at FROM updates WHERE update_id = $1`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return r, false
	}
	if err != nil {
		t.Fatal(err)
	}
	return r, true
}

func TestSaveUpdates(t *testing.T) {
	t.Parallel()
	app := storagetest.Open(t)
	st := bot.NewStore(app.DB())
	ctx := context.Background()
	steps := []struct {
		name    string
		batch   []bot.InboxUpdate
		want    []int64 // to handle: new, or still pending
		pending []int64
	}{
		{"empty batch", nil, nil, nil},
		{"first batch", []bot.InboxUpdate{update(10, 1, "a"), update(11, 1, "b"), update(12, 2, "c")},
			[]int64{10, 11, 12}, []int64{10, 11, 12}},
		// A re-delivery of an update still pending comes back to be
		// queued: its first storing may have been reported as an error.
		{"re-delivery of pending updates", []bot.InboxUpdate{update(11, 1, "b"), update(12, 2, "c")},
			[]int64{11, 12}, []int64{10, 11, 12}},
		{"old and new mixed, duplicate in batch", []bot.InboxUpdate{update(12, 2, "c"), update(14, 3, "first"), update(13, 1, "d"), update(14, 3, "second")},
			[]int64{12, 14, 13}, []int64{10, 11, 12, 13, 14}},
		{"out of order", []bot.InboxUpdate{update(17, 1, "g"), update(15, 2, "e"), update(16, 1, "f")},
			[]int64{17, 15, 16}, []int64{10, 11, 12, 13, 14, 15, 16, 17}},
	}
	var seen []int64 // stored by an earlier step
	for _, s := range steps {
		got, err := st.SaveUpdates(ctx, s.batch)
		if err != nil {
			t.Fatalf("%s: SaveUpdates: %v", s.name, err)
		}
		if !slices.Equal(ids(got), s.want) {
			t.Errorf("%s: SaveUpdates returned %v, want %v", s.name, ids(got), s.want)
		}
		for _, u := range got {
			// Fresh: stored by this call, not re-delivered.
			fresh := !slices.ContainsFunc(s.pending, func(id int64) bool { return id == u.ID && !slices.Contains(s.want, id) }) &&
				!slices.Contains(seen, u.ID)
			if u.Fresh != fresh {
				t.Errorf("%s: update %d fresh = %v, want %v", s.name, u.ID, u.Fresh, fresh)
			}
			u.Fresh = false
			if i := slices.IndexFunc(s.batch, func(b bot.InboxUpdate) bool { return b.ID == u.ID }); !reflect.DeepEqual(u, s.batch[i]) {
				t.Errorf("%s: SaveUpdates returned %+v, want the first of the batch %+v", s.name, u, s.batch[i])
			}
		}
		for _, u := range got {
			seen = append(seen, u.ID)
		}
		pending, err := st.PendingUpdates(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(ids(pending), s.pending) {
			t.Errorf("%s: PendingUpdates = %v, want %v", s.name, ids(pending), s.pending)
		}
	}
	// A re-delivery of a handled update is not returned.
	if err := handleUpdate(ctx, st, update(10, 1, "a"), func(*storage.Tx) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if got, err := st.SaveUpdates(ctx, []bot.InboxUpdate{update(10, 1, "a")}); err != nil || len(got) != 0 {
		t.Errorf("re-delivery of a handled update returned %v, %v; want nothing", ids(got), err)
	}
	// The stored payload is the first one seen: a duplicate neither replaces
	// it nor is lost silently in the middle.
	pending, _ := st.PendingUpdates(ctx, 0)
	for _, u := range pending {
		if u.ID == 14 && !sameJSON(t, u.Payload, update(14, 3, "first").Payload) {
			t.Errorf("update 14 payload %s, want the first copy", u.Payload)
		}
		if u.ID == 13 && (u.ChatID != 1 || !sameJSON(t, u.Payload, update(13, 1, "d").Payload)) {
			t.Errorf("update 13 = chat %d payload %s", u.ChatID, u.Payload)
		}
	}
}

func TestHandleUpdate(t *testing.T) {
	t.Parallel()
	app := storagetest.Open(t)
	st := bot.NewStore(app.DB())
	ctx := context.Background()
	u := update(100, 555, "Xin chào")
	if _, err := st.SaveUpdates(ctx, []bot.InboxUpdate{u}); err != nil {
		t.Fatal(err)
	}
	if err := st.NoteError(ctx, u.ID, "an earlier attempt failed"); err != nil {
		t.Fatal(err)
	}
	calls := 0
	err := handleUpdate(ctx, st, u, func(tx *storage.Tx) error {
		calls++
		_, err := tx.SaveConversation(ctx, u.ChatID, "register", "name", map[string]string{"a": "b"}, 1)
		return err
	})
	if err != nil || calls != 1 {
		t.Fatalf("HandleUpdate: err %v, fn ran %d times", err, calls)
	}
	r, _ := updateRow(t, st, u.ID)
	if r.Status != "done" || r.Payload != nil || r.LastError.Valid || !r.Finished.Valid {
		t.Errorf("after HandleUpdate: status %q, payload %q, last_error %v, finished %v; want done, no payload, no error, a finish time",
			r.Status, r.Payload, r.LastError, r.Finished)
	}
	inTx(t, app, func(tx *storage.Tx) error {
		c, err := tx.Conversation(ctx, u.ChatID)
		if err != nil || c.Flow != "register" {
			t.Errorf("fn's write not committed: %+v, %v", c, err)
		}
		return nil
	})
	if pending, _ := st.PendingUpdates(ctx, 0); len(pending) != 0 {
		t.Errorf("a handled update is still pending: %v", ids(pending))
	}

	// A re-delivery or a replay: refused, fn not run.
	err = handleUpdate(ctx, st, u, func(tx *storage.Tx) error { calls++; return nil })
	if !errors.Is(err, bot.ErrAlreadyHandled) || calls != 1 {
		t.Errorf("second HandleUpdate: err %v, fn ran %d times in all; want ErrAlreadyHandled, 1", err, calls)
	}
	// The id is remembered after the payload is gone.
	if got, err := st.SaveUpdates(ctx, []bot.InboxUpdate{u}); err != nil || len(got) != 0 {
		t.Errorf("re-delivery of a handled update stored again: %v, %v", ids(got), err)
	}

	// An update that was never saved.
	err = handleUpdate(ctx, st, update(999, 555, ""), func(tx *storage.Tx) error { calls++; return nil })
	if !errors.Is(err, sql.ErrNoRows) || calls != 1 {
		t.Errorf("HandleUpdate(unsaved): err %v, fn ran: %v; want ErrNoRows without running fn", err, calls != 1)
	}
}

func TestHandleUpdateErrorRollsBack(t *testing.T) {
	t.Parallel()
	app := storagetest.Open(t)
	st := bot.NewStore(app.DB())
	ctx := context.Background()
	u := update(200, 777, "/register")
	if _, err := st.SaveUpdates(ctx, []bot.InboxUpdate{u}); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("telegram is down")
	tests := []struct {
		name string
		fn   func(tx *storage.Tx) error
	}{
		{"fn fails after writing", func(tx *storage.Tx) error {
			if _, err := tx.SaveConversation(ctx, u.ChatID, "register", "x", nil, 3); err != nil {
				return err
			}
			if err := tx.SetMembership(ctx, u.ChatID, "Lan", "26882", storage.RoleVolunteer); err != nil {
				return err
			}
			return fmt.Errorf("send reply: %w", boom)
		}},
		{"fn fails at once", func(tx *storage.Tx) error { return boom }},
	}
	for _, tt := range tests {
		err := handleUpdate(ctx, st, u, tt.fn)
		if !errors.Is(err, boom) {
			t.Errorf("%s: HandleUpdate error %v, want fn's error", tt.name, err)
		}
		r, _ := updateRow(t, st, u.ID)
		if r.Status != "pending" || !sameJSON(t, r.Payload, u.Payload) {
			t.Errorf("%s: after a failed attempt: status %q payload %s; want pending with the payload", tt.name, r.Status, r.Payload)
		}
		inTx(t, app, func(tx *storage.Tx) error {
			if _, err := tx.Conversation(ctx, u.ChatID); !errors.Is(err, storage.ErrNotFound) {
				t.Errorf("%s: fn's conversation survived the rollback (err %v)", tt.name, err)
			}
			if _, err := tx.User(ctx, u.ChatID); !errors.Is(err, storage.ErrNotFound) {
				t.Errorf("%s: fn's user survived the rollback (err %v)", tt.name, err)
			}
			return nil
		})
		pending, _ := st.PendingUpdates(ctx, 0)
		if !slices.Equal(ids(pending), []int64{u.ID}) || !sameJSON(t, pending[0].Payload, u.Payload) || pending[0].ChatID != u.ChatID {
			t.Errorf("%s: PendingUpdates = %+v, want the update to retry", tt.name, pending)
		}
	}
	// The retry succeeds and its writes stick.
	err := handleUpdate(ctx, st, u, func(tx *storage.Tx) error {
		_, err := tx.SaveConversation(ctx, u.ChatID, "register", "y", nil, 3)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	inTx(t, app, func(tx *storage.Tx) error {
		c, err := tx.Conversation(ctx, u.ChatID)
		if err != nil || c.Step != "y" || c.Version != 1 {
			t.Errorf("after the retry: %+v, %v; want step y, version 1 (the failed attempts left no trace)", c, err)
		}
		return nil
	})
}

// TestHandleUpdateConcurrently: a replay racing a live delivery of the same
// update runs the handler once.
func TestHandleUpdateConcurrently(t *testing.T) {
	t.Parallel()
	app := storagetest.Open(t)
	st := bot.NewStore(app.DB())
	ctx := context.Background()
	u := update(300, 42, "hi")
	if _, err := st.SaveUpdates(ctx, []bot.InboxUpdate{u}); err != nil {
		t.Fatal(err)
	}
	var (
		runs  atomic.Int32
		wg    sync.WaitGroup
		start = make(chan struct{})
		errs  = make([]error, 8)
	)
	for i := range errs {
		wg.Go(func() {
			<-start
			errs[i] = handleUpdate(ctx, st, u, func(tx *storage.Tx) error {
				runs.Add(1)
				time.Sleep(5 * time.Millisecond)
				_, err := tx.SaveConversation(ctx, u.ChatID, "f", "s", nil, 0)
				return err
			})
		})
	}
	close(start)
	wg.Wait()
	var ok, handled int
	for _, err := range errs {
		switch {
		case err == nil:
			ok++
		case errors.Is(err, bot.ErrAlreadyHandled):
			handled++
		default:
			t.Errorf("unexpected error: %v", err)
		}
	}
	if ok != 1 || handled != len(errs)-1 || runs.Load() != 1 {
		t.Errorf("%d handlers succeeded, %d told already handled, fn ran %d times; want 1, %d, 1", ok, handled, runs.Load(), len(errs)-1)
	}
	inTx(t, app, func(tx *storage.Tx) error {
		if c, err := tx.Conversation(ctx, u.ChatID); err != nil || c.Version != 1 {
			t.Errorf("conversation %+v, %v; want version 1", c, err)
		}
		return nil
	})
}

func TestNextAttempt(t *testing.T) {
	t.Parallel()
	app := storagetest.Open(t)
	st := bot.NewStore(app.DB())
	ctx := context.Background()
	if _, err := st.SaveUpdates(ctx, []bot.InboxUpdate{update(1, 1, ""), update(2, 1, ""), update(3, 2, ""), update(4, 1, "")}); err != nil {
		t.Fatal(err)
	}
	// The chat's earliest pending update up to the given id, counted.
	for want := 1; want <= 3; want++ {
		u, n, err := st.NextAttempt(ctx, 1, 4)
		if err != nil || u.ID != 1 || n != want {
			t.Errorf("NextAttempt #%d = update %d, %d, %v; want update 1, %d", want, u.ID, n, err, want)
		}
	}
	if u, n, err := st.NextAttempt(ctx, 2, 3); err != nil || u.ID != 3 || n != 1 {
		t.Errorf("NextAttempt on another chat = update %d, %d, %v; want update 3, 1", u.ID, n, err)
	}
	if _, _, err := st.NextAttempt(ctx, 2, 2); !errors.Is(err, bot.ErrNothingPending) {
		t.Errorf("NextAttempt below the chat's first update: %v, want ErrNothingPending", err)
	}
	// A failed handler does not undo the count: it committed on its own.
	handleUpdate(ctx, st, update(1, 1, ""), func(tx *storage.Tx) error { return errors.New("x") }) //nolint:errcheck
	if _, attempts, _ := st.UpdateStatus(ctx, 1); attempts != 3 {
		t.Errorf("attempts = %d after a failed handler, want 3", attempts)
	}
	// An update may not be handled while an earlier one of its chat is pending.
	if err := handleUpdate(ctx, st, update(2, 1, ""), func(*storage.Tx) error { t.Error("ran out of order"); return nil }); !errors.Is(err, bot.ErrNotNext) {
		t.Errorf("HandleUpdate(2) before 1: %v, want ErrNotNext", err)
	}
	if err := handleUpdate(ctx, st, update(1, 1, ""), func(tx *storage.Tx) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if parked, err := park(ctx, st, 2, "poison"); err != nil || !parked {
		t.Fatalf("ParkUpdate = %v, %v", parked, err)
	}
	// Done and parked updates are skipped.
	if u, _, err := st.NextAttempt(ctx, 1, 4); err != nil || u.ID != 4 {
		t.Errorf("NextAttempt after 1 done and 2 parked = update %d, %v; want 4", u.ID, err)
	}
	if _, _, err := st.NextAttempt(ctx, 1, 2); !errors.Is(err, bot.ErrNothingPending) {
		t.Errorf("NextAttempt up to 2 with nothing pending: %v", err)
	}
	if _, attempts, _ := st.UpdateStatus(ctx, 1); attempts != 3 {
		t.Errorf("NextAttempt counted an attempt on a done update: %d", attempts)
	}
	if _, _, err := st.UpdateStatus(ctx, 404); !errors.Is(err, sql.ErrNoRows) {
		t.Errorf("UpdateStatus(unknown) error %v, want ErrNotFound", err)
	}
}

func TestParkUpdate(t *testing.T) {
	t.Parallel()
	app := storagetest.Open(t)
	st := bot.NewStore(app.DB())
	ctx := context.Background()
	poison, ok := update(50, 9, "poison"), update(51, 9, "fine")
	if _, err := st.SaveUpdates(ctx, []bot.InboxUpdate{poison, ok}); err != nil {
		t.Fatal(err)
	}
	st.NextAttempt(ctx, poison.ChatID, poison.ID) //nolint:errcheck
	if parked, err := park(ctx, st, poison.ID, "panic: nil map"); err != nil || !parked {
		t.Fatal(err)
	}
	r, _ := updateRow(t, st, poison.ID)
	if r.Status != "failed" || !sameJSON(t, r.Payload, poison.Payload) || r.LastError.String != "panic: nil map" || !r.Finished.Valid || r.Attempts != 1 {
		t.Errorf("parked update: %+v; want failed, payload kept, last_error, finish time, 1 attempt", r)
	}
	if pending, _ := st.PendingUpdates(ctx, 0); !slices.Equal(ids(pending), []int64{ok.ID}) {
		t.Errorf("PendingUpdates = %v, want only %d", ids(pending), ok.ID)
	}
	ran := false
	if err := handleUpdate(ctx, st, poison, func(tx *storage.Tx) error { ran = true; return nil }); !errors.Is(err, bot.ErrAlreadyHandled) || ran {
		t.Errorf("HandleUpdate on a parked update: %v, fn ran %v; want ErrAlreadyHandled", err, ran)
	}
	// Parking a done update changes nothing.
	if err := handleUpdate(ctx, st, ok, func(tx *storage.Tx) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if parked, err := park(ctx, st, ok.ID, "late"); err != nil || parked {
		t.Fatal(err)
	}
	if r, _ := updateRow(t, st, ok.ID); r.Status != "done" || r.LastError.Valid {
		t.Errorf("ParkUpdate on a done update changed it: %+v", r)
	}
	// Parking again keeps the first cause.
	if parked, err := park(ctx, st, poison.ID, "second"); err != nil || parked {
		t.Fatal(err)
	}
	if r, _ := updateRow(t, st, poison.ID); r.LastError.String != "panic: nil map" {
		t.Errorf("second ParkUpdate replaced last_error: %q", r.LastError.String)
	}
}

func TestPurgeHandled(t *testing.T) {
	t.Parallel()
	app := storagetest.Open(t)
	st := bot.NewStore(app.DB())
	ctx := context.Background()
	const (
		oldDone     = 1
		recentDone  = 2
		oldPending  = 3
		oldFailed   = 4
		edgeDone    = 5 // finished exactly at the cut-off
		recentFaild = 6
	)
	var batch []bot.InboxUpdate
	for id := int64(1); id <= 6; id++ {
		batch = append(batch, update(id, id, "x")) // a chat each: no order between them
	}
	if _, err := st.SaveUpdates(ctx, batch); err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{oldDone, recentDone, edgeDone} {
		if err := handleUpdate(ctx, st, batch[id-1], func(tx *storage.Tx) error { return nil }); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range []int64{oldFailed, recentFaild} {
		if _, err := park(ctx, st, id, "bad"); err != nil {
			t.Fatal(err)
		}
	}
	cutoff := time.Now().Add(-24 * time.Hour).Truncate(time.Microsecond)
	backdate := func(id int64, at time.Time) {
		if _, err := st.DB().Exec(`UPDATE updates SET finished_at = $2, received_at = $2 WHERE update_id = $1`, id, at); err != nil {
			t.Fatal(err)
		}
	}
	backdate(oldDone, cutoff.Add(-time.Hour))
	backdate(oldPending, cutoff.Add(-time.Hour))
	backdate(oldFailed, cutoff.Add(-time.Hour))
	backdate(edgeDone, cutoff)

	n, err := purgeHandled(ctx, st, cutoff)
	if err != nil || n != 1 {
		t.Errorf("PurgeHandled = %d, %v; want 1", n, err)
	}
	for id := int64(1); id <= 6; id++ {
		_, exists := updateRow(t, st, id)
		if want := id != oldDone; exists != want {
			t.Errorf("update %d exists = %v after the purge, want %v", id, exists, want)
		}
	}
	if n, err := purgeHandled(ctx, st, cutoff); err != nil || n != 0 {
		t.Errorf("second PurgeHandled = %d, %v; want 0", n, err)
	}
	// Once forgotten, the id would be taken as new (Telegram no longer
	// re-delivers after 24 hours, which is why the cut-off is safe).
	if got, _ := st.SaveUpdates(ctx, []bot.InboxUpdate{batch[oldDone-1], batch[recentDone-1]}); !slices.Equal(ids(got), []int64{oldDone}) {
		t.Errorf("after the purge SaveUpdates took %v as new, want [%d]", ids(got), oldDone)
	}
}

// jsonb refuses a \u0000 escape; the inbox keeps the bytes it received, so
// such an update is stored and cannot block the ones beside it.
func TestSaveUpdatesKeepsAnyValidJSON(t *testing.T) {
	app := storagetest.Open(t)
	st := bot.NewStore(app.DB())
	ctx := context.Background()
	odd := bot.InboxUpdate{ID: 7, ChatID: 1, Payload: []byte(`{"update_id":7,"message":{"text":"a\u0000b"}}`)}
	stored, err := st.SaveUpdates(ctx, []bot.InboxUpdate{update(6, 1, "before"), odd, update(8, 1, "after")})
	if err != nil {
		t.Fatalf("a \\u0000 escape blocked the batch: %v", err)
	}
	if got := ids(stored); len(got) != 3 {
		t.Fatalf("stored %v, want [6 7 8]", got)
	}
	pending, err := st.PendingUpdates(ctx, 0)
	if err != nil || len(pending) != 3 || string(pending[1].Payload) != string(odd.Payload) {
		t.Fatalf("pending %+v (%v): the payload was not kept byte for byte", pending, err)
	}
}

// BenchmarkSaveAndHandleUpdate is the inbox's work for one update: store it,
// count the attempt, mark it done in the handler's transaction.
func BenchmarkSaveAndHandleUpdate(b *testing.B) {
	st := bot.NewStore(storagetest.Open(b).DB())
	ctx := context.Background()
	var id int64
	for b.Loop() {
		id++
		u := update(id, 12345, "hello")
		saved, err := st.SaveUpdates(ctx, []bot.InboxUpdate{u})
		if err != nil || len(saved) != 1 {
			b.Fatalf("SaveUpdates: %v, %d stored", err, len(saved))
		}
		if _, _, err := st.NextAttempt(ctx, u.ChatID, u.ID); err != nil {
			b.Fatal(err)
		}
		if _, _, err := st.HandleUpdate(ctx, u, nil, func(*sqlx.Tx) ([]bot.Reply, error) { return nil, nil }); err != nil {
			b.Fatal(err)
		}
	}
}

func TestRetention(t *testing.T) {
	t.Parallel()
	st := bot.NewStore(storagetest.Open(t).DB())
	ctx := context.Background()
	now := time.Now()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := st.DB().Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	// Two parked updates, 15 and 13 days old, each with a reply dropped then.
	if _, err := st.SaveUpdates(ctx, []bot.InboxUpdate{update(1, 1, "a"), update(2, 2, "b")}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{1, 2} {
		rows, _, parked, err := st.ParkUpdate(ctx, bot.InboxUpdate{ID: id, ChatID: id}, "bad", []bot.Reply{bot.Message{ChatID: id, Text: "sorry"}}, nil)
		if err != nil || !parked || len(rows) != 1 {
			t.Fatalf("ParkUpdate(%d) = %v, %v, %v", id, rows, parked, err)
		}
		if err := st.DropReply(ctx, rows[0].ID, "refused"); err != nil {
			t.Fatal(err)
		}
	}
	exec(`UPDATE updates SET finished_at = $1 WHERE update_id = 1`, now.AddDate(0, 0, -15))
	exec(`UPDATE updates SET finished_at = $1 WHERE update_id = 2`, now.AddDate(0, 0, -13))
	exec(`UPDATE outbox SET finished_at = $1 WHERE chat_id = 1`, now.AddDate(0, 0, -15))
	exec(`UPDATE outbox SET finished_at = $1 WHERE chat_id = 2`, now.AddDate(0, 0, -13))

	r, err := st.ApplyRetention(ctx, now)
	if err != nil || r.ParkedUpdates != 1 || r.DroppedReplies != 1 {
		t.Fatalf("ApplyRetention = %+v, %v; want one parked update and one reply", r, err)
	}
	for id, kept := range map[int64]bool{1: false, 2: true} {
		r, _ := updateRow(t, st, id)
		if (r.Payload != nil) != kept {
			t.Errorf("parked update %d: payload kept = %v, want %v", id, r.Payload != nil, kept)
		}
	}
	var chats []int64
	if err := st.DB().Select(&chats, `SELECT chat_id FROM outbox`); err != nil || !slices.Equal(chats, []int64{2}) {
		t.Errorf("dropped replies left: %v (%v), want chat 2's", chats, err)
	}
}

// A reply still to be sent holds back the chat's later replies, even this
// process's own (its commit's answer was lost: nobody is sending it); a
// drain then sends them in order. Replies delivered and not yet deleted do
// not hold anything back.
func TestRepliesWaitBehindUnsentOnes(t *testing.T) {
	t.Parallel()
	st := bot.NewStore(storagetest.Open(t).DB())
	ctx := context.Background()
	handle := func(id int64, text string, delivered []int64) ([]bot.OutboxRow, bool) {
		t.Helper()
		u := update(id, 7, text)
		if _, err := st.SaveUpdates(ctx, []bot.InboxUpdate{u}); err != nil {
			t.Fatal(err)
		}
		rows, mine, err := st.HandleUpdate(ctx, u, delivered, func(*sqlx.Tx) ([]bot.Reply, error) {
			return []bot.Reply{bot.Message{ChatID: 7, Text: text}}, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return rows, mine
	}
	first, mine := handle(1, "one", nil)
	if !mine {
		t.Fatal("the chat's first reply is held back")
	}
	// first is never sent (stranded) …
	if _, mine := handle(2, "two", nil); mine {
		t.Fatal("a reply was let out before an unsent earlier one")
	}
	rows, err := st.ClaimReplies(ctx, 7, func(int64) bool { return false })
	if err != nil || len(rows) != 2 || rows[0].ID != first[0].ID || rows[1].Reply.(bot.Message).Text != "two" {
		t.Fatalf("the drain claimed %+v (%v), want one then two", rows, err)
	}
	// … and once both are delivered (not yet deleted), the next goes at once.
	if _, mine := handle(3, "three", []int64{rows[0].ID, rows[1].ID}); !mine {
		t.Fatal("delivered replies held the next one back")
	}
}

// Replies about a topic — written by a handled update or enqueued by a job,
// still to be sent or kept after they were dropped — are withdrawn with it;
// the chat's other replies and other topics' stay, and a reply about a
// topic is claimed and sent as itself.
func TestWithdrawRepliesAboutATopic(t *testing.T) {
	t.Parallel()
	st := bot.NewStore(storagetest.Open(t).DB())
	ctx := context.Background()
	u := update(1, 7, "hi")
	if _, err := st.SaveUpdates(ctx, []bot.InboxUpdate{u}); err != nil {
		t.Fatal(err)
	}
	written, _, err := st.HandleUpdate(ctx, u, nil, func(tx *sqlx.Tx) ([]bot.Reply, error) {
		if err := bot.Enqueue(ctx, tx, bot.About{Topic: "f:2", Reply: bot.Message{ChatID: 8, Text: "enqueued about 2"}}); err != nil {
			return nil, err
		}
		return []bot.Reply{bot.About{Topic: "f:1", Reply: bot.Message{ChatID: 7, Text: "about 1"}},
			bot.About{Topic: "f:1", Reply: bot.Photo{ChatID: 7, Name: "a.png", Data: []byte{1}}},
			bot.Message{ChatID: 7, Text: "plain"}}, nil
	})
	if err != nil || len(written) != 3 {
		t.Fatalf("HandleUpdate wrote %d replies (%v), want 3", len(written), err)
	}
	if got := written[0].Reply.(bot.About); got.Topic != "f:1" || got.Reply.(bot.Message).Text != "about 1" {
		t.Errorf("the handler's first reply came back as %+v", written[0].Reply)
	}
	if err := st.DropReply(ctx, written[1].ID, "refused"); err != nil { // the photo: kept, dropped
		t.Fatal(err)
	}
	claimed, err := st.ClaimReplies(ctx, 8, func(int64) bool { return false })
	if err != nil || len(claimed) != 1 || claimed[0].Reply.(bot.Message).Text != "enqueued about 2" {
		t.Fatalf("claimed %+v (%v), want the enqueued message as itself", claimed, err)
	}

	tx, err := st.DB().BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := bot.Withdraw(ctx, tx, "f:1", "f:9"); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	var left []string
	if err := st.DB().Select(&left, `SELECT convert_from(body, 'UTF8')::json->>'Text' FROM outbox ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(left, []string{"enqueued about 2", "plain"}) {
		t.Errorf("left in the outbox after withdrawing f:1: %q, want f:2's and the plain reply", left)
	}
}
