package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// A case screen drawn again below a typed line takes the buttons off the
// copy above (an edit of its buttons only): the demo printed that copy's
// whole text again as "(edited)", a second screen to scroll past. It now
// says in one line whose buttons went. (The checklist: since review 23v a
// step just above a typed line is answered in one short line, not drawn
// again.)
func TestDemoSaysButtonsTakenOffInOneLine(t *testing.T) {
	c, err := guides.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	g, _ := c.Guide("khai-sinh")
	input := "/new\nkhai sinh\n1\n1\nhello\n"
	var out, errOut bytes.Buffer
	if code := run([]string{"demo", "-as", "volunteer"}, env(map[string]string{"DATABASE_URL": storagetest.URL(t)}), strings.NewReader(input), &out, &errOut); code != 0 {
		t.Fatalf("demo exited %d: %s", code, errOut.String())
	}
	_, after, ok := strings.Cut(out.String(), "\n> hello\n")
	if !ok {
		t.Fatalf("no typed line in the demo's output:\n%s", out.String())
	}
	if want := "── dvcbot (đã bỏ các nút của tin nhắn phía trên: «"; !strings.Contains(after, want) {
		t.Errorf("after the typed line, no one-line note of the buttons taken off:\n%s", after)
	}
	if n := strings.Count(after, g.Prerequisites[0].Text.Vi); n != 1 {
		t.Errorf("after the typed line the checklist is printed %d times, want once (below):\n%s", n, after)
	}
}
