package bot_test

import (
	"testing"

	"github.com/jmoiron/sqlx"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/dvcbot/dvcbot/bot/bottest"
	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// While the database is down /healthz answers 503, but /metrics had no
// series saying so: the outbox's gauges only went missing from the scrape
// (dvcbot_database_unavailable_total counts updates that met the outage,
// none in a quiet hour). dvcbot_database_up says it, 1 or 0, at each
// scrape.
func TestMetricsSayTheDatabaseIsDown(t *testing.T) {
	srv := telegramtest.NewServer()
	defer srv.Close()
	store := storagetest.Open(t)
	b := bottest.Start(t, srv, store, newRecorder())
	reg := prometheus.NewRegistry()
	if err := b.Runtime.Register(reg); err != nil {
		t.Fatal(err)
	}
	up := func() (float64, bool) {
		mfs, err := reg.Gather()
		if err != nil {
			t.Fatal(err)
		}
		for _, mf := range mfs {
			if mf.GetName() == "dvcbot_database_up" && len(mf.GetMetric()) == 1 {
				return mf.GetMetric()[0].GetGauge().GetValue(), true
			}
		}
		return 0, false
	}
	if v, ok := up(); !ok || v != 1 {
		t.Fatalf("database answering: dvcbot_database_up = %v (present: %v), want 1", v, ok)
	}
	// The database stops taking connections, and those it had end.
	var name string
	if err := store.DB().Get(&name, `SELECT current_database()`); err != nil {
		t.Fatal(err)
	}
	admin, err := sqlx.Open("postgres", storagetest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() }) // after the database is open again
	if _, err := admin.Exec(`ALTER DATABASE "` + name + `" WITH ALLOW_CONNECTIONS false`); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Exec(`ALTER DATABASE "` + name + `" WITH ALLOW_CONNECTIONS true`) })
	if _, err := admin.Exec(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, name); err != nil {
		t.Fatal(err)
	}
	if v, ok := up(); !ok || v != 0 {
		t.Errorf("database refusing connections: dvcbot_database_up = %v (present: %v), want 0", v, ok)
	}
}
