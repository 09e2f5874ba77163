package main

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// Review 30: a long line of emoji typed into the demo (a volunteer's
// huge message) stopped it with "panic: slice bounds out of range": the
// echo of a long line was cut at its last ASCII character in the first
// 200 bytes, and there was none. It is cut at a character's start now.
func TestDemoEchoesAHugeLineOfEmoji(t *testing.T) {
	for _, line := range []string{strings.Repeat("🙂", 3000), strings.Repeat("Gò Vấp ", 800), "a" + strings.Repeat("ệ", 300)} {
		got := shortLine(line)
		if !utf8.ValidString(got) || len(got) > 260 || !strings.Contains(got, "bytes)") {
			t.Errorf("shortLine(%q…) = %q", line[:12], got)
		}
	}
	url := storagetest.URL(t)
	var out, errOut bytes.Buffer
	input := "/new\n" + strings.Repeat("🙂", 3000) + "\n"
	if code := run([]string{"demo", "-as", "volunteer"}, env(map[string]string{"DATABASE_URL": url}), strings.NewReader(input), &out, &errOut); code != 0 {
		t.Fatalf("demo exited %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "(end of input") {
		t.Errorf("the demo stopped before the end of its input:\n%s", out.String())
	}
}
