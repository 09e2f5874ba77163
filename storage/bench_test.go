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
