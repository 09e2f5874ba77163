package storage_test

import (
	"context"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

func BenchmarkSearchCommunes(b *testing.B) {
	st := storagetest.Open(b)
	ctx := context.Background()
	for _, q := range []string{"phuong 12 go vap", "an hoi tay"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				err := st.InTx(ctx, func(tx *storage.Tx) error {
					ms, err := tx.SearchCommunes(ctx, q, "", 10)
					if err == nil && (len(ms) == 0 || ms[0].Code != anHoiTay) {
						b.Fatalf("SearchCommunes(%q) did not find %s first: %v", q, anHoiTay, codes(ms))
					}
					return err
				})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSaveAndHandleUpdate is the inbox's work for one update: store it,
// count the attempt, mark it done in the handler's transaction.
func BenchmarkSaveAndHandleUpdate(b *testing.B) {
	st := storagetest.Open(b)
	ctx := context.Background()
	var id int64
	for b.Loop() {
		id++
		u := update(id, 12345, "hello")
		saved, err := st.SaveUpdates(ctx, []storage.InboxUpdate{u})
		if err != nil || len(saved) != 1 {
			b.Fatalf("SaveUpdates: %v, %d stored", err, len(saved))
		}
		if _, _, err := st.NextAttempt(ctx, u.ChatID, u.ID); err != nil {
			b.Fatal(err)
		}
		if err := st.HandleUpdate(ctx, u, func(tx *storage.Tx) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}
