package storage

import (
	"context"
	"database/sql"
)

// SQL is the transaction itself, for work that shares it — the job queue
// completing a job, the runtime's outbox — with a write still waiting sent
// first. Only for tables a batch's rows read ahead do not come from
// (ReadAhead): a write through it drops none of them.
func (tx *Tx) SQL() *sql.Tx { return tx.db(context.Background()).Tx }

// DigestRecipients lists the coordinators (of a commune or a province) who
// get the weekly digest: not those who turned it off, nor those who have
// blocked the bot.
func (tx *Tx) DigestRecipients(ctx context.Context) ([]int64, error) {
	var ids []int64
	err := tx.db(ctx).SelectContext(ctx, &ids, `
		SELECT telegram_id FROM users
		WHERE role IN ('coordinator', 'province_coordinator') AND digest AND blocked_at IS NULL
		ORDER BY telegram_id`)
	return ids, wrap("list digest recipients", err)
}
