package bot_test

import (
	"context"
	"testing"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/database"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// TestOutboxTopicMigration: the runtime's migration 00003 (outbox.topic and
// its partial index) goes down, keeping the outbox's rows, and up again.
func TestOutboxTopicMigration(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := storagetest.Open(t).DB()
	store, err := database.NewStore(database.DialectPostgres, "bot_db_version")
	if err != nil {
		t.Fatal(err)
	}
	p, err := goose.NewProvider("", db.DB, bot.Migrations(), goose.WithStore(store), goose.WithDisableGlobalRegistry(true))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO outbox (chat_id, kind, body, topic) VALUES
		(1, 'send', '\x7b7d', 'followup:1'), (2, 'send', '\x7b7d', NULL)`); err != nil {
		t.Fatal(err)
	}
	shape := func() (columns, indexes, rows int) {
		t.Helper()
		if err := db.QueryRowContext(ctx, `SELECT
			(SELECT count(*) FROM information_schema.columns WHERE table_name = 'outbox' AND column_name = 'topic'),
			(SELECT count(*) FROM pg_indexes WHERE tablename = 'outbox' AND indexname = 'outbox_topic'),
			(SELECT count(*) FROM outbox)`).Scan(&columns, &indexes, &rows); err != nil {
			t.Fatal(err)
		}
		return
	}
	if c, i, n := shape(); c != 1 || i != 1 || n != 2 {
		t.Fatalf("before: %d topic columns, %d indexes, %d rows", c, i, n)
	}
	if _, err := p.ApplyVersion(ctx, 3, false); err != nil {
		t.Fatal(err)
	}
	if c, i, n := shape(); c != 0 || i != 0 || n != 2 {
		t.Errorf("after down: %d topic columns, %d indexes, %d rows; want 0, 0, 2", c, i, n)
	}
	if _, err := p.ApplyVersion(ctx, 3, true); err != nil {
		t.Fatal(err)
	}
	if c, i, n := shape(); c != 1 || i != 1 || n != 2 {
		t.Errorf("after up again: %d topic columns, %d indexes, %d rows; want 1, 1, 2", c, i, n)
	}
	// The runtime writes and withdraws by topic again.
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback() //nolint:errcheck // committed below
	if _, err := tx.ExecContext(ctx, `UPDATE outbox SET topic = 'followup:1' WHERE chat_id = 1`); err != nil {
		t.Fatal(err)
	}
	if err := bot.Withdraw(ctx, tx, "followup:1"); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, _, n := shape(); n != 1 {
		t.Errorf("%d rows after withdrawing one of 2", n)
	}
}
