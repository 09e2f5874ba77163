package bot

import (
	"testing"
	"time"
)

// Updates the database could not store are asked for again: once it is
// back (a restart takes seconds), the volunteers' taps wait for the
// poller's next try. Its pause grew to Telegram's 30 s and held their taps
// up to half a minute after the database answered again; Telegram's own
// failures still back off to 30 s.
func TestPollerRetriesStoringSoonAfterTheDatabaseIsBack(t *testing.T) {
	pause := time.Second
	for range 10 {
		pause = nextPause(pause, true)
	}
	if pause > maxStorePause {
		t.Errorf("after 10 updates not stored the poller waits %v before it tries again; want at most %v", pause, maxStorePause)
	}
	pause = time.Second
	for range 10 {
		pause = nextPause(pause, false)
	}
	if pause != 30*time.Second {
		t.Errorf("after 10 failed getUpdates the poller waits %v; want Telegram's 30 s", pause)
	}
	// A run of Telegram's failures, then the database's (a network blip
	// on the bot's host): the first wait for the database is short too.
	if got := retryPause(pause, true); got > maxStorePause {
		t.Errorf("updates not stored after a run of failed getUpdates are asked for again in %v; want at most %v", got, maxStorePause)
	}
	if got := retryPause(pause, false); got != 30*time.Second {
		t.Errorf("a failed getUpdates after a run of them waits %v; want 30 s", got)
	}
}
