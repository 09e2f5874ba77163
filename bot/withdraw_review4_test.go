package bot_test

import (
	"context"
	"slices"
	"testing"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// A reply about several topics (a list that shows several follow-ups'
// codes) is withdrawn with any of them; one whose topic only begins like
// another's, or holds it as part of a longer one, stays.
func TestWithdrawAReplyAboutSeveralTopics(t *testing.T) {
	t.Parallel()
	st := bot.NewStore(storagetest.Open(t).DB())
	ctx := context.Background()
	tx, err := st.DB().BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback() //nolint:errcheck
	err = bot.Enqueue(ctx, tx,
		bot.About{Topic: "f:1" + bot.TopicSep + "f:2", Reply: bot.Message{ChatID: 7, Text: "list of 1 and 2"}},
		bot.About{Topic: "f:21" + bot.TopicSep + "f:3", Reply: bot.Message{ChatID: 7, Text: "list of 21 and 3"}},
		bot.About{Topic: "f:22", Reply: bot.Message{ChatID: 7, Text: "about 22"}},
		bot.Message{ChatID: 7, Text: "plain"})
	if err != nil {
		t.Fatal(err)
	}
	if err := bot.Withdraw(ctx, tx, "f:2"); err != nil {
		t.Fatal(err)
	}
	var left []string
	if err := tx.Select(&left, `SELECT convert_from(body, 'UTF8')::json->>'Text' FROM outbox ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(left, []string{"list of 21 and 3", "about 22", "plain"}) {
		t.Errorf("left after withdrawing f:2: %q", left)
	}
}
