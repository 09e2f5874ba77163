package storage_test

import (
	"context"
	"testing"

	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// A statement prepared on a connection survives failed transactions and
// comes back after the table under it changed: the error it meets once
// drops it, and the next call prepares it again.
func TestPreparedStatementsFollowTheSchema(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	conn, err := st.DB().Connx(ctx) // one connection, so its cache is the one tested
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	exec := func(q string, args ...any) error {
		_, err := conn.ExecContext(ctx, q, args...)
		return err
	}
	if err := exec(`CREATE TABLE scratch (id bigint PRIMARY KEY, v integer)`); err != nil {
		t.Fatal(err)
	}
	if err := exec(`INSERT INTO scratch VALUES ($1, $2)`, 1, 10); err != nil {
		t.Fatal(err)
	}
	read := func() (any, error) {
		var v any
		err := conn.QueryRowxContext(ctx, `SELECT v FROM scratch WHERE id = $1`, 1).Scan(&v)
		return v, err
	}
	if v, err := read(); err != nil || v != int64(10) {
		t.Fatalf("first read: %v, %v", v, err)
	}
	// A failed statement in a transaction leaves the prepared one usable.
	tx, err := conn.BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO scratch VALUES ($1, $2)`, 1, 11); err == nil {
		t.Fatal("a duplicate key was accepted")
	}
	tx.Rollback()
	if v, err := read(); err != nil || v != int64(10) {
		t.Fatalf("read after a failed transaction: %v, %v", v, err)
	}
	if err := exec(`ALTER TABLE scratch ALTER COLUMN v TYPE text`); err != nil {
		t.Fatal(err)
	}
	var v any
	for range 2 { // PostgreSQL may re-plan at once or refuse the old plan once
		if v, err = read(); err == nil {
			break
		}
	}
	if s, _ := v.(string); err != nil || s != "10" {
		t.Fatalf("read after the column became text: %v, %v", v, err)
	}
}
