package bot_test

import (
	"context"
	"slices"
	"testing"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// TakeBack withdraws the replies with a topic that begins with a prefix —
// to be sent, or dropped and kept — and returns those topics, oldest reply
// first; the others stay, one whose topic holds the prefix inside a longer
// one included.
func TestTakeBackByPrefix(t *testing.T) {
	t.Parallel()
	st := bot.NewStore(storagetest.Open(t).DB())
	ctx := context.Background()
	tx, err := st.DB().BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback() //nolint:errcheck
	err = bot.Enqueue(ctx, tx,
		bot.About{Topic: "f:1" + bot.TopicSep + "fix:1:A", Reply: bot.Message{ChatID: 7, Text: "1: A corrected"}},
		bot.About{Topic: "f:11" + bot.TopicSep + "fix:11:C", Reply: bot.Message{ChatID: 7, Text: "11: C corrected"}},
		bot.About{Topic: "f:1", Reply: bot.Message{ChatID: 7, Text: "about 1"}},
		bot.About{Topic: "f:1" + bot.TopicSep + "fix:1:B", Reply: bot.Message{ChatID: 7, Text: "1: B corrected"}},
		bot.About{Topic: "xfix:1:D", Reply: bot.Message{ChatID: 7, Text: "not a prefix"}},
		bot.Message{ChatID: 7, Text: "plain"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`UPDATE outbox SET status = 'dropped' WHERE convert_from(body, 'UTF8')::json->>'Text' = '1: A corrected'`); err != nil {
		t.Fatal(err)
	}
	topics, err := bot.TakeBack(ctx, tx, "fix:1:", "fix:9:")
	if err != nil || !slices.Equal(topics, []string{"fix:1:A", "fix:1:B"}) {
		t.Errorf("TakeBack = %q, %v; want fix:1:A then fix:1:B", topics, err)
	}
	var left []string
	if err := tx.Select(&left, `SELECT convert_from(body, 'UTF8')::json->>'Text' FROM outbox ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(left, []string{"11: C corrected", "about 1", "not a prefix", "plain"}) {
		t.Errorf("left after taking back fix:1: %q", left)
	}
	if topics, err := bot.TakeBack(ctx, tx); err != nil || topics != nil {
		t.Errorf("TakeBack of nothing = %q, %v", topics, err)
	}
}
