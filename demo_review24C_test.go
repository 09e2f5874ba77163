package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// An input split over two demo runs on one database is a restart mid-flow
// (README). The fake Telegram of the second run numbered its messages from 1
// again, so the bot, taking the buttons off the screen it had drawn in the
// first run (message 1, say), took them off the second run's own new screen
// instead: "(đã bỏ các nút…)" at once, and a press answered "(không có nút 5)".
func TestDemoRestartKeepsTheNewScreensButtons(t *testing.T) {
	url := storagetest.URL(t)
	demo := func(input string) string {
		t.Helper()
		var out, errOut bytes.Buffer
		if code := run([]string{"demo", "-as", "province_coordinator"}, env(map[string]string{"DATABASE_URL": url}), strings.NewReader(input), &out, &errOut); code != 0 {
			t.Fatalf("demo exited %d: %s", code, errOut.String())
		}
		return out.String()
	}
	demo("/team\n1\n")
	second := demo("/tally\n1\n")
	if strings.Contains(second, "(không có nút") {
		t.Errorf("the second run's /tally screen lost its buttons:\n%s", second)
	}
	if _, after, _ := strings.Cut(second, "> /tally"); strings.Contains(after, "(đã bỏ các nút") && !strings.Contains(after, "> 1") {
		t.Errorf("the second run took the buttons off its own new screen:\n%s", second)
	}
}
