package storage_test

import (
	"context"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

func TestMain(m *testing.M) { storagetest.Main(m) }

// inTx runs fn in a committed transaction and fails the test on error.
func inTx(t testing.TB, st *storage.Storage, fn func(tx *storage.Tx) error) {
	t.Helper()
	if err := st.InTx(context.Background(), fn); err != nil {
		t.Fatalf("InTx: %v", err)
	}
}
