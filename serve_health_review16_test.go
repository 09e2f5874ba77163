package main

import (
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

// A burst of updates holding every connection of the bot's pool for more
// than 3 s made /healthz ping on that pool, wait for a connection, and
// answer 503 "database unreachable" while the database answered all
// along: an orchestrator reading it would restart the bot at its busiest.
// /healthz now asks on the database watch's own connection.
func TestHealthzAnswersOKWhileThePoolIsBusy(t *testing.T) {
	pool, watch := busyPool(t)
	var up atomic.Bool
	up.Store(true)
	health := healthHandler(&up, watch, func(time.Time) string { return "" })
	rec := httptest.NewRecorder()
	health(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	if rec.Code != http.StatusOK {
		t.Errorf("/healthz with the bot's pool busy: %d %q", rec.Code, rec.Body.String())
	}
	if w := pool.Stats().WaitCount; w != 0 {
		t.Errorf("/healthz waited %d times for a connection of the bot's pool", w)
	}
	// The database gone, it says so.
	watch.Close()
	rec = httptest.NewRecorder()
	health(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("/healthz with no database to ask: %d %q", rec.Code, rec.Body.String())
	}
}
